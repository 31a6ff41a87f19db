/* A kernel write to an unmapped address panics with the page fault decoded: the
   faulting address from cr2 and the error code spelled out. */

#include <stdint.h>
#include "tests/threads/tests.h"

void
test_exception_page_fault (void)
{
  volatile uint32_t *bad = (uint32_t *) 0x1234;

  msg ("writing to address 0x1234 in the kernel");
  *bad = 1;
  fail ("write to an unmapped address succeeded");
}
