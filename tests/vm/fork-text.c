/* Code stays one copy after a fork: the text page the test runs on is a file's
   cached page, shared with the child (mincore says so) and never copied. */

#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

void
test_main (void)
{
  const void *code = (const void *) pg_round_down ((const void *) test_main);
  pid_t pid = fork_checked ();

  if (pid == 0)
    {
      /* Running here maps the text page in the child too. */
      exit ((page_state (code) & MINCORE_SHARED) != 0 ? 0 : 1);
    }
  wait_for (pid, 0, "the child");
  msg ("the child ran on the parent's text page, shared");
}
