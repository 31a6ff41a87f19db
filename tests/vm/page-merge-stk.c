/* Merge sort with children: the children one after another, each sorting on its
   stack. See merge.h. The parent's 2 MB of buffers and the children's sorting
   buffers together exceed RAM. */

#include "tests/vm/merge.h"

void
test_main (void)
{
  merge_test ("child-sort-stk", false);
}
