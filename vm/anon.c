/* Anonymous objects: a fork family's private pages, shared copy-on-write; see
   anon.h. A frame of the family is mapped, at one user address, by
   frame_sharers() of its members' page-table entries (read-only when more than
   one); a swap slot of the family is held by swap_refs() entries. Both counts
   change only under the family's lock.

   Evicting a family's frame marks every entry that maps it PTE_EVICTING under
   the lock, lets the lock go while the page is written out (once, however many
   share it), then takes the lock again to give each marked entry the slot. A
   thread that meets a PTE_EVICTING entry waits for the end without the lock
   (anon_wait_eviction()), so that the eviction can finish. */

#include "vm/anon.h"
#include <assert.h>
#include <debug.h>
#include <list.h>
#include "devices/console.h"
#include "threads/malloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/frame.h"
#include "vm/object.h"
#include "vm/pagedir.h"
#include "vm/stats.h"
#include "vm/swap-slots.h"
#include "vm/swap.h"

struct anon
{
  struct vm_object object; /* Its operations for the frame table. */
  struct lock lock;        /* Every member's address-space lock. */
  struct list members;     /* struct addrspace, by anon_elem. */
  int refs;                /* Members, and isolation checks at work; changes
                              under the list of every address space's lock. */
};

static const struct vm_object_ops anon_ops;

/* Every entry that maps a frame holds its slot once it is swapped out. */
static_assert (FRAME_SHARERS_MAX <= SLOT_REFS_MAX,
               "a frame's sharers all fit in its swap slot's count");

/* The end of every eviction (PTEs leaving PTE_EVICTING) happens under
   eviction_lock and is announced on eviction_done. */
static struct lock eviction_lock;
static struct condition eviction_done;
static bool initialized;

/* A new family with no members, or NULL if memory is short. */
struct anon *
anon_create (void)
{
  struct anon *anon = malloc (sizeof *anon);

  if (!initialized)
    {
      lock_init (&eviction_lock);
      cond_init (&eviction_done);
      initialized = true;
    }
  if (anon == NULL)
    return NULL;
  anon->object.ops = &anon_ops;
  lock_init (&anon->lock);
  list_init (&anon->members);
  anon->refs = 0;
  return anon;
}

/* Takes a reference to ANON: it is not freed until the matching anon_unref().
   The caller holds the list of every address space's lock (vm_all_lock()). */
void
anon_ref (struct anon *anon)
{
  anon->refs++;
}

/* Drops a reference to ANON; returns true if it was the last, and then frees it
   (it has no members, frames or slots left). The caller holds the list of
   every address space's lock, and not ANON's. */
bool
anon_unref (struct anon *anon)
{
  ASSERT (anon->refs > 0);
  if (--anon->refs > 0)
    return false;
  ASSERT (list_empty (&anon->members));
  free (anon);
  return true;
}

/* The lock of ANON's members: their address-space lock. */
struct lock *
anon_lock (struct anon *anon)
{
  return &anon->lock;
}

/* ANON as the owner of its frames. */
struct vm_object *
anon_object (struct anon *anon)
{
  return &anon->object;
}

/* Makes AS a member of ANON. The caller holds ANON's lock, or ANON is new. */
void
anon_join (struct anon *anon, struct addrspace *as)
{
  as->anon = anon;
  list_push_back (&anon->members, &as->anon_elem);
}

/* Takes AS, which holds no page of ANON any more, out of ANON's members (its
   reference stays until anon_unref()). The caller holds ANON's lock. */
void
anon_leave (struct anon *anon, struct addrspace *as)
{
  ASSERT (as->anon == anon);
  list_remove (&as->anon_elem);
}

/* If the page whose PTE is at PTE, of AS, is being evicted, waits until that is
   over, with AS's lock let go meanwhile (the eviction needs it to finish), and
   returns true: the caller must look at the PTE afresh. False at once if no
   eviction is under way. The caller holds AS's lock. */
bool
anon_wait_eviction (struct addrspace *as, uint32_t *pte)
{
  if (!pte_is_evicting (*pte))
    return false;
  lock_release (&as->anon->lock);
  lock_acquire (&eviction_lock);
  while (pte_is_evicting (*pte))
    cond_wait (&eviction_done, &eviction_lock);
  lock_release (&eviction_lock);
  lock_acquire (&as->anon->lock);
  return true;
}

/* The swap cache: the pages fault_swap() read ahead from swap (the neighbours
   of a page that faulted, whose slots follow its slot), each in a frame of the
   family's that no entry maps, found by its slot through the page cache's index
   (frame_cache_find (): the frame's page is the slot). The entries still hold
   the slots, so a cached frame is a clean copy: the clock drops it for nothing,
   and a fault on its page maps it without reading the disk. It is dropped when
   the last entry lets its slot go. */

/* Puts frame KPAGE, taken for ANON as page SLOT << PGBITS (frame_alloc_free())
   and filled from slot SLOT, into the swap cache, and unpins it. The slot is
   held by an entry of the family. The caller holds ANON's lock. */
void
anon_swap_cache_add (struct anon *anon UNUSED, void *kpage)
{
  frame_cache_insert (kpage);
  frame_unpin (kpage);
}

/* Takes the frame that holds slot SLOT in ANON's swap cache out of it, as the
   family's page UPAGE, pinned; NULL if there is none (or the clock is dropping
   it right now). The caller holds ANON's lock. */
void *
anon_swap_cache_take (struct anon *anon, swap_slot_t slot, const void *upage)
{
  void *kpage = frame_cache_find (&anon->object, slot);

  if (kpage == NULL || frame_is_pinned (kpage) || !frame_pin (kpage))
    return NULL;
  frame_cache_remove (kpage);
  frame_set_page (kpage, (uint32_t) (uintptr_t) upage);
  return kpage;
}

/* Drops the swap cache's copy of SLOT, whose last holder has let it go, if
   there is one (one the clock is dropping right now goes with that eviction).
   The caller holds ANON's lock. */
static void
drop_swap_cached (struct anon *anon, swap_slot_t slot)
{
  void *kpage = frame_cache_find (&anon->object, slot);

  if (kpage != NULL && !frame_is_pinned (kpage))
    {
      frame_cache_remove (kpage);
      frame_free (kpage);
    }
}

/* Gives back what the entry at PTE, for UPAGE of AS, holds of the family's
   memory: its share of a frame (the frame is freed with its last sharer) or of
   a swap slot; the entry becomes 0. For an entry that maps no file object's
   frame and is not being evicted. The caller holds AS's lock. */
void
anon_release (struct addrspace *as, const void *upage, uint32_t *pte)
{
  uint32_t old = *pte;

  ASSERT (!(old & PTE_FILE) && !pte_is_evicting (old));
  if (old & PTE_P)
    {
      void *kpage = pte_get_page (old);
      unsigned sharers = frame_sharers (kpage);

      pagedir_set_pte (as->pagedir, upage, pte, 0);
      ASSERT (sharers >= 1);
      if (sharers == 1)
        frame_free (kpage);
      else
        frame_set_sharers (kpage, sharers - 1);
    }
  else if (pte_is_swapped (old))
    {
      swap_slot_t slot = pte_swap_slot (old);
      if (swap_free (slot) == 0)
        drop_swap_cached (as->anon, slot);
      *pte = 0;
    }
}

/* For fork: makes the entry at CHILD_PTE, for UPAGE of CHILD (a new member of
   PARENT's family), hold what PARENT's entry at PARENT_PTE holds of the
   family's memory: the same frame, now read-only in both (the first write in
   either copies it: copy-on-write), or the same swap slot. Returns false,
   changing nothing, if the frame or slot cannot count one more sharer. An entry
   that is 0 or maps a file object's frame is left for the child to fault in.
   The caller holds the family's lock, and the entry is not being evicted. */
bool
anon_fork_share (struct addrspace *parent, struct addrspace *child,
                 const void *upage, uint32_t *parent_pte, uint32_t *child_pte)
{
  uint32_t pte = *parent_pte;

  ASSERT (parent->anon == child->anon && !pte_is_evicting (pte));
  if ((pte & PTE_P) && !(pte & PTE_FILE))
    {
      void *kpage = pte_get_page (pte);
      unsigned sharers = frame_sharers (kpage);

      if (sharers >= FRAME_SHARERS_MAX)
        return false;
      if (pagedir_clear_pte_bits (parent->pagedir, upage, parent_pte, PTE_W | PTE_D)
          & PTE_D)
        frame_set_dirty (kpage, true); /* Its contents exist only here now. */
      frame_set_sharers (kpage, sharers + 1);
      *child_pte = pte_create (kpage, false, true) | PTE_A;
    }
  else if (pte_is_swapped (pte))
    {
      if (!swap_share (pte_swap_slot (pte), 1))
        return false;
      *child_pte = pte;
    }
  return true;
}

/* After a swap-in of SLOT into frame KPAGE (pinned) for page UPAGE of a member
   of ANON: maps KPAGE, read-only, in every member whose entry for UPAGE holds
   SLOT, dropping their holds on it, and records them as the frame's sharers.
   Returns how many there were (at least the faulting member's one). The frame
   is dirty: its contents are the page's only copy any entry can reach. The
   caller holds ANON's lock. */
unsigned
anon_map_swapped_in (struct anon *anon, const void *upage, swap_slot_t slot,
                     void *kpage)
{
  struct list_elem *e;
  unsigned mapped = 0;

  for (e = list_begin (&anon->members); e != list_end (&anon->members);
       e = list_next (e))
    {
      struct addrspace *as = list_entry (e, struct addrspace, anon_elem);
      uint32_t *pte = pagedir_lookup_pte (as->pagedir, upage, false);

      if (pte != NULL && *pte == pte_swapped (slot))
        {
          pagedir_set_pte (as->pagedir, upage, pte,
                           pte_create (kpage, false, true) | PTE_A);
          mapped++;
          swap_free (slot);
        }
    }
  ASSERT (mapped > 0);
  frame_set_sharers (kpage, mapped);
  /* No entry holds the slot now (a fault still reading it holds it a moment
     longer, then lets go): the frame is the page's only copy. */
  frame_set_dirty (kpage, true);
  return mapped;
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
static struct anon *
anon_of (struct vm_object *obj)
{
  ASSERT (obj->ops == &anon_ops);
  return (struct anon *) obj;
}

/* Looks at every member's entry for UPAGE that maps KPAGE: ORs their accessed
   and dirty bits into *ACCESSED and *DIRTY, and clears the accessed bits (MARK
   false) or marks the entries PTE_EVICTING (MARK true). Returns how many there
   are, the first one's address space in *FIRST (if not NULL). The caller holds
   ANON's lock. */
static unsigned
scan_members (struct anon *anon, const void *upage, void *kpage, bool mark,
              bool *accessed, bool *dirty, struct addrspace **first)
{
  struct list_elem *e;
  unsigned found = 0;

  for (e = list_begin (&anon->members); e != list_end (&anon->members);
       e = list_next (e))
    {
      struct addrspace *as = list_entry (e, struct addrspace, anon_elem);
      uint32_t *pte = pagedir_lookup_pte (as->pagedir, upage, false);
      uint32_t old;

      if (pte == NULL || !(*pte & PTE_P) || (*pte & PTE_FILE)
          || pte_get_page (*pte) != kpage)
        continue;
      /* The member may run between our look and our change: take its bits in
         the same instruction that changes the entry. */
      old = mark ? pagedir_set_pte (as->pagedir, upage, pte, pte_evicting (kpage))
                 : pagedir_clear_pte_bits (as->pagedir, upage, pte, PTE_A);
      *accessed |= (old & PTE_A) != 0;
      *dirty |= (old & PTE_D) != 0;
      if (found++ == 0 && first != NULL)
        *first = as;
    }
  return found;
}

/* The clock's look at frame KPAGE, page UPAGE of the family OBJ (see
   vm/object.h): a frame some member used since the last look is kept (its
   accessed bits cleared: the second chance); else every entry that maps it is
   marked PTE_EVICTING and the lock let go (unless the evicting thread held it
   already) while finish_eviction() writes it out. */
static enum vm_eviction
prepare_eviction (struct vm_object *obj, void *kpage, uint32_t upage,
                  bool clean_only, struct vm_eviction_state *e)
{
  struct anon *anon = anon_of (obj);
  bool accessed = false, dirty = e->dirty;
  struct addrspace *first = NULL;

  e->lock_was_held = lock_held_by_current_thread (&anon->lock);
  if (!e->lock_was_held && !lock_try_acquire (&anon->lock))
    return VM_EVICT_BUSY;
  if (frame_is_cached (kpage))
    {
      /* A page read ahead and not yet used: its slot still holds it. */
      e->object = obj;
      e->kpage = kpage;
      e->page = upage;
      e->dirty = e->from_file = false;
      if (!e->lock_was_held)
        lock_release (&anon->lock);
      return VM_EVICT_GO;
    }
  scan_members (anon, (const void *) upage, kpage, false, &accessed, &dirty, NULL);
  if (accessed || (clean_only && dirty))
    {
      if (!e->lock_was_held)
        lock_release (&anon->lock);
      return VM_EVICT_KEEP;
    }
  scan_members (anon, (const void *) upage, kpage, true, &accessed, &dirty, &first);
  e->from_file = first != NULL && vm_page_is_from_file (first, (const void *) upage);
  e->object = obj;
  e->kpage = kpage;
  e->page = upage;
  e->dirty = dirty;
  if (!e->lock_was_held)
    lock_release (&anon->lock);
  return VM_EVICT_GO;
}

/* Gives every member's entry that eviction E marked (PTE_EVICTING from E's frame:
   another frame for the same page may be on its way out too) the value VALUE
   (a swap slot, 0 for a page dropped, or the frame mapped again), and wakes
   whoever waits for the end. Returns how many entries there were and, in
   *FIRST_NAME, the first one's owner. The caller holds the family's lock. */
static unsigned
end_eviction (struct anon *anon, struct vm_eviction_state *e, uint32_t value,
              const char **first_name)
{
  const void *upage = (const void *) e->page;
  struct list_elem *el;
  unsigned ended = 0;

  lock_acquire (&eviction_lock);
  for (el = list_begin (&anon->members); el != list_end (&anon->members);
       el = list_next (el))
    {
      struct addrspace *as = list_entry (el, struct addrspace, anon_elem);
      uint32_t *pte = pagedir_lookup_pte (as->pagedir, upage, false);

      if (pte != NULL && pte_is_evicting_from (*pte, e->kpage))
        {
          pagedir_set_pte (as->pagedir, upage, pte, value);
          if (ended++ == 0)
            *first_name = as->name;
        }
    }
  cond_broadcast (&eviction_done, &eviction_lock);
  lock_release (&eviction_lock);
  return ended;
}

/* Finishes eviction E of a family's frame, with the family's lock let go while
   the page goes out: a clean page is dropped (its region fills it again on the
   next fault), any other is written to swap once and every entry that mapped it
   keeps the slot. Returns false if the page needed swap and could not go
   there: it is then mapped again, read-only, in every entry that had it. */
static bool
finish_eviction (struct vm_eviction_state *e)
{
  struct anon *anon = anon_of (e->object);
  const char *name = "?";
  swap_slot_t slot = e->slot;
  bool written;
  unsigned holders;

  if (frame_is_cached (e->kpage))
    {
      if (!e->lock_was_held)
        lock_acquire (&anon->lock);
      frame_cache_remove (e->kpage);
      if (!e->lock_was_held)
        lock_release (&anon->lock);
      vm_count (VM_EVICT_UNUSED);
      if (vm_trace)
        diag_printf ("evict swap slot %u: dropped a page read ahead, never used\n",
                     (unsigned) (e->page >> PGBITS));
      return true;
    }
  written = e->dirty && (slot != SWAP_NO_SLOT || swap_out (e->kpage, &slot));
  if (!e->lock_was_held)
    lock_acquire (&anon->lock);
  if (e->dirty && !written)
    {
      frame_set_dirty (e->kpage, true);
      end_eviction (anon, e, pte_create (e->kpage, false, true), &name);
      frame_unpin (e->kpage); /* Under the lock: an exit may free it after. */
      if (!e->lock_was_held)
        lock_release (&anon->lock);
      return false;
    }
  holders = end_eviction (anon, e, written ? pte_swapped (slot) : 0, &name);
  if (written && holders == 0)
    swap_free (slot);
  else if (written && holders > 1)
    swap_share (slot, holders - 1);
  frame_set_sharers (e->kpage, 0);
  if (!e->lock_was_held)
    lock_release (&anon->lock);
  vm_count (written ? VM_EVICT_SWAPPED : VM_EVICT_DROPPED);
  if (vm_trace && written)
    diag_printf ("evict %s %p -> swap slot %u%s\n", name, (void *) e->page,
                 (unsigned) slot, holders > 1 ? " (shared)" : "");
  else if (vm_trace)
    diag_printf ("evict %s %p: dropped clean %s page\n", name, (void *) e->page,
                 e->from_file ? "file" : "zero");
  return true;
}
#else  /* STARTER vm */
/* A starter cannot evict: nothing ever asks. */
static enum vm_eviction
prepare_eviction (struct vm_object *obj UNUSED, void *kpage UNUSED,
                  uint32_t upage UNUSED, bool clean_only UNUSED,
                  struct vm_eviction_state *e UNUSED)
{
  return VM_EVICT_KEEP;
}

static bool
finish_eviction (struct vm_eviction_state *e UNUSED)
{
  return false;
}
#endif /* END SOLUTION vm */

static const char *
object_name (const struct vm_object *obj UNUSED)
{
  return "anonymous";
}

static const struct vm_object_ops anon_ops = {
  .prepare_eviction = prepare_eviction,
  .finish_eviction = finish_eviction,
  .name = object_name,
  .caches_pages = false,
  .swaps_out = true,
};
