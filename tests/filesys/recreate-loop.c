/* Create, write 20 kB, close and remove the same name 100 times: every
   round frees what it took, so afterwards a file of most of the disk
   still fits. */

#include "tests/filesys/fsutil.h"

#define ROUNDS 100
#define SIZE 20000
#define BIG (1536 * 1024) /* 1.5 MB of the 2 MB disk. */

void
test_main (void)
{
  static char buf[SIZE];
  int i, fd;

  for (i = 0; i < ROUNDS; i++)
    {
      fs_create ("cycle", 0);
      fd = fs_open ("cycle");
      fs_fill (buf, SIZE, i, 0);
      fs_write (fd, "cycle", buf, SIZE);
      close (fd);
      if (!remove ("cycle"))
        fail ("round %d: remove failed", i);
    }
  msg ("%d rounds of create, write %d bytes, remove", ROUNDS, SIZE);
  CHECK (create ("big", BIG), "a %d-byte file still fits", BIG);
  CHECK (remove ("big"), "and can be removed");
}
