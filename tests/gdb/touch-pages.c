/* The program the GDB tests step through (tests/gdb/README.md): test_main's
   lines touch memory in different ways, so that a debugger can stop on each and
   watch the page fault it takes. The tests name these lines by number: keep
   them where they are. */

#include "tests/lib.h"

/* Page-aligned, so that its second page holds nothing else: nothing touches
   that page before test_main's first line writes it. */
static volatile char bss_pages[2 * PGSIZE] __attribute__ ((aligned (PGSIZE)));
volatile int data_word = 7;

/* Writes a fresh 4 kB stack buffer (the stack grows) and returns a sum. */
static int
stack_sum (void)
{
  volatile int buffer[1024];
  int sum = 0;
  int i;

  for (i = 0; i < 1024; i += 256)
    buffer[i] = i;
  for (i = 0; i < 1024; i += 256)
    sum += buffer[i];
  return sum;
}

void
test_main (void)
{
  int total;

  bss_pages[PGSIZE] = 1; /* Line 33: a write fault, a zeroed page. */
  total = data_word + bss_pages[PGSIZE];
  total += stack_sum ();
  msg ("total %d", total);
}
