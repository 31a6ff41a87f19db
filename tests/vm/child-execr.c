/* Helper for the exec_replace tests: the program a test replaces itself with.
   `child-execr MODE ARGS...' checks what the process kept and what it lost in
   the replacement, prints what it found and exits 0 if all was as it should be
   (a failed check exits -1 through fail()):

     args A...        prints its arguments; exits with argc.
     fresh ADDR...    its .data and .bss are its own program's, fresh, and each
                      ADDR (hex: a heap or mapping address the old program had,
                      above this one's end) is in no region.
     fd FD POS SEED   descriptor FD is still open at POS of a map_make_file file
                      of SEED: it reads the byte there.
     file NAME OFF V  file NAME holds byte V (decimal) at OFF: a mapping's store
                      was written back when the old program went.
     rox OLD          its own executable is write-protected; OLD's, the program
                      it replaced, is writable again.
     slots N          at least N minus a few swap slots are free: the old
                      program's swapped pages were let go.
     status N         exits with N. */

#include <stdlib.h>
#include <string.h>
#include "tests/vm/forklib.h"
#include "tests/vm/mapfile.h"
#include "tests/vm/vmlib.h"

/* The slots a fresh program may take: its own few pages, should they be pushed
   out while it starts. */
#define FEW_SLOTS 16

static int data_word = 1234;
static int bss_word;

static void
check_fresh (char *addrs[], int count)
{
  unsigned char state;
  int i;

  CHECK (data_word == 1234 && bss_word == 0, "its .data and .bss are fresh");
  for (i = 0; i < count; i++)
    CHECK (mincore ((void *) (strtol (addrs[i], NULL, 16) & ~PGMASK), PGSIZE, &state)
               == -1,
           "the old program's page at %s is gone", addrs[i]);
}

static void
check_fd (int fd, int pos, unsigned seed)
{
  char c;

  CHECK (tell (fd) == (unsigned) pos, "descriptor %d is open at %d", fd, pos);
  CHECK (read (fd, &c, 1) == 1 && c == map_pattern (pos, seed),
         "and reads the file's byte there");
}

static void
check_file_byte (const char *name, int off, int value)
{
  int fd = open (name);
  char c;

  CHECK (fd > 1, "open \"%s\"", name);
  seek (fd, off);
  CHECK (read (fd, &c, 1) == 1 && (unsigned char) c == value,
         "\"%s\" holds %d at %d", name, value, off);
  close (fd);
}

static void
check_rox (const char *old)
{
  int self = open ("child-execr");
  int replaced = open (old);
  char c = 0;

  CHECK (self > 1 && replaced > 1, "open both executables");
  CHECK (write (self, &c, 1) == 0, "its own executable cannot be written");
  CHECK (read (replaced, &c, 1) == 1, "read a byte of \"%s\"", old);
  seek (replaced, 0);
  CHECK (write (replaced, &c, 1) == 1, "\"%s\" can be written again", old);
}

int
main (int argc, char *argv[])
{
  int i;

  test_name = "child-execr";
  if (argc < 2)
    fail ("usage: child-execr MODE ARGS...");
  if (!strcmp (argv[1], "args"))
    {
      for (i = 0; i < argc; i++)
        msg ("argv[%d] = '%s'", i, argv[i]);
      return argc;
    }
  if (!strcmp (argv[1], "fresh") && argc >= 3)
    check_fresh (argv + 2, argc - 2);
  else if (!strcmp (argv[1], "fd") && argc == 5)
    check_fd (atoi (argv[2]), atoi (argv[3]), atoi (argv[4]));
  else if (!strcmp (argv[1], "file") && argc == 5)
    check_file_byte (argv[2], atoi (argv[3]), atoi (argv[4]));
  else if (!strcmp (argv[1], "rox") && argc == 3)
    check_rox (argv[2]);
  else if (!strcmp (argv[1], "slots") && argc == 3)
    CHECK (free_slots () + FEW_SLOTS >= (unsigned) atoi (argv[2]),
           "the old program's swap slots are free");
  else if (!strcmp (argv[1], "status") && argc == 3)
    return atoi (argv[2]);
  else
    fail ("bad arguments");
  return 0;
}
