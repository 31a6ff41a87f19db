/* mincore() never changes residency: asking three times about 64 untouched
   .bss pages, 8 untouched .data pages and a page of code never run leaves
   them all untouched; reading one .bss page afterwards brings in that page
   alone. */

#include "tests/vm/vmlib.h"
#include "tests/vm/lazy-data.h"

#define BSS_PAGES 64

static uint8_t zeros[BSS_PAGES * PGSIZE] __attribute__ ((aligned (PGSIZE)));
static uint32_t data[8 * PAGE_WORDS] __attribute__ ((aligned (PGSIZE)))
= { PAGE_INIT4 (0), PAGE_INIT4 (4) };

NEVER_RUN_PAGE ();

void
test_main (void)
{
  unsigned char vec[BSS_PAGES];
  int round, i;

  for (round = 0; round < 3; round++)
    {
      memset (vec, 0xff, sizeof vec);
      if (mincore (zeros, sizeof zeros, vec) != 0
          || mincore (data, sizeof data, vec + BSS_PAGES - 8) != 0
          || mincore ((const void *) never_run, PGSIZE, vec + 3) != 0)
        fail ("mincore failed");
      for (i = 0; i < BSS_PAGES; i++)
        if (vec[i] != 0)
          fail ("round %d: page %d reports 0x%02x", round, i, vec[i]);
    }
  msg ("three rounds of mincore report every page untouched");
  CHECK (((volatile uint8_t *) zeros)[10 * PGSIZE] == 0, "read one .bss page");
  CHECK (count_pages (zeros, sizeof zeros, MINCORE_RESIDENT) == 1
             && page_resident (zeros + 10 * PGSIZE),
         "that page alone is resident");
  CHECK (count_pages (data, sizeof data, MINCORE_RESIDENT) == 0
             && !page_resident ((const void *) never_run),
         "the .data pages and the code page are still not resident");
}
