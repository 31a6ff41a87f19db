/* Helper for wait-killed: announces itself, then reads kernel memory, so
   the kernel kills it and its parent's wait must return -1. */

#include "tests/lib.h"

int
main (void)
{
  test_name = "child-bad";
  msg ("about to read kernel memory");
  asm volatile("movl (%0), %%eax" : : "r"(KERNEL_ADDRESS) : "eax", "memory");
  fail ("read kernel memory and survived");
}
