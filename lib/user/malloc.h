#ifndef LIB_USER_MALLOC_H
#define LIB_USER_MALLOC_H

/* The user heap: `#include <malloc.h>' in a user program.  (The kernel has
   its own allocator, threads/malloc.h, with the same four functions.)  Memory
   comes from the sbrk system call and goes back to it when a large enough
   area at the top of the heap is free; see lib/user/README.md.  A program
   that uses malloc must not move the break with sbrk itself (sbrk (0) to
   read it is fine).

   free and realloc check the block they are given: a double free, a pointer
   malloc did not return, or an overwritten block tag ends the process with a
   "User process ABORT" message and exit(-1). */

#include <stdbool.h>
#include <stddef.h>

/* Returns a block of at least SIZE bytes, aligned to 8 bytes, or NULL if the
   heap cannot grow.  malloc (0) returns a distinct block that must be freed
   like any other. */
void *malloc (size_t size) __attribute__ ((malloc));

/* Frees BLOCK, which malloc, calloc or realloc returned; NULL does nothing. */
void free (void *block);

/* Returns a zeroed block for COUNT objects of SIZE bytes, or NULL if there is
   no memory or COUNT * SIZE overflows. */
void *calloc (size_t count, size_t size) __attribute__ ((malloc));

/* Resizes BLOCK to SIZE bytes, keeping its contents up to the smaller of the
   two sizes; returns the (possibly moved) block, or NULL if there is no
   memory, in which case BLOCK is untouched.  realloc (NULL, SIZE) is
   malloc (SIZE); realloc (BLOCK, 0) frees BLOCK and returns NULL. */
void *realloc (void *block, size_t size);

/* Returns how many bytes live BLOCK can hold: at least what was asked. */
size_t malloc_usable_size (void *block);

/* Checks every block tag and free list of the heap; returns true if the heap
   is sound, else aborts with a message naming the first problem. */
bool malloc_check (void);

#endif /* lib/user/malloc.h */
