/* A valid call number in the last mapped word before the first unmapped
   page after .bss, so its argument lies in the unmapped page.  The kernel
   must notice when it fetches the argument and kill the process with
   exit(-1). */

#include "tests/lib.h"
#include <stdint.h>
#include <syscall-nr.h>

void
test_main (void)
{
  uint32_t *stack = (uint32_t *) first_unmapped_page () - 1;

  msg ("exit call with its argument unmapped");
  *stack = SYS_EXIT;
  asm volatile("movl %0, %%esp; int $0x30" : : "r"(stack) : "memory");
  fail ("the system call returned");
}
