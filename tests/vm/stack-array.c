/* A 256 kB local array: the compiler moves %esp down past it in one step,
   and the stack grows a page at a time as the array is written, each fault
   within reach of %esp.  The pattern written must read back intact, and the
   stack region must now reach below the array. */

#include "tests/vm/vmlib.h"

#define ARRAY_SIZE (256 * 1024)

static void __attribute__ ((noinline)) use_big_array (void)
{
  uint8_t array[ARRAY_SIZE];

  pattern_fill (array, sizeof array, 0, 11);
  pattern_verify (array, sizeof array, 0, 11, "local array");
  msg ("256 kB local array written and read back");
  CHECK (stack_bottom () <= array, "stack region reaches below the array");
}

void
test_main (void)
{
  use_big_array ();
}
