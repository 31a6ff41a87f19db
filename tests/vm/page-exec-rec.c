/* Recursive exec while swapping: twelve nested processes, each holding
   256 kB it wrote before exec'ing the next (3 MB in all, more than RAM),
   each checking its memory after its child returns. */

#include "tests/vm/vmlib.h"

void
test_main (void)
{
  CHECK (wait (exec ("child-recswap 11")) == 12,
         "12 nested processes each found their 256 kB intact");
}
