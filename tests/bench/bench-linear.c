/* bench-linear N: N passes, each writing every byte of a 2 MB array and then
   reading it all back, in 4 MB of RAM: the array cannot all be resident, so each
   pass sends most of it to swap and brings it back. Exits 1 if a byte is wrong. */

#include <stdlib.h>

#define SIZE (2 * 1024 * 1024)

static volatile unsigned char buf[SIZE];

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int pass, n = argc > 1 ? atoi (argv[1]) : 0;
  size_t i;

  for (pass = 0; pass < n; pass++)
    {
      for (i = 0; i < SIZE; i++)
        buf[i] = (unsigned char) (i * 7 + pass);
      for (i = 0; i < SIZE; i++)
        if (buf[i] != (unsigned char) (i * 7 + pass))
          return 1;
    }
  return 0;
}
