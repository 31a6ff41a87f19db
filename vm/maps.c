/* The maps dump (-mapsdump): when a process ends, its address space on the
   diagnostic stream, one line per region in the /proc/PID/maps style with
   Kestrel's kind and page counts, then its pages, 64 characters a line (the
   first line below is one line, wrapped here):

     maps: NAME: 08048000-0804c000 r-xp 00000000 text maps: 4 pages,
           4 resident, 0 swapped, 0 dirty
     maps: NAME:   08048000 RRRR

   R resident, D resident and dirty, S swapped, . never touched (as the GDB macro
   `regions' shows them). utils/layout draws its picture from these lines.

   Under -vmtrace the same region fields go on the trace whenever a region is
   added or changes its bounds, and when it goes, so that a viewer (the web page,
   web/) can draw an address space as it forms:

     map NAME 08048000-0804c000 r-xp 00000000 text memory-layout
     unmap NAME 08048000-0804c000 */

#include "vm/maps.h"
#include <string.h>
#include "devices/console.h"
#include "threads/pte.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/pagedir.h"

#define PAGES_PER_LINE 64

bool vm_maps_dump;

/* The dump's character for the page whose PTE is at PTE (NULL: no page table). */
static char
page_char (const uint32_t *pte)
{
  if (pte == NULL || *pte == 0)
    return '.';
  if (*pte & PTE_P)
    return *pte & PTE_D ? 'D' : 'R';
  return pte_is_swapped (*pte) ? 'S' : '?';
}

/* The name a maps line shows for R: its file's, [heap], [stack] or [anon]. */
static const char *
region_name (const struct region *r)
{
  if (r->backing.file != NULL)
    return r->backing.name;
  if (!strcmp (r->kind, "heap"))
    return "[heap]";
  if (!strcmp (r->kind, "stack"))
    return "[stack]";
  return "[anon]";
}

/* For -vmtrace: region R of AS was added or has new bounds. The caller holds AS's
   lock. */
void
vm_trace_region (const struct addrspace *as, const struct region *r)
{
  if (vm_trace)
    diag_printf ("map %s %08x-%08x %c%c%c%c %08x %s %s\n", as->name,
                 (unsigned) (uintptr_t) r->start, (unsigned) (uintptr_t) r->end, 'r',
                 r->writable ? 'w' : '-', r->executable ? 'x' : '-',
                 r->shared ? 's' : 'p', (unsigned) r->backing.offset, r->kind,
                 region_name (r));
}

/* For -vmtrace: region R of AS is about to go, its pages given back. The caller
   holds AS's lock. */
void
vm_trace_unmap (const struct addrspace *as, const struct region *r)
{
  if (vm_trace)
    diag_printf ("unmap %s %08x-%08x\n", as->name, (unsigned) (uintptr_t) r->start,
                 (unsigned) (uintptr_t) r->end);
}

/* Dumps region R of AS: its line, then its pages. The caller holds AS's lock. */
static void
dump_region (struct addrspace *as, const struct region *r)
{
  char pages[PAGES_PER_LINE + 1];
  unsigned counts[4] = { 0, 0, 0, 0 }; /* Resident, dirty, swapped, total. */
  const uint8_t *upage;
  const uint8_t *line_start = r->start;
  size_t n = 0;

  for (upage = r->start; upage < r->end; upage += PGSIZE)
    {
      char c = page_char (pagedir_lookup_pte (as->pagedir, upage, false));
      counts[0] += c == 'R' || c == 'D';
      counts[1] += c == 'D';
      counts[2] += c == 'S';
      counts[3]++;
    }
  diag_printf ("maps: %s: %08x-%08x %c%c%c%c %08x %s %s: %u pages, %u resident, "
               "%u swapped, %u dirty\n",
               as->name, (unsigned) (uintptr_t) r->start,
               (unsigned) (uintptr_t) r->end, 'r', r->writable ? 'w' : '-',
               r->executable ? 'x' : '-', r->shared ? 's' : 'p',
               (unsigned) r->backing.offset, r->kind, region_name (r), counts[3],
               counts[0], counts[2], counts[1]);
  for (upage = r->start; upage < r->end; upage += PGSIZE)
    {
      pages[n++] = page_char (pagedir_lookup_pte (as->pagedir, upage, false));
      if (n == PAGES_PER_LINE || upage + PGSIZE == r->end)
        {
          pages[n] = '\0';
          diag_printf ("maps: %s:   %08x %s\n", as->name,
                       (unsigned) (uintptr_t) line_start, pages);
          line_start = upage + PGSIZE;
          n = 0;
        }
    }
}

/* If -mapsdump is on, dumps AS (NULL: nothing) as its process ends: a line
   saying so, then every region. AS must not be in use by another thread. */
void
vm_maps_dump_at_exit (struct addrspace *as)
{
  struct region *r;

  if (!vm_maps_dump || as == NULL)
    return;
  lock_acquire (&as->lock);
  diag_printf (
      "maps: %s: at exit (R resident, D dirty, S swapped, . never touched)\n",
      as->name);
  for (r = region_first (&as->regions); r != NULL; r = region_next (&as->regions, r))
    dump_region (as, r);
  lock_release (&as->lock);
}
