/* A system call whose number is no call's: the kernel must kill the process
   with exit(-1) (the reason goes to the diagnostic stream), not return to it
   and not print anything more on the console. */

#include "tests/lib.h"

#define UNKNOWN_CALL 9999 /* Far past Kestrel's own calls. */

void
test_main (void)
{
  msg ("system call number %d", UNKNOWN_CALL);
  asm volatile("pushl %0; int $0x30" : : "i"(UNKNOWN_CALL) : "memory");
  fail ("the system call returned");
}
