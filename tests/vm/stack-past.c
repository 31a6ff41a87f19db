/* Just past the stack's limit: with %esp at the floor (8 MB below
   PHYS_BASE), a store at (%esp) grows the stack there, but a push, 4 bytes
   lower, would take it past 8 MB: the process is killed. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "movl $1, (%%esp)\n\t"
               "movl %%ebx, %%esp"
               :
               : [esp] "r"(STACK_FLOOR)
               : "ebx", "memory");
  msg ("%%esp at the floor: a store at (%%esp) works");
  msg ("push one word below the floor");
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "pushl $2\n\t"
               "movl %%ebx, %%esp"
               :
               : [esp] "r"(STACK_FLOOR)
               : "ebx", "memory");
  fail ("survived pushing past the stack's limit");
}
