/* Argument passing with runs of spaces between words separate arguments just as one
   space does, and never produce empty arguments. */

#include "tests/userprog/args.h"

void
test_main (void)
{
  print_arguments (test_argc, test_argv);
}
