/* A fresh process holds only what it has used: when test_main starts
   (after the library's main has printed its first line), the stack is one
   resident page, the pages of code that ran are resident, and a 256 kB
   .bss array, a 256 kB .data array and a page-sized function never called
   have no resident page.  Across all its regions the process has fewer
   than 16 resident pages. */

#include "tests/vm/vmlib.h"
#include "tests/vm/lazy-data.h"

static uint8_t zeros[256 * 1024] __attribute__ ((aligned (PGSIZE)));
static uint32_t data[64 * PAGE_WORDS] __attribute__ ((aligned (PGSIZE)))
= { PAGE_INIT64 (0) };

/* A function that fills exactly one page (4095 NOPs and a return), in
   assembly so that no other code shares its page. */
asm(".text\n"
    ".p2align 12\n"
    "never_called:\n\t"
    ".fill 4095, 1, 0x90\n\t"
    "ret\n");
void never_called (void);

void
test_main (void)
{
  struct region_info info[VM_REGIONS_MAX];
  int n = get_regions (info);
  size_t resident = 0;
  int i;

  for (i = 0; i < n; i++)
    resident += count_pages ((void *) info[i].start, info[i].end - info[i].start,
                             MINCORE_RESIDENT);
  CHECK (stack_bottom () == (uint8_t *) PHYS_BASE - PGSIZE
             && page_resident (current_esp ()),
         "the stack is one resident page");
  CHECK (page_resident ((const void *) test_main)
             && page_resident ((const void *) msg),
         "the code that ran is resident");
  CHECK (count_pages (zeros, sizeof zeros, MINCORE_RESIDENT) == 0,
         "no page of the 256 kB .bss array is resident");
  CHECK (count_pages (data, sizeof data, MINCORE_RESIDENT) == 0,
         "no page of the 256 kB .data array is resident");
  CHECK (!page_resident ((const void *) never_called),
         "the function never called is not resident");
  CHECK (resident < 16, "fewer than 16 pages are resident in all");
}
