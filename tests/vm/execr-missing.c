/* exec_replace of a program that is not there, and of an empty command line,
   returns -1 and changes nothing: the caller's .data, heap and stack hold what
   they held, its name is its own (the exit line) and it goes on. The console
   says `load: NAME: open failed' for the missing file, as for exec. */

#include <malloc.h>
#include "tests/vm/forklib.h"

static int data_word = 5;

void
test_main (void)
{
  int *heap = malloc (sizeof *heap);
  volatile int local = 7;

  *heap = 6;
  data_word = 50;
  CHECK (exec_replace ("no-such-file arg") == -1,
         "exec_replace (\"no-such-file arg\") returns -1");
  CHECK (exec_replace ("") == -1 && exec_replace ("   ") == -1,
         "exec_replace of an empty command line returns -1");
  CHECK (data_word == 50 && *heap == 6 && local == 7,
         "the .data, heap and stack values are unchanged");
  CHECK (malloc_check (), "and the heap is sound");
}
