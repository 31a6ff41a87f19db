/* A user program that jumps into the kernel half faults on the
   instruction fetch (user mode may not execute kernel pages) and is
   killed with exit(-1). */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("jump into the kernel");
  asm volatile("jmp *%0" : : "r"(KERNEL_ADDRESS));
  fail ("survived");
}
