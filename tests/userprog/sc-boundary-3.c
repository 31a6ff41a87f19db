/* A call number only half of which is valid memory: its first two bytes
   are the last two bytes below the first unmapped page after .bss, the
   other two are unmapped.  The kernel must check every byte of the number,
   not just its first address, and kill the process with exit(-1). */

#include "tests/lib.h"
#include <syscall-nr.h>

void
test_main (void)
{
  char *stack = (char *) first_unmapped_page () - 2;

  msg ("call number half in unmapped memory");
  stack[0] = SYS_EXIT; /* The low bytes of the little-endian word. */
  stack[1] = 0;
  asm volatile("movl %0, %%esp; int $0x30" : : "r"(stack) : "memory");
  fail ("the system call returned");
}
