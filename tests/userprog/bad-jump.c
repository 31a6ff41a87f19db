/* A user program that jumps to address 0 faults fetching its next
   instruction, and is killed with exit(-1). */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("jump to address 0");
  asm volatile("jmp *%0" : : "r"(0));
  fail ("survived");
}
