/* Pages never written need no swap: with no swap disk, 2 MB of .bss (more
   than the user pool) is only read, twice over.  Every byte is zero, and
   the pages make room for each other by being dropped. */

#include "tests/vm/vmlib.h"

#define SIZE (2 * 1024 * 1024)

static uint8_t zeros[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  volatile uint8_t *p = zeros;
  int pass;
  size_t i;

  for (pass = 0; pass < 2; pass++)
    for (i = 0; i < SIZE; i += 64)
      if (p[i] != 0)
        fail ("pass %d: byte %zu is 0x%02x", pass, i, p[i]);
  msg ("read 2 MB of .bss twice, all zeros");
  CHECK (count_pages (zeros, SIZE, MINCORE_RESIDENT) < SIZE / PGSIZE,
         "not all of it is resident");
}
