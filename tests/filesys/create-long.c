/* File names have 1 to 14 characters: a 14-character name works, a longer
   one is refused (never silently cut to 14), and does not exist after. */

#include "tests/filesys/fsutil.h"

void
test_main (void)
{
  int fd;

  CHECK (create ("fourteen-chars", 10), "create a 14-character name");
  fd = fs_open ("fourteen-chars");
  CHECK (filesize (fd) == 10, "it opens and is 10 bytes long");
  close (fd);
  CHECK (!create ("fifteen-chars-x", 10), "create a 15-character name fails");
  CHECK (open ("fifteen-chars-x") == -1, "open of that name returns -1");
  CHECK (!create ("a-very-long-file-name-indeed-0123456789", 0),
         "create a 39-character name fails");
  CHECK (!create ("fourteen-charsX", 0),
         "a name whose first 14 characters exist is refused too");
  fd = fs_open ("fourteen-chars");
  CHECK (filesize (fd) == 10, "the 14-character file is unchanged");
  close (fd);
}
