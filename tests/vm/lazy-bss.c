/* .bss is zero-filled on first touch, page by page: a 1 MB uninitialised
   array has no resident (or swapped) page until it is used; after three
   writes and one read in four different pages, exactly those four pages
   are resident, the written ones dirty and the read one clean, and every
   byte read is zero. */

#include "tests/vm/vmlib.h"

#define ARRAY_SIZE (1024 * 1024)

static uint8_t array[ARRAY_SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  static const int written[] = { 0, 17, 255 };
  const int read_page = 100;
  unsigned i;

  CHECK (count_pages (array, ARRAY_SIZE, MINCORE_RESIDENT | MINCORE_SWAPPED) == 0,
         "none of the array's 256 pages is resident or swapped");
  for (i = 0; i < sizeof written / sizeof *written; i++)
    array[written[i] * PGSIZE + 123] = 0x77;
  for (i = 0; i < PGSIZE; i++)
    if (((volatile uint8_t *) array)[read_page * PGSIZE + i] != 0)
      fail ("byte %u of page %d is not zero", i, read_page);
  msg ("wrote pages 0, 17 and 255; read page 100, all zeros");
  CHECK (count_pages (array, ARRAY_SIZE, MINCORE_RESIDENT) == 4,
         "exactly 4 pages are resident");
  for (i = 0; i < sizeof written / sizeof *written; i++)
    if ((page_state (array + written[i] * PGSIZE)
         & (MINCORE_RESIDENT | MINCORE_DIRTY))
        != (MINCORE_RESIDENT | MINCORE_DIRTY))
      fail ("page %d is not resident and dirty", written[i]);
  msg ("the written pages are resident and dirty");
  CHECK (
      (page_state (array + read_page * PGSIZE) & (MINCORE_RESIDENT | MINCORE_DIRTY))
          == MINCORE_RESIDENT,
      "the page only read is resident and clean");
  CHECK (array[17 * PGSIZE + 122] == 0 && array[17 * PGSIZE + 123] == 0x77,
         "a written page holds its byte among zeros");
}
