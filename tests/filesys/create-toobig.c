/* create with a size the disk cannot hold returns false and leaves no file
   and no lost space behind: a file of half the disk still fits after. */

#include "tests/filesys/fsutil.h"

#define DISK_SIZE (2 * 1024 * 1024) /* The runner's default. */

void
test_main (void)
{
  int fd;

  CHECK (!create ("huge", DISK_SIZE + DISK_SIZE / 2),
         "create a file bigger than the disk returns false");
  CHECK (open ("huge") == -1, "no such file exists after");
  CHECK (!create ("huger", 0x80000000u), "create of 2 GB returns false");
  CHECK (!create ("hugest", 0xffffffffu), "create of 4 GB - 1 returns false");
  CHECK (create ("half", DISK_SIZE / 2), "a file of half the disk still fits");
  fd = fs_open ("half");
  CHECK (filesize (fd) == DISK_SIZE / 2, "and has the size asked for");
  close (fd);
}
