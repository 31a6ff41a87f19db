/* An address between the regions (far above .bss, far below the stack's
   reach) belongs to nothing: reading it kills the process. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  msg ("read 0x10000000");
  msg ("read 0x%02x", *(volatile uint8_t *) BETWEEN_REGIONS);
  fail ("survived");
}
