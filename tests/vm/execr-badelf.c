/* exec_replace of malformed executables: each is refused with -1 (its reason on
   the diagnostic stream), among them one whose first segments load before a
   later one is found bad, and the caller's address space is as it was (its .data,
   heap and stack values, its name). Then a good program replaces it. The leak
   check at power-off shows each refused load gave back what it took. */

#include <malloc.h>
#include "tests/vm/forklib.h"

static const char *const bad[] = {
  "bad-magic", "bad-seg-kernel", "bad-overlap", "bad-trunc-seg", "bad-entry",
};

static int data_word = 5;

void
test_main (void)
{
  int *heap = malloc (sizeof *heap);
  volatile int local = 7;
  size_t i;

  *heap = 6;
  for (i = 0; i < sizeof bad / sizeof *bad; i++)
    {
      data_word += 10;
      CHECK (exec_replace (bad[i]) == -1, "exec_replace (\"%s\") returns -1",
             bad[i]);
    }
  CHECK (data_word == 55 && *heap == 6 && local == 7 && malloc_check (),
         "the .data, heap and stack values are unchanged");
  exec_replace ("child-execr status 9");
  fail ("exec_replace (\"child-execr status 9\") returned");
}
