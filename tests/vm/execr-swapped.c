/* exec_replace lets the old program's swap go: the test writes 2 MB in 4 MB of
   RAM, much of it pushed to swap, and replaces itself; the new program finds
   the slots free again (and the power-off counts show nothing leaked). */

#include <stdio.h>
#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define SIZE (2 * 1024 * 1024)

static uint8_t array[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  unsigned slots = free_slots ();
  char cmdline[64];

  pattern_fill (array, SIZE, 0, 3);
  CHECK (count_pages (array, SIZE, MINCORE_SWAPPED) > SIZE / PGSIZE / 4,
         "wrote 2 MB, much of it in swap");
  snprintf (cmdline, sizeof cmdline, "child-execr slots %u", slots);
  exec_replace (cmdline);
  fail ("exec_replace returned");
}
