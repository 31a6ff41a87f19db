#ifndef DEVICES_CONSOLE_H
#define DEVICES_CONSOLE_H

/* The kernel console: printf() and friends write to the serial port and the VGA
   screen. One call's output is never interleaved with another thread's.

   diag_printf() writes to the diagnostic stream instead (the second serial port):
   why a process was killed or failed to load, the page-fault trace, maps dumps. The
   graded console never carries these (shared/ABI.md "What the kernel prints"). */

#include <stddef.h>

void console_init (void);
void console_panic (void);
void putbuf (const char *, size_t);
void console_hold (void);
void console_release (void);
int diag_printf (const char *, ...) __attribute__ ((format (printf, 1, 2)));

#endif /* devices/console.h */
