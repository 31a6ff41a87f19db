/* Opening a name that was never created returns -1, also after other files
   exist, and for a name that is a prefix or an extension of one. */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  CHECK (open ("no-such-file") == -1, "open \"no-such-file\" returns -1");
  fs_create ("present", 0);
  CHECK (open ("presen") == -1, "open of a prefix of a file's name returns -1");
  CHECK (open ("present2") == -1, "open of an extension of it returns -1");
  CHECK (open ("PRESENT") == -1, "names are case-sensitive");
}
