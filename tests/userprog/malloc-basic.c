/* The user heap's four functions at their simplest: malloc (including
   malloc (0), and a request bigger than memory and swap, which the kernel's
   sbrk refuses as an obvious overcommit), calloc zeroing reused
   memory and refusing an overflowing count, realloc keeping contents as it
   grows, shrinks and moves, and the break back at its start once all is
   free. */

#include <malloc.h>
#include <stdint.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

#define HUGE 0x60000000u  /* 1.5 GB: room in the address space, not in memory. */
#define BIG (1024 * 1024) /* Less than the free memory. */

/* Whether the SIZE bytes at BLOCK all equal BYTE. */
static bool
all_bytes (const unsigned char *block, size_t size, unsigned char byte)
{
  size_t i;

  for (i = 0; i < size; i++)
    if (block[i] != byte)
      return false;
  return true;
}

void
test_main (void)
{
  char *start = sbrk (0);
  unsigned char *one, *zero1, *zero2, *dirty, *zeroed, *grown, *blocker;
  unsigned char *small, *huge;

  one = malloc (1);
  CHECK (one != NULL && (uintptr_t) one % 8 == 0 && (char *) one >= start
             && (char *) one < (char *) sbrk (0),
         "malloc (1): an 8-aligned block between the heap's start and the break");
  *one = 'x';

  zero1 = malloc (0);
  zero2 = malloc (0);
  CHECK (zero1 != NULL && zero2 != NULL && zero1 != zero2 && zero1 != one,
         "malloc (0) twice: two distinct blocks");
  free (zero1);
  free (zero2);
  free (NULL);

  dirty = malloc (4000);
  memset (dirty, 0xaa, 4000);
  free (dirty);
  zeroed = calloc (1000, 4);
  CHECK (zeroed != NULL && all_bytes (zeroed, 4000, 0),
         "calloc (1000, 4) over reused memory: 4000 zero bytes");
  free (zeroed);
  CHECK (calloc (0x10000, 0x10001) == NULL && calloc (SIZE_MAX, 2) == NULL,
         "calloc with an overflowing count * size: NULL");

  small = malloc (100);
  blocker = malloc (100);
  memset (small, 0x11, 100);
  grown = realloc (small, 20000);
  CHECK (grown != NULL && grown != small && all_bytes (grown, 100, 0x11),
         "realloc to 20000 bytes (moved): the first 100 kept");
  memset (grown, 0x22, 20000);
  CHECK (realloc (grown, 50) == grown && all_bytes (grown, 50, 0x22),
         "realloc down to 50 bytes: in place, contents kept");
  CHECK (realloc (grown, 400) == grown && all_bytes (grown, 50, 0x22),
         "realloc up to 400 bytes into the freed tail: in place");
  CHECK (malloc_usable_size (grown) >= 400, "usable size at least 400");
  CHECK (realloc (grown, 0) == NULL, "realloc (block, 0) frees: NULL");

  CHECK (malloc (HUGE) == NULL,
         "malloc (1.5 GB): NULL (more than memory and swap could ever hold)");
  huge = malloc (BIG);
  CHECK (huge != NULL, "malloc (1 MB): granted (the pages come on first touch)");
  huge[BIG - 1] = 'y';
  CHECK (huge[BIG - 1] == 'y', "its last byte is usable");
  free (huge);
  CHECK (malloc (SIZE_MAX) == NULL && calloc (1, SIZE_MAX) == NULL,
         "malloc (SIZE_MAX): NULL");
  CHECK (*one == 'x' && malloc_check (), "the heap is still sound");

  free (blocker);
  free (one);
  CHECK (sbrk (0) == start, "all freed: the break is back at the heap's start");
}
