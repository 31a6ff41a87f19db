/* .data is read from the executable on first touch, page by page: a 1 MB
   initialised array (lazy-data.h) has no resident page at start; reading
   it a page at a time, each page is absent before its first read and
   resident (and clean) after, and holds exactly its initial values. */

#include "tests/vm/vmlib.h"
#include "tests/vm/lazy-data.h"

static uint32_t array[DATA_PAGES * PAGE_WORDS] __attribute__ ((aligned (PGSIZE)))
= { PAGE_INIT256 (0) };

void
test_main (void)
{
  uint32_t sum = 2166136261u; /* FNV-1a over the words. */
  size_t page, i;

  CHECK (count_pages (array, sizeof array, MINCORE_RESIDENT | MINCORE_SWAPPED) == 0,
         "none of the array's 256 pages is resident");
  for (page = 0; page < DATA_PAGES; page++)
    {
      const uint32_t *words = array + page * PAGE_WORDS;

      if (page_state (words) != 0)
        fail ("page %zu is resident before its first read", page);
      for (i = 0; i < PAGE_WORDS; i++)
        {
          if (words[i] != PAGE_VALUE (page))
            fail ("word %zu of page %zu is 0x%08x, expected 0x%08x", i, page,
                  (unsigned) words[i], (unsigned) PAGE_VALUE (page));
          sum = (sum ^ words[i]) * 16777619u;
        }
      if ((page_state (words) & (MINCORE_RESIDENT | MINCORE_DIRTY))
          != MINCORE_RESIDENT)
        fail ("page %zu is not resident and clean after its read", page);
    }
  msg ("each page came in on its first read, with its own values");
  msg ("checksum 0x%08x", (unsigned) sum);
}
