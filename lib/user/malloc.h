#ifndef LIB_USER_MALLOC_H
#define LIB_USER_MALLOC_H

/* The user heap: `#include <malloc.h>' in a user program for malloc, free,
   calloc and realloc (declared in <stdlib.h>, as in C) and the heap's own
   checks below.  (The kernel has its own allocator, threads/malloc.c.)  Memory
   comes from the sbrk system call and goes back to it when a large enough
   area at the top of the heap is free; see lib/user/README.md.  A program
   that uses malloc must not move the break with sbrk itself (sbrk (0) to
   read it is fine).

   Its blocks are aligned to 8 bytes.  free and realloc check the block they
   are given: a double free, a pointer malloc did not return, or an overwritten
   block tag ends the process with a "User process ABORT" message and exit(-1). */

#include <stdbool.h>
#include <stddef.h>
#include <stdlib.h>

/* Returns how many bytes live BLOCK can hold: at least what was asked. */
size_t malloc_usable_size (void *block);

/* Checks every block tag and free list of the heap; returns true if the heap
   is sound, else aborts with a message naming the first problem. */
bool malloc_check (void);

#endif /* lib/user/malloc.h */
