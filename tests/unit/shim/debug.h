#ifndef UNIT_SHIM_DEBUG_H
#define UNIT_SHIM_DEBUG_H

/* Host stand-in for lib/debug.h: unit tests build kernel library code
   against the host's assert and abort. */

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>

#define UNUSED __attribute__ ((__unused__))
#define NO_RETURN __attribute__ ((__noreturn__))
#define NO_INLINE __attribute__ ((__noinline__))
#define PRINTF_FORMAT(FORMAT, FIRST) \
  __attribute__ ((__format__ (__printf__, FORMAT, FIRST)))

#define ASSERT(CONDITION) assert (CONDITION)
#define PANIC(...)                                                             \
  (fprintf (stderr, "PANIC at %s:%d in %s(): ", __FILE__, __LINE__, __func__), \
   fprintf (stderr, __VA_ARGS__), fputc ('\n', stderr), abort ())
#define NOT_REACHED() PANIC ("executed an unreachable statement")

#endif /* tests/unit/shim/debug.h */
