/* The maps dump (-mapsdump): when a process ends, its address space on the
   diagnostic stream, one line per region in the /proc/PID/maps style with
   Kestrel's kind and page counts, then its pages, 64 characters a line (the
   first line below is one line, wrapped here):

     maps: NAME: 08048000-0804c000 r-xp 00000000 text maps: 4 pages,
           4 resident, 0 swapped, 0 dirty, 0 shared
     maps: NAME:   08048000 RRRR

   R resident, D resident and dirty, S swapped, . never touched (as the GDB macro
   `regions' shows them); r and s are resident and swapped pages that another
   process holds too (fork shared them copy-on-write, or both map the file's
   cached page). utils/layout draws its picture from these lines.

   And the region lines of the -vmtrace trace, in the same format:

     map NAME 08048000-0804c000 r-xp 00000000 text maps
     unmap NAME 08048000-0804c000 */

#include "vm/maps.h"
#include <stdio.h>
#include <string.h>
#include "devices/console.h"
#include "threads/pte.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/pagedir.h"

#define PAGES_PER_LINE 64

bool vm_maps_dump;

/* A region's page counts. */
struct page_counts
{
  unsigned pages, resident, swapped, dirty, shared;
};

/* The dump's character for page UPAGE of region R of AS, whose PTE is at PTE
   (NULL: no page table), counted into *C. The caller holds AS's lock. */
static char
page_char (struct addrspace *as, struct region *r, const uint8_t *upage,
           const uint32_t *pte, struct page_counts *c)
{
  bool shared = vm_page_sharers (as, r, upage, pte) > 1;

  c->pages++;
  c->shared += shared;
  if (pte == NULL || *pte == 0)
    return '.';
  if (*pte & PTE_P)
    {
      c->resident++;
      c->dirty += (*pte & PTE_D) != 0;
      return shared ? 'r' : *pte & PTE_D ? 'D' : 'R';
    }
  if (pte_is_swapped (*pte))
    {
      c->swapped++;
      return shared ? 's' : 'S';
    }
  return '?';
}

/* The name a maps line shows for R: its file's, [heap], [stack] or [anon]. */
static const char *
region_name (const struct region *r)
{
  if (r->backing.file != NULL)
    return r->backing.name;
  if (r->kind == REGION_HEAP)
    return "[heap]";
  if (r->kind == REGION_STACK)
    return "[stack]";
  return "[anon]";
}

#define REGION_TEXT_MAX 64 /* A region's description, as below. */

/* Writes R's range, rights, offset, kind and name into BUF (REGION_TEXT_MAX
   bytes). */
static void
format_region (char *buf, const struct region *r)
{
  snprintf (buf, REGION_TEXT_MAX, "%08x-%08x %c%c%c%c %08x %s %s",
            (unsigned) (uintptr_t) r->start, (unsigned) (uintptr_t) r->end, 'r',
            r->writable ? 'w' : '-', r->executable ? 'x' : '-',
            r->shared ? 's' : 'p', (unsigned) r->backing.offset,
            region_kind_name (r->kind), region_name (r));
}

/* Dumps region R of AS: its line, then its pages. The caller holds AS's lock. */
static void
dump_region (struct addrspace *as, struct region *r)
{
  char pages[PAGES_PER_LINE + 1];
  struct page_counts c = { 0, 0, 0, 0, 0 }, ignored = c;
  const uint8_t *upage;
  const uint8_t *line_start = r->start;
  char text[REGION_TEXT_MAX];
  size_t n = 0;

  for (upage = r->start; upage < r->end; upage += PGSIZE)
    page_char (as, r, upage, pagedir_lookup_pte (as->pagedir, upage, false), &c);
  format_region (text, r);
  diag_printf ("maps: %s: %s: %u pages, %u resident, %u swapped, %u dirty, %u "
               "shared\n",
               as->name, text, c.pages, c.resident, c.swapped, c.dirty, c.shared);
  for (upage = r->start; upage < r->end; upage += PGSIZE)
    {
      pages[n++] = page_char (
          as, r, upage, pagedir_lookup_pte (as->pagedir, upage, false), &ignored);
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
  vm_lock (as);
  diag_printf ("maps: %s: at exit (R resident, D dirty, S swapped, . never "
               "touched; r, s: shared)\n",
               as->name);
  for (r = region_first (&as->regions); r != NULL; r = region_next (&as->regions, r))
    dump_region (as, r);
  vm_unlock (as);
}

/* Under -vmtrace: region R of AS has been added or has new bounds. */
void
vm_trace_region (const struct addrspace *as, const struct region *r)
{
  char text[REGION_TEXT_MAX];

  if (!vm_trace)
    return;
  format_region (text, r);
  diag_printf ("map %s %s\n", as->name, text);
}

/* Under -vmtrace: region R of AS is about to go. */
void
vm_trace_unmap (const struct addrspace *as, const struct region *r)
{
  if (vm_trace)
    diag_printf ("unmap %s %08x-%08x\n", as->name, (unsigned) (uintptr_t) r->start,
                 (unsigned) (uintptr_t) r->end);
}
