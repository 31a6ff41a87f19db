/* Within the stack's 8 MB but far below %esp: a read 1 MB below the top of
   user memory is not a stack access (the stack has not grown there and
   %esp is far above), so it kills the process. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  msg ("read 1 MB below PHYS_BASE");
  msg ("read 0x%02x", *(volatile uint8_t *) ((uint8_t *) PHYS_BASE - 1024 * 1024));
  fail ("survived");
}
