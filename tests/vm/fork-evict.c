/* A shared anonymous page chosen for eviction is written once for all its
   sharers: parent and child share 1 MB of written pages, then the child writes
   2 MB of its own, pushing the shared pages out; the swap slots the shared
   pages took are counted once (fewer slots in use than pages swapped in the
   two views together), and each side reads its 1 MB back intact. */

#include "tests/vm/barrier.h"
#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define SHARED_BYTES (1024 * 1024)
#define OWN_BYTES (2 * 1024 * 1024)

static uint8_t shared[SHARED_BYTES] __attribute__ ((aligned (PGSIZE)));
static uint8_t own[OWN_BYTES] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  size_t swapped_here;
  unsigned slots_at_start = free_slots ();
  pid_t pid;

  pattern_fill (shared, SHARED_BYTES, 0, 41);
  pid = fork_checked ();
  if (pid == 0)
    {
      pattern_fill (own, OWN_BYTES, 0, 42);
      exit (count_pages (shared, SHARED_BYTES, MINCORE_SWAPPED | MINCORE_SHARED) > 0
                ? 0
                : 1);
    }
  wait_for (pid, 0, "the child");
  msg ("the child pushed shared pages to swap");
  swapped_here = count_pages (shared, SHARED_BYTES, MINCORE_SWAPPED);
  CHECK (swapped_here > 0 && slots_at_start - free_slots () <= swapped_here,
         "each shared page swapped out took one slot for both sharers");
  pattern_verify (shared, SHARED_BYTES, 0, 41, "the parent's 1 MB");
  msg ("the parent's 1 MB came back intact");
}
