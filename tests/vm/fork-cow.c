/* Copy-on-write, seen (`make run DEMO=fork'): the parent writes 16 pages and
   forks; the child finds them all shared with the parent (mincore), writes 4,
   each store taking a fault that copies its page, and shows its pmap (the Shared
   column); once it has gone, the parent's pages are its own again and hold what
   it wrote. Run with -vmtrace, the trace shows the fork sharing the pages and
   each copy. */

#include <maps.h>
#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define PAGES 16
#define WRITTEN 4

static uint8_t array[PAGES * PGSIZE] __attribute__ ((aligned (PGSIZE)));

/* How many of the array's pages are shared with another process. */
static size_t
shared_pages (void)
{
  return count_pages (array, sizeof array, MINCORE_SHARED);
}

void
test_main (void)
{
  pid_t pid;

  pattern_fill (array, sizeof array, 0, 1);
  msg ("parent: wrote %d pages of .bss: %zu resident, %zu shared", PAGES,
       count_pages (array, sizeof array, MINCORE_RESIDENT), shared_pages ());
  pid = fork_checked ();
  if (pid == 0)
    {
      msg ("child: %zu of the %d pages are shared with the parent", shared_pages (),
           PAGES);
      pattern_fill (array, WRITTEN * PGSIZE, 0, 2);
      msg ("child: wrote %d of them, each store copying its page: %zu still shared",
           WRITTEN, shared_pages ());
      pattern_verify (array, WRITTEN * PGSIZE, 0, 2, "the child's pages");
      pattern_verify (array + WRITTEN * PGSIZE, (PAGES - WRITTEN) * PGSIZE,
                      WRITTEN * PGSIZE, 1, "the pages the child did not write");
      msg ("child: pmap -x:");
      print_pmap ();
      exit (0);
    }
  wait_for (pid, 0, "the child");
  msg ("parent: the child has gone: %zu of its pages shared", shared_pages ());
  pattern_verify (array, sizeof array, 0, 1, "the parent's pages");
  msg ("parent: and they hold what it wrote");
}
