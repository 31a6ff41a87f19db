#ifndef LIB_KERNEL_CONSOLE_H
#define LIB_KERNEL_CONSOLE_H

/* The kernel console: printf() and friends write to the serial port and the VGA
   screen. One call's output is never interleaved with another thread's. */

#include <stddef.h>

void console_init (void);
void console_panic (void);
void putbuf (const char *, size_t);
void console_hold (void);
void console_release (void);

#endif /* lib/kernel/console.h */
