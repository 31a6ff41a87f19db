/* Code is read-only even before it is read in: a store into a page of code
   that has never run (so is not resident) kills the process. */

#include "tests/vm/vmlib.h"

NEVER_RUN_PAGE ();

void
test_main (void)
{
  CHECK (!page_resident ((const void *) never_run), "the code page is not resident");
  msg ("write to it");
  *(volatile uint8_t *) never_run = 0xc3;
  fail ("survived writing to code");
}
