/* write() to descriptor 0, the keyboard: nothing can be written there.  It
   must return -1 (or the kernel may kill the process). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  CHECK (write (STDIN_FILENO, "hello", 5) == -1, "write to stdin returns -1");
}
