/* Every mmap that shared/ABI.md refuses returns -1 and maps nothing: address 0,
   an unaligned address, the console's descriptors, a closed descriptor, an empty
   file, and ranges overlapping code, data, .bss, the heap, the stack, the stack's
   reserved reach, the kernel, or another mapping. */

#include "tests/vm/mapfile.h"
#include "threads/vaddr.h"

extern char end[];        /* The linker's end of .bss. */
static int data_word = 1; /* In .data. */

void
test_main (void)
{
  int fd = map_make_file ("data", 2 * PGSIZE, 1);
  int empty;
  char *heap;
  char local;

  CHECK (create ("empty", 0) && (empty = open ("empty")) > 1, "made an empty file");
  CHECK (mmap (fd, NULL) == MAP_FAILED, "address 0: refused");
  CHECK (mmap (fd, MAP_ADDR + 1) == MAP_FAILED, "unaligned address: refused");
  CHECK (mmap (0, MAP_ADDR) == MAP_FAILED, "fd 0: refused");
  CHECK (mmap (1, MAP_ADDR) == MAP_FAILED, "fd 1: refused");
  CHECK (mmap (99, MAP_ADDR) == MAP_FAILED, "a closed descriptor: refused");
  CHECK (mmap (empty, MAP_ADDR) == MAP_FAILED, "an empty file: refused");
  CHECK (mmap (fd, pg_round_down ((void *) test_main)) == MAP_FAILED,
         "over the code: refused");
  CHECK (mmap (fd, pg_round_down (&data_word)) == MAP_FAILED, "over .data: refused");
  CHECK (mmap (fd, pg_round_down (end - 1)) == MAP_FAILED, "over .bss: refused");
  heap = sbrk (PGSIZE);
  CHECK (mmap (fd, heap - PGSIZE) == MAP_FAILED, "ending inside the heap: refused");
  CHECK (mmap (fd, pg_round_down (&local)) == MAP_FAILED, "over the stack: refused");
  CHECK (mmap (fd, (char *) PHYS_BASE - STACK_MAX) == MAP_FAILED,
         "in the stack's reserved reach: refused");
  CHECK (mmap (fd, (char *) PHYS_BASE - STACK_MAX - PGSIZE) == MAP_FAILED,
         "reaching into the stack's reserved reach: refused");
  CHECK (mmap (fd, PHYS_BASE) == MAP_FAILED, "in the kernel: refused");
  CHECK (mmap (fd, MAP_ADDR) != MAP_FAILED, "a good mapping");
  CHECK (mmap (fd, MAP_ADDR + PGSIZE) == MAP_FAILED,
         "overlapping that mapping: refused");
  CHECK (mmap (fd, MAP_ADDR - PGSIZE) == MAP_FAILED,
         "reaching into that mapping: refused");
  CHECK (mmap (fd, MAP_ADDR + 2 * PGSIZE) != MAP_FAILED, "a mapping just after it");
}
