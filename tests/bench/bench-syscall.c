/* bench-syscall N: N near-null system calls (tell on the console, which returns -1
   after the descriptor check). */

#include <stdlib.h>
#include <syscall.h>

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int i, n = argc > 1 ? atoi (argv[1]) : 0;

  for (i = 0; i < n; i++)
    tell (1);
  return 0;
}
