/* Gather and scatter lists of pages (block_write_pages, block_read_pages, which
   swap's clustered writes use): 40 pages taken from the pool in an order that
   puts no two side by side in memory are written to the swap disk as one run of
   sectors, read back into 40 other scattered pages, and compared; the 32 a
   command can move go in one command, the other 8 in a second (the disk's
   statistics say so: 2 writes, 2 reads). With -pio (block-pages-pio) the same
   lists go by PIO, sector by sector from the right page. */

#include <string.h>
#include "devices/block.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "tests/threads/swap-setup.h"
#include "tests/threads/tests.h"

#define PAGES 40
#define FIRST_SECTOR 64

/* Takes PAGES pages, every other one of 2 * PAGES, into OUT, giving the others
   back: no two of OUT lie next to each other. */
static void
scattered_pages (void *out[PAGES])
{
  void *all[2 * PAGES];
  size_t i;

  for (i = 0; i < 2 * PAGES; i++)
    {
      all[i] = palloc_get_page (0);
      if (all[i] == NULL)
        fail ("out of kernel pages");
    }
  for (i = 0; i < 2 * PAGES; i++)
    if (i % 2 == 0)
      out[i / 2] = all[i];
    else
      palloc_free_page (all[i]);
}

void
test_block_pages (void)
{
  struct block *disk = block_get_role (BLOCK_SWAP);
  void *out[PAGES], *in[PAGES];
  size_t i;

  if (disk == NULL)
    fail ("no swap disk (run with --swap-size)");
  scattered_pages (out);
  scattered_pages (in);
  for (i = 0; i < PAGES; i++)
    {
      pattern_fill (out[i], PGSIZE, 100 + i);
      memset (in[i], 0, PGSIZE);
    }
  if (!block_write_pages (disk, FIRST_SECTOR, PAGES, out))
    fail ("block_write_pages failed");
  if (!block_read_pages (disk, FIRST_SECTOR, PAGES, in))
    fail ("block_read_pages failed");
  for (i = 0; i < PAGES; i++)
    if (pattern_mismatch (in[i], PGSIZE, 100 + i) != PGSIZE)
      fail ("page %zu came back wrong", i);
  msg ("%d scattered pages written as one run and read back into others", PAGES);
  /* The run is where it should be: its first sector is page 0's first. */
  if (!block_read (disk, FIRST_SECTOR + 8, in[0]) || memcmp (in[0], out[1], 512))
    fail ("sector %d does not hold page 1's first bytes", FIRST_SECTOR + 8);
  msg ("page 1 is at sector %d, after page 0", FIRST_SECTOR + 8);
  for (i = 0; i < PAGES; i++)
    {
      palloc_free_page (out[i]);
      palloc_free_page (in[i]);
    }
}
