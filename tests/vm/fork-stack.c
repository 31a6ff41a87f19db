/* Each side's stack grows on its own after a fork: the child uses 64 kB of
   stack below what the parent had; the parent's stack region is no bigger. */

#include <string.h>
#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

/* Fills 64 kB of stack; returns a checksum. */
static int NO_INLINE
deep (void)
{
  volatile char big[64 * 1024];
  int i, sum = 0;

  memset ((char *) big, 3, sizeof big);
  for (i = 0; i < (int) sizeof big; i += PGSIZE)
    sum += big[i];
  return sum;
}

void
test_main (void)
{
  uint8_t *bottom = stack_bottom ();
  pid_t pid = fork_checked ();

  if (pid == 0)
    exit (deep () == 3 * 16 && stack_bottom () < bottom - 32 * 1024 ? 0 : 1);
  wait_for (pid, 0, "the child");
  msg ("the child's stack grew by 64 kB");
  CHECK (stack_bottom () == bottom, "the parent's did not");
}
