/* wait() for pids that are no child of ours (never used, negative, our
   own table's junk) returns -1 at once: it must neither block nor crash. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (wait ((pid_t) 0x0c020301) == -1, "wait (0x0c020301) returns -1");
  CHECK (wait (-1) == -1, "wait (-1) returns -1");
  CHECK (wait (0) == -1, "wait (0) returns -1");
}
