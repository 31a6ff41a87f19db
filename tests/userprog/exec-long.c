/* exec() with a 130-byte command line of 21 words: the ABI promises at
   least 128 bytes, so a kernel with a small fixed buffer fails here. */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  const char *cmdline
      = "child-args arg01 arg02 arg03 arg04 arg05 arg06 arg07 arg08 arg09 arg10 arg11 arg12 arg13 arg14 arg15 arg16 arg17 arg18 arg19 arg20";

  CHECK (wait (exec (cmdline)) == 21, "the child saw 21 arguments");
}
