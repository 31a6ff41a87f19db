/* The empty name is no file name: create and remove return false, open
   returns -1, and the process carries on. */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  CHECK (!create ("", 0), "create \"\" returns false");
  CHECK (open ("") == -1, "open \"\" returns -1");
  CHECK (!remove (""), "remove \"\" returns false");
  CHECK (create ("named", 0), "a named file can still be created");
}
