/* The exact limit of the stack's reach: a store 32 bytes below %esp, into a
   page the stack does not have yet, grows the stack.  %esp is set 16 bytes
   above the lowest stack page, so -32(%esp) lies 16 bytes into the page
   below. */

#include "tests/vm/vmlib.h"

#define MARK 0x600dcafe

void
test_main (void)
{
  uint8_t *bottom = stack_bottom ();
  uint32_t *target = (uint32_t *) (bottom - 16);

  CHECK (!in_some_region (target), "the page below the stack is in no region");
  msg ("store at -32(%%esp)");
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "movl %[mark], -32(%%esp)\n\t"
               "movl %%ebx, %%esp"
               :
               : [esp] "r"(bottom + 16), [mark] "i"(MARK)
               : "ebx", "memory");
  CHECK (*target == MARK, "the stored word reads back");
  CHECK (stack_bottom () == bottom - PGSIZE, "the stack grew by one page");
  CHECK (page_state (target)
             == (MINCORE_RESIDENT | MINCORE_DIRTY | MINCORE_ACCESSED),
         "the new page is resident, dirty and accessed");
}
