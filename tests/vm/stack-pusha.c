/* PUSHA stores eight words below %esp, the lowest 32 bytes below it: a
   fault that far down is a legal stack access.  With %esp 16 bytes above the
   lowest page of the stack region, PUSHA's lowest word lands 16 bytes into
   the page below, which is not yet part of the stack: the stack must grow
   by that page and the words must be stored. */

#include "tests/vm/vmlib.h"

#define MARK 0x5ca1ab1e

void
test_main (void)
{
  uint8_t *bottom = stack_bottom ();
  uint32_t *lowest_word = (uint32_t *) (bottom - 16);

  CHECK (!in_some_region (lowest_word), "the page below the stack is in no region");
  msg ("pusha with %%esp 16 bytes above the stack's lowest page");
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "pusha\n\t"
               "popa\n\t"
               "movl %%ebx, %%esp"
               :
               : [esp] "r"(bottom + 16), "D"(MARK)
               : "ebx", "memory");
  CHECK (*lowest_word == MARK, "%%edi, stored 32 bytes below %%esp, reads back");
  CHECK (stack_bottom () == bottom - PGSIZE, "the stack grew by one page");
}
