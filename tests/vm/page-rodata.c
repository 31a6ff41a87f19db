/* Clean file pages are dropped, not swapped: with no swap disk at all, a
   1.5 MB const table (more than the user pool) is read twice from end to
   end.  Its pages can only have made room for each other by being
   dropped and read again from the executable; none may be in swap. */

#include "tests/vm/vmlib.h"
#include "tests/vm/lazy-data.h"

#define TABLE_PAGES 384

static const uint32_t table[TABLE_PAGES * PAGE_WORDS]
    __attribute__ ((aligned (PGSIZE)))
    = { PAGE_INIT256 (0), PAGE_INIT64 (256), PAGE_INIT64 (320) };

void
test_main (void)
{
  int pass;
  size_t page, i;

  for (pass = 0; pass < 2; pass++)
    for (page = 0; page < TABLE_PAGES; page++)
      for (i = 0; i < PAGE_WORDS; i += 128)
        if (table[page * PAGE_WORDS + i] != PAGE_VALUE (page))
          fail ("pass %d: page %zu holds 0x%08x", pass, page,
                (unsigned) table[page * PAGE_WORDS + i]);
  msg ("read a 1.5 MB table twice, every page right");
  CHECK (count_pages (table, sizeof table, MINCORE_RESIDENT) < TABLE_PAGES,
         "not all of it is resident");
  CHECK (count_pages (table, sizeof table, MINCORE_SWAPPED) == 0,
         "none of it is in swap");
}
