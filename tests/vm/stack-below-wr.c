/* A store a whole page below %esp (where %esp has not moved) is no stack
   access: the process is killed, and the stack does not grow. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  msg ("store at -4096(%%esp)");
  asm volatile("movl $1, -4096(%%esp)" : : : "memory");
  fail ("survived a store 4096 bytes below %%esp");
}
