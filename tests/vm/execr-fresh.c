/* exec_replace leaves nothing of the old program's memory: after the test
   writes its .data and .bss, grows its heap by 1 MB and maps a file, the new
   program's .data and .bss are its own, fresh, and neither the old heap's top
   page nor the mapping is in any region. */

#include <stdio.h>
#include "tests/vm/forklib.h"
#include "tests/vm/mapfile.h"

#define HEAP_GROWTH (1024 * 1024)

static int data_word = 1234;
static int bss_word;

void
test_main (void)
{
  int fd = map_make_file ("data", PGSIZE, 4);
  char *heap = sbrk (HEAP_GROWTH);
  char cmdline[64];

  CHECK (heap != (char *) -1 && mmap (fd, MAP_ADDR) != MAP_FAILED,
         "grow the heap by 1 MB and map a file");
  heap[HEAP_GROWTH - 1] = 1;
  data_word = 1, bss_word = 2;
  snprintf (cmdline, sizeof cmdline, "child-execr fresh %p %p",
            heap + HEAP_GROWTH - 1, MAP_ADDR);
  exec_replace (cmdline);
  fail ("exec_replace returned");
}
