/* The kernel half is out of a user program's reach even where the kernel
   maps it: a write of PHYS_BASE + 1 MB kills the process. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  msg ("write a kernel address");
  *(volatile uint8_t *) KERNEL_ADDRESS = 1;
  fail ("survived");
}
