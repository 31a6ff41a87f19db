/* A system call that writes user memory breaks the sharing as a store would:
   after a fork the child read()s a file into a buffer both share, and sees the
   file's bytes; the parent's buffer still holds what it wrote. Then the parent
   does the same and the child, forked before, keeps its copy. */

#include <string.h>
#include "tests/vm/forklib.h"
#include "tests/vm/mapfile.h"

#define BUF_BYTES (2 * PGSIZE)

static char buffer[BUF_BYTES] __attribute__ ((aligned (PGSIZE)));

/* 0 if all BUF_BYTES of BUFFER are C. */
static int
all_are (char c)
{
  int i;

  for (i = 0; i < BUF_BYTES; i++)
    if (buffer[i] != c)
      return 1;
  return 0;
}

void
test_main (void)
{
  int fd = map_make_file ("data", BUF_BYTES, 4);
  pid_t pid;

  memset (buffer, 'P', sizeof buffer);
  pid = fork_checked ();
  if (pid == 0)
    {
      seek (fd, 0);
      if (read (fd, buffer, BUF_BYTES) != BUF_BYTES)
        exit (1);
      map_check (buffer, BUF_BYTES, 4, "the child's buffer");
      exit (0);
    }
  wait_for (pid, 0, "the child");
  CHECK (all_are ('P') == 0, "the child's read() left the parent's buffer alone");

  pid = fork_checked ();
  if (pid == 0)
    {
      sleep (50); /* Until the parent has read. */
      exit (all_are ('P'));
    }
  seek (fd, 0);
  CHECK (read (fd, buffer, BUF_BYTES) == BUF_BYTES, "the parent read() the file");
  map_check (buffer, BUF_BYTES, 4, "the parent's buffer");
  wait_for (pid, 0, "the second child");
  msg ("the parent's read() left the child's buffer alone");
}
