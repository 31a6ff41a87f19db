/* Read-only data is read-only: after a const table's page has been read
   in, a store into it kills the process. */

#include "tests/vm/vmlib.h"

static const uint32_t table[PGSIZE / 4] __attribute__ ((aligned (PGSIZE)))
= { 1, 2, 3 };

void
test_main (void)
{
  CHECK (((volatile const uint32_t *) table)[2] == 3, "read the const table");
  msg ("write to it");
  *(volatile uint32_t *) &table[2] = 4;
  fail ("survived writing to read-only data");
}
