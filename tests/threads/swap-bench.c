/* Times one page's swap round trip (swap_out, then swap_in: one 8-sector command
   each way) against the same page moved as eight one-sector commands each way,
   on the swap disk. Each is repeated ROUNDS times and timed with the time-stamp
   counter, calibrated against the timer; the medians are reported, and the test
   fails only if the multi-sector round trip is not faster at all (the figures
   themselves depend on the host). */

#include <stdint.h>
#include "devices/block.h"
#include "devices/timer.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "vm/swap.h"
#include "tests/threads/swap-setup.h"
#include "tests/threads/tests.h"

#define ROUNDS 200
#define SECTORS_PER_PAGE (PGSIZE / BLOCK_SECTOR_SIZE)
#define CALIBRATION_TICKS (TIMER_FREQ / 5)

static uint64_t multi[ROUNDS], single[ROUNDS];


static inline uint64_t
read_tsc (void)
{
  uint64_t tsc;
  asm volatile ("rdtsc" : "=A" (tsc));
  return tsc;
}

/* Time-stamp counter cycles per microsecond, measured over a timer sleep. */
static uint64_t
cycles_per_us (void)
{
  int64_t start = timer_ticks ();
  uint64_t tsc;

  while (timer_ticks () == start)
    continue;
  tsc = read_tsc ();
  timer_sleep (CALIBRATION_TICKS);
  return (read_tsc () - tsc) / (CALIBRATION_TICKS * (1000000 / TIMER_FREQ));
}

/* The median of the N values in V (sorts V). */
static uint64_t
median (uint64_t *v, size_t n)
{
  size_t i, j;

  for (i = 1; i < n; i++)
    for (j = i; j > 0 && v[j - 1] > v[j]; j--)
      {
        uint64_t t = v[j];
        v[j] = v[j - 1];
        v[j - 1] = t;
      }
  return v[n / 2];
}

/* One swap round trip of PAGE: the slot is freed again. */
static void
swap_round_trip (void *page)
{
  swap_slot_t slot;

  if (!swap_out (page, &slot))
    fail ("swap_out failed");
  swap_in (slot, page);
  swap_free (slot);
}

/* PAGE to the first page of DISK and back, one sector per command. */
static void
sector_round_trip (struct block *disk, uint8_t *page)
{
  int i;

  for (i = 0; i < SECTORS_PER_PAGE; i++)
    block_write (disk, i, page + i * BLOCK_SECTOR_SIZE);
  for (i = 0; i < SECTORS_PER_PAGE; i++)
    block_read (disk, i, page + i * BLOCK_SECTOR_SIZE);
}

void
test_swap_bench (void)
{
  struct block *disk;
  uint64_t per_us, multi_us10, single_us10, ratio10;
  uint8_t *page;
  int i;

  swap_setup ();
  disk = block_get_role (BLOCK_SWAP);
  page = palloc_get_page (0);
  if (page == NULL)
    fail ("no page for the buffer");
  pattern_fill (page, PGSIZE, 3);
  per_us = cycles_per_us ();
  if (per_us == 0)
    fail ("the time-stamp counter does not advance");

  for (i = 0; i < ROUNDS; i++)
    {
      uint64_t t0 = read_tsc (), t1, t2;
      swap_round_trip (page);
      t1 = read_tsc ();
      sector_round_trip (disk, page);
      t2 = read_tsc ();
      multi[i] = t1 - t0;
      single[i] = t2 - t1;
    }
  if (pattern_mismatch (page, PGSIZE, 3) != PGSIZE)
    fail ("the page changed on its round trips");
  palloc_free_page (page);

  multi_us10 = median (multi, ROUNDS) * 10 / per_us;
  single_us10 = median (single, ROUNDS) * 10 / per_us;
  ratio10 = median (single, ROUNDS) * 10 / median (multi, ROUNDS);
  msg ("page round trip, median of %d: one 8-sector command each way "
       "%llu.%llu us, 8 one-sector commands each way %llu.%llu us: %llu.%llux",
       ROUNDS, multi_us10 / 10, multi_us10 % 10, single_us10 / 10,
       single_us10 % 10, ratio10 / 10, ratio10 % 10);
  if (ratio10 < 10)
    fail ("multi-sector transfers are no faster than one-sector ones");
}
