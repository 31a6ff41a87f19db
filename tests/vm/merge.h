/* The parent's side of the merge-sort tests: 1 MB of pseudo-random bytes
   split into eight 128 kB files, each sorted by a child (CHILD), then read
   back and merged; the result must be sorted and hold every byte value as
   often as the input did.  With PARALLEL the children all run at once. */

#include <stdio.h>
#include "tests/vm/vmlib.h"

#define MERGE_SIZE (1024 * 1024)
#define CHUNKS 8
#define CHUNK_SIZE (MERGE_SIZE / CHUNKS)

static uint8_t input[MERGE_SIZE];
static uint8_t output[MERGE_SIZE];

static void
merge_test (const char *child, bool parallel)
{
  size_t histogram[256], cursor[CHUNKS];
  pid_t pids[CHUNKS];
  struct prng g;
  size_t i, out;
  int c, fd;

  prng_seed (&g, 31337);
  memset (histogram, 0, sizeof histogram);
  for (i = 0; i < MERGE_SIZE; i++)
    {
      input[i] = prng_next (&g) >> 24;
      histogram[input[i]]++;
    }
  for (c = 0; c < CHUNKS; c++)
    {
      char name[16];

      snprintf (name, sizeof name, "chunk%d", c);
      if (!create (name, 0) || (fd = open (name)) < 2
          || write (fd, input + c * CHUNK_SIZE, CHUNK_SIZE) != CHUNK_SIZE)
        fail ("cannot write \"%s\"", name);
      close (fd);
    }
  msg ("wrote 1 MB of random bytes in 8 files");
  for (c = 0; c < CHUNKS; c++)
    {
      char cmdline[32];

      snprintf (cmdline, sizeof cmdline, "%s chunk%d", child, c);
      pids[c] = exec (cmdline);
      if (pids[c] == PID_ERROR)
        fail ("exec \"%s\" failed", cmdline);
      if (!parallel && wait (pids[c]) != 0)
        fail ("\"%s\" failed", cmdline);
    }
  if (parallel)
    for (c = 0; c < CHUNKS; c++)
      if (wait (pids[c]) != 0)
        fail ("child %d failed", c);
  msg ("8 children sorted a file each");
  for (c = 0; c < CHUNKS; c++)
    {
      char name[16];

      snprintf (name, sizeof name, "chunk%d", c);
      if ((fd = open (name)) < 2
          || read (fd, input + c * CHUNK_SIZE, CHUNK_SIZE) != CHUNK_SIZE)
        fail ("cannot read \"%s\"", name);
      close (fd);
      cursor[c] = c * CHUNK_SIZE;
    }
  for (out = 0; out < MERGE_SIZE; out++)
    {
      int best = -1;

      for (c = 0; c < CHUNKS; c++)
        if (cursor[c] < (size_t) (c + 1) * CHUNK_SIZE
            && (best < 0 || input[cursor[c]] < input[cursor[best]]))
          best = c;
      output[out] = input[cursor[best]++];
    }
  for (i = 0; i < MERGE_SIZE; i++)
    {
      if (i > 0 && output[i] < output[i - 1])
        fail ("merged byte %zu is out of order", i);
      histogram[output[i]]--;
    }
  for (i = 0; i < 256; i++)
    if (histogram[i] != 0)
      fail ("byte value %zu is missing or extra", i);
  msg ("the merged 1 MB is sorted and holds the input's bytes");
}
