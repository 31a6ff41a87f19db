/* A valid call number whose argument word is in the kernel half: SYS_EXIT
   sits in the last word below PHYS_BASE, so the status word is at
   PHYS_BASE itself.  The kernel must check every argument word, not just
   the first, and kill the process with exit(-1) rather than exit with
   whatever its own memory holds. */

#include "tests/lib.h"
#include <syscall-nr.h>
#include "threads/vaddr.h"

void
test_main (void)
{
  msg ("exit call with its argument at PHYS_BASE");
  asm volatile("movl %0, %%esp; movl %1, (%%esp); int $0x30"
               :
               : "r"((char *) PHYS_BASE - 4), "i"(SYS_EXIT)
               : "memory");
  fail ("the system call returned");
}
