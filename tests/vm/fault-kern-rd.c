/* The kernel half is out of a user program's reach even where the kernel
   maps it: a read of PHYS_BASE + 1 MB kills the process. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  msg ("read a kernel address");
  msg ("read 0x%02x", *(volatile uint8_t *) KERNEL_ADDRESS);
  fail ("survived");
}
