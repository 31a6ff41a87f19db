/* The empty string is valid memory but not a valid file name: create must
   return false, not kill the process and not create a nameless file. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (!create ("", 0), "create \"\" returns false");
}
