/* A triple fault (here: an exception with no usable IDT) resets the CPU. The runner
   keeps QEMU from rebooting and reports it with its own exit status (3), so a
   kernel that dies this way can never pass as a clean run or loop rebooting. */

#include <stdint.h>
#include "threads/interrupt.h"
#include "tests/threads/tests.h"

void
test_triple_fault (void)
{
  struct
  {
    uint16_t limit;
    uint32_t base;
  } __attribute__ ((packed)) empty = { 0, 0 };

  msg ("loading an empty IDT, then raising an exception");
  intr_disable ();
  asm volatile("lidt %0; int3" : : "m"(empty));
  fail ("the CPU survived an exception without an IDT");
}
