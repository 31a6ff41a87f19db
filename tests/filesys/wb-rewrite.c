/* Write, overwrite and rewrite a file ten times the size of the file system's
   cache, in patterns (wb-pattern.h), by turns in this process and in children
   (wb-child), so that each check reads what another process wrote: part of it
   still in the cache, dirty, part of it written back in runs and read again
   from the disk. Then two files written at once, a chunk of each in turn, so
   that their sectors interleave on the disk, and read back by a child. The
   runner's kfs check afterwards proves the disk consistent. */

#include "tests/filesys/wb.h"

/* Runs CMDLINE and fails unless it exits with 0. */
static void
run_child (const char *cmdline)
{
  pid_t pid = exec (cmdline);

  if (pid == PID_ERROR)
    fail ("exec \"%s\" failed", cmdline);
  CHECK (wait (pid) == 0, "\"%s\" exited 0", cmdline);
}

void
test_main (void)
{
  size_t pos;
  int a, b;

  wb_make ("wb.dat", 0);
  msg ("generation 0 written, 4 kB a write");
  run_child ("wb-child check wb.dat 0");
  run_child ("wb-child make wb.dat 1");
  wb_check ("wb.dat", 1);
  msg ("generation 1 (every third block written again by a child) reads back");
  run_child ("wb-child make wb.dat 2");
  wb_check ("wb.dat", 2);
  msg ("generation 2 (all of it again, 1000 bytes a write, longer) reads back");
  wb_make ("wb.dat", 3);
  msg ("generation 3 written, from the end to the start");
  run_child ("wb-child check wb.dat 3");

  fs_create ("wb-a", 0);
  fs_create ("wb-b", 0);
  a = fs_open ("wb-a");
  b = fs_open ("wb-b");
  for (pos = 0; pos < WB_GROWN; pos += WB_CHUNK)
    {
      size_t end = pos + WB_CHUNK < WB_GROWN ? pos + WB_CHUNK : WB_GROWN;
      if (pos < WB_SIZE)
        wb_write_range (a, "wb-a", 0, pos, end < WB_SIZE ? end : WB_SIZE, WB_CHUNK);
      wb_write_range (b, "wb-b", 2, pos, end, WB_CHUNK);
    }
  close (a);
  close (b);
  msg ("two files written at once, a chunk of each in turn");
  run_child ("wb-child check wb-a 0");
  run_child ("wb-child check wb-b 2");
  CHECK (remove ("wb.dat") && remove ("wb-a"), "remove two of them");
  wb_check ("wb-b", 2);
  msg ("the third still reads back");
}
