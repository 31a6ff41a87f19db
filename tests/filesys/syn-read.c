/* Ten processes read one 40 kB file at once, each starting at a different
   region, and check every byte; the parent then checks it is unchanged. */

#include "tests/filesys/syn.h"

void
test_main (void)
{
  static char region[SYN_REGION];
  int fd, i;

  fs_create ("readme", 0);
  fd = fs_open ("readme");
  for (i = 0; i < SYN_CHILDREN; i++)
    {
      fs_fill (region, SYN_REGION, i, 0);
      fs_write (fd, "readme", region, SYN_REGION);
    }
  close (fd);
  syn_run_children ("read", "readme");
  syn_check_file ("readme");
}
