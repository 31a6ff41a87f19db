/* exec() with a command-line pointer into the kernel half: the kernel
   must not start a program named by its own memory, but kill the caller
   with exit(-1). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  msg ("exec (KERNEL_ADDRESS)");
  exec (KERNEL_ADDRESS);
  fail ("exec returned");
}
