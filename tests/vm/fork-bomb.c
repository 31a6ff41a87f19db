/* A fork bomb, defused: the parent forks children until fork returns -1; each
   child waits for file "go", then exits. Once fork fails the parent creates
   "go" and waits for every child. Running out ends in -1 with nothing leaked
   (the power-off page and slot counts), and every child exits normally. */

#include "tests/vm/barrier.h"
#include "tests/vm/forklib.h"

#define CHILDREN_MAX 500

void
test_main (void)
{
  static pid_t children[CHILDREN_MAX];
  int count = 0, i;

  for (;;)
    {
      pid_t pid = fork ();
      if (pid == 0)
        {
          barrier_wait_for ("go");
          exit (7);
        }
      if (pid == PID_ERROR)
        break;
      if (count == CHILDREN_MAX)
        fail ("fork never failed");
      children[count++] = pid;
    }
  CHECK (count >= 10, "forked until fork returned -1 (at least 10 children)");
  CHECK (create ("go", 0), "let the children go");
  for (i = 0; i < count; i++)
    wait_for (children[i], 7, "a child");
  msg ("every child exited");
}
