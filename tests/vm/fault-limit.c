/* Beyond the stack's limit: a read one page below the floor (8 MB below
   PHYS_BASE) is outside every region, wherever %esp is. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  msg ("read a page below the stack's floor");
  msg ("read 0x%02x", *(volatile uint8_t *) (STACK_FLOOR - PGSIZE));
  fail ("survived");
}
