/* The heap: [heap_start, brk) of an address space, one anonymous region that
   sbrk grows and shrinks. Pages come in as zeros on first touch; pages that
   leave it are given back at once. */

#include <debug.h>
#include <round.h>
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/maps.h"

/* Puts the start of AS's heap, and its break, at START rounded up to a page: just
   past the program's last segment. The heap has no pages until sbrk grows it. */
void
addrspace_init_heap (struct addrspace *as, void *start)
{
  vm_lock (as);
  as->heap_start = as->brk = pg_round_up (start);
  vm_unlock (as);
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* Makes the heap region of AS cover [heap_start, END) (END page-aligned, at least
   heap_start), adding, resizing or removing it; pages that leave it are given
   back at once. Returns false, changing nothing, if it would overlap another
   region or reach the stack's reserved reach, or grow by more pages than memory
   and swap could ever hold. The caller holds AS's lock. */
static bool
set_heap_end (struct addrspace *as, uint8_t *end)
{
  uint8_t *old_end = as->heap != NULL ? as->heap->end : as->heap_start;
  const char *why;

  if (end > as->stack_floor)
    return false;
  if (end > old_end && !vm_could_back ((end - old_end) / PGSIZE))
    return false;
  if (end == as->heap_start)
    {
      if (as->heap != NULL)
        vm_remove_region (as, as->heap);
      as->heap = NULL;
      return true;
    }
  if (as->heap == NULL)
    {
      as->heap = vm_add_region (as, as->heap_start, end, true, false, false, NULL,
                                NULL, 0, 0, REGION_HEAP, &why);
      return as->heap != NULL;
    }
  if (end < old_end)
    vm_release_range (as, as->heap, end, old_end);
  if (!region_resize (&as->regions, as->heap, as->heap_start, end))
    return false;
  vm_trace_region (as, as->heap);
  return true;
}

/* Moves AS's break by INCREMENT bytes (sbrk): a heap that grows gets zero-filled
   pages on first touch; one that shrinks gives its freed pages and swap slots back
   at once. Returns the old break, or (void *) -1 with the break unchanged if the
   new one would fall below the heap's start, or the heap would reach another
   region or the stack's reserved reach, or it would grow by more than memory
   and swap could ever hold (an obvious overcommit), or memory is short. */
void *
addrspace_sbrk (struct addrspace *as, intptr_t increment)
{
  uint8_t *old, *new;
  void *result = (void *) -1;

  vm_lock (as);
  old = as->brk;
  new = old + increment;
  if (as->heap_start != NULL && (increment >= 0 ? new >= old : new < old)
      && new >= as->heap_start &&new <= as->stack_floor
      && set_heap_end (as, pg_round_up (new)))
    {
      as->brk = new;
      result = old;
    }
  vm_unlock (as);
  return result;
}
#else  /* STARTER vm */
/* Moves AS's break by INCREMENT bytes (sbrk): yours to write (vm/README.md). */
void *
addrspace_sbrk (struct addrspace *as, intptr_t increment)
{
  (void) as, (void) increment;
  return (void *) -1;
}
#endif /* END SOLUTION vm */
