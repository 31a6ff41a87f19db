/* Helper for the concurrency and persistence tests (no .expect: not a test).

   usage: fs-child write|new|read FILE INDEX SIZE
     write  writes region INDEX (bytes INDEX*SIZE .. +SIZE) of FILE with the
            fs_pattern for INDEX, in small pieces so that writers interleave;
     new    creates FILE (empty) first, then writes like `write';
     read   reads all of FILE, which holds filesize/SIZE regions, and checks
            each region's pattern.
   Exits with INDEX on success; any failure prints a FAIL line and exits -1.
   Prints nothing else: several run at once, so their output would be
   timing-dependent. */

#include <stdlib.h>
#include "tests/filesys/fsutil.h"

#define WRITE_PIECE 61
#define READ_PIECE 97

/* Writes region INDEX of FILE (already existing). */
static void
write_region (const char *file, int index, int size)
{
  char piece[WRITE_PIECE];
  int fd = fs_open (file);
  int ofs, n;

  seek (fd, index * size);
  for (ofs = 0; ofs < size; ofs += n)
    {
      n = size - ofs < WRITE_PIECE ? size - ofs : WRITE_PIECE;
      fs_fill (piece, n, index, ofs);
      fs_write (fd, file, piece, n);
    }
  close (fd);
}

/* Reads all of FILE, starting from region START, checking every region. */
static void
read_regions (const char *file, int start, int size)
{
  char piece[READ_PIECE];
  int fd = fs_open (file);
  int count = filesize (fd) / size;
  int i, ofs, n;

  if (count < 1 || filesize (fd) % size != 0)
    fail ("\"%s\" is %d bytes, not a multiple of %d", file, filesize (fd), size);
  for (i = 0; i < count; i++)
    {
      int region = (start + i) % count;

      seek (fd, region * size);
      for (ofs = 0; ofs < size; ofs += n)
        {
          n = size - ofs < READ_PIECE ? size - ofs : READ_PIECE;
          fs_read (fd, file, piece, n);
          fs_check_pattern (piece, n, region, ofs, file);
        }
    }
  close (fd);
}

int
main (int argc, char *argv[])
{
  int index, size;

  test_name = "fs-child";
  quiet = true;
  if (argc != 5)
    fail ("usage: fs-child write|new|read FILE INDEX SIZE");
  index = atoi (argv[3]);
  size = atoi (argv[4]);
  if (index < 0 || size <= 0)
    fail ("bad INDEX or SIZE");
  if (!strcmp (argv[1], "new"))
    {
      fs_create (argv[2], 0);
      write_region (argv[2], index, size);
    }
  else if (!strcmp (argv[1], "write"))
    write_region (argv[2], index, size);
  else if (!strcmp (argv[1], "read"))
    read_regions (argv[2], index, size);
  else
    fail ("unknown mode \"%s\"", argv[1]);
  return index;
}
