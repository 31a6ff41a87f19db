/* The stack grows to (nearly) its 8 MB limit: a local array of 8 MB less
   128 kB, one word written in each of its 2016 pages and read back.  Then,
   with the stack as deep as it may go, a push just past the limit kills
   the process, which must give every one of those pages back. */

#include "tests/vm/vmlib.h"

#define ARRAY_SIZE (STACK_MAX - 128 * 1024)

static void __attribute__ ((noinline)) use_deep_stack (void)
{
  uint8_t array[ARRAY_SIZE];
  size_t i;

  for (i = 0; i < ARRAY_SIZE; i += PGSIZE)
    *(volatile uint32_t *) (array + i) = i ^ 0xdeadbeef;
  for (i = 0; i < ARRAY_SIZE; i += PGSIZE)
    if (*(volatile uint32_t *) (array + i) != (i ^ 0xdeadbeef))
      fail ("word at offset %zu of the array changed", i);
  msg ("a word in each page of a local array of 8 MB - 128 kB reads back");
  CHECK (stack_bottom () < STACK_FLOOR + 128 * 1024,
         "the stack region reaches within 128 kB of the floor");
  msg ("push one word below the floor");
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "pushl $2\n\t"
               "movl %%ebx, %%esp"
               :
               : [esp] "r"(STACK_FLOOR)
               : "ebx", "memory");
  fail ("survived pushing past the stack's limit");
}

void
test_main (void)
{
  use_deep_stack ();
}
