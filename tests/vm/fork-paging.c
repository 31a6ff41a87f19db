/* Forks under memory pressure: the test writes 1 MB, starts two processes that
   each write and read back 1 MB of their own, and forks three children, which
   at once check the shared 1 MB and rewrite half of its pages each, in their own
   random order, while the clock evicts pages of every process (shared pages
   among them) in 4 MB of RAM. Each child finds its half and the untouched half
   as they should be; the test finds its 1 MB intact. */

#include <stdio.h>
#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define SIZE (1024 * 1024)
#define PAGES (SIZE / PGSIZE)
#define CHILDREN 3
#define HOGS 2
#define SEED 5

static uint8_t array[SIZE] __attribute__ ((aligned (PGSIZE)));

/* A child: rewrites the pages of its half (every other page, by parity N % 2) in
   a random order with pattern SEED + 1 + N; checks both halves. */
static int
child (int n)
{
  struct prng g;
  size_t i, page;

  pattern_verify (array, SIZE, 0, SEED, "the child's first view");
  prng_seed (&g, n);
  for (i = 0; i < PAGES; i++)
    {
      page = prng_next (&g) % PAGES;
      if (page % 2 == (size_t) n % 2)
        pattern_fill (array + page * PGSIZE, PGSIZE, page * PGSIZE, SEED + 1 + n);
    }
  for (page = n % 2; page < PAGES; page += 2)
    pattern_fill (array + page * PGSIZE, PGSIZE, page * PGSIZE, SEED + 1 + n);
  for (page = 0; page < PAGES; page++)
    if (pattern_check (array + page * PGSIZE, PGSIZE, page * PGSIZE,
                       page % 2 == (size_t) n % 2 ? SEED + 1 + n : SEED)
        != PGSIZE)
      return 1;
  return 0;
}

void
test_main (void)
{
  pid_t hogs[HOGS], children[CHILDREN];
  char cmdline[32];
  int i;

  pattern_fill (array, SIZE, 0, SEED);
  for (i = 0; i < HOGS; i++)
    {
      snprintf (cmdline, sizeof cmdline, "child-linear 1024 %d", 60 + i);
      hogs[i] = exec (cmdline);
    }
  for (i = 0; i < CHILDREN; i++)
    {
      children[i] = fork_checked ();
      if (children[i] == 0)
        exit (child (i));
    }
  for (i = 0; i < CHILDREN; i++)
    wait_for (children[i], 0, "a child");
  for (i = 0; i < HOGS; i++)
    wait_for (hogs[i], 60 + i, "child-linear");
  msg ("each child found the shared 1 MB and its own half as they should be");
  pattern_verify (array, SIZE, 0, SEED, "the parent's 1 MB");
  msg ("the parent's 1 MB is intact");
}
