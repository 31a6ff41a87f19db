/* A .bss page first read comes in as zeros and stays clean; the first write
   to it then marks it dirty, without a second fault bringing it in again
   (its contents survive). */

#include "tests/vm/vmlib.h"

static uint8_t page[PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  volatile uint8_t *p = page;
  size_t i;

  CHECK (page_state (page) == 0, "the page starts untouched");
  for (i = 0; i < PGSIZE; i++)
    if (p[i] != 0)
      fail ("byte %zu is 0x%02x", i, p[i]);
  msg ("it reads as zeros");
  CHECK ((page_state (page) & (MINCORE_RESIDENT | MINCORE_DIRTY | MINCORE_SWAPPED))
             == MINCORE_RESIDENT,
         "it is resident and clean");
  p[100] = 42;
  CHECK ((page_state (page) & (MINCORE_RESIDENT | MINCORE_DIRTY))
             == (MINCORE_RESIDENT | MINCORE_DIRTY),
         "after a write it is dirty");
  CHECK (p[100] == 42 && p[99] == 0 && p[101] == 0, "it holds the byte written");
}
