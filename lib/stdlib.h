#ifndef LIB_STDLIB_H
#define LIB_STDLIB_H

#include <stddef.h>

/* Converts the decimal number at the start of S (after optional white space
   and sign) to int; 0 if there is none.  Saturates like strtol. */
int atoi (const char *s);

/* Converts the number at the start of S to long: optional white space, an
   optional sign, then digits in BASE (2 to 36).  BASE 16 accepts a "0x"
   prefix; BASE 0 picks 16 for "0x", 8 for a leading 0, else 10.  Out-of-range
   values saturate at LONG_MIN/LONG_MAX (there is no errno).  If END is not
   NULL, *END is set just past the last digit used, or to S if none were. */
long strtol (const char *s, char **end, int base);

/* Sorts the COUNT elements of SIZE bytes at ARRAY into ascending order by
   COMPARE (negative, zero or positive as for strcmp).  Heapsort: O(n log n)
   in the worst case, no recursion, no allocation; not stable. */
void qsort (void *array, size_t count, size_t size,
            int (*compare) (const void *, const void *));

/* Finds KEY in the COUNT elements of SIZE bytes at ARRAY, which must be sorted
   ascending by COMPARE (called as COMPARE (KEY, element)).  Returns a
   matching element, or NULL; which one if several match is unspecified. */
void *bsearch (const void *key, const void *array, size_t count, size_t size,
               int (*compare) (const void *, const void *));

/* The heap, as in C. Each side has its own: the kernel's (threads/malloc.c,
   after malloc_init()) and a user program's (lib/user/malloc.c on sbrk; see
   <malloc.h>). */

/* Returns a block of at least SIZE bytes, or NULL if there is no memory.
   malloc (0) returns a distinct block that must be freed like any other. */
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

/* Returns the absolute value of N; N must not be INT_MIN. */
int abs (int n);

#endif /* lib/stdlib.h */
