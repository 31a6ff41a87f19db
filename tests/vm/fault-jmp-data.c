/* Jumping to data.  Without NX (Kestrel does not use PAE), x86 page tables
   cannot forbid executing a readable page, so a jump into .bss runs
   whatever is there.  This test stores there an instruction that reads
   0x10000000, an address in no region, and jumps to it: the fault that
   follows comes from an %eip inside .bss (the diagnostic line shows it),
   and kills the process. */

#include "tests/vm/vmlib.h"

static uint8_t code[PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  static const uint8_t load[]
      = { 0xa1, 0x00, 0x00, 0x00, 0x10 }; /* mov 0x10000000,%eax */

  memcpy (code, load, sizeof load);
  msg ("jump to an instruction stored in .bss");
  asm volatile("call *%0" : : "r"(code) : "eax", "ecx", "edx", "memory");
  fail ("survived");
}
