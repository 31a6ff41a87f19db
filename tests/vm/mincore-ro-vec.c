/* mincore() writes its result vector: a vector in read-only data (a string
   constant) is a bad pointer, and the process is killed. */

#include "tests/vm/vmlib.h"

static const char constant[PGSIZE] = "read-only";

void
test_main (void)
{
  msg ("mincore with its vector in read-only data");
  mincore ((uint8_t *) PHYS_BASE - PGSIZE, PGSIZE, (unsigned char *) constant);
  fail ("survived writing mincore's vector into read-only data");
}
