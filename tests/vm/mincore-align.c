/* mincore() takes a page-aligned address: one a byte or half a page past a
   page boundary gets -1, while a length that is not a multiple of the page
   size is fine (it covers the page it reaches into). */

#include "tests/vm/vmlib.h"

static uint8_t buffer[2 * PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  unsigned char vec[2];

  CHECK (mincore (buffer + 1, PGSIZE, vec) == -1, "mincore (page + 1) returns -1");
  CHECK (mincore (buffer + PGSIZE / 2, PGSIZE, vec) == -1,
         "mincore (page + 2048) returns -1");
  CHECK (mincore (buffer + PGSIZE - 4, 8, vec) == -1,
         "mincore (page + 4092) returns -1");
  buffer[PGSIZE] = 1;
  vec[1] = 0xff;
  CHECK (mincore (buffer, PGSIZE + 1, vec) == 0,
         "mincore (page, 4097 bytes) returns 0");
  CHECK (vec[0] == 0 && (vec[1] & MINCORE_RESIDENT), "it reports both pages");
}
