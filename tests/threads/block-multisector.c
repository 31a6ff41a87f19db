/* Multi-sector transfers on the swap disk against one-sector ones: a span of
   more sectors than one ATA command moves, starting off any block boundary, is
   written in one call and read back sector by sector, then written sector by
   sector and read back in one call; the sectors around it stay untouched. Then a
   thread reads the file-system disk (same channel) in multi-sector calls while
   this one writes and reads the swap disk in spans of every length from 1 to
   SPAN_MAX, and both check what they get. */

#include <round.h>
#include <string.h>
#include "devices/block.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "tests/threads/swap-setup.h"
#include "tests/threads/tests.h"

#define FIRST 5  /* Off every DRQ-block and page boundary. */
#define SPAN 300 /* More than one command's 256 sectors. */
#define SPAN_BYTES (SPAN * BLOCK_SECTOR_SIZE)
#define SPAN_PAGES DIV_ROUND_UP (SPAN_BYTES, PGSIZE)
#define SPAN_MAX 40 /* Longest span in the concurrent phase. */
/* What the reader reads of the file-system disk. */
#define READER_SECTORS 64
#define READER_BYTES (READER_SECTORS * BLOCK_SECTOR_SIZE)
#define READER_PAGES DIV_ROUND_UP (READER_BYTES, PGSIZE)
#define READER_ROUNDS 100

/* Checks that the SPAN sectors from FIRST on DISK hold EXPECTED, read one by one. */
static void
check_by_sector (struct block *disk, const uint8_t *expected)
{
  uint8_t sector[BLOCK_SECTOR_SIZE];
  size_t i;

  for (i = 0; i < SPAN; i++)
    {
      block_read (disk, FIRST + i, sector);
      if (memcmp (sector, expected + i * BLOCK_SECTOR_SIZE, sizeof sector))
        fail ("sector %zu differs", FIRST + i);
    }
}

/* Checks that sector SECTOR of DISK is still all zeros. */
static void
check_zero (struct block *disk, block_sector_t sector)
{
  uint8_t buf[BLOCK_SECTOR_SIZE];
  size_t i;

  block_read (disk, sector, buf);
  for (i = 0; i < sizeof buf; i++)
    if (buf[i] != 0)
      fail ("sector %u outside the span was written", sector);
}

struct reader
{
  struct block *disk;
  const uint8_t *expected; /* READER_SECTORS read one at a time. */
  struct semaphore done;
  bool ok;
};

/* Reads the first READER_SECTORS of the file-system disk again and again in one
   call and compares them with what one-sector reads gave. */
static void
reader_thread (void *reader_)
{
  struct reader *r = reader_;
  uint8_t *buf = palloc_get_multiple (0, READER_PAGES);
  int i;

  r->ok = buf != NULL;
  for (i = 0; r->ok && i < READER_ROUNDS; i++)
    {
      block_read_sectors (r->disk, 0, READER_SECTORS, buf);
      r->ok = !memcmp (buf, r->expected, READER_BYTES);
    }
  if (buf != NULL)
    palloc_free_multiple (buf, READER_PAGES);
  sema_up (&r->done);
}

/* Writes and reads back spans of every length up to SPAN_MAX on DISK through BUF
   and CHECK (SPAN_MAX sectors each) while a reader works on the other disk. */
static void
concurrent (struct block *swap_disk, struct block *fs_disk, uint8_t *buf,
            uint8_t *check)
{
  struct reader r;
  uint8_t *expected = palloc_get_multiple (0, READER_PAGES);
  size_t count, bad;

  if (expected == NULL)
    fail ("no pages for the reader's reference copy");
  for (count = 0; count < READER_SECTORS; count++)
    block_read (fs_disk, count, expected + count * BLOCK_SECTOR_SIZE);
  r.disk = fs_disk;
  r.expected = expected;
  sema_init (&r.done, 0);
  thread_create ("reader", PRI_DEFAULT, reader_thread, &r);

  for (count = 1; count <= SPAN_MAX; count++)
    {
      block_sector_t first = FIRST + SPAN + 1 + count * 3;
      pattern_fill (buf, count * BLOCK_SECTOR_SIZE, count);
      block_write_sectors (swap_disk, first, count, buf);
      memset (check, 0, count * BLOCK_SECTOR_SIZE);
      block_read_sectors (swap_disk, first, count, check);
      bad = pattern_mismatch (check, count * BLOCK_SECTOR_SIZE, count);
      if (bad != count * BLOCK_SECTOR_SIZE)
        fail ("%zu-sector span at %u differs at byte %zu", count, first, bad);
    }
  sema_down (&r.done);
  if (!r.ok)
    fail ("the reader saw the file-system disk change");
  palloc_free_multiple (expected, READER_PAGES);
  msg ("spans of 1 to %d sectors agree while the other disk is read", SPAN_MAX);
}

void
test_block_multisector (void)
{
  struct block *disk = block_get_role (BLOCK_SWAP);
  struct block *fs_disk = block_get_role (BLOCK_FILESYS);
  uint8_t *expected, *buf;
  size_t i, bad;

  if (disk == NULL || fs_disk == NULL)
    fail ("needs a swap disk (--swap-size=MB) and a file-system disk");
  expected = palloc_get_multiple (0, SPAN_PAGES);
  buf = palloc_get_multiple (0, SPAN_PAGES);
  if (expected == NULL || buf == NULL)
    fail ("no pages for the buffers");

  pattern_fill (expected, SPAN_BYTES, 1);
  block_write_sectors (disk, FIRST, SPAN, expected);
  check_by_sector (disk, expected);
  msg ("%d sectors written in one call read back one at a time", SPAN);

  pattern_fill (expected, SPAN_BYTES, 2);
  for (i = 0; i < SPAN; i++)
    block_write (disk, FIRST + i, expected + i * BLOCK_SECTOR_SIZE);
  memset (buf, 0, SPAN_BYTES);
  block_read_sectors (disk, FIRST, SPAN, buf);
  bad = pattern_mismatch (buf, SPAN_BYTES, 2);
  if (bad != SPAN_BYTES)
    fail ("one-call read differs at byte %zu", bad);
  msg ("%d sectors written one at a time read back in one call", SPAN);

  check_zero (disk, FIRST - 1);
  check_zero (disk, FIRST + SPAN);
  msg ("the sectors around the span are untouched");

  concurrent (disk, fs_disk, buf, expected);
  palloc_free_multiple (buf, SPAN_PAGES);
  palloc_free_multiple (expected, SPAN_PAGES);
}
