/* A read 64 bytes below %esp, into a page the stack does not have, is
   outside the stack's reach whatever the access: the process is killed. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  uint8_t *bottom = stack_bottom ();
  uint32_t value;

  msg ("read at -64(%%esp), 48 bytes below the stack");
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "movl -64(%%esp), %[value]\n\t"
               "movl %%ebx, %%esp"
               : [value] "=r"(value)
               : [esp] "r"(bottom + 16)
               : "ebx", "memory");
  fail ("read 0x%08x 64 bytes below %%esp", (unsigned) value);
}
