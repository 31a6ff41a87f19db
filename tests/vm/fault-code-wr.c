/* Code is read-only even before it is read in: a store into a page of code
   that has never run (so is not resident) kills the process. */

#include "tests/vm/vmlib.h"

asm (".text\n"
     ".p2align 12\n"
     "never_run:\n\t"
     ".fill 4095, 1, 0x90\n\t"
     "ret\n");
void never_run (void);

void
test_main (void)
{
  CHECK (!page_resident ((const void *) never_run), "the code page is not resident");
  msg ("write to it");
  *(volatile uint8_t *) never_run = 0xc3;
  fail ("survived writing to code");
}
