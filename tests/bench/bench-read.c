/* bench-read N [KB]: writes a file of KB kilobytes (default 256), then reads it
   whole N times, 4 kB a read. */

#include <stdlib.h>
#include <string.h>
#include <syscall.h>

#define DEFAULT_KB 256
#define CHUNK 4096

static char buf[CHUNK];

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int i, fd, n = argc > 1 ? atoi (argv[1]) : 0;
  int size = (argc > 2 ? atoi (argv[2]) : DEFAULT_KB) * 1024;
  int done;

  memset (buf, 'k', sizeof buf);
  if (!create ("bench.dat", 0) || (fd = open ("bench.dat")) < 0)
    return 1;
  for (done = 0; done < size; done += CHUNK)
    if (write (fd, buf, CHUNK) != CHUNK)
      return 2;
  for (i = 0; i < n; i++)
    {
      seek (fd, 0);
      for (done = 0; done < size; done += CHUNK)
        if (read (fd, buf, CHUNK) != CHUNK || buf[0] != 'k')
          return 3;
    }
  close (fd);
  return 0;
}
