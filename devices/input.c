/* Console input queue: a ring buffer filled by the serial interrupt handler and
   drained by readers, who sleep on a semaphore while it is empty. */

#include "devices/input.h"
#include <debug.h>
#include "threads/interrupt.h"
#include "threads/synch.h"

#define INPUT_BUF_SIZE 256

static uint8_t buf[INPUT_BUF_SIZE];
static unsigned head, tail;        /* Next write, next read (free-running). */
static struct semaphore available; /* Counts bytes in BUF. */
static struct lock readers;        /* One reader at a time. */

void
input_init (void)
{
  sema_init (&available, 0);
  lock_init (&readers);
}

/* True if another byte would be dropped. */
bool
input_full (void)
{
  return head - tail == INPUT_BUF_SIZE;
}

/* Adds BYTE (from an interrupt handler); drops it when the buffer is full. */
void
input_putc (uint8_t byte)
{
  ASSERT (intr_get_level () == INTR_OFF);
  if (input_full ())
    return;
  buf[head++ % INPUT_BUF_SIZE] = byte;
  sema_up (&available);
}

/* Takes the next byte, sleeping until there is one. */
uint8_t
input_getc (void)
{
  uint8_t byte;
  enum intr_level old;

  lock_acquire (&readers);
  sema_down (&available);
  old = intr_disable ();
  byte = buf[tail++ % INPUT_BUF_SIZE];
  intr_set_level (old);
  lock_release (&readers);
  return byte;
}
