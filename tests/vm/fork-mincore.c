/* mincore reports sharing: after a fork a written page is resident and shared
   (MINCORE_SHARED) in both; once the child writes it, the child's copy and the
   parent's page are no longer shared. */

#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

static char page[PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  pid_t pid;

  page[0] = 1;
  CHECK ((page_state (page) & (MINCORE_RESIDENT | MINCORE_SHARED))
             == MINCORE_RESIDENT,
         "a written page, resident and not shared");
  pid = fork_checked ();
  if (pid == 0)
    {
      if ((page_state (page) & (MINCORE_RESIDENT | MINCORE_SHARED))
          != (MINCORE_RESIDENT | MINCORE_SHARED))
        exit (1);
      page[0] = 2;
      exit ((page_state (page) & MINCORE_SHARED) == 0 ? 0 : 2);
    }
  wait_for (pid, 0, "the child");
  msg ("the child saw it shared, then wrote its own copy");
  CHECK ((page_state (page) & MINCORE_SHARED) == 0 && page[0] == 1,
         "the parent's page is not shared any more, and holds 1");
}
