/* A divide error in the kernel panics with the exception decoded (name, eip,
   registers) and a backtrace; it never hangs or reboots. */

#include "tests/threads/tests.h"

void test_exception_divide (void)
{
  volatile int zero = 0;
  volatile int result;

  msg ("dividing by zero in the kernel");
  result = 1 / zero;
  fail ("division by zero gave %d", result);
}
