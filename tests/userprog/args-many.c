/* Argument passing with 22 arguments: the kernel must build a long argv
   array without a small fixed limit (the ABI guarantees at least 128 bytes
   of command line). */

#include "tests/userprog/args.h"

void
test_main (void)
{
  print_arguments (test_argc, test_argv);
}
