/* Writing one file until the disk is full: a write eventually transfers
   less than asked (never a panic), filesize equals what the writes
   reported, the bytes are right, and after remove the space comes back. */

#include "tests/filesys/fsutil.h"

#define PIECE 4096
#define MIN_TOTAL (1024 * 1024) /* Of a 2 MB disk, at least this fits. */
#define AFTER_SIZE (1024 * 1024)

void
test_main (void)
{
  static char piece[PIECE];
  int fd, n, total = 0;

  fs_create ("filler", 0);
  fd = fs_open ("filler");
  do
    {
      fs_fill (piece, PIECE, 8, total);
      n = write (fd, piece, PIECE);
      if (n > 0)
        total += n;
    }
  while (n == PIECE);
  CHECK (total >= MIN_TOTAL,
         "a write came up short once the disk was full "
         "(after at least %d bytes)",
         MIN_TOTAL);
  fs_check_size (fd, "filler", total);
  msg ("filesize equals the bytes the writes reported");
  CHECK (write (fd, piece, PIECE) < PIECE, "a further write comes up short too");
  fs_check_size (fd, "filler", total);
  seek (fd, total - PIECE);
  fs_read (fd, "filler", piece, PIECE);
  fs_check_pattern (piece, PIECE, 8, total - PIECE, "filler");
  msg ("the last bytes written are intact");
  close (fd);
  CHECK (remove ("filler"), "remove it");
  CHECK (create ("after", AFTER_SIZE), "then a 1 MB file can be created");
}
