/* The stack region's start moves down as the stack grows, and growing by
   several pages at once makes only the touched page resident: writing the
   lowest word of a 40 kB local array extends the region to that page,
   while the pages between it and the old bottom stay untouched. */

#include "tests/vm/vmlib.h"

#define ARRAY_SIZE (40 * 1024)

static void __attribute__ ((noinline)) touch_lowest (uint8_t *old_bottom)
{
  uint8_t array[ARRAY_SIZE];
  uint8_t *low_page = pg_round_down (array);

  *(volatile uint8_t *) array = 1;
  CHECK (stack_bottom () <= low_page,
         "the stack region starts at or below the written page");
  CHECK (page_resident (array), "the written page is resident");
  CHECK (count_pages (low_page + PGSIZE, old_bottom - (low_page + PGSIZE),
                      MINCORE_RESIDENT)
             == 0,
         "the pages between it and the old bottom are not");
}

void
test_main (void)
{
  uint8_t *bottom = stack_bottom ();

  CHECK (bottom == (uint8_t *) PHYS_BASE - PGSIZE, "the stack starts as one page");
  touch_lowest (bottom);
}
