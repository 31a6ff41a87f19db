/* A write() as large as a call allows (INT32_MAX bytes, from a lazily grown 2 GB
   heap) into a mapped file at offset 5 keeps what the mapping stored at byte 0:
   the bytes around a write are never reverted, however large it is. The file
   system fills up long before 2 GB, so the write is short. */

#include <stdint.h>
#include "tests/vm/mapfile.h"

#define HIGH_MAP ((char *) 0x90000000) /* Above the 2 GB heap. */

void
test_main (void)
{
  char *heap = sbrk (INT32_MAX);
  int fd = map_make_file ("data", PGSIZE, 5);
  int written;

  CHECK (heap != (char *) -1, "a 2 GB heap, untouched");
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
