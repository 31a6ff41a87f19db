/* mincore() follows a page to swap and back: after 2 MB are written, the
   first page (written earliest) is in swap and not resident; reading it
   brings it back resident, out of swap, holding its bytes; and asking
   mincore about swapped pages does not bring them in. */

#include "tests/vm/vmlib.h"

#define SIZE (2 * 1024 * 1024)
#define SEED 3

static uint8_t array[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  size_t swapped;

  pattern_fill (array, SIZE, 0, SEED);
  msg ("wrote 2 MB");
  CHECK ((page_state (array) & (MINCORE_RESIDENT | MINCORE_SWAPPED))
             == MINCORE_SWAPPED,
         "the first page is in swap, not resident");
  swapped = count_pages (array, SIZE, MINCORE_SWAPPED);
  CHECK (count_pages (array, SIZE, MINCORE_SWAPPED) == swapped
             && page_state (array) == MINCORE_SWAPPED,
         "asking again changes nothing");
  pattern_verify (array, PGSIZE, 0, SEED, "first page");
  msg ("the first page reads back intact");
  CHECK ((page_state (array) & (MINCORE_RESIDENT | MINCORE_SWAPPED))
             == MINCORE_RESIDENT,
         "it is resident and out of swap");
}
