/* Opening one file again and again gives distinct descriptors until the kernel's
   per-process limit, where open returns -1 (not a crash); closing them all frees
   every slot, so a second round gets exactly as many; the leak check at
   power-off proves the kernel kept nothing. */

#include "tests/lib.h"
#include <syscall.h>

#define TRIES 1000  /* More than any sane per-process limit. */
#define AT_LEAST 64 /* What a useful kernel must allow. */

static int fds[TRIES];

/* Opens "sample.txt" until open fails; returns how many opens worked. */
static int
open_all (void)
{
  int n, i;

  for (n = 0; n < TRIES; n++)
    {
      fds[n] = open ("sample.txt");
      if (fds[n] < 0)
        break;
      if (fds[n] < 2)
        fail ("open returned descriptor %d", fds[n]);
      for (i = 0; i < n; i++)
        if (fds[i] == fds[n])
          fail ("descriptor %d handed out twice", fds[n]);
    }
  return n;
}

static void
close_all (int n)
{
  int i;
  for (i = 0; i < n; i++)
    close (fds[i]);
}

void
test_main (void)
{
  int first = open_all ();
  int second;

  CHECK (first >= AT_LEAST && first < TRIES,
         "open works at least %d times, then returns -1", AT_LEAST);
  close_all (first);
  second = open_all ();
  CHECK (second == first, "after closing them all, a second round gets as many");
  close_all (second);
}
