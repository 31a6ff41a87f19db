/* Growth by pushes: an assembly loop pushes 65536 words (256 kB), each push
   one word below the last, so every new stack page is first touched by a
   push 4 bytes below %esp.  The words then pop off in reverse order and
   every one must be the value pushed. */

#include "tests/vm/vmlib.h"

#define PUSHES 65536

void
test_main (void)
{
  uint8_t *lowest;
  unsigned errors;

  asm volatile("movl %%esp, %%esi\n\t"
               "xorl %%ecx, %%ecx\n"
               "1:\n\t"
               "pushl %%ecx\n\t"
               "incl %%ecx\n\t"
               "cmpl %[count], %%ecx\n\t"
               "jb 1b\n\t"
               "movl %%esp, %%edi\n\t"
               "xorl %%edx, %%edx\n"
               "2:\n\t"
               "decl %%ecx\n\t"
               "popl %%eax\n\t"
               "cmpl %%eax, %%ecx\n\t"
               "je 3f\n\t"
               "incl %%edx\n"
               "3:\n\t"
               "testl %%ecx, %%ecx\n\t"
               "jnz 2b\n\t"
               "movl %%esi, %%esp"
               : "=d"(errors), "=D"(lowest)
               : [count] "i"(PUSHES)
               : "eax", "ecx", "esi", "memory", "cc");
  CHECK (errors == 0, "%d words pushed and popped back intact", PUSHES);
  CHECK (stack_bottom () <= lowest, "stack region reaches the lowest push");
}
