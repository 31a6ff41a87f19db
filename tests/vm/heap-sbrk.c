/* sbrk grows and shrinks the heap: it starts at the page-aligned end of .bss, a
   grown heap reads as zeros and is writable, the regions() call shows a "heap"
   region exactly as large as the break asks, and shrinking to the start removes
   it. */

#include <region-info.h>
#include <stdint.h>
#include <syscall.h>
#include "tests/lib.h"

extern char end[]; /* The linker's end of .bss. */

/* The heap region's end, or 0 if there is none. */
static uintptr_t
heap_end (void)
{
  struct region_info info[16];
  int i, n = regions (info, 16);

  for (i = 0; i < n && i < 16; i++)
    if (info[i].kind[0] == 'h')
      return info[i].end;
  return 0;
}

void
test_main (void)
{
  char *start = sbrk (0);
  char *p;
  int i;

  CHECK (start == pg_round_up (end), "the break starts at the page after .bss");
  CHECK (heap_end () == 0, "no heap region before the heap grows");
  CHECK (sbrk (100) == start, "sbrk (100) returns the old break");
  CHECK (sbrk (0) == start + 100, "the break moved by 100 bytes");
  CHECK (heap_end () == (uintptr_t) start + PGSIZE, "the heap region is one page");
  p = sbrk (3 * PGSIZE);
  CHECK (p == start + 100, "sbrk (3 pages) returns the old break");
  for (i = 0; i < 3 * PGSIZE + 100; i++)
    if (start[i] != 0)
      fail ("heap byte %d is %d, not zero", i, start[i]);
  msg ("the new heap reads as zeros");
  for (i = 0; i < 3 * PGSIZE + 100; i++)
    start[i] = (char) i;
  for (i = 0; i < 3 * PGSIZE + 100; i++)
    if (start[i] != (char) i)
      fail ("heap byte %d did not keep its value", i);
  msg ("the heap is writable");
  CHECK (heap_end () == (uintptr_t) start + 4 * PGSIZE,
         "the heap region is four pages");
  CHECK (sbrk (-(3 * PGSIZE + 100)) == start + 3 * PGSIZE + 100,
         "shrinking returns the old break");
  CHECK (sbrk (0) == start && heap_end () == 0, "back at the start: no heap region");
}
