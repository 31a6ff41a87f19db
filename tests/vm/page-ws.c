/* Forward progress when frames are scarce: three processes each repeat an
   instruction (rep movsl) that needs three pages at once, its code page and two
   data pages, in a user pool too small for all of them (page-ws4, page-ws5 and
   page-ws6 run it with 3, 4 and 5 user frames, -ul=N giving N - 1). A page a process
   has just faulted in must stay until it has used it, or each one's faults evict the
   others' pages forever. Each child copies 32 pages 8 times over and checks
   every copy. */

#include <stdio.h>
#include <stdlib.h>
#include <syscall.h>
#include "tests/lib.h"

#define PAGES 64
#define ROUNDS 8
#define CHILDREN 3

static char pages[PAGES][PGSIZE] __attribute__ ((aligned (PGSIZE)));

/* A child: copies each even page onto the odd one after it, ROUNDS times; exits
   with SEED if every copy arrived. */
static int
child (int seed)
{
  int round, p;

  for (round = 0; round < ROUNDS; round++)
    for (p = 0; p + 1 < PAGES; p += 2)
      {
        void *dst = pages[p + 1], *src = pages[p];
        int words = PGSIZE / 4;

        pages[p][PGSIZE - 1] = (char) (round + seed);
        asm volatile("rep movsl" : "+D"(dst), "+S"(src), "+c"(words) : : "memory");
        if (pages[p + 1][PGSIZE - 1] != (char) (round + seed))
          fail ("the copy of page %d in round %d did not arrive", p, round);
      }
  return seed;
}

int
main (int argc, char *argv[])
{
  pid_t pids[CHILDREN];
  char cmdline[32];
  int i;

  test_name = "page-ws";
  if (argc == 2)
    return child (atoi (argv[1]));
  msg ("begin");
  for (i = 0; i < CHILDREN; i++)
    {
      snprintf (cmdline, sizeof cmdline, "page-ws %d", 40 + i);
      pids[i] = exec (cmdline);
      if (pids[i] == PID_ERROR)
        fail ("exec \"%s\" failed", cmdline);
    }
  for (i = 0; i < CHILDREN; i++)
    if (wait (pids[i]) != 40 + i)
      fail ("child %d did not finish its copies", i);
  msg ("three processes copying page to page all finished");
  msg ("end");
  return 0;
}
