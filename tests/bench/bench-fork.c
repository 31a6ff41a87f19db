/* bench-fork N [KB [frames]]: writes KB kilobytes of heap (default 1024), then N
   times forks a child that exits at once and waits for it. With copy-on-write a
   fork costs the page tables; with the kernel's -nocow it copies every written
   page. With `frames', each child also prints how many user frames the machine
   lost between just before the fork and the child's first line (its stack's
   first store, a copy-on-write fault, included; page tables come from the
   kernel's pool and are not counted). */

#include <meminfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <syscall.h>

int main (int argc, char **argv);

/* The machine's free user frames now. */
static unsigned
free_frames (void)
{
  struct meminfo info;

  meminfo (&info);
  return info.frames_free;
}

int
main (int argc, char **argv)
{
  int n = argc > 1 ? atoi (argv[1]) : 0;
  size_t size = (argc > 2 ? (size_t) atoi (argv[2]) : 1024) * 1024;
  bool report = argc > 3 && !strcmp (argv[3], "frames");
  char *heap = sbrk (size);
  int i;

  if (heap == (char *) -1)
    return 1;
  memset (heap, 1, size);
  for (i = 0; i < n; i++)
    {
      unsigned before = free_frames ();
      pid_t pid = fork ();
      if (pid == 0)
        {
          if (report)
            printf ("bench-fork: %zu kB resident, the fork took %u user frames\n",
                    size / 1024, before - free_frames ());
          exit (0);
        }
      if (pid == PID_ERROR || wait (pid) != 0)
        return 1;
    }
  return 0;
}
