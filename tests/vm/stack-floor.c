/* The stack may reach 8 MB below PHYS_BASE, and growing there costs one
   page, not 8 MB: with %esp moved 32 bytes above the floor, a store at
   -32(%esp) writes the floor's first word.  The stack region then starts at
   the floor, and only the two pages touched (the top one and the floor's)
   are resident. */

#include "tests/vm/vmlib.h"

#define MARK 0xf100f100

void
test_main (void)
{
  uint32_t *floor_word = (uint32_t *) STACK_FLOOR;

  msg ("store at the floor, 8 MB below PHYS_BASE");
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "movl %[mark], -32(%%esp)\n\t"
               "movl %%ebx, %%esp"
               :
               : [esp] "r"(STACK_FLOOR + 32), [mark] "i"(MARK)
               : "ebx", "memory");
  CHECK (*floor_word == MARK, "the stored word reads back");
  CHECK (stack_bottom () == STACK_FLOOR, "the stack region starts at the floor");
  CHECK (count_pages (STACK_FLOOR, STACK_MAX, MINCORE_RESIDENT) == 2,
         "2 of its 2048 pages are resident");
}
