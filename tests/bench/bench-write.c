/* bench-write KB [CHUNK]: creates "bench.dat" and writes KB kilobytes to it, one
   after another in writes of CHUNK bytes (default 4096), then closes it; with KB 0
   it writes nothing, so that run's disk traffic is the rest of the run's. Exits
   with 0 if every write was whole. */

#include <stdlib.h>
#include <string.h>
#include <syscall.h>

#define DEFAULT_CHUNK 4096
#define CHUNK_MAX 65536

static char buf[CHUNK_MAX];

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int size = (argc > 1 ? atoi (argv[1]) : 0) * 1024;
  int chunk = argc > 2 ? atoi (argv[2]) : DEFAULT_CHUNK;
  int done, fd, i;

  if (chunk < 1 || chunk > CHUNK_MAX)
    return 1;
  for (i = 0; i < CHUNK_MAX; i++)
    buf[i] = (char) (i * 7 + (i >> 9));
  if (size == 0)
    return 0;
  if (!create ("bench.dat", 0) || (fd = open ("bench.dat")) < 0)
    return 2;
  for (done = 0; done < size; done += chunk)
    {
      int n = size - done < chunk ? size - done : chunk;
      if (write (fd, buf, n) != n)
        return 3;
    }
  close (fd);
  return 0;
}
