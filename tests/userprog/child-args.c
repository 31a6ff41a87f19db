/* Helper for the exec tests: prints the arguments it was started with,
   so the parent's test can show that exec passed its command line on. */

#include "tests/lib.h"

int
main (int argc, char *argv[])
{
  int i;

  test_name = "child-args";
  for (i = 0; i < argc; i++)
    msg ("argv[%d] = '%s'", i, argv[i]);
  return argc;
}
