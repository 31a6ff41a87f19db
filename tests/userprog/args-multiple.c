/* Argument passing with several arguments, including punctuation, each its own argv
   entry. */

#include "tests/userprog/args.h"

void
test_main (void)
{
  print_arguments (test_argc, test_argv);
}
