/* Writes of random sizes at random offsets (a fixed-seed generator, so every
   run is the same) into a 96 kB file, some extending it, mirrored in memory;
   then random reads and one whole read must match the mirror byte for byte. */

#include "tests/filesys/fsutil.h"

#define INITIAL 96000
#define MAX_PIECE 3000
#define WRITES 300
#define READS 200

static char mirror[INITIAL + MAX_PIECE];
static char piece[MAX_PIECE];

void
test_main (void)
{
  static char whole[INITIAL + MAX_PIECE];
  uint32_t seed = 0x2545f491;
  int length = INITIAL;
  int fd, i;

  fs_create ("random", INITIAL);
  fd = fs_open ("random");
  for (i = 0; i < WRITES; i++)
    {
      int ofs = fs_random (&seed) % INITIAL;
      int n = fs_random (&seed) % MAX_PIECE + 1;

      fs_fill (piece, n, i, 0);
      seek (fd, ofs);
      fs_write (fd, "random", piece, n);
      memcpy (mirror + ofs, piece, n);
      if (ofs + n > length)
        length = ofs + n;
    }
  msg ("%d writes at random offsets", WRITES);
  fs_check_size (fd, "random", length);
  msg ("filesize covers the furthest write");
  for (i = 0; i < READS; i++)
    {
      int ofs = fs_random (&seed) % length;
      int n = fs_random (&seed) % MAX_PIECE + 1;
      int want = ofs + n > length ? length - ofs : n;

      seek (fd, ofs);
      if (read (fd, piece, n) != want)
        fail ("read of %d bytes at %d did not return %d", n, ofs, want);
      compare_bytes (piece, mirror + ofs, want, "random read");
    }
  msg ("%d reads at random offsets match", READS);
  close (fd);
  fd = fs_open ("random");
  fs_read (fd, "random", whole, length);
  compare_bytes (whole, mirror, length, "random");
  msg ("the whole file matches");
  close (fd);
}
