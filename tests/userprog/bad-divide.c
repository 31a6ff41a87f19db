/* A user program that divides by zero takes a divide error (#DE), and the
   kernel must kill it with exit(-1), not panic; the exception's name goes to
   the diagnostic stream. Written in assembly: in C the division would be
   undefined. */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("divide by zero");
  asm volatile("xorl %%ecx, %%ecx; movl $1, %%eax; cltd; idivl %%ecx"
               :
               :
               : "eax", "ecx", "edx", "memory");
  fail ("survived");
}
