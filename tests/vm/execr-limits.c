/* exec_replace's command-line limits, as exec's: a 130-byte line of 21 words
   (the ABI promises at least 128 bytes) reaches the new program whole; a line
   whose arguments do not fit the new stack's page, and a line longer than a
   page, are refused with -1, the caller unchanged. */

#include <string.h>
#include "tests/vm/forklib.h"

#define LONG_LINE                                                                 \
  "child-execr args arg02 arg03 arg04 arg05 arg06 arg07 arg08 arg09 arg10 arg11 " \
  "arg12 arg13 arg14 arg15 arg16 arg17 arg18 arg19 arg20"

static int data_word = 5;
static char line[PGSIZE + 64];

/* LINE as "child-execr" and COUNT more words of one letter each. */
static const char *
many_words (size_t count)
{
  size_t i;

  strlcpy (line, "child-execr", sizeof line);
  for (i = strlen (line); count > 0 && i + 2 < sizeof line; count--, i += 2)
    memcpy (line + i, " a", 3);
  return line;
}

void
test_main (void)
{
  pid_t pid = fork_checked ();

  if (pid == 0)
    {
      exec_replace (LONG_LINE);
      exit (99);
    }
  wait_for (pid, 21, "the 21-word child");
  msg ("a 130-byte line of 21 words reached the program whole");
  data_word = 50;
  CHECK (exec_replace (many_words (1500)) == -1,
         "1500 arguments, more than the stack's page holds: -1");
  CHECK (exec_replace (many_words (sizeof line)) == -1 && strlen (line) >= PGSIZE,
         "a line longer than a page: -1");
  CHECK (data_word == 50, "and the caller is as it was");
}
