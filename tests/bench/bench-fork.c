/* bench-fork N [KB]: writes KB kilobytes of heap (default 1024), then N times
   forks a child that exits at once and waits for it. With copy-on-write a fork
   costs the page tables; with the kernel's -nocow it copies every written page. */

#include <stdlib.h>
#include <string.h>
#include <syscall.h>

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 0;
  size_t size = (argc > 2 ? (size_t) atoi (argv[2]) : 1024) * 1024;
  char *heap = sbrk (size);
  int i;

  if (heap == (char *) -1)
    return 1;
  memset (heap, 1, size);
  for (i = 0; i < n; i++)
    {
      pid_t pid = fork ();
      if (pid == 0)
        exit (0);
      if (pid == PID_ERROR || wait (pid) != 0)
        return 1;
    }
  return 0;
}
