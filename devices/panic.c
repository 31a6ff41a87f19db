/* The kernel's side of lib/debug.h: panics and backtraces. A panic is the
   console's last words: its message and a backtrace, then the run ends with the
   panic status (devices/shutdown.h). */

#include <debug.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include "devices/console.h"
#include "devices/shutdown.h"
#include "threads/interrupt.h"
#include "threads/vaddr.h"

#define BACKTRACE_MAX 32 /* Frames printed at most. */

/* Prints the return addresses on the call stack, innermost first, for
   utils/backtrace to turn into function names and lines. */
void
debug_backtrace (void)
{
  void **frame = __builtin_frame_address (0);
  int depth;

  printf ("Call stack:");
  for (depth = 0; frame != NULL && depth < BACKTRACE_MAX; depth++)
    {
      if (!is_kernel_vaddr (frame) || (uintptr_t) frame % 4 != 0)
        break;
      printf (" %p", frame[1]);
      frame = frame[0];
    }
  printf ("\nTranslate it with: utils/backtrace <the addresses above>\n");
}

/* Prints the panic message and a backtrace, then ends the run with the panic
   status. A panic during the panic stops at once. */
void
debug_panic (const char *file, int line, const char *function, const char *format,
             ...)
{
  static int level;
  va_list args;

  intr_disable ();
  console_panic ();
  if (++level == 1)
    {
      printf ("Kernel PANIC at %s:%d in %s(): ", file, line, function);
      va_start (args, format);
      vprintf (format, args);
      va_end (args);
      printf ("\n");
      debug_backtrace ();
    }
  else if (level == 2)
    printf ("Kernel PANIC recursion at %s:%d in %s().\n", file, line, function);
  shutdown_panic ();
}
