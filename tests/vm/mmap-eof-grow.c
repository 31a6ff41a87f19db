/* Stores past the end of a mapped file are not file data, even once the file
   grows over them: "data" is 100 bytes, mapped; the mapping's bytes 200 to 299
   are written; then write() puts one byte at offset 2000. The hole [100, 2000)
   reads as zeros (POSIX), through read() and through the mapping, before and
   after munmap, which writes back a store the mapping made after the growth
   and nothing of the stores past the old end. */

#include "tests/vm/mapfile.h"

#define FILE_BYTES 100
#define GROW_AT 2000

/* Fails unless bytes [FROM, TO) of file descriptor FD read as zeros. */
static void
check_hole_read (int fd, int from, int to, const char *when)
{
  char buf[GROW_AT];
  int i;

  seek (fd, 0);
  if (read (fd, buf, to) != to)
    fail ("%s: short read", when);
  for (i = from; i < to; i++)
    if (buf[i] != 0)
      fail ("%s: read() byte %d is %d, not 0", when, i, buf[i]);
  msg ("%s: read() shows zeros in the hole", when);
}

void
test_main (void)
{
  int fd = map_make_file ("data", FILE_BYTES, 3);
  char c;
  int i;

  CHECK (mmap (fd, MAP_ADDR) != MAP_FAILED, "mmap a 100-byte file");
  for (i = 200; i < 300; i++)
    MAP_ADDR[i] = 'x';
  msg ("stored into bytes 200 to 299, past the end of the file");
  seek (fd, GROW_AT);
  CHECK (write (fd, "!", 1) == 1, "write() one byte at offset 2000");
  CHECK (filesize (fd) == GROW_AT + 1, "the file is 2001 bytes");
  check_hole_read (fd, FILE_BYTES, GROW_AT, "mapped");
  for (i = FILE_BYTES; i < GROW_AT; i++)
    if (MAP_ADDR[i] != 0)
      fail ("the mapping's byte %d is %d, not 0", i, MAP_ADDR[i]);
  CHECK (MAP_ADDR[GROW_AT] == '!', "the mapping shows zeros in the hole and the "
                                   "written byte");
  MAP_ADDR[10] = 'y';
  munmap (1);
  check_hole_read (fd, FILE_BYTES, GROW_AT, "unmapped");
  seek (fd, 10);
  CHECK (read (fd, &c, 1) == 1 && c == 'y',
         "the store at byte 10 after the growth went back to the file");
}
