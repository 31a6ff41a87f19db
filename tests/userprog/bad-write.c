/* A user program that writes address 0 is killed with exit(-1). */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("write address 0");
  asm volatile("movl $42, 0" : : : "memory");
  fail ("survived");
}
