/* A range that touches a region and runs past it is fine: mincore()
   returns 0 and reports the pages outside every region as 0.  Tried past
   the end of .bss and below the bottom of the stack. */

#include "tests/vm/vmlib.h"

static uint8_t last_page[PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  uint8_t *past_bss = first_unmapped_page ();
  uint8_t *bottom = stack_bottom ();
  unsigned char vec[3];

  *(volatile uint8_t *) (past_bss - 1) = 1;
  memset (vec, 0xff, sizeof vec);
  CHECK (mincore (past_bss - PGSIZE, 3 * PGSIZE, vec) == 0,
         "mincore from the last .bss page on, 3 pages, returns 0");
  CHECK ((vec[0] & MINCORE_RESIDENT) && vec[1] == 0 && vec[2] == 0,
         "the last .bss page is resident, the two past it report 0");
  memset (vec, 0xff, sizeof vec);
  CHECK (mincore (bottom - 2 * PGSIZE, 3 * PGSIZE, vec) == 0,
         "mincore from 2 pages below the stack, 3 pages, returns 0");
  CHECK (vec[0] == 0 && vec[1] == 0 && (vec[2] & MINCORE_RESIDENT),
         "the two below report 0, the stack's bottom page is resident");
  (void) last_page;
}
