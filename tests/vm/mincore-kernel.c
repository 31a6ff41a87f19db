/* mincore() reports on user space only: a range that starts at PHYS_BASE,
   lies in the kernel half, runs from the top user page into the kernel, or
   wraps around the address space gets -1; the top user page alone is fine
   (it is the stack's, and resident). */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  uint8_t *top = (uint8_t *) PHYS_BASE - PGSIZE;
  unsigned char vec[4];

  CHECK (mincore (PHYS_BASE, PGSIZE, vec) == -1, "mincore (PHYS_BASE) returns -1");
  CHECK (mincore (KERNEL_ADDRESS, PGSIZE, vec) == -1,
         "mincore (a mapped kernel page) returns -1");
  CHECK (mincore (top, 2 * PGSIZE, vec) == -1,
         "a range from the top user page into the kernel returns -1");
  CHECK (mincore (top, 0xfffff000u, vec) == -1,
         "a range that wraps around returns -1");
  CHECK (mincore (top, PGSIZE, vec) == 0 && (vec[0] & MINCORE_RESIDENT),
         "the top user page alone is resident");
}
