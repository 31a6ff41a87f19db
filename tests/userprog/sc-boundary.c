/* Call number and argument on different pages: SYS_EXIT is the last word
   of one page and the status the first word of the next, both mapped.  A
   kernel that validates only the first page of the arguments, or copies
   across the boundary wrongly, gets the wrong status. */

#include "tests/lib.h"
#include <stdint.h>
#include <syscall-nr.h>
#include "threads/vaddr.h"

static uint32_t pages[2 * PGSIZE / sizeof (uint32_t)]
    __attribute__ ((aligned (PGSIZE)));

int
main (void)
{
  uint32_t *second_page = pages + PGSIZE / sizeof (uint32_t);

  test_name = "sc-boundary";
  msg ("begin");
  second_page[-1] = SYS_EXIT;
  second_page[0] = 42;
  asm volatile("movl %0, %%esp; int $0x30" : : "r"(second_page - 1) : "memory");
  fail ("the system call returned");
}
