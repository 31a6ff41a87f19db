/* Shuffling a big buffer: 1.5 MB (more than the user pool) filled with a
   pattern, then its pages shuffled four times over with a fixed-seed
   generator (Fisher-Yates, whole pages swapped through a buffer on the
   stack), so that pages go to swap and come back in a random order.  The
   same shuffle of an array of page numbers says where each page must have
   gone, and every page is checked against it. */

#include "tests/vm/vmlib.h"

#define PAGES 384
#define ROUNDS 4
#define SEED 77

static uint8_t buffer[PAGES * PGSIZE] __attribute__ ((aligned (PGSIZE)));
static uint16_t origin[PAGES]; /* origin[i]: the page now at i. */

void
test_main (void)
{
  uint8_t spare[PGSIZE];
  struct prng g;
  int round, i;

  pattern_fill (buffer, sizeof buffer, 0, SEED);
  for (i = 0; i < PAGES; i++)
    origin[i] = i;
  msg ("filled 1.5 MB");
  prng_seed (&g, 2024);
  for (round = 0; round < ROUNDS; round++)
    for (i = PAGES - 1; i > 0; i--)
      {
        int j = prng_next (&g) % (i + 1);
        uint16_t t = origin[i];

        memcpy (spare, buffer + i * PGSIZE, PGSIZE);
        memcpy (buffer + i * PGSIZE, buffer + j * PGSIZE, PGSIZE);
        memcpy (buffer + j * PGSIZE, spare, PGSIZE);
        origin[i] = origin[j];
        origin[j] = t;
      }
  msg ("shuffled its pages 4 times");
  for (i = 0; i < PAGES; i++)
    pattern_verify (buffer + i * PGSIZE, PGSIZE, origin[i] * PGSIZE, SEED,
                    "shuffled page");
  msg ("every page holds the page the shuffle put there");
}
