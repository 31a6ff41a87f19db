/* Ten processes write their own regions of one EMPTY file at once, so it
   grows under all of them concurrently; afterwards it is exactly ten
   regions long and every byte is the one its writer put there. */

#include "tests/filesys/syn.h"

void
test_main (void)
{
  fs_create ("grown", 0);
  syn_run_children ("write", "grown");
  syn_check_file ("grown");
}
