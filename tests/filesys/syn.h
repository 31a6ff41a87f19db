#ifndef TESTS_FILESYS_SYN_H
#define TESTS_FILESYS_SYN_H

/* Shared by the syn-* tests: run fs-child ten times at once on one file. */

#include <stdio.h>
#include "tests/filesys/fsutil.h"

#define SYN_CHILDREN 10
#define SYN_REGION 4000 /* Not a multiple of 512: writers share sectors. */

/* Execs `fs-child MODE FILE I SYN_REGION' for I = 0..9, all before waiting
   for any, then waits for each and fails unless it exited with I. */
static inline void
syn_run_children (const char *mode, const char *file)
{
  pid_t pids[SYN_CHILDREN];
  char cmdline[64];
  int i, status;

  for (i = 0; i < SYN_CHILDREN; i++)
    {
      snprintf (cmdline, sizeof cmdline, "fs-child %s %s %d %d", mode, file, i,
                SYN_REGION);
      pids[i] = exec (cmdline);
      if (pids[i] == PID_ERROR)
        fail ("exec \"%s\" failed", cmdline);
    }
  msg ("started %d children", SYN_CHILDREN);
  for (i = 0; i < SYN_CHILDREN; i++)
    if ((status = wait (pids[i])) != i)
      fail ("child %d exited %d", i, status);
  msg ("all %d exited as expected", SYN_CHILDREN);
}

/* Fails unless FILE holds the ten regions' patterns, each whole. */
static inline void
syn_check_file (const char *file)
{
  static char region[SYN_REGION];
  int fd = fs_open (file);
  int i;

  fs_check_size (fd, file, SYN_CHILDREN * SYN_REGION);
  for (i = 0; i < SYN_CHILDREN; i++)
    {
      fs_read (fd, file, region, SYN_REGION);
      fs_check_pattern (region, SYN_REGION, i, 0, file);
    }
  close (fd);
  msg ("\"%s\" holds every region intact", file);
}

#endif /* tests/filesys/syn.h */
