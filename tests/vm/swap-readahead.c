/* Swap read-ahead, and what it costs when it guesses wrong: 2 MB written in
   order go out to swap in order (runs of slots); then only the first page of
   each group of 32 is read, each fault bringing in the 31 after it
   too, which this pass never uses: the clock drops those for nothing (their
   slots still hold them), once it has passed them over once. Reading all 2 MB back
   then finds many pages already in, and every byte as written. */

#include "tests/vm/vmlib.h"

#define SIZE (2 * 1024 * 1024)
#define GROUP 32
#define SEED 7

static uint8_t array[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  size_t page;

  pattern_fill (array, SIZE, 0, SEED);
  CHECK (count_pages (array, SIZE, MINCORE_SWAPPED) > SIZE / PGSIZE / 4,
         "wrote 2 MB, much of it in swap");
  for (page = 0; page < SIZE / PGSIZE; page += GROUP)
    if (array[page * PGSIZE] != pattern_byte (page * PGSIZE, SEED))
      fail ("page %zu's first byte is wrong", page);
  msg ("read the first page of each group of %d", GROUP);
  pattern_verify (array, SIZE, 0, SEED, "the 2 MB");
  msg ("read all 2 MB back intact");
}
