/* File names are at most 14 characters (READDIR_MAX_LEN): a 14-character
   name works, 15 characters and a name of 300 are refused with false, and
   neither the long name nor the refusal harms the file system. */

#include "tests/lib.h"
#include <string.h>
#include <syscall.h>

void
test_main (void)
{
  char very_long[301];

  CHECK (create ("fourteen-chars", 0), "create 14-character name");
  CHECK (!create ("fifteen-chars-x", 0), "create 15-character name returns false");
  memset (very_long, 'x', sizeof very_long - 1);
  very_long[sizeof very_long - 1] = '\0';
  CHECK (!create (very_long, 0), "create 300-character name returns false");
  CHECK (open ("fifteen-chars-x") == -1, "open 15-character name returns -1");
}
