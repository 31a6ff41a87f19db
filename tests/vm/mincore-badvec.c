/* mincore()'s result vector is a user buffer like any other: pointing it
   into the kernel half kills the process. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  msg ("mincore with its vector in the kernel");
  mincore ((uint8_t *) PHYS_BASE - PGSIZE, PGSIZE, KERNEL_ADDRESS);
  fail ("survived writing mincore's vector into the kernel");
}
