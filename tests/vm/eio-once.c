/* A read error that happens once (the runner's --disk-fault with :once) is
   survived: the driver tries the command again and the read returns every
   byte, as it was. */

#include <string.h>
#include "tests/vm/mapfile.h"

static char buf[8192], again[8192];

void
test_main (void)
{
  int fd = open ("child-linear");

  CHECK (fd > 1, "open \"child-linear\"");
  CHECK (read (fd, buf, sizeof buf) == sizeof buf, "read 8 kB from 0: all of it");
  seek (fd, 0);
  CHECK (read (fd, again, sizeof again) == sizeof again
             && !memcmp (buf, again, sizeof buf),
         "and the same bytes again");
}
