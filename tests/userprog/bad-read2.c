/* A user program that reads the kernel half, which is mapped but only for
   the kernel, faults with a protection violation; the kernel must kill it
   with exit(-1), not take the fault for its own. */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("read kernel memory");
  asm volatile("movl (%0), %%eax" : : "r"(KERNEL_ADDRESS) : "eax", "memory");
  fail ("survived");
}
