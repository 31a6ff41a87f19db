/* Argument passing with one argument: the command line is split into the program
   name and one word. */

#include "tests/userprog/args.h"

void
test_main (void)
{
  print_arguments (test_argc, test_argv);
}
