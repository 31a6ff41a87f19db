/* Seeking past the end and writing extends the file; the gap reads as
   zeros.  Once inside the first sectors, once far out (past the direct
   blocks), and the file size and tell follow. */

#include "tests/filesys/fsutil.h"

#define FIRST_GAP 10000
#define SECOND_GAP 70000
#define PIECE 10

void
test_main (void)
{
  static char buf[SECOND_GAP];
  char data[PIECE];
  int fd;

  fs_fill (data, PIECE, 6, 0);
  fs_create ("gappy", 0);
  fd = fs_open ("gappy");
  seek (fd, FIRST_GAP);
  CHECK (filesize (fd) == 0, "seek past the end does not extend the file");
  fs_write (fd, "gappy", data, PIECE);
  CHECK (filesize (fd) == FIRST_GAP + PIECE, "a write there makes it %d bytes",
         FIRST_GAP + PIECE);
  CHECK (tell (fd) == FIRST_GAP + PIECE, "tell is just past the write");
  seek (fd, 0);
  fs_read (fd, "gappy", buf, FIRST_GAP + PIECE);
  fs_check_zero (buf, FIRST_GAP, 0, "gappy");
  fs_check_pattern (buf + FIRST_GAP, PIECE, 6, 0, "gappy");
  msg ("the gap reads as zeros, the data as written");

  seek (fd, SECOND_GAP);
  fs_write (fd, "gappy", data, 1);
  CHECK (filesize (fd) == SECOND_GAP + 1, "a write at %d makes it %d bytes",
         SECOND_GAP, SECOND_GAP + 1);
  seek (fd, FIRST_GAP + PIECE);
  fs_read (fd, "gappy", buf, SECOND_GAP - FIRST_GAP - PIECE);
  fs_check_zero (buf, SECOND_GAP - FIRST_GAP - PIECE, FIRST_GAP + PIECE, "gappy");
  fs_read (fd, "gappy", buf, 1);
  CHECK (buf[0] == data[0], "the second gap reads as zeros too");
  close (fd);
}
