/* Open, close and open again, many times: every open works, the contents
   survive, and closed descriptors are recycled rather than used up. */

#include "tests/filesys/fsutil.h"

#define ROUNDS 300 /* More than any sane descriptor table. */

void
test_main (void)
{
  char buf[5];
  int i, fd, first;

  fs_create ("reused", 0);
  first = fs_open ("reused");
  fs_write (first, "reused", "hello", 5);
  close (first);
  for (i = 0; i < ROUNDS; i++)
    {
      fd = fs_open ("reused");
      fs_read (fd, "reused", buf, 5);
      if (memcmp (buf, "hello", 5) != 0)
        fail ("round %d: contents changed", i);
      close (fd);
    }
  msg ("opened and closed %d times, contents intact", ROUNDS);
}
