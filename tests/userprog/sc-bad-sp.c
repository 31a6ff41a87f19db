/* A system call whose stack pointer is in the kernel half: the kernel must
   not read the call number through %esp = KERNEL_ADDRESS (it would read
   its own memory), but kill the process with exit(-1). */

#include "tests/lib.h"

void
test_main (void)
{
  msg ("int $0x30 with %%esp in the kernel half");
  asm volatile("movl %0, %%esp; int $0x30" : : "r"(KERNEL_ADDRESS) : "memory");
  fail ("the system call returned");
}
