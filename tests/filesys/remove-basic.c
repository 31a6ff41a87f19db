/* remove: the name is gone at once (open fails, a second remove fails),
   removing a missing name fails, and the name can be created afresh. */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  int fd;

  fs_create ("doomed", 100);
  CHECK (remove ("doomed"), "remove \"doomed\"");
  CHECK (open ("doomed") == -1, "open after remove returns -1");
  CHECK (!remove ("doomed"), "a second remove returns false");
  CHECK (!remove ("never-made"), "remove of a missing name returns false");
  CHECK (create ("doomed", 7), "the name can be created again");
  fd = fs_open ("doomed");
  CHECK (filesize (fd) == 7, "as a new file of the new size");
  close (fd);
}
