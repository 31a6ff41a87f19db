/* write() to a file returns the byte count and the bytes land in the
   file; write() to descriptor 1 prints on the console. */

#include "tests/lib.h"
#include "tests/userprog/sample.h"
#include <string.h>
#include <syscall.h>

void
test_main (void)
{
  const char *line = "(write-normal) a line written to stdout\n";
  int fd;

  CHECK (create ("out.txt", 0), "create \"out.txt\"");
  fd = open ("out.txt");
  CHECK (fd > 1, "open \"out.txt\"");
  CHECK (write (fd, sample, sizeof sample - 1) == sizeof sample - 1,
         "write returns %d", (int) sizeof sample - 1);
  close (fd);
  check_file ("out.txt", sample, sizeof sample - 1);
  CHECK (write (STDOUT_FILENO, line, strlen (line)) == (int) strlen (line),
         "write to stdout returns %d", (int) strlen (line));
}
