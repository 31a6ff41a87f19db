/* bench-exec N: N exec+wait round trips of bench-nop. */

#include <stdlib.h>
#include <syscall.h>

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int i, n = argc > 1 ? atoi (argv[1]) : 0;

  for (i = 0; i < n; i++)
    if (wait (exec ("bench-nop")) != 0)
      return 1;
  return 0;
}
