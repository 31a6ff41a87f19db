/* Console output for user programs: everything goes to STDOUT_FILENO through
   the write system call.  Each printf is collected in a buffer on the stack
   and handed to the kernel as one write, which the kernel prints unbroken, so
   lines of concurrent processes do not interleave mid-line.  Only output
   longer than the buffer is written in several pieces. */

#include <stdio.h>
#include <string.h>
#include <syscall.h>

#define CONSOLE_BUFFER_SIZE 256 /* Small: the stack may be a single page. */

/* Output being collected for one printf. */
struct console_buffer
{
  char bytes[CONSOLE_BUFFER_SIZE];
  size_t used; /* Bytes of BYTES not yet written. */
  int total;   /* Characters produced so far. */
};

/* Writes out what B holds. */
static void
flush_buffer (struct console_buffer *b)
{
  if (b->used > 0)
    write (STDOUT_FILENO, b->bytes, b->used);
  b->used = 0;
}

/* format_output callback: appends C to the console_buffer AUX. */
static void
buffer_char (char c, void *aux)
{
  struct console_buffer *b = aux;

  if (b->used == sizeof b->bytes)
    flush_buffer (b);
  b->bytes[b->used++] = c;
  b->total++;
}

int
vprintf (const char *fmt, va_list args)
{
  struct console_buffer b;

  b.used = 0;
  b.total = 0;
  format_output (fmt, args, buffer_char, &b);
  flush_buffer (&b);
  return b.total;
}

/* Writes S and a newline as one write when they fit in the buffer. */
int
puts (const char *s)
{
  return printf ("%s\n", s);
}

int
putchar (int c)
{
  char byte = c;

  write (STDOUT_FILENO, &byte, 1);
  return (unsigned char) byte;
}
