/* A heap bigger than half of RAM is forked: copying it would not fit beside the
   original (there is no swap), but sharing costs no frame. The parent writes
   900 kB; after the fork the free frames are almost what they were; the child
   reads all of it (still no frame taken) and writes one page (one frame); the
   parent then finds its 900 kB intact. */

#include <malloc.h>
#include "tests/vm/forklib.h"
#include "tests/vm/vmlib.h"

#define HEAP_BYTES (900 * 1024)
#define SEED 11

void
test_main (void)
{
  struct meminfo info;
  uint8_t *heap = malloc (HEAP_BYTES);
  unsigned before, after;
  pid_t pid;

  meminfo (&info);
  CHECK (heap != NULL && HEAP_BYTES / PGSIZE > info.frames / 2,
         "a 900 kB heap, more than half of the user frames");
  pattern_fill (heap, HEAP_BYTES, 0, SEED);
  before = free_frames ();
  pid = fork_checked ();
  if (pid == 0)
    {
      after = free_frames ();
      if (after + 8 < before)
        exit (1); /* The fork copied pages. */
      pattern_verify (heap, HEAP_BYTES, 0, SEED, "the child's view");
      if (free_frames () + 8 < before)
        exit (2); /* Reading copied pages. */
      heap[0] ^= 0xff;
      if (free_frames () + 9 < before)
        exit (3);
      exit (0);
    }
  wait_for (pid, 0, "the child");
  msg ("the fork took almost no frame, nor did the child's reads");
  pattern_verify (heap, HEAP_BYTES, 0, SEED, "the parent's view");
  msg ("the parent's 900 kB are intact");
}
