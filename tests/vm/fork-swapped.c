/* A fork of a process mostly in swap: 2 MB written in 4 MB of RAM are largely
   swapped out; after the fork the child reads all of it back and writes the
   first half, and the parent, after the child, finds all 2 MB as it wrote them.
   Pages in swap are shared by the two through one slot each: the fork takes
   no slots of its own. */

#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define SIZE (2 * 1024 * 1024)
#define SEED 21
#define FEW_SLOTS 16

static uint8_t array[SIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  unsigned slots_before;
  pid_t pid;

  pattern_fill (array, SIZE, 0, SEED);
  CHECK (count_pages (array, SIZE, MINCORE_SWAPPED) > SIZE / PGSIZE / 4,
         "wrote 2 MB, much of it in swap");
  slots_before = free_slots ();
  pid = fork_checked ();
  if (pid == 0)
    {
      /* The child's first stores (its stack) take a frame or two and may push a
         page or two out; a fork that copied the swapped pages would take
         hundreds of slots. */
      if (slots_before - free_slots () > FEW_SLOTS)
        exit (1);
      pattern_verify (array, SIZE, 0, SEED, "the child's view");
      pattern_fill (array, SIZE / 2, 0, SEED + 1);
      pattern_verify (array, SIZE / 2, 0, SEED + 1, "the child's own half");
      exit (0);
    }
  wait_for (pid, 0, "the child");
  msg ("the child read all 2 MB back and wrote half of it");
  pattern_verify (array, SIZE, 0, SEED, "the parent's view");
  msg ("the parent's 2 MB are as it wrote them");
}
