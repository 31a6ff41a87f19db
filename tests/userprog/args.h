#ifndef TESTS_USERPROG_ARGS_H
#define TESTS_USERPROG_ARGS_H

/* Shared by the argument-passing tests, which differ only in the command
   line their .expect gives: prints argc and every argv[i], and checks that
   argv[argc] is the null pointer the ABI promises. */

#include "tests/lib.h"

static void
print_arguments (int argc, char *argv[])
{
  int i;

  msg ("argc = %d", argc);
  for (i = 0; i < argc; i++)
    {
      if (argv[i] == NULL)
        fail ("argv[%d] is null, but argc = %d", i, argc);
      msg ("argv[%d] = '%s'", i, argv[i]);
    }
  CHECK (argv[argc] == NULL, "argv[%d] = null", argc);
}

#endif /* tests/userprog/args.h */
