/* A bug far from its crash, for debugging backwards (README, "Debugging
   backwards"): fill_counts() has an off-by-one loop that writes one count past
   the end of table.counts, over the pointer that follows it, table.first. Much
   later sum_list() follows that pointer and the kernel kills the process for a
   page fault at an address no region holds. Replayed under GDB, a watchpoint on
   table.first and reverse-continue go from the kill back to the store. The tests
   name these lines by number: keep them where they are. */

#include "tests/lib.h"

#define COUNTS 4

struct node
{
  int value;
  struct node *next;
};

struct table
{
  int counts[COUNTS];
  struct node *first; /* The list: right after counts[], as C lays it out. */
};

static struct node nodes[3];
static struct table table;

/* Sets the N counts to marks, and one more: the bug. */
static void
fill_counts (int n)
{
  int i;

  for (i = 0; i <= n; i++)
    table.counts[i] = 0x4b000000 + i * PGSIZE; /* Line 35: the bad store. */
}

/* Returns the sum of the list's values. */
static int
sum_list (const struct node *node)
{
  int sum = 0;

  for (; node != NULL; node = node->next)
    sum += node->value; /* Line 45: where the bad pointer is followed. */
  return sum;
}

/* Returns a checksum of the counts, some work between the bug and the crash. */
static int
checksum (void)
{
  int sum = 0;
  int round, i;

  for (round = 0; round < 1000; round++)
    for (i = 0; i < COUNTS; i++)
      sum = sum * 31 + table.counts[i];
  return sum;
}

void
test_main (void)
{
  int i;

  for (i = 0; i < 3; i++)
    {
      nodes[i].value = i + 1;
      nodes[i].next = i < 2 ? &nodes[i + 1] : NULL;
    }
  table.first = &nodes[0];
  msg ("the list sums to %d", sum_list (table.first));
  fill_counts (COUNTS);
  msg ("checksum %d", checksum ());
  msg ("the list sums to %d", sum_list (table.first));
}
