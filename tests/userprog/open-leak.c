/* A process that exits with files still open: the kernel must close them
   itself.  Nothing to see in the output; the page count at power-off and
   the file-system check after it catch a kernel that leaks them (a
   removed file left open would also keep its sectors forever). */

#include "tests/lib.h"
#include <syscall.h>

#define OPEN_COUNT 20

void
test_main (void)
{
  int i, fd = -1;

  for (i = 0; i < OPEN_COUNT; i++)
    if (open ("sample.txt") < 2)
      fail ("open number %d failed", i);
  msg ("opened \"sample.txt\" %d times", OPEN_COUNT);
  CHECK (create ("gone.dat", 3000), "create \"gone.dat\"");
  fd = open ("gone.dat");
  CHECK (fd > 1 && remove ("gone.dat"), "open and remove \"gone.dat\"");
  msg ("exiting without closing anything");
}
