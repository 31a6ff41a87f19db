/* Reads sample.txt, a file the host tool (utils/kfs) put on the disk before
   boot: its length and FNV-1a hash must match the copy in tests/filesys/,
   whether read whole or in odd-sized pieces. */

#include "tests/filesys/fsutil.h"

#define SAMPLE_SIZE 1197        /* wc -c tests/filesys/sample.txt */
#define SAMPLE_HASH 0xbd00bb9du /* Its 32-bit FNV-1a hash. */
#define PIECE 100

/* The 32-bit FNV-1a hash of the SIZE bytes at BUF, continuing from HASH. */
static uint32_t
fnv1a (uint32_t hash, const void *buf, size_t size)
{
  const uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i++)
    hash = (hash ^ p[i]) * 0x01000193u;
  return hash;
}

void
test_main (void)
{
  static char whole[SAMPLE_SIZE + 1];
  char piece[PIECE];
  uint32_t hash = 0x811c9dc5u;
  int fd, n, total = 0;

  fd = fs_open ("sample.txt");
  CHECK (filesize (fd) == SAMPLE_SIZE, "sample.txt is %d bytes", SAMPLE_SIZE);
  CHECK (read (fd, whole, sizeof whole) == SAMPLE_SIZE, "one read returns them all");
  CHECK (fnv1a (0x811c9dc5u, whole, SAMPLE_SIZE) == SAMPLE_HASH,
         "and they hash as on the host");
  CHECK (memcmp (whole, "The kestrel hovers", 18) == 0,
         "the text starts as expected");
  seek (fd, 0);
  while ((n = read (fd, piece, PIECE)) > 0)
    {
      hash = fnv1a (hash, piece, n);
      total += n;
    }
  CHECK (n == 0 && total == SAMPLE_SIZE && hash == SAMPLE_HASH,
         "reading in %d-byte pieces gives the same bytes", PIECE);
  close (fd);
}
