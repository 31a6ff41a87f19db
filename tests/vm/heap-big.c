/* A heap larger than the RAM users get: 3 MB from sbrk, written with a pattern and
   read back, so most of it goes to swap and comes back intact. */

#include <syscall.h>
#include "tests/lib.h"

#define HEAP_BYTES (3 * 1024 * 1024)

void
test_main (void)
{
  unsigned *heap = sbrk (HEAP_BYTES);
  size_t i, n = HEAP_BYTES / sizeof *heap;

  if (heap == (void *) -1)
    fail ("sbrk (3 MB) failed");
  for (i = 0; i < n; i++)
    heap[i] = i * 2654435761u;
  for (i = 0; i < n; i++)
    if (heap[i] != i * 2654435761u)
      fail ("word %u is wrong", (unsigned) i);
  msg ("3 MB of heap written and read back");
}
