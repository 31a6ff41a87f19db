/* A written .data page is the writer's own copy, and stays so through swap: 64
   pages of initialised data are written, then 2 MB of .bss pushes them out to
   swap; read again, each holds what was written, not the file's bytes. */

#include <syscall.h>
#include "tests/lib.h"

#define DATA_PAGES 64
#define BSS_BYTES (2 * 1024 * 1024)

static char data_block[DATA_PAGES][PGSIZE] __attribute__ ((aligned (4096)))
= { [0 ... DATA_PAGES - 1] = { 'f', 'i', 'l', 'e' } };
static volatile char bss_block[BSS_BYTES];

void
test_main (void)
{
  unsigned char vec[DATA_PAGES];
  int i, swapped = 0;

  for (i = 0; i < DATA_PAGES; i++)
    data_block[i][0] = (char) ('A' + i % 26);
  msg ("wrote the first byte of each of %d data pages", DATA_PAGES);
  for (i = 0; i < BSS_BYTES; i += PGSIZE)
    bss_block[i] = 1;
  mincore (data_block, sizeof data_block, vec);
  for (i = 0; i < DATA_PAGES; i++)
    swapped += (vec[i] & MINCORE_SWAPPED) != 0;
  CHECK (swapped > 0, "2 MB of .bss pushed data pages to swap");
  for (i = 0; i < DATA_PAGES; i++)
    if (data_block[i][0] != (char) ('A' + i % 26) || data_block[i][1] != 'i')
      fail ("data page %d lost what was written to it", i);
  msg ("every data page holds what was written");
}
