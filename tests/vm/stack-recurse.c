/* Growth by calls: a recursion 2000 deep, each level with a 256-byte local
   array filled with a pattern of its own before it recurses and checked
   after, so that about 600 kB of stack frames are live at the deepest
   point and each level's frame must survive all the deeper ones. */

#include "tests/vm/vmlib.h"

#define DEPTH 2000

static unsigned __attribute__ ((noinline)) recurse (unsigned level)
{
  uint8_t local[256];
  unsigned below;

  pattern_fill (local, sizeof local, 0, level);
  below = level < DEPTH ? recurse (level + 1) : 0;
  if (pattern_check (local, sizeof local, 0, level) != sizeof local)
    fail ("level %u's frame changed", level);
  return below + 1;
}

void
test_main (void)
{
  CHECK (recurse (1) == DEPTH, "%d nested calls returned with their frames intact",
         DEPTH);
}
