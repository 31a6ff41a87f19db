/* Execs every malformed executable that utils/mkbadelf made (the names are
   in the file "list" it writes, so the test and the generator cannot drift
   apart): the loader must refuse each one, exec returning -1, while this
   process carries on.  Then the odd-but-valid variants in "ok-list" and
   child-simple itself must still load, run and exit 81, proving that nothing
   broke on the way.  The leak check at power-off proves that every refused
   load gave back what it took.

   An optional argument repeats the refusals that many times (bad-elf-repeat):
   the first round reports each file, later rounds one line each, so that a
   leak small enough to hide once shows up under repetition. */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

#define LIST_BYTES 1024 /* Enough for 60 names of 14 characters. */
#define NAMES_MAX 64
#define MIN_BAD_FILES 22 /* utils/mkbadelf makes at least this many. */
#define CHILD_STATUS 81  /* What child-simple and its variants exit with. */

/* Reads the names in file LIST (one a line) into NAMES, at most MAX, using
   TEXT (LIST_BYTES) for their storage; returns how many. */
static int
read_names (const char *list, char *text, char *names[], int max)
{
  int fd = open (list);
  int size, count = 0;
  char *name, *save;

  if (fd < 2)
    fail ("open \"%s\" returned %d: is it in the spec's #! files?", list, fd);
  size = read (fd, text, LIST_BYTES - 1);
  if (size <= 0 || size == LIST_BYTES - 1)
    fail ("\"%s\": read returned %d", list, size);
  close (fd);
  text[size] = '\0';
  for (name = strtok_r (text, "\n", &save); name != NULL;
       name = strtok_r (NULL, "\n", &save))
    {
      if (count == max)
        fail ("\"%s\" names more than %d files", list, max);
      names[count++] = name;
    }
  return count;
}

/* Fails unless file NAME is on the disk, so that a spec missing a file
   cannot pass by its exec failing for the wrong reason. */
static void
check_present (const char *name)
{
  int fd = open (name);

  if (fd < 2)
    fail ("\"%s\" is not on the disk (open returned %d)", name, fd);
  close (fd);
}

/* Execs NAME, which must be refused; reports it unless QUIET_ROUND. */
static void
exec_refused (const char *name, bool quiet_round)
{
  pid_t pid = exec (name);

  if (pid != PID_ERROR)
    fail ("exec \"%s\" returned %d, expected -1 (then wait gave %d)", name, pid,
          wait (pid));
  if (!quiet_round)
    msg ("exec \"%s\" refused", name);
}

/* Execs NAME, which must load, run and exit with CHILD_STATUS. */
static void
exec_runs (const char *name)
{
  pid_t pid = exec (name);
  int status;

  if (pid == PID_ERROR)
    fail ("exec \"%s\" returned -1, expected it to run", name);
  status = wait (pid);
  if (status != CHILD_STATUS)
    fail ("\"%s\" exited %d, expected %d", name, status, CHILD_STATUS);
  msg ("\"%s\" ran and exited %d", name, status);
}

void
test_main (void)
{
  static char bad_text[LIST_BYTES], ok_text[LIST_BYTES];
  char *bad[NAMES_MAX], *ok[NAMES_MAX];
  int rounds = test_argc > 1 ? atoi (test_argv[1]) : 1;
  int bad_count = read_names ("list", bad_text, bad, NAMES_MAX);
  int ok_count = read_names ("ok-list", ok_text, ok, NAMES_MAX);
  int i, round;

  if (bad_count < MIN_BAD_FILES)
    fail ("only %d malformed executables, expected at least %d", bad_count,
          MIN_BAD_FILES);
  if (rounds < 1)
    fail ("bad round count \"%s\"", test_argv[1]);
  for (i = 0; i < bad_count; i++)
    check_present (bad[i]);
  for (i = 0; i < ok_count; i++)
    check_present (ok[i]);

  for (round = 1; round <= rounds; round++)
    {
      for (i = 0; i < bad_count; i++)
        exec_refused (bad[i], round > 1);
      if (round > 1)
        msg ("round %d: all malformed executables refused", round);
    }

  for (i = 0; i < ok_count; i++)
    exec_runs (ok[i]);
  exec_runs ("child-simple");
}
