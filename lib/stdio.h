#ifndef LIB_STDIO_H
#define LIB_STDIO_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define STDIN_FILENO 0
#define STDOUT_FILENO 1

/* printf-style formatting.  Supported: conversions %d %i %u %o %x %X %c %s
   %p %%; flags - 0 + space #; width and precision as digits or `*';
   length modifiers hh h l ll j z t.  %p prints "0x" and at least 8
   lowercase hex digits (0x%08x on i386).  A null %s argument prints
   "(null)".  An unknown conversion is copied to the output unchanged. */

/* Receives one output character; AUX is the caller's context. */
typedef void format_emit_func (char c, void *aux);

/* The formatting core every printf-like function is built on: formats FMT
   with ARGS and passes each resulting character, in order, to EMIT (C, AUX).
   EMIT is never called with characters beyond the formatted output; callers
   count characters themselves if they need the total. */
void format_output (const char *fmt, va_list args, format_emit_func *emit, void *aux)
    __attribute__ ((__format__ (__printf__, 1, 0)));

/* Formats into BUF, writing at most SIZE bytes including the terminating
   null (nothing at all when SIZE is 0, in which case BUF may be NULL).
   Returns the length the full output would have had, so a result >= SIZE
   means the output was truncated. */
int vsnprintf (char *buf, size_t size, const char *fmt, va_list args)
    __attribute__ ((__format__ (__printf__, 3, 0)));
int snprintf (char *buf, size_t size, const char *fmt, ...)
    __attribute__ ((__format__ (__printf__, 3, 4)));

/* Prints SIZE bytes of BUF through printf, 16 per line, each line starting
   with its offset.  OFS is the offset of BUF's first byte; lines are aligned
   to multiples of 16 of it, with blanks before OFS.  If ASCII, each line
   also shows the printable bytes. */
void hex_dump (uintptr_t ofs, const void *buf, size_t size, bool ascii);

/* Console output.  vprintf, putchar and puts are defined by each side: the
   kernel in lib/kernel/console.c (serial + VGA, safe from any thread), user
   programs in lib/user/ (through the write system call to STDOUT_FILENO);
   printf, here in stdio.c, calls the side's vprintf.  printf and vprintf
   return the number of characters printed; puts appends a newline. */
int printf (const char *fmt, ...) __attribute__ ((__format__ (__printf__, 1, 2)));
int vprintf (const char *fmt, va_list args)
    __attribute__ ((__format__ (__printf__, 1, 0)));
int putchar (int c);
int puts (const char *s);

#endif /* lib/stdio.h */
