/* Fault-around: a program run a second time finds its pages in the page cache,
   and a fault on one maps the cached pages around it too, without the disk and
   without their own faults (the trace's "(+N around)"); mincore calls them
   resident and not accessed. */

#include <syscall.h>
#include "tests/lib.h"

void
test_main (void)
{
  CHECK (wait (exec ("child-around all")) == 0, "the first run read all 16 pages");
  CHECK (wait (exec ("child-around one")) == 0, "the second run checked its pages");
}
