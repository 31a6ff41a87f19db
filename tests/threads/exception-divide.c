/* A divide error in the kernel panics with the exception decoded (name, eip,
   registers) and a backtrace; it never hangs or reboots. */

#include "tests/threads/tests.h"

void
test_exception_divide (void)
{
  unsigned quotient, dividend = 1, divisor = 0;

  msg ("dividing by zero in the kernel");
  /* In assembly: the compiler may rewrite 1 / x without a divide instruction. */
  asm volatile("divl %2" : "=a"(quotient) : "a"(dividend), "r"(divisor), "d"(0));
  fail ("division by zero gave %u", quotient);
}
