/* A kernel thread whose stack grows into its struct thread is caught: the magic
   guard is overwritten and the next thread_current() panics with a clear message
   instead of running on corrupted state. */

#include <stdint.h>
#include <string.h>
#include "threads/interrupt.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "tests/threads/tests.h"

#define KEEP_BYTES 32 /* Stop this far above the page start: stay in our page. */

/* Takes a stack array reaching down to KEEP_BYTES above the thread's page, and
   fills it, the way runaway recursion or a big local array would. */
static void NO_INLINE
grow_stack (void)
{
  uintptr_t esp;
  size_t room;

  /* With interrupts off nothing else pushes onto the stack below the array. */
  intr_disable ();
  asm("movl %%esp, %0" : "=g"(esp));
  room = esp - (uintptr_t) pg_round_down ((void *) esp) - KEEP_BYTES;
  {
    volatile uint8_t frame[room];
    memset ((uint8_t *) frame, 0x55, sizeof frame);
  }
  thread_current (); /* Checks the guard. */
}

static void
overflower (void *aux UNUSED)
{
  msg ("growing the stack down into struct thread");
  grow_stack ();
  fail ("stack overflow went unnoticed");
}

void
test_stack_overflow (void)
{
  struct semaphore never;
  sema_init (&never, 0);
  thread_create ("overflower", PRI_DEFAULT + 1, overflower, NULL);
  sema_down (&never);
}
