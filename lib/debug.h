#ifndef LIB_DEBUG_H
#define LIB_DEBUG_H

/* Attributes used across the tree. */
#define UNUSED __attribute__ ((__unused__))
#define NO_RETURN __attribute__ ((__noreturn__))
#define NO_INLINE __attribute__ ((__noinline__))
/* Marks a printf-like function: FORMAT is the 1-based index of the format
   argument, FIRST that of the first variadic argument (0 for a va_list). */
#define PRINTF_FORMAT(FORMAT, FIRST) \
  __attribute__ ((__format__ (__printf__, FORMAT, FIRST)))

/* Reports a fatal error at FILE:LINE in FUNCTION with a printf-style message
   and never returns.  Defined by each side: the kernel prints a backtrace and
   powers off, a user program exits.  Call it through PANIC. */
void debug_panic (const char *file, int line, const char *function,
                  const char *format, ...) PRINTF_FORMAT (4, 5) NO_RETURN;

/* Prints the current call stack as return addresses.  Defined by each side. */
void debug_backtrace (void);

/* Stops with a message: for kernel bugs, never for user errors. */
#define PANIC(...) debug_panic (__FILE__, __LINE__, __func__, __VA_ARGS__)

/* Marks code that cannot run unless something is badly broken.  Kept even
   under NDEBUG, since falling through would be undefined behaviour. */
#define NOT_REACHED() PANIC ("executed an unreachable statement")

/* Checks an invariant.  Under NDEBUG the condition is not evaluated, but is
   still compiled so that variables used only in assertions stay "used". */
#ifdef NDEBUG
#define ASSERT(CONDITION) ((void) sizeof (CONDITION))
#else
#define ASSERT(CONDITION) \
  ((CONDITION) ? (void) 0 : PANIC ("assertion `%s' failed.", #CONDITION))
#endif

#endif /* lib/debug.h */
