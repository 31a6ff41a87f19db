/* Helper for the merge-sort tests: `child-sort FILE' reads FILE (at most
   128 kB) into .bss, merge-sorts its bytes, writes them back over the file
   and exits with 0.  Quiet. */

#include "tests/vm/sort.h"
#include "tests/vm/vmlib.h"

#define MAX_SIZE (128 * 1024)

static uint8_t data[MAX_SIZE];
static uint8_t scratch[MAX_SIZE];

int
main (int argc, char *argv[])
{
  int fd, size;

  test_name = "child-sort";
  quiet = true;
  if (argc != 2)
    fail ("usage: child-sort FILE");
  fd = open (argv[1]);
  if (fd < 2)
    fail ("open \"%s\" failed", argv[1]);
  size = filesize (fd);
  if (size < 0 || size > MAX_SIZE || read (fd, data, size) != size)
    fail ("cannot read \"%s\"", argv[1]);
  merge_sort_bytes (data, scratch, size);
  seek (fd, 0);
  if (write (fd, data, size) != size)
    fail ("cannot write \"%s\"", argv[1]);
  close (fd);
  return 0;
}
