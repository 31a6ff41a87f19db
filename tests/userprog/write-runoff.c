/* write() of 400 bytes from a buffer whose first 100 bytes are mapped and
   the rest is the unmapped page after .bss: the process must be killed
   with exit(-1). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  int fd = create ("out.txt", 0) ? open ("out.txt") : -1;
  char *end = first_unmapped_page ();

  CHECK (fd > 1, "create and open \"out.txt\"");
  msg ("write (fd, end - 100, 400)");
  write (fd, end - 100, 400);
  fail ("the call returned");
}
