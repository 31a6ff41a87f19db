/* halt() powers the machine off at once: nothing after it runs, and no
   exit line is printed for the process (the ABI prints one only when a
   process ends, and halt ends the machine). */

#include "tests/lib.h"
#include <syscall.h>

void
test_main (void)
{
  halt ();
  fail ("halt returned");
}
