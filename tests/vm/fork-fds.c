/* A forked child has its own copy of each descriptor: the same file at the same
   position, each position its own afterwards, and closing one leaves the other
   open. */

#include "tests/vm/forklib.h"
#include "tests/vm/mapfile.h"

void
test_main (void)
{
  int fd = map_make_file ("data", 100, 9);
  pid_t pid;
  char c;

  seek (fd, 10);
  pid = fork_checked ();
  if (pid == 0)
    {
      if (tell (fd) != 10 || filesize (fd) != 100)
        exit (1);
      if (read (fd, &c, 1) != 1 || c != map_pattern (10, 9) || tell (fd) != 11)
        exit (2);
      seek (fd, 50);
      close (fd);
      exit (0);
    }
  wait_for (pid, 0, "the child");
  msg ("the child's descriptor was at 10; it read, sought and closed it");
  CHECK (tell (fd) == 10, "the parent's is still at 10");
  CHECK (read (fd, &c, 1) == 1 && c == map_pattern (10, 9), "and still reads");
}
