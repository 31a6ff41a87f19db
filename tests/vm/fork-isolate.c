/* After a fork each side's stores are its own: the child writes a .data word,
   a .bss word, a heap block and a stack variable and sees its values; the
   parent then still sees its own. The parent writes new values and forks again:
   the second child sees them (a fork copies what is there at the call). */

#include <malloc.h>
#include "tests/vm/forklib.h"

static int data_word = 5;
static int bss_word;

/* A child: checks the four values, writes new ones and checks those; exits 0, or
   with the number of the first check that failed. */
static int
child (int want_data, int want_bss, int *heap, int want_heap, volatile int *local,
       int want_local)
{
  if (data_word != want_data || bss_word != want_bss || *heap != want_heap
      || *local != want_local)
    return 1;
  data_word = 100, bss_word = 101, *heap = 102, *local = 103;
  if (data_word != 100 || bss_word != 101 || *heap != 102 || *local != 103)
    return 2;
  return 0;
}

void
test_main (void)
{
  int *heap = malloc (sizeof *heap);
  volatile int local = 7;
  pid_t pid;

  bss_word = 6;
  *heap = 8;
  pid = fork_checked ();
  if (pid == 0)
    exit (child (5, 6, heap, 8, &local, 7));
  wait_for (pid, 0, "the first child");
  msg ("the first child saw the parent's values and wrote its own");
  CHECK (data_word == 5 && bss_word == 6 && *heap == 8 && local == 7,
         "the parent still sees its .data, .bss, heap and stack values");
  data_word = 50, bss_word = 60, *heap = 80, local = 70;
  pid = fork_checked ();
  if (pid == 0)
    exit (child (50, 60, heap, 80, &local, 70));
  wait_for (pid, 0, "the second child");
  msg ("the second child saw the parent's new values");
  CHECK (data_word == 50 && bss_word == 60 && *heap == 80 && local == 70,
         "and the parent still has them");
}
