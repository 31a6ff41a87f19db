/* Eight processes of one program use one copy of its code: each process reads
   every page of a 24-page block of read-only code-segment data, then starts the
   next and waits for it, so that at the deepest level eight are alive at once.
   The deepest asks the kernel how many frames are in use (meminfo): fewer than
   the 8 x 24 that eight private copies would need, with the 24 pages counted
   among the frames holding shared file pages. */

#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>
#include "tests/lib.h"

#define PROCESSES 8
#define TEXT_PAGES 24

/* Read-only data: in the text segment, backed by the executable. */
__attribute__ ((aligned (4096))) const char text_block[TEXT_PAGES][PGSIZE]
    = { [0 ... TEXT_PAGES - 1] = { 1, 2, 3 } };

int
main (int argc, char *argv[])
{
  int level = argc > 1 ? atoi (argv[1]) : 0;
  unsigned char vec[TEXT_PAGES];
  int i, sum = 0;

  test_name = "share-text";
  for (i = 0; i < TEXT_PAGES; i++)
    sum += text_block[i][1];
  if (sum != 2 * TEXT_PAGES)
    fail ("level %d: the code block reads wrong", level);
  if (mincore (text_block, sizeof text_block, vec) != 0)
    fail ("mincore failed");
  for (i = 0; i < TEXT_PAGES; i++)
    if (!(vec[i] & MINCORE_RESIDENT))
      fail ("level %d: code page %d is not resident", level, i);

  if (level + 1 < PROCESSES)
    {
      char cmd[32];
      snprintf (cmd, sizeof cmd, "share-text %d", level + 1);
      if (wait (exec (cmd)) != 0)
        fail ("level %d: the child failed", level);
    }
  else
    {
      struct meminfo info;
      unsigned used;
      meminfo (&info);
      used = info.frames - info.frames_free;
      msg ("%d processes are running, each has read its %d code pages", PROCESSES,
           TEXT_PAGES);
      if (used >= PROCESSES * TEXT_PAGES)
        fail ("%u frames in use: the code is not shared", used);
      msg ("fewer frames are in use than %d private copies would take", PROCESSES);
      if (info.frames_file < TEXT_PAGES)
        fail ("only %u frames hold shared file pages", (unsigned) info.frames_file);
      msg ("the code pages are among the shared file pages");
    }
  return 0;
}
