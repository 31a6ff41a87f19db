/* bench-forkexec N: N times forks a child that replaces itself with bench-nop
   (exec_replace) and waits for it: the Unix way to start a program, against
   bench-exec's exec + wait. */

#include <stdlib.h>
#include <syscall.h>

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int i, n = argc > 1 ? atoi (argv[1]) : 0;

  for (i = 0; i < n; i++)
    {
      pid_t pid = fork ();
      if (pid == 0)
        {
          exec_replace ("bench-nop");
          exit (2);
        }
      if (pid == PID_ERROR || wait (pid) != 0)
        return 1;
    }
  return 0;
}
