/* fork's half in vm/: a copy of an address space that shares every private page
   with the original, copy-on-write. The child joins the parent's family
   (vm/anon.h); each region is copied, a file region attached to its file object
   as one more mapper, and each page-table entry that holds a page of the family
   (a frame, or a swap slot) is given to the child too, read-only in both, with
   one more sharer counted. Entries that map a file's cached frame are left
   empty: the child's first touch finds the frame in the cache. A fork costs page
   tables and bookkeeping, never a copy of the memory (unless -nocow). */

#include <debug.h>
#include <string.h>
#include "devices/console.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/anon.h"
#include "vm/file-object.h"
#include "vm/frame.h"
#include "vm/maps.h"
#include "vm/pagedir.h"

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* Adds to CHILD a copy of region R of the parent: the same range, rights,
   kind and backing, attached to the same file object. Returns it, or NULL if
   memory is short. The caller holds the family's lock. */
static struct region *
copy_region (struct addrspace *child, struct region *r)
{
  struct region *copy = region_add (&child->regions, r->start, r->end, r->writable,
                                    r->executable, &r->backing, r->kind);

  if (copy == NULL)
    return NULL;
  copy->shared = r->shared;
  copy->mapid = r->mapid;
  copy->as = child;
  if (copy->backing.file != NULL)
    file_object_add_mapper (r, copy);
  vm_trace_region (child, copy);
  return copy;
}

/* For -nocow: gives CHILD's entry at CHILD_PTE, for UPAGE, a copy of its own of
   the family's frame that PARENT's entry at PARENT_PTE maps (pinned meanwhile;
   the parent, in fork, does not write it). Returns false if memory is short.
   The caller holds the family's lock, which is let go while the frame is
   found. */
static bool
copy_page (struct addrspace *parent, struct addrspace *child, const void *upage,
           uint32_t *parent_pte, uint32_t *child_pte)
{
  void *original = pte_get_page (*parent_pte);
  void *copy;

  if (!frame_pin (original))
    return false;
  vm_unlock (parent);
  copy = frame_alloc (anon_object (parent->anon), (uint32_t) upage, child->name,
                      &parent->held);
  vm_lock (parent);
  if (copy != NULL)
    {
      memcpy (copy, original, PGSIZE);
      *child_pte = pte_create (copy, true, true) | PTE_A | PTE_D;
      frame_set_sharers (copy, 1);
      frame_set_dirty (copy, true);
      frame_unpin (copy);
    }
  frame_unpin (original);
  return copy != NULL;
}

/* Gives CHILD what PARENT holds of the family's memory in region R: every page
   shared (or copied, under -nocow), counting them in *SHARED and *COPIED.
   Returns false if memory is short. The caller holds the family's lock. */
static bool
copy_pages (struct addrspace *parent, struct addrspace *child, struct region *r,
            unsigned *shared, unsigned *copied)
{
  uint8_t *upage;

  for (upage = r->start; upage < r->end; upage += PGSIZE)
    {
      uint32_t *parent_pte = pagedir_lookup_pte (parent->pagedir, upage, false);
      uint32_t *child_pte;

      if (parent_pte == NULL)
        {
          /* No page table: on to the last page this one would have held. */
          upage
              = (uint8_t *) (((uintptr_t) upage / PDE_SPAN + 1) * PDE_SPAN - PGSIZE);
          continue;
        }
      while (anon_wait_eviction (parent, parent_pte))
        continue;
      if (*parent_pte == 0 || (*parent_pte & PTE_FILE))
        continue;
      child_pte = pagedir_lookup_pte (child->pagedir, upage, true);
      if (child_pte == NULL)
        return false;
      if (!vm_cow && (*parent_pte & PTE_P))
        {
          if (!copy_page (parent, child, upage, parent_pte, child_pte))
            return false;
          ++*copied;
        }
      else if (anon_fork_share (parent, child, upage, parent_pte, child_pte))
        ++*shared;
      else
        return false;
    }
  return true;
}

/* A copy of PARENT (the running process's address space) for its child NAME:
   every region, every page's contents (resident, swapped or untouched: private
   pages shared copy-on-write, shared mappings still shared), the break and the
   mmap ids. Returns NULL if memory is short, with nothing changed in PARENT
   but its private pages made read-only (the next write to each is a fault that
   finds it unshared and takes it back). */
struct addrspace *
addrspace_fork (struct addrspace *parent, const char *name)
{
  unsigned shared = 0, copied = 0;
  struct addrspace *child;
  struct region *r;
  bool ok = true;

  vm_lock (parent);
  /* Off the parent's directory while its entries change, so that none of them
     costs a TLB invalidation (an emulator's dearest instruction); it is loaded
     again, fresh, at the end. */
  addrspace_activate (NULL);
  child = vm_create_in_family (parent, name);
  if (child == NULL)
    {
      addrspace_activate (parent);
      vm_unlock (parent);
      return NULL;
    }
  child->stack_floor = parent->stack_floor;
  child->heap_start = parent->heap_start;
  child->brk = parent->brk;
  child->last_mapid = parent->last_mapid;
  for (r = region_first (&parent->regions); ok && r != NULL;
       r = region_next (&parent->regions, r))
    {
      struct region *copy = copy_region (child, r);
      if (r == parent->stack)
        child->stack = copy;
      if (r == parent->heap)
        child->heap = copy;
      ok = copy != NULL && copy_pages (parent, child, r, &shared, &copied);
    }
  /* The parent's private pages are read-only now: no stale TLB entry survives
     the reload. */
  addrspace_activate (parent);
  if (vm_trace && ok)
    diag_printf ("fork %s -> %s: %u pages shared, %u copied\n", parent->name,
                 child->name, shared, copied);
  vm_unlock (parent);
  if (!ok)
    {
      addrspace_destroy (child);
      return NULL;
    }
  return child;
}
#else  /* STARTER vm */
/* fork's copy-on-write copy of an address space is yours to write
   (vm/README.md); until then fork fails. */
struct addrspace *
addrspace_fork (struct addrspace *parent, const char *name)
{
  (void) parent, (void) name;
  return NULL;
}
#endif /* END SOLUTION vm */
