/* A system call whose stack pointer is a user address that is not mapped
   (far from the stack, the code and the heap): the kernel's read of the
   call number faults, and that must kill the process with exit(-1), not
   panic the kernel. */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("int $0x30 with %%esp unmapped");
  asm volatile("movl %0, %%esp; int $0x30" : : "r"(UNMAPPED_ADDRESS) : "memory");
  fail ("the system call returned");
}
