/* Argument passing with no arguments: the kernel must still give main
   argc = 1, argv[0] = the program name, and the null argv[1]. */

#include "tests/lib.h"
#include <string.h>

void
test_main (void)
{
  CHECK (test_argc == 1, "argc = %d", test_argc);
  CHECK (!strcmp (test_argv[0], "args-none"), "argv[0] = '%s'", test_argv[0]);
  CHECK (test_argv[1] == NULL, "argv[1] = null");
}
