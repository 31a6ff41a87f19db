/* Read-only data is read from the executable on first touch: a 256 kB
   const table (64 pages, every word of page N holding its own value) has
   no resident page at start; reading page 5 brings in that page alone. */

#include "tests/vm/vmlib.h"
#include "tests/vm/lazy-data.h"

#define TABLE_PAGES 64

static const uint32_t table[TABLE_PAGES * PAGE_WORDS]
    __attribute__ ((aligned (PGSIZE)))
    = { PAGE_INIT64 (0) };

void
test_main (void)
{
  const uint32_t *page5 = table + 5 * PAGE_WORDS;
  size_t i;

  CHECK (count_pages (table, sizeof table, MINCORE_RESIDENT) == 0,
         "none of the table's 64 pages is resident");
  for (i = 0; i < PAGE_WORDS; i++)
    if (page5[i] != PAGE_VALUE (5))
      fail ("word %zu of page 5 is 0x%08x", i, (unsigned) page5[i]);
  msg ("page 5 holds its values");
  CHECK (count_pages (table, sizeof table, MINCORE_RESIDENT) == 1
             && page_resident (page5),
         "it is the only resident page of the table");
}
