/* Helper: `child-hog MB' writes MB megabytes (at most 8) of .bss, a byte a
   page, more than RAM and swap hold in the tests that run it, so the kernel
   must kill it when memory runs out.  Exits 0 if it never is.  Quiet. */

#include <stdlib.h>
#include "tests/vm/vmlib.h"

#define MAX_SIZE (8 * 1024 * 1024)

static uint8_t array[MAX_SIZE] __attribute__ ((aligned (PGSIZE)));

int
main (int argc, char *argv[])
{
  size_t size;

  test_name = "child-hog";
  quiet = true;
  if (argc != 2)
    fail ("usage: child-hog MB");
  size = (size_t) atoi (argv[1]) * 1024 * 1024;
  if (size > MAX_SIZE)
    fail ("at most 8 MB");
  touch_pages (array, size);
  return 0;
}
