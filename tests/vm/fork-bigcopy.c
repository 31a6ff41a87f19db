/* fork-bigheap's heap under -nocow: copying 900 kB beside the original does not
   fit (no swap), so fork returns -1, changing nothing and leaking nothing, and
   the parent's heap is intact. */

#include <malloc.h>
#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define HEAP_BYTES (900 * 1024)
#define SEED 12

void
test_main (void)
{
  uint8_t *heap = malloc (HEAP_BYTES);
  unsigned before;

  CHECK (heap != NULL, "a 900 kB heap");
  pattern_fill (heap, HEAP_BYTES, 0, SEED);
  before = free_frames ();
  CHECK (fork () == PID_ERROR, "fork copying every page: -1");
  CHECK (free_frames () + 4 >= before, "the frames the failed copy took came back");
  pattern_verify (heap, HEAP_BYTES, 0, SEED, "the heap");
  msg ("the heap is intact");
}
