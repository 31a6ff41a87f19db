#ifndef UNIT_SHIM_THREADS_MALLOC_H
#define UNIT_SHIM_THREADS_MALLOC_H

/* Host stand-in for the kernel heap: malloc, calloc, realloc, free. */
#include <stdlib.h>

#endif /* tests/unit/shim/threads/malloc.h */
