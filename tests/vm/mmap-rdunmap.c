/* A read() of a mapped file that ends while the file's last mapping is being
   unmapped. The unmap takes the file's object off the list of objects and
   writes its dirty pages back; a read, which counts as a user of the object
   only from its start to its end, must not free the object meanwhile (it did:
   the unmap went on with freed memory, a kernel fault; found by the fuzzer,
   tests/fuzz). A reader reads the file over and over in large reads while
   this process maps it, dirties every page and unmaps it, round after round. */

#include <string.h>
#include "tests/vm/barrier.h"
#include "tests/vm/mapfile.h"

#define FILE_BYTES (64 * PGSIZE)
#define ROUNDS 40

static char buf[FILE_BYTES];

/* Reads "data" whole, again and again, until "stop" exists. */
static void
reader (void)
{
  int fd = open ("data");

  if (fd < 2)
    fail ("reader: open failed");
  if (!create ("reading", 0))
    fail ("reader: create failed");
  for (;;)
    {
      int stop = open ("stop");
      if (stop >= 0)
        exit (0);
      seek (fd, 0);
      if (read (fd, buf, sizeof buf) != (int) sizeof buf)
        fail ("reader: short read");
    }
}

void
test_main (void)
{
  pid_t pid;
  int fd, round;

  if (test_argc > 1)
    reader ();
  close (map_make_file ("data", FILE_BYTES, 9));
  fd = open ("data");
  pid = exec ("mmap-rdunmap reader");
  barrier_wait_for ("reading");
  for (round = 0; round < ROUNDS; round++)
    {
      mapid_t map = mmap (fd, MAP_ADDR);
      size_t i;

      if (map == MAP_FAILED)
        fail ("round %d: mmap failed", round);
      for (i = 0; i < FILE_BYTES; i += PGSIZE)
        MAP_ADDR[i] = map_pattern (i, 9);
      sleep (1 + round % 3); /* The reader gets into a read meanwhile. */
      munmap (map);
    }
  msg ("%d maps and unmaps of a file being read", ROUNDS);
  msg ("stopping the reader");
  if (!create ("stop", 0))
    fail ("create \"stop\" failed");
  CHECK (wait (pid) == 0, "the reader read the file whole every time");
}
