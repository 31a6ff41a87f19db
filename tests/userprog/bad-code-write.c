/* Code pages are mapped read-only (the text segment has no write
   permission), so a program that writes over its own code is killed with
   exit(-1) instead of running the modified code. */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("write over our own code");
  asm volatile("movl $0x90909090, (%0)" : : "r"(test_main) : "memory");
  fail ("survived");
}
