/* Writes and halts at once: wb-a gets generation 2 (wb-pattern.h) and then its
   first WB_HALT_OVER bytes written over with generation 3's, and wb-b gets the
   first WB_HALT_SMALL bytes of generation 0, so that when halt() powers the
   machine off the cache holds dirty sectors of both files, their inodes, the
   directory and the free map. The power-off must write them all back: the
   runner's kfs check finds the disk consistent, and tests/unit/fs-stop.c, which
   runs this program and gets both files back from the disk, finds every byte. */

#include "tests/filesys/wb.h"

void
test_main (void)
{
  int fd;

  wb_make ("wb-a", 0);
  wb_make ("wb-a", 1);
  wb_make ("wb-a", 2);
  fd = fs_open ("wb-a");
  wb_write_range (fd, "wb-a", 3, 0, WB_HALT_OVER, WB_CHUNK);
  close (fd);
  fs_create ("wb-b", 0);
  fd = fs_open ("wb-b");
  wb_write_range (fd, "wb-b", 0, 0, WB_HALT_SMALL, WB_CHUNK);
  msg ("wrote wb-a and wb-b: halt");
  halt ();
  fail ("halt returned");
}
