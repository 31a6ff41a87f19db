/* Assertion failures and panics in user programs: report, then exit(-1). */

#include <abi.h>
#include <debug.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <syscall.h>

#define BACKTRACE_MAX 32 /* Frames printed at most. */

/* Prints the message and the call stack, then ends the process with
   status -1, as the kernel does for a faulting program. */
void
debug_panic (const char *file, int line, const char *function, const char *format,
             ...)
{
  va_list args;

  printf ("User process ABORT at %s:%d in %s(): ", file, line, function);
  va_start (args, format);
  vprintf (format, args);
  va_end (args);
  printf ("\n");
  debug_backtrace ();
  exit (-1);
}

/* Prints the return addresses on the call stack, innermost first, by
   following the saved frame pointers up to _start, whose saved frame
   pointer is the null the kernel starts a process with. */
void
debug_backtrace (void)
{
  void **frame = __builtin_frame_address (0);
  int depth;

  printf ("Call stack:");
  for (depth = 0; frame != NULL && depth < BACKTRACE_MAX; depth++)
    {
      if ((uintptr_t) (frame + 2) >= PHYS_BASE_ADDR
          || (uintptr_t) frame % sizeof *frame != 0)
        break;
      printf (" %p", frame[1]);
      frame = frame[0];
    }
  printf ("\n");
}
