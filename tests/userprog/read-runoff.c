/* read() of 400 bytes into a buffer whose first 100 bytes are mapped and
   the rest is the unmapped page after .bss.  The file is long enough that
   the copy must reach the unmapped part, so the process must be killed
   with exit(-1) (part of the data may have been stored). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  int fd = open ("sample.txt");
  char *end = first_unmapped_page ();

  CHECK (fd > 1, "open \"sample.txt\"");
  msg ("read (fd, end - 100, 400)");
  read (fd, end - 100, 400);
  fail ("the call returned");
}
