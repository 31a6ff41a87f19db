/* write() from a buffer straddling a page boundary, to a file and to the
   console: the kernel must gather the bytes from both pages in order. */

#include "tests/lib.h"
#include "tests/userprog/sample.h"
#include <string.h>
#include <syscall.h>

static char pages[2 * PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  const char *line = "(write-bound) this line straddles a page boundary\n";
  char *buffer;
  int fd;

  CHECK (create ("out.txt", 0), "create \"out.txt\"");
  fd = open ("out.txt");
  buffer = copy_across (pages + PGSIZE, sample, sizeof sample - 1);
  CHECK (write (fd, buffer, sizeof sample - 1) == sizeof sample - 1,
         "write across a page boundary returns %d", (int) sizeof sample - 1);
  close (fd);
  check_file ("out.txt", sample, sizeof sample - 1);
  buffer = copy_across (pages + PGSIZE, line, strlen (line));
  write (STDOUT_FILENO, buffer, strlen (line));
}
