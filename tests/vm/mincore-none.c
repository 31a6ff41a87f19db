/* mincore() on a range that touches no region returns -1: page 0, a page
   between the regions, the page just past .bss (no heap has grown there),
   and the stack's floor, which the stack may reach but has not. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  unsigned char vec[4];

  CHECK (mincore (NULL, PGSIZE, vec) == -1, "mincore (page 0) returns -1");
  CHECK (mincore (BETWEEN_REGIONS, 4 * PGSIZE, vec) == -1,
         "mincore (0x10000000, 4 pages) returns -1");
  CHECK (mincore (first_unmapped_page (), PGSIZE, vec) == -1,
         "mincore (the page past .bss) returns -1");
  CHECK (mincore (STACK_FLOOR, PGSIZE, vec) == -1,
         "mincore (the stack's floor, not grown to) returns -1");
}
