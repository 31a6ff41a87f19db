/* A user program that writes the kernel half is killed with exit(-1) and
   the kernel's memory stays intact. */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("write kernel memory");
  asm volatile("movl $42, (%0)" : : "r"(KERNEL_ADDRESS) : "memory");
  fail ("survived");
}
