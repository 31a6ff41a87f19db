/* open("") returns -1: the empty name is valid memory but names no file
   (in particular not the root directory, which is not a file here). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (open ("") == -1, "open \"\" returns -1");
}
