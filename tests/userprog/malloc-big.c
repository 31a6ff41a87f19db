/* A malloc heap bigger than RAM (4 MB): 6 MB in 96 blocks of 64 KB, each
   written with its own pattern, so that most of it goes to swap, then all
   read back and freed.  The break must come back to the heap's start. */

#include <malloc.h>
#include <stdint.h>
#include <syscall.h>
#include "tests/lib.h"

#define BLOCKS 96
#define BLOCK_WORDS (64 * 1024 / sizeof (uint32_t))

static uint32_t *block[BLOCKS];

static uint32_t
pattern (int b, size_t i)
{
  return (b * BLOCK_WORDS + i) * 2654435761u;
}

void
test_main (void)
{
  char *start = sbrk (0);
  size_t i;
  int b;

  for (b = 0; b < BLOCKS; b++)
    {
      block[b] = malloc (BLOCK_WORDS * sizeof (uint32_t));
      if (block[b] == NULL)
        fail ("malloc of block %d returned NULL", b);
      for (i = 0; i < BLOCK_WORDS; i++)
        block[b][i] = pattern (b, i);
    }
  msg ("6 MB of heap in %d blocks written", BLOCKS);
  for (b = 0; b < BLOCKS; b++)
    for (i = 0; i < BLOCK_WORDS; i++)
      if (block[b][i] != pattern (b, i))
        fail ("word %zu of block %d is wrong", i, b);
  msg ("all read back intact");
  for (b = 0; b < BLOCKS; b += 2)
    free (block[b]);
  for (b = BLOCKS - 1; b > 0; b -= 2)
    free (block[b]);
  CHECK (sbrk (0) == start, "all freed: the break is back at the heap's start");
}
