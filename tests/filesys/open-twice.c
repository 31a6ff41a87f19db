/* Opening one file twice gives two distinct descriptors, each with its own
   position; a write through one is seen through the other. */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  char buf[8];
  int a, b;

  fs_create ("shared", 0);
  a = fs_open ("shared");
  b = fs_open ("shared");
  CHECK (a != b, "two opens give distinct descriptors");
  fs_write (a, "shared", "abcdefgh", 8);
  CHECK (tell (a) == 8 && tell (b) == 0, "each descriptor has its own position");
  fs_read (b, "shared", buf, 3);
  CHECK (memcmp (buf, "abc", 3) == 0,
         "a write through one is read through the other");
  seek (a, 0);
  fs_read (a, "shared", buf, 2);
  fs_read (b, "shared", buf + 2, 2);
  CHECK (memcmp (buf, "abde", 4) == 0, "positions move independently");
  close (a);
  fs_read (b, "shared", buf, 3);
  CHECK (memcmp (buf, "fgh", 3) == 0, "closing one leaves the other working");
  close (b);
}
