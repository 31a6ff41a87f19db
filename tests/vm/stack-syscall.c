/* A system call may be the first to touch stack pages: `read' into a fresh
   64 kB local buffer.  The call's own argument pushes extend the stack
   region down past the buffer, but none of the buffer's pages above them is
   resident: the kernel faults them in (in kernel mode, on the process's
   behalf) as it copies the file in. */

#include "tests/vm/vmlib.h"

#define BUF_SIZE (64 * 1024)
#define SEED 21

static void __attribute__ ((noinline)) read_into_stack (int fd)
{
  uint8_t buf[BUF_SIZE];
  uint8_t *low = pg_round_up (buf);               /* Above the pushes. */
  uint8_t *high = pg_round_down (buf + BUF_SIZE); /* The first stack page. */

  CHECK (count_pages (low, high - low, MINCORE_RESIDENT) == 0,
         "the buffer's pages between %%esp's and the first are not resident");
  CHECK (read (fd, buf, BUF_SIZE) == BUF_SIZE, "read 64 kB into the buffer");
  pattern_verify (buf, BUF_SIZE, 0, SEED, "stack buffer");
  msg ("the buffer holds the file's bytes");
  CHECK (count_pages (buf, BUF_SIZE, MINCORE_RESIDENT)
             == (size_t) ((uint8_t *) pg_round_up (buf + BUF_SIZE)
                          - (uint8_t *) pg_round_down (buf))
                    / PGSIZE,
         "every page of the buffer is resident");
}

void
test_main (void)
{
  int fd;

  pattern_file ("data", BUF_SIZE, SEED);
  fd = open ("data");
  if (fd < 2)
    fail ("open \"data\" failed");
  read_into_stack (fd);
  close (fd);
}
