/* Times one page's swap round trip (swap_out, then swap_in: one 8-sector command
   each way) by DMA and by PIO against the same page moved as eight one-sector
   PIO commands each way, on the swap disk. Each is repeated ROUNDS times and
   timed with the time-stamp counter, calibrated against the timer; the medians
   are reported, and the test fails only if the swap disk does not use DMA or an
   8-sector round trip is not faster at all than the one-sector one (the figures
   themselves depend on the host). */

#include <round.h>
#include <stdint.h>
#include "devices/block.h"
#include "devices/ide.h"
#include "devices/timer.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "vm/swap.h"
#include "tests/threads/swap-setup.h"
#include "tests/threads/tests.h"

#define ROUNDS 200
#define CALIBRATION_TICKS (TIMER_FREQ / 5)

/* Pages for the timings (3 x ROUNDS); taken at run time rather than kept in the
   kernel image, whose every page is one less for the page pools. */
#define TIMING_PAGES DIV_ROUND_UP (3 * ROUNDS * sizeof (uint64_t), PGSIZE)

static inline uint64_t
read_tsc (void)
{
  uint64_t tsc;
  asm volatile("rdtsc" : "=A"(tsc));
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

  for (i = 0; i < BLOCK_PAGE_SECTORS; i++)
    block_write (disk, i, page + i * BLOCK_SECTOR_SIZE);
  for (i = 0; i < BLOCK_PAGE_SECTORS; i++)
    block_read (disk, i, page + i * BLOCK_SECTOR_SIZE);
}

/* Microseconds, in tenths, of CYCLES at PER_US cycles a microsecond. */
static uint64_t
tenths_of_us (uint64_t cycles, uint64_t per_us)
{
  return cycles * 10 / per_us;
}

void
test_swap_bench (void)
{
  struct block *disk;
  uint64_t per_us, dma_us10, pio_us10, single_us10;
  uint64_t *dma, *pio, *single;
  uint8_t *page;
  bool force_pio = ide_force_pio;
  int i;

  swap_setup ();
  disk = block_get_role (BLOCK_SWAP);
  if (!ide_uses_dma (block_name (disk)))
    fail ("the swap disk %s does not use DMA", block_name (disk));
  page = palloc_get_page (0);
  dma = palloc_get_multiple (0, TIMING_PAGES);
  if (page == NULL || dma == NULL)
    fail ("no pages for the buffer and the timings");
  pio = dma + ROUNDS;
  single = pio + ROUNDS;
  pattern_fill (page, PGSIZE, 3);
  per_us = cycles_per_us ();
  if (per_us == 0)
    fail ("the time-stamp counter does not advance");

  for (i = 0; i < ROUNDS; i++)
    {
      uint64_t t0, t1, t2, t3;
      t0 = read_tsc ();
      swap_round_trip (page);
      t1 = read_tsc ();
      ide_force_pio = true;
      swap_round_trip (page);
      t2 = read_tsc ();
      sector_round_trip (disk, page);
      t3 = read_tsc ();
      ide_force_pio = force_pio;
      dma[i] = t1 - t0;
      pio[i] = t2 - t1;
      single[i] = t3 - t2;
    }
  if (pattern_mismatch (page, PGSIZE, 3) != PGSIZE)
    fail ("the page changed on its round trips");
  palloc_free_page (page);

  dma_us10 = tenths_of_us (median (dma, ROUNDS), per_us);
  pio_us10 = tenths_of_us (median (pio, ROUNDS), per_us);
  single_us10 = tenths_of_us (median (single, ROUNDS), per_us);
  palloc_free_multiple (dma, TIMING_PAGES);
  /* One line: make bench shows the first line saying "page round trip". */
  msg ("page round trip, median of %d: one 8-sector command each way by DMA "
       "%llu.%llu us, by PIO %llu.%llu us; 8 one-sector PIO commands each way "
       "%llu.%llu us: %llu.%llux the DMA, %llu.%llux the 8-sector PIO",
       ROUNDS, dma_us10 / 10, dma_us10 % 10, pio_us10 / 10, pio_us10 % 10,
       single_us10 / 10, single_us10 % 10, single_us10 / dma_us10,
       single_us10 * 10 / dma_us10 % 10, single_us10 / pio_us10,
       single_us10 * 10 / pio_us10 % 10);
  if (dma_us10 >= single_us10 || pio_us10 >= single_us10)
    fail ("8-sector transfers are no faster than one-sector ones");
}
