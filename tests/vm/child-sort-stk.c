/* Helper for page-merge-stk: `child-sort-stk FILE' does what child-sort
   does with its buffers on the stack (256 kB of locals) instead of .bss.
   Quiet. */

#include "tests/vm/sort.h"
#include "tests/vm/vmlib.h"

#define MAX_SIZE (128 * 1024)

static int __attribute__ ((noinline)) sort_file (const char *name)
{
  uint8_t data[MAX_SIZE];
  uint8_t scratch[MAX_SIZE];
  int fd, size;

  fd = open (name);
  if (fd < 2)
    fail ("open \"%s\" failed", name);
  size = filesize (fd);
  if (size < 0 || size > MAX_SIZE || read (fd, data, size) != size)
    fail ("cannot read \"%s\"", name);
  merge_sort_bytes (data, scratch, size);
  seek (fd, 0);
  if (write (fd, data, size) != size)
    fail ("cannot write \"%s\"", name);
  close (fd);
  return 0;
}

int
main (int argc, char *argv[])
{
  test_name = "child-sort-stk";
  quiet = true;
  if (argc != 2)
    fail ("usage: child-sort-stk FILE");
  return sort_file (argv[1]);
}
