#ifndef THREADS_MALLOC_H
#define THREADS_MALLOC_H

/* The kernel heap. Small blocks come from page-sized arenas of one size class;
   a request bigger than half a page gets whole pages of its own. */

#include <stddef.h>
#include <stdlib.h> /* malloc, calloc, realloc, free. */

void malloc_init (void);

#endif /* threads/malloc.h */
