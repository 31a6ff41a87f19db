/* A write-back the disk refuses reaches the file's writers (the runner's
   --disk-fault on the sector holding byte 512 of sample.txt, a data file here).
   A write over that sector returns in full: the cache takes it, and the flusher
   writes it back a tick after writing stops (at the latest a second after). The
   disk refuses; the sector stays in the cache, dirty, said on the diagnostic
   stream. Each descriptor open on the file then hears of it once, from its next
   write(): -1, nothing written. A descriptor opened since, and a writer of another
   file, hear nothing. Meanwhile writes go to the disk at once (the cache writes
   through while it holds a refused sector), and reads see the bytes the refused
   sector was given. At power-off the sector is said to be lost. */

#include "tests/filesys/fsutil.h"

#define BAD_OFFSET 512
#define WAIT_MS 1500 /* Longer than the flusher can wait. */

static char ones[100], back[100];

void
test_main (void)
{
  int fd1 = fs_open ("sample.txt"), fd2 = fs_open ("sample.txt"), fd3, other;

  fs_create ("other", 0);
  other = fs_open ("other");
  memset (ones, 1, sizeof ones);
  seek (fd1, BAD_OFFSET - 12);
  CHECK (write (fd1, ones, sizeof ones) == sizeof ones,
         "a write over the bad sector returns in full: the cache takes it");
  sleep (WAIT_MS);
  msg ("wait for the flusher to write it back");
  fd3 = fs_open ("sample.txt");
  seek (fd1, 0);
  CHECK (write (fd1, "abc", 3) == -1, "the writer's next write returns -1");
  CHECK (tell (fd1) == 0, "and writes nothing");
  CHECK (write (fd2, "abc", 3) == -1, "so does the other descriptor's");
  CHECK (write (fd1, "abc", 3) == 3, "each hears of it once");
  CHECK (write (fd3, "abc", 3) == 3, "a descriptor opened since hears nothing");
  CHECK (write (other, "abc", 3) == 3, "nor does a writer of another file");
  seek (fd3, BAD_OFFSET - 12);
  CHECK (write (fd3, "abcdefghijklmnop", 16) == 12,
         "now a write over the bad sector meets the refusal: 12 bytes before it");
  seek (fd3, BAD_OFFSET - 12);
  CHECK (read (fd3, back, sizeof back) == sizeof back
             && !memcmp (back, "abcdefghijkl", 12) && !memcmp (back + 12, ones, 88),
         "the bad sector keeps the bytes it was given first");
}
