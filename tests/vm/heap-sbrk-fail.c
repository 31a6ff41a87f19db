/* sbrk refuses, leaving the break where it was, to drop below the heap's start, to
   reach the stack's reserved reach or the kernel, or to wrap around. */

#include <stdint.h>
#include <syscall.h>
#include "tests/lib.h"
#include "threads/vaddr.h"

#define STACK_FLOOR ((char *) PHYS_BASE - STACK_MAX)

void
test_main (void)
{
  char *start = sbrk (0);

  CHECK (sbrk (-1) == (void *) -1 && sbrk (0) == start, "below the start: refused");
  CHECK (sbrk (STACK_FLOOR - start + 1) == (void *) -1 && sbrk (0) == start,
         "into the stack's reach: refused");
  CHECK (sbrk ((char *) PHYS_BASE - start + PGSIZE) == (void *) -1
             && sbrk (0) == start,
         "past the top of user memory: refused");
  CHECK (sbrk (PGSIZE) == start, "one page: granted");
  CHECK (sbrk (-2 * PGSIZE) == (void *) -1 && sbrk (0) == start + PGSIZE,
         "shrinking past the start: refused");
  CHECK (sbrk (INTPTR_MIN) == (void *) -1 && sbrk (0) == start + PGSIZE,
         "a wrap-around shrink: refused");
}
