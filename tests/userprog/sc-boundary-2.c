/* The call number itself straddles a page boundary: two bytes of SYS_EXIT
   at the end of one page, two at the start of the next, then the status.
   Both pages are mapped, so the call must work and exit with 67. */

#include "tests/lib.h"
#include <stdint.h>
#include <string.h>
#include <syscall-nr.h>
#include "threads/vaddr.h"

static char pages[2 * PGSIZE] __attribute__ ((aligned (PGSIZE)));

int
main (void)
{
  uint32_t words[2] = { SYS_EXIT, 67 };
  char *stack = pages + PGSIZE - 2;

  test_name = "sc-boundary-2";
  msg ("begin");
  memcpy (stack, words, sizeof words);
  asm volatile("movl %0, %%esp; int $0x30" : : "r"(stack) : "memory");
  fail ("the system call returned");
}
