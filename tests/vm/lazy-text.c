/* Code is read from the executable only when it runs: eight functions, each
   filling a page of its own (4090 NOPs and a return), start out with
   no resident page; calling the fourth brings in its page and no other;
   calling all of them brings in all eight. */

#include "tests/vm/vmlib.h"

#define FUNCTIONS 8

/* A function that fills exactly one page: 4090 NOPs, then it returns
   N*N+1.  Written in assembly so that it owns its page whatever order the
   compiler emits the rest of the code in. */
#define PAGE_FUNCTION(N)            \
  ".p2align 12\n"                   \
  "function_" #N ":\n\t"            \
  ".fill 4090, 1, 0x90\n\t"         \
  "movl $" #N "*" #N "+1, %eax\n\t" \
  "ret\n"
asm(".text\n" PAGE_FUNCTION (0) PAGE_FUNCTION (1) PAGE_FUNCTION (2) PAGE_FUNCTION (3)
        PAGE_FUNCTION (4) PAGE_FUNCTION (5) PAGE_FUNCTION (6) PAGE_FUNCTION (7));
int function_0 (void), function_1 (void), function_2 (void), function_3 (void);
int function_4 (void), function_5 (void), function_6 (void), function_7 (void);

static int (*const functions[FUNCTIONS]) (void) = {
  function_0, function_1, function_2, function_3,
  function_4, function_5, function_6, function_7,
};

/* How many of the functions' pages are resident. */
static int
resident_functions (void)
{
  int i, count = 0;

  for (i = 0; i < FUNCTIONS; i++)
    if (page_resident ((const void *) functions[i]))
      count++;
  return count;
}

void
test_main (void)
{
  int i;

  for (i = 0; i < FUNCTIONS; i++)
    if (pg_ofs ((const void *) functions[i]) != 0)
      fail ("function %d does not start a page", i);
  CHECK (resident_functions () == 0, "no function's page is resident");
  CHECK (functions[3]() == 10, "the fourth function returns 10");
  CHECK (resident_functions () == 1 && page_resident ((const void *) functions[3]),
         "its page, and only its page, is resident");
  for (i = 0; i < FUNCTIONS; i++)
    if (functions[i]() != i * i + 1)
      fail ("function %d returned the wrong value", i);
  msg ("every function returns its value");
  CHECK (resident_functions () == FUNCTIONS, "all 8 pages are resident");
}
