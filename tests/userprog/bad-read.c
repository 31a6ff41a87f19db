/* A user program that reads address 0 (page 0 is never mapped) takes a
   page fault, and the kernel must kill it with exit(-1), not panic.
   Written in assembly: in C the null dereference would be undefined. */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("read address 0");
  asm volatile("movl 0, %%eax" : : : "eax", "memory");
  fail ("survived");
}
