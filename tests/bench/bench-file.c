/* bench-file N: N file-backed page faults, one load from each of the first N
   pages of an initialised array (at most FILE_PAGES), each read from the
   executable on first touch. */

#include <stdlib.h>
#include "threads/vaddr.h"

#define FILE_PAGES 240

/* Non-zero, so the array lands in .data and its pages come from the file. */
static volatile char pages[FILE_PAGES][PGSIZE] = { [0 ... FILE_PAGES - 1] = { 1 } };

int main (int argc, char **argv);

int
main (int argc, char **argv)
{
  int i, n = argc > 1 ? atoi (argv[1]) : 0;
  int sum = 0;

  for (i = 0; i < n && i < FILE_PAGES; i++)
    sum += pages[i][0];
  return sum == (n < FILE_PAGES ? n : FILE_PAGES) ? 0 : 1;
}
