/* One word past the stack's reach: a store 36 bytes below %esp, into a page
   the stack does not have, is not a stack access (nothing the CPU does
   reaches that far below %esp) and kills the process. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  uint8_t *bottom = stack_bottom ();

  msg ("store at -36(%%esp), 20 bytes below the stack");
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "movl $1, -36(%%esp)\n\t"
               "movl %%ebx, %%esp"
               :
               : [esp] "r"(bottom + 16)
               : "ebx", "memory");
  fail ("survived a store 36 bytes below %%esp");
}
