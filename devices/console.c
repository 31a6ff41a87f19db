/* Kernel console. A lock makes each printf()/putbuf() call atomic with respect to
   other threads. It is not taken in interrupt handlers (they cannot sleep and run
   with interrupts off, so nothing interleaves them anyway), nor before threads
   exist, nor once a panic has begun (the panicking thread may hold it). */

#include "devices/console.h"
#include <debug.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include "devices/serial.h"
#include "devices/vga.h"
#include "threads/interrupt.h"
#include "threads/synch.h"

static struct lock console_lock;
static struct lock diag_lock;
static bool use_lock;

/* Starts serialising output between threads. Call after thread_init(). */
void
console_init (void)
{
  lock_init (&console_lock);
  lock_init (&diag_lock);
  use_lock = true;
}

/* Stops locking: a panic must print whatever state the lock is in. */
void
console_panic (void)
{
  use_lock = false;
}

/* Takes LOCK unless it may not or need not be taken now; returns whether it did. */
static bool
acquire_lock (struct lock *lock)
{
  if (!use_lock || intr_context () || lock_held_by_current_thread (lock))
    return false;
  lock_acquire (lock);
  return true;
}

static void
release_lock (struct lock *lock, bool locked)
{
  if (locked)
    lock_release (lock);
}

static bool
acquire (void)
{
  return acquire_lock (&console_lock);
}

static void
release (bool locked)
{
  release_lock (&console_lock, locked);
}

static void
put_char (char c)
{
  serial_putc (c);
  vga_putc (c);
}

static void
emit (char c, void *count)
{
  put_char (c);
  ++*(int *) count;
}

/* Keeps other threads' output out until console_release(), so that several
   putbuf() calls (a long user write, copied in pieces) appear unbroken. */
void
console_hold (void)
{
  ASSERT (!intr_context ());
  if (use_lock)
    lock_acquire (&console_lock);
}

/* Ends a console_hold(). */
void
console_release (void)
{
  if (use_lock && lock_held_by_current_thread (&console_lock))
    lock_release (&console_lock);
}

/* Writes the SIZE bytes at BUF as one unbroken piece. */
void
putbuf (const char *buf, size_t size)
{
  bool locked = acquire ();
  while (size-- > 0)
    put_char (*buf++);
  release (locked);
}

int
vprintf (const char *format, va_list args)
{
  int count = 0;
  bool locked = acquire ();
  format_output (format, args, emit, &count);
  release (locked);
  return count;
}

int
puts (const char *s)
{
  bool locked = acquire ();
  while (*s != '\0')
    put_char (*s++);
  put_char ('\n');
  release (locked);
  return 0;
}

int
putchar (int c)
{
  bool locked = acquire ();
  put_char (c);
  release (locked);
  return c;
}

static void
emit_diag (char c, void *count)
{
  serial_diag_putc (c);
  ++*(int *) count;
}

/* Like printf(), but to the diagnostic stream; one call's output is never
   interleaved with another thread's there either. */
int
diag_printf (const char *format, ...)
{
  va_list args;
  int count = 0;
  bool locked = acquire_lock (&diag_lock);

  va_start (args, format);
  format_output (format, args, emit_diag, &count);
  va_end (args);
  release_lock (&diag_lock, locked);
  return count;
}
