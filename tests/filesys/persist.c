/* Files outlive the processes that write them: a child creates and writes
   a file and exits, then the parent reads it; the parent writes a file and
   a child reads it. */

#include "tests/filesys/fsutil.h"

#define SIZE 5000

/* Runs CMDLINE and fails unless it exits with STATUS. */
static void
run_child (const char *cmdline, int status)
{
  pid_t pid = exec (cmdline);

  if (pid == PID_ERROR)
    fail ("exec \"%s\" failed", cmdline);
  CHECK (wait (pid) == status, "\"%s\" exited %d", cmdline, status);
}

void
test_main (void)
{
  static char buf[SIZE];
  int fd;

  run_child ("fs-child new kept 0 5000", 0);
  fd = fs_open ("kept");
  fs_check_size (fd, "kept", SIZE);
  fs_read (fd, "kept", buf, SIZE);
  fs_check_pattern (buf, SIZE, 0, 0, "kept");
  msg ("the parent reads what the child wrote");
  close (fd);

  fs_create ("given", 0);
  fd = fs_open ("given");
  fs_fill (buf, SIZE, 0, 0);
  fs_write (fd, "given", buf, SIZE);
  close (fd);
  run_child ("fs-child read given 0 5000", 0);
  msg ("the child read what the parent wrote");
}
