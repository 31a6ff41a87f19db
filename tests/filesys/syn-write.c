/* Ten processes write their own 4000-byte regions of one pre-sized file at
   once, in 61-byte pieces (regions share sectors); afterwards every byte is
   the one its writer put there. */

#include "tests/filesys/syn.h"

void
test_main (void)
{
  fs_create ("shared", SYN_CHILDREN * SYN_REGION);
  syn_run_children ("write", "shared");
  syn_check_file ("shared");
}
