/* read() into a buffer that straddles a page boundary (both pages mapped):
   the kernel must copy out page by page into the right places. */

#include "tests/lib.h"
#include "tests/userprog/sample.h"
#include <syscall.h>

static char pages[2 * PGSIZE] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  char *buffer = pages + PGSIZE - (sizeof sample - 1) / 2;
  int fd = open ("sample.txt");

  CHECK (fd > 1, "open \"sample.txt\"");
  CHECK (read (fd, buffer, sizeof sample - 1) == sizeof sample - 1,
         "read across a page boundary returns %d", (int) sizeof sample - 1);
  compare_bytes (buffer, sample, sizeof sample - 1, "sample.txt");
  msg ("the bytes match");
}
