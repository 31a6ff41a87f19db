/* Random mallocs, reallocs and frees of random sizes (mostly small, some of
   several pages), every block filled with its own pattern and checked when it
   is resized or freed.  At the end everything is freed: the break must be
   back at the heap's start and no page past it resident or swapped (mincore
   refuses a range that is no region's, or reports no page). */

#include <malloc.h>
#include <random.h>
#include <stdint.h>
#include <syscall.h>
#include "tests/lib.h"

#define SLOTS 200
#define OPS 20000
#define PEAK_PAGES_MAX 1024 /* mincore is asked about this much at most. */

static unsigned char *block[SLOTS];
static size_t block_size[SLOTS];
static unsigned char block_seed[SLOTS];
static unsigned char page_state[PEAK_PAGES_MAX];

static void
fill (unsigned char *p, size_t size, unsigned char seed)
{
  size_t i;

  for (i = 0; i < size; i++)
    p[i] = seed + i * 7 + (i >> 9);
}

/* Fails unless the first SIZE bytes of slot I hold its pattern. */
static void
verify (int i, size_t size)
{
  size_t j;

  for (j = 0; j < size; j++)
    if (block[i][j] != (unsigned char) (block_seed[i] + j * 7 + (j >> 9)))
      fail ("byte %zu of a %zu-byte block changed", j, block_size[i]);
}

/* A size: mostly under 200 bytes, some up to 4 KB, a few up to 40 KB. */
static size_t
random_size (void)
{
  unsigned long r = random_ulong ();

  switch (r % 10)
    {
    case 0:
      return r / 10 % 40000;
    case 1:
    case 2:
    case 3:
      return r / 10 % 4096;
    default:
      return r / 10 % 200;
    }
}

void
test_main (void)
{
  char *start = sbrk (0), *peak = start;
  int op, i, pages, resident = 0;

  random_init (1234);
  for (op = 0; op < OPS; op++)
    {
      size_t size = random_size ();

      i = random_ulong () % SLOTS;
      if (block[i] == NULL)
        {
          block[i] = malloc (size);
          if (block[i] == NULL || (uintptr_t) block[i] % 8 != 0)
            fail ("malloc (%zu) returned %p", size, block[i]);
        }
      else if (random_ulong () % 3 == 0 && size != 0)
        {
          unsigned char *moved;

          verify (i, block_size[i] < size ? block_size[i] : size);
          moved = realloc (block[i], size);
          if (moved == NULL || (uintptr_t) moved % 8 != 0)
            fail ("realloc to %zu returned %p", size, moved);
          block[i] = moved;
          verify (i, block_size[i] < size ? block_size[i] : size);
        }
      else
        {
          verify (i, block_size[i]);
          free (block[i]);
          block[i] = NULL;
          continue;
        }
      block_size[i] = size;
      block_seed[i] = random_ulong ();
      fill (block[i], size, block_seed[i]);
      if ((char *) sbrk (0) > peak)
        peak = sbrk (0);
    }
  CHECK (malloc_check (), "%d random operations: contents intact, heap sound", OPS);
  CHECK (peak - start > 256 * 1024, "the heap grew past 256 KB");

  for (i = 0; i < SLOTS; i++)
    if (block[i] != NULL)
      {
        verify (i, block_size[i]);
        free (block[i]);
      }
  CHECK (sbrk (0) == start, "all freed: the break is back at the heap's start");

  pages = (peak - start) / PGSIZE;
  if (pages > PEAK_PAGES_MAX)
    pages = PEAK_PAGES_MAX;
  if (mincore (start, pages * PGSIZE, page_state) == 0)
    for (i = 0; i < pages; i++)
      resident += (page_state[i] & (MINCORE_RESIDENT | MINCORE_SWAPPED)) != 0;
  CHECK (resident == 0, "no page of the heap's old extent is resident or swapped");
}
