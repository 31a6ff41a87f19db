/* Stack growth inside a system call follows the same rule as in user mode:
   `read' into a buffer 64 kB below %esp (which has not moved) is no stack
   access, and the process is killed for a bad pointer. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  int fd;

  pattern_file ("data", 100, 3);
  fd = open ("data");
  if (fd < 2)
    fail ("open \"data\" failed");
  msg ("read into a buffer 64 kB below %%esp");
  read (fd, current_esp () - 64 * 1024, 100);
  fail ("survived reading below the stack pointer");
}
