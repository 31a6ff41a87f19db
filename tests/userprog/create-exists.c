/* create() never replaces a file: a second create of the same name returns
   false and the first file keeps its size, while another name still works. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  int fd;

  CHECK (create ("quux.dat", 17), "create \"quux.dat\" of 17 bytes");
  CHECK (!create ("quux.dat", 0), "create \"quux.dat\" again returns false");
  CHECK (create ("warble.dat", 0), "create \"warble.dat\"");
  fd = open ("quux.dat");
  CHECK (filesize (fd) == 17, "\"quux.dat\" still has 17 bytes");
}
