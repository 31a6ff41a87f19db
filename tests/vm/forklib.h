#ifndef TESTS_VM_FORKLIB_H
#define TESTS_VM_FORKLIB_H

/* Helpers for the fork and exec_replace tests. A child reports by its exit
   status, and a parent prints only after waiting, so that the console's lines
   come in one order however the two are scheduled. */

#include <meminfo.h>
#include <syscall.h>
#include "tests/lib.h"

/* fork, failing the test if it fails. */
static inline pid_t
fork_checked (void)
{
  pid_t pid = fork ();

  if (pid == PID_ERROR)
    fail ("fork failed");
  return pid;
}

/* Waits for child PID and fails unless it exited with STATUS, WHAT naming it. */
static inline void
wait_for (pid_t pid, int status, const char *what)
{
  int got = wait (pid);

  if (got != status)
    fail ("%s exited with %d, not %d", what, got, status);
}

/* The machine's free user frames now. */
static inline unsigned
free_frames (void)
{
  struct meminfo info;

  meminfo (&info);
  return info.frames_free;
}

/* The machine's free swap slots now. */
static inline unsigned
free_slots (void)
{
  struct meminfo info;

  meminfo (&info);
  return info.swap_free;
}

#endif /* tests/vm/forklib.h */
