/* The page just past .bss is not the program's (no heap has grown into
   it): writing there kills the process, while the last byte of .bss below
   it is usable. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  uint8_t *past = first_unmapped_page ();

  past[-1] = 1;
  msg ("the last byte of .bss is writable");
  msg ("write the first byte past it");
  *(volatile uint8_t *) past = 1;
  fail ("survived");
}
