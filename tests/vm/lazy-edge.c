/* The page where .data ends and .bss begins comes partly from the file and
   partly from zeros: every initialised byte must read back as initialised
   (including the 123 on that last page) and a .bss block on the same page,
   never written, must read as zeros. */

#include "tests/vm/vmlib.h"

#define BLOCK_SIZE (PGSIZE + 123)

extern char edata[]; /* From lib/user/user.lds.in: end of .data. */

static uint8_t block[BLOCK_SIZE] __attribute__ ((aligned (PGSIZE)))
= { [0 ... BLOCK_SIZE - 1] = 0xa5 };
static uint8_t zeros[300];

void
test_main (void)
{
  size_t i;

  CHECK (pg_ofs (edata) != 0, "the last .data page is part file, part zeros");
  CHECK (pg_round_down (zeros) == pg_round_down (edata),
         "a 300-byte .bss block lies on that page");
  for (i = 0; i < BLOCK_SIZE; i++)
    if (block[i] != 0xa5)
      fail ("byte %zu of the initialised block is 0x%02x", i, block[i]);
  msg ("all %d initialised bytes read back", BLOCK_SIZE);
  for (i = 0; i < sizeof zeros; i++)
    if (zeros[i] != 0)
      fail ("byte %zu of the .bss block is 0x%02x", i, zeros[i]);
  msg ("the .bss block is zero");
}
