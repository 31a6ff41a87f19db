/* 2 MB written and read back in 4 MB of RAM: more than the user pool holds,
   so pages go out to swap as the array is written and come back as it is
   read.  After the writes some pages must be in swap (mincore says so),
   and every byte must read back as written. */

#include "tests/vm/vmlib.h"

#define SIZE (2 * 1024 * 1024)
#define SEED 17

static uint8_t array[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  pattern_fill (array, SIZE, 0, SEED);
  msg ("wrote 2 MB");
  CHECK (count_pages (array, SIZE, MINCORE_SWAPPED) > 0,
         "some of its pages are in swap");
  pattern_verify (array, SIZE, 0, SEED, "array");
  msg ("read 2 MB back intact");
}
