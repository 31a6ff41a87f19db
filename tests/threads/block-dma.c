/* The DMA path against the PIO one on the swap disk. Buffers sit where the PRD
   table has work to do: a whole 256-sector command from just before a 64 kB
   physical boundary (three descriptors), spans ending at, starting at and
   straddling a boundary. Each is written by DMA and read back by PIO, then
   written by PIO and read back by DMA. A buffer the controller cannot take (not
   on a dword) goes by PIO and still arrives; the disk keeps using DMA. */

#include <round.h>
#include <string.h>
#include "devices/block.h"
#include "devices/ide.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "tests/threads/swap-setup.h"
#include "tests/threads/tests.h"

#define BOUNDARY 0x10000 /* A PRD may not cross a multiple of this. */
#define MOST_SECTORS 256 /* One ATA command's most. */
#define MOST_BYTES (MOST_SECTORS * BLOCK_SECTOR_SIZE)
/* Enough pages that a boundary lies in the first 64 kB with a whole command's
   bytes after it. */
#define REGION_PAGES ((BOUNDARY + MOST_BYTES) / PGSIZE)
#define MISALIGNED_SECTORS 4

/* A buffer placed OFFSET bytes from a 64 kB boundary, COUNT sectors long. */
struct placement
{
  const char *where;
  int offset;
  size_t count;
};

static const struct placement placements[] = {
  { "256 sectors from 512 bytes before a 64 kB boundary", -512, MOST_SECTORS },
  { "8 sectors ending at a 64 kB boundary", -4096, 8 },
  { "8 sectors starting at a 64 kB boundary", 0, 8 },
  { "2 sectors across a 64 kB boundary", -512, 2 },
};

/* Writes COUNT sectors of the pattern of SEED from BUF to the start of DISK
   (by PIO if WRITE_BY_PIO, else by DMA), clears BUF, reads them back the other
   way and fails unless they agree. */
static void
round_trip (struct block *disk, uint8_t *buf, size_t count, uint32_t seed,
            bool write_by_pio, const char *where)
{
  size_t size = count * BLOCK_SECTOR_SIZE, bad;

  pattern_fill (buf, size, seed);
  ide_force_pio = write_by_pio;
  block_write_sectors (disk, 0, count, buf);
  memset (buf, 0, size);
  ide_force_pio = !write_by_pio;
  block_read_sectors (disk, 0, count, buf);
  ide_force_pio = false;
  bad = pattern_mismatch (buf, size, seed);
  if (bad != size)
    fail ("%s, written by %s: byte %zu differs", where, write_by_pio ? "PIO" : "DMA",
          bad);
}

void
test_block_dma (void)
{
  struct block *disk = block_get_role (BLOCK_SWAP);
  uint8_t *region, *boundary, *misaligned;
  size_t i, size, bad;

  if (disk == NULL)
    fail ("needs a swap disk (--swap-size=MB)");
  if (!ide_uses_dma (block_name (disk)))
    fail ("the swap disk %s does not use DMA", block_name (disk));
  region = palloc_get_multiple (0, REGION_PAGES);
  if (region == NULL)
    fail ("no pages for the buffer");
  boundary = ptov (ROUND_UP (vtop (region) + 1, BOUNDARY));

  for (i = 0; i < sizeof placements / sizeof *placements; i++)
    {
      const struct placement *p = &placements[i];
      uint8_t *buf = boundary + p->offset;
      ASSERT (buf >= region
              && buf + p->count * BLOCK_SECTOR_SIZE
                     <= region + REGION_PAGES * PGSIZE);
      round_trip (disk, buf, p->count, 2 * i + 1, false, p->where);
      round_trip (disk, buf, p->count, 2 * i + 2, true, p->where);
      msg ("%s: DMA and PIO agree both ways", p->where);
    }

  misaligned = region + 2;
  size = MISALIGNED_SECTORS * BLOCK_SECTOR_SIZE;
  pattern_fill (misaligned, size, 99);
  block_write_sectors (disk, 0, MISALIGNED_SECTORS, misaligned);
  memset (misaligned, 0, size);
  block_read_sectors (disk, 0, MISALIGNED_SECTORS, misaligned);
  bad = pattern_mismatch (misaligned, size, 99);
  if (bad != size)
    fail ("buffer off a dword boundary: byte %zu differs", bad);
  msg ("a buffer off a dword boundary goes by PIO and arrives");

  if (!ide_uses_dma (block_name (disk)))
    fail ("DMA failed on the swap disk");
  msg ("the swap disk still uses DMA");
  palloc_free_multiple (region, REGION_PAGES);
}
