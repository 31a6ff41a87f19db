/* A write() as large as a call allows (INT32_MAX bytes, from an untouched 2 GB
   .bss and the heap's first pages just after it) into a mapped file at offset 5
   keeps what the mapping stored at byte 0: the bytes around a write are never
   reverted, however large it is. The file system fills up long before 2 GB, so
   the write is short. (A heap that big would be refused: sbrk does not
   overcommit; a .bss is the program's own.) */

#include <stdint.h>
#include "tests/vm/mapfile.h"

#define HIGH_MAP ((char *) 0x90000000) /* Above the 2 GB .bss. */

static char huge[0x7ffff000u] __attribute__ ((aligned (PGSIZE)));

void
test_main (void)
{
  char *heap = huge;
  int fd = map_make_file ("data", PGSIZE, 5);
  int written;

  CHECK (sbrk (2 * PGSIZE) != (void *) -1 && (char *) sbrk (0) >= huge + INT32_MAX
             && (char *) sbrk (0) < HIGH_MAP,
         "a 2 GB .bss, untouched");
  CHECK (mmap (fd, HIGH_MAP) != MAP_FAILED, "\"data\" mapped above it");
  HIGH_MAP[0] = 'Z';
  seek (fd, 5);
  written = write (fd, heap, INT32_MAX);
  CHECK (written > PGSIZE && written < INT32_MAX,
         "the write was short, as the disk filled");
  CHECK (HIGH_MAP[0] == 'Z', "the mapping's store at byte 0 is still there");
  CHECK (HIGH_MAP[5] == 0 && HIGH_MAP[PGSIZE - 1] == 0,
         "and the mapping shows the written zeros");
}
