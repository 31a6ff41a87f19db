/* write() of a mapped file while another process of the writer's fork family
   unmaps the file (by munmap, or by exiting). The writer keeps the file's I/O
   lock across its write(), so that no write-back lands inside it, and pins its
   buffer's pages meanwhile, which takes its family's lock; the other process
   holds that lock while it detaches its mapping, whose write-back takes the I/O
   lock. A kernel that takes the two locks in both orders deadlocks here (found
   by the fuzzer, tests/fuzz): the machine idles until the timeout. Each round a
   child forked with the mapping waits until the parent is inside a write() of
   1 MB to the file, dirties a page of the mapping and unmaps it. */

#include "tests/vm/forklib.h"
#include "tests/vm/mapfile.h"

#define ROUNDS 8
#define WRITE_BYTES (1024 * 1024)
#define CHILD_STATUS 10

static char buf[WRITE_BYTES]; /* What the parent writes: untouched .bss. */

void
test_main (void)
{
  mapid_t map;
  int fd, round;

  close (map_make_file ("data", 4 * PGSIZE, 3));
  fd = open ("data");
  map = mmap (fd, MAP_ADDR);
  CHECK (map != MAP_FAILED, "mapped the file");
  for (round = 0; round < ROUNDS; round++)
    {
      pid_t pid = fork_checked ();

      if (pid == 0)
        {
          sleep (10 + 10 * round); /* Into the parent's write(). */
          MAP_ADDR[round] = 'c';
          if (round % 2 == 0)
            munmap (map);
          exit (CHILD_STATUS + round);
        }
      seek (fd, 0);
      if (write (fd, buf, sizeof buf) != (int) sizeof buf)
        fail ("round %d: short write", round);
      wait_for (pid, CHILD_STATUS + round, "the child");
    }
  msg ("%d writes, each against a child's unmap", ROUNDS);
}
