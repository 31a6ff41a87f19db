/* A barrier through the file system, so that a parent can make sure its
   children hold their memory at the same time: each child, once its memory
   is full, creates file rSEED and then waits for file "go"; the parent waits
   for every rSEED, then creates "go".  Waiting is polling `open' every 10 ms,
   sleeping in between (Kestrel's sleep call) so that the waiters leave the CPU
   to those still paging; the output stays fixed however they are scheduled. */

#include <stdio.h>
#include <syscall.h>
#include "tests/lib.h"

/* Waits until file NAME exists. */
static inline void
barrier_wait_for (const char *name)
{
  int fd;

  while ((fd = open (name)) < 0)
    sleep (10);
  close (fd);
}

/* In a child with SEED: says it is ready, then waits for "go". */
static inline void
barrier_child (unsigned seed)
{
  char name[16];

  snprintf (name, sizeof name, "r%u", seed);
  if (!create (name, 0))
    fail ("create \"%s\" failed", name);
  barrier_wait_for ("go");
}

/* In the parent: waits for the children with seeds FIRST...FIRST+COUNT-1 to
   be ready, then lets them go. */
static inline void
barrier_parent (unsigned first, unsigned count)
{
  char name[16];
  unsigned i;

  for (i = 0; i < count; i++)
    {
      snprintf (name, sizeof name, "r%u", first + i);
      barrier_wait_for (name);
    }
  if (!create ("go", 0))
    fail ("create \"go\" failed");
}

/* In the parent: starts COUNT `child-linear KB SEED sync' children with seeds
   FIRST...FIRST+COUNT-1, lets them go once all have written their memory, and
   checks that each exits with its seed, saying so at each step. */
static inline void
barrier_run_children (unsigned count, unsigned kb, unsigned first)
{
  pid_t children[16];
  char cmdline[32];
  unsigned i;

  if (count > sizeof children / sizeof *children)
    fail ("at most %u children", (unsigned) (sizeof children / sizeof *children));
  for (i = 0; i < count; i++)
    {
      snprintf (cmdline, sizeof cmdline, "child-linear %u %u sync", kb, first + i);
      children[i] = exec (cmdline);
      if (children[i] == PID_ERROR)
        fail ("exec \"%s\" failed", cmdline);
    }
  msg ("started %u children using %u kB each", count, kb);
  barrier_parent (first, count);
  msg ("all of them have written their memory");
  for (i = 0; i < count; i++)
    if (wait (children[i]) != (int) (first + i))
      fail ("child %u did not exit with %u", i, first + i);
  msg ("each child found its %u kB intact", kb);
}
