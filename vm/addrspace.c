/* Address spaces: creation and teardown, the regions the loader describes, the
   checks and pins that system calls use on user memory, what the `regions' and
   `mincore' calls report, and the owner's side of eviction. The fault path itself
   is in vm/fault.c. */

#include "vm/addrspace.h"
#include <debug.h>
#include <meminfo.h>
#include <round.h>
#include <string.h>
#include "devices/console.h"
#include "filesys/file.h"
#include "threads/interrupt.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/frame.h"
#include "vm/maps.h"
#include "vm/object.h"
#include "vm/pagedir.h"
#include "vm/swap.h"

bool vm_trace;
bool vm_share = true;

/* The end of every eviction (a PTE leaving PTE_EVICTING) happens under
   eviction_lock and is announced on eviction_done. */
static struct lock eviction_lock;
static struct condition eviction_done;

/* The scheduler's switch hook: T's address space becomes the CPU's (the
   kernel's alone for a kernel thread). */
static void
activate_for_thread (struct thread *t)
{
  addrspace_activate (t->addrspace);
}

/* Brings up the virtual-memory layer: the frame table and swap, and address
   spaces that follow the scheduler. Call once, after the disks have their roles
   and before the first process. */
void
vm_init (void)
{
  thread_set_switch_hook (activate_for_thread);
  frame_init ();
  object_init ();
  swap_init ();
  lock_init (&eviction_lock);
  cond_init (&eviction_done);
  if (vm_trace)
    diag_printf ("vm: %zu user frames, %zu swap slots\n", palloc_user_page_count (),
                 swap_slot_count ());
}

/* Fills INFO with the machine's user-memory figures (the meminfo call). */
void
vm_meminfo (struct meminfo *info)
{
  frame_count (info);
  info->swap_slots = swap_slot_count ();
  info->swap_free = swap_free_count ();
}

/* A new, empty address space for a process called NAME, or NULL if memory is
   short. */
struct addrspace *
addrspace_create (const char *name)
{
  struct addrspace *as = malloc (sizeof *as);

  if (as == NULL)
    return NULL;
  as->pagedir = pagedir_create ();
  if (as->pagedir == NULL)
    {
      free (as);
      return NULL;
    }
  region_set_init (&as->regions);
  lock_init (&as->lock);
  as->stack = NULL;
  as->stack_floor = (uint8_t *) PHYS_BASE - STACK_MAX;
  as->heap_start = as->brk = NULL;
  as->heap = NULL;
  as->last_mapid = 0;
  strlcpy (as->name, name, sizeof as->name);
  return as;
}

/* Gives back everything page UPAGE of region R holds, whose PTE is at PTE: its
   frame (a file object's frame just stops being mapped here) or its swap slot.
   The caller holds AS's lock. */
static void
release_page (struct addrspace *as, struct region *r, const void *upage,
              uint32_t *pte)
{
  vm_wait_eviction (pte);
  if (*pte & PTE_SHARED)
    object_unmap_page (r, upage, pte);
  else if (*pte & PTE_P)
    {
      void *kpage = pte_get_page (*pte);
      pagedir_set_pte (as->pagedir, upage, pte, 0);
      frame_free (kpage);
    }
  else if (pte_is_swapped (*pte))
    {
      swap_free (pte_swap_slot (*pte));
      *pte = 0;
    }
}

/* Gives back every page of [START, END), which lies in region R of AS. The caller
   holds AS's lock. */
static void
release_range (struct addrspace *as, struct region *r, const uint8_t *start,
               const uint8_t *end)
{
  const uint8_t *upage;

  for (upage = start; upage < end; upage += PGSIZE)
    {
      uint32_t *pte = pagedir_lookup_pte (as->pagedir, upage, false);
      if (pte != NULL && *pte != 0)
        release_page (as, r, upage, pte);
    }
}

/* Removes region R from AS in the teardown order: gives its pages back, detaches
   it from its file object (writing back a shared mapping's dirty pages), then
   closes its file and frees it. The caller holds AS's lock. */
static void
remove_region (struct addrspace *as, struct region *r)
{
  vm_trace_unmap (as, r);
  release_range (as, r, r->start, r->end);
  object_detach (r);
  region_remove (&as->regions, r);
}

/* Frees AS: every region with its frames, swap slots and file, then its page
   directory. AS must not be active. NULL is ignored. */
void
addrspace_destroy (struct addrspace *as)
{
  if (as == NULL)
    return;
  lock_acquire (&as->lock);
  while (region_first (&as->regions) != NULL)
    remove_region (as, region_first (&as->regions));
  lock_release (&as->lock);
  pagedir_destroy (as->pagedir);
  free (as);
}

/* Makes the CPU use AS's page directory (the kernel's alone if AS is NULL). */
void
addrspace_activate (struct addrspace *as)
{
  pagedir_activate (as != NULL ? as->pagedir : NULL);
}

/* Adds region [START, END) to AS with the given rights and backing (FILE NULL:
   anonymous; SHARED: a shared mapping) and attaches it to its file's object.
   Returns the region, or NULL with the reason in *WHY: it would overlap another
   region or reach into the stack's reserved reach, memory is short, or the file
   cannot be mapped so (object_attach()). The caller holds AS's lock. */
static struct region *
add_region (struct addrspace *as, void *start, void *end, bool writable,
            bool executable, bool shared, struct file *file, const char *file_name,
            off_t offset, uint32_t file_bytes, const char *kind, const char **why)
{
  struct region_backing backing;
  struct region *r;

  *why = "it overlaps another region or the stack's reach";
  if ((uintptr_t) end > (uintptr_t) as->stack_floor
      || (uintptr_t) end < (uintptr_t) start)
    return NULL;
  memset (&backing, 0, sizeof backing);
  if (file != NULL)
    {
      backing.file = file_reopen (file);
      if (backing.file == NULL)
        {
          *why = "out of memory";
          return NULL;
        }
      backing.offset = offset;
      backing.file_bytes = file_bytes;
      strlcpy (backing.name, file_name, sizeof backing.name);
    }
  r = region_add (&as->regions, start, end, writable, executable, &backing, kind);
  if (r == NULL)
    {
      if (region_overlaps (&as->regions, start, end) == false)
        *why = "out of memory";
      file_close (backing.file);
      return NULL;
    }
  r->as = as;
  r->shared = shared;
  if (file != NULL && object_attach (r, backing.file, why) == NULL)
    {
      region_remove (&as->regions, r);
      return NULL;
    }
  vm_trace_region (as, r);
  return r;
}

/* Describes [START, END) of AS (page-aligned) as a region whose first FILE_BYTES
   bytes are FILE's (named FILE_NAME) from OFFSET (page-aligned) on and the rest
   zeros, pages read only when first touched; a page that is wholly file bytes is
   the file's one cached copy until written. The region keeps a file of its own
   (FILE stays the caller's). KIND names it ("text", "data"...). Returns NULL, or
   why the region cannot be added. */
const char *
addrspace_map_file (struct addrspace *as, void *start, void *end, bool writable,
                    bool executable, struct file *file, const char *file_name,
                    off_t offset, uint32_t file_bytes, const char *kind)
{
  const char *why = NULL;

  ASSERT (file != NULL && file_bytes > 0 && offset % PGSIZE == 0);
  lock_acquire (&as->lock);
  if (add_region (as, start, end, writable, executable, false, file, file_name,
                  offset, file_bytes, kind, &why)
      != NULL)
    why = NULL;
  lock_release (&as->lock);
  return why;
}

/* Describes [START, END) of AS as a region of zero-filled pages (KIND: "bss"...),
   each made when first touched. Returns NULL, or why the region cannot be added. */
const char *
addrspace_map_anon (struct addrspace *as, void *start, void *end, bool writable,
                    const char *kind)
{
  const char *why = NULL;

  lock_acquire (&as->lock);
  if (add_region (as, start, end, writable, false, false, NULL, NULL, 0, 0, kind,
                  &why)
      != NULL)
    why = NULL;
  lock_release (&as->lock);
  return why;
}

/* Adds AS's stack: one page below PHYS_BASE, which faults below it grow down to
   STACK_MAX. Returns false if memory is short. */
bool
addrspace_init_stack (struct addrspace *as)
{
  lock_acquire (&as->lock);
  as->stack = region_add (&as->regions, (uint8_t *) PHYS_BASE - PGSIZE, PHYS_BASE,
                          true, false, NULL, "stack");
  if (as->stack != NULL)
    {
      as->stack->as = as;
      vm_trace_region (as, as->stack);
    }
  lock_release (&as->lock);
  return as->stack != NULL;
}

/* Maps all of FILE (named NAME, not empty) at page-aligned ADDR of AS as a shared
   mapping: pages are read from the file when first touched, writes go back to
   it (at munmap, exit, eviction, or when read() of the file needs them), and the
   tail of the last page past the end of the file reads as zeros and is never
   written. The mapping has a file of its own: FILE stays the caller's. Returns the
   mapping's id (from 1 up), or -1 if ADDR is 0 or unaligned, the file is empty,
   or the range overlaps any region or the stack's reserved reach. */
int
addrspace_mmap (struct addrspace *as, struct file *file, const char *name,
                void *addr)
{
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  off_t length = file_length (file);
  uintptr_t start = (uintptr_t) addr;
  uintptr_t end = start + ROUND_UP ((uintptr_t) length, PGSIZE);
  struct region *r = NULL;
  const char *why;

  if (length <= 0 || start == 0 || pg_ofs (addr) != 0 || end <= start)
    return -1;
  lock_acquire (&as->lock);
  r = add_region (as, (void *) start, (void *) end, true, false, true, file, name, 0,
                  length, "mmap", &why);
  if (r != NULL)
    r->mapid = ++as->last_mapid;
  lock_release (&as->lock);
  return r != NULL ? r->mapid : -1;
#else  /* STARTER vm */
  (void) as, (void) file, (void) name, (void) addr;
  return -1;
#endif /* END SOLUTION vm */
}

/* Unmaps AS's mapping MAPID, writing its dirty pages back to the file. Returns
   false if AS has no mapping MAPID. */
bool
addrspace_munmap (struct addrspace *as, int mapid)
{
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  struct region *r;

  lock_acquire (&as->lock);
  for (r = region_first (&as->regions); r != NULL; r = region_next (&as->regions, r))
    if (r->mapid == mapid && mapid != 0)
      break;
  if (r != NULL)
    remove_region (as, r);
  lock_release (&as->lock);
  return r != NULL;
#else  /* STARTER vm */
  (void) as, (void) mapid;
  return false;
#endif /* END SOLUTION vm */
}

/* Puts the start of AS's heap, and its break, at START rounded up to a page: just
   past the program's last segment. The heap has no pages until sbrk grows it. */
void
addrspace_init_heap (struct addrspace *as, void *start)
{
  lock_acquire (&as->lock);
  as->heap_start = as->brk = pg_round_up (start);
  lock_release (&as->lock);
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* Makes the heap region of AS cover [heap_start, END) (END page-aligned, at least
   heap_start), adding, resizing or removing it; pages that leave it are given
   back at once. Returns false, changing nothing, if it would overlap another
   region or reach the stack's reserved reach. The caller holds AS's lock. */
static bool
set_heap_end (struct addrspace *as, uint8_t *end)
{
  uint8_t *old_end = as->heap != NULL ? as->heap->end : as->heap_start;

  if (end > as->stack_floor)
    return false;
  if (end == as->heap_start)
    {
      if (as->heap != NULL)
        remove_region (as, as->heap);
      as->heap = NULL;
      return true;
    }
  if (as->heap == NULL)
    {
      const char *why;
      as->heap = add_region (as, as->heap_start, end, true, false, false, NULL, NULL,
                             0, 0, "heap", &why);
      return as->heap != NULL;
    }
  if (end < old_end)
    release_range (as, as->heap, end, old_end);
  if (!region_resize (&as->regions, as->heap, as->heap_start, end))
    return false;
  vm_trace_region (as, as->heap);
  return true;
}
#endif /* END SOLUTION vm */

/* Moves AS's break by INCREMENT bytes (sbrk): a heap that grows gets zero-filled
   pages on first touch; one that shrinks gives its freed pages and swap slots back
   at once. Returns the old break, or (void *) -1 with the break unchanged if the
   new one would fall below the heap's start, or the heap would reach another
   region or the stack's reserved reach, or memory is short. */
void *
addrspace_sbrk (struct addrspace *as, intptr_t increment)
{
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  uint8_t *old, *new;
  void *result = (void *) -1;

  lock_acquire (&as->lock);
  old = as->brk;
  new = old + increment;
  if (as->heap_start != NULL && (increment >= 0 ? new >= old : new < old)
      && new >= as->heap_start &&new <= as->stack_floor
      && set_heap_end (as, pg_round_up (new)))
    {
      as->brk = new;
      result = old;
    }
  lock_release (&as->lock);
  return result;
#else  /* STARTER vm */
  (void) as, (void) increment;
  return (void *) -1;
#endif /* END SOLUTION vm */
}

/* True if the process may touch page-aligned UPAGE of AS for writing (WRITE) or
   reading: it lies in a region with those rights, or is where the stack may grow
   to given user stack pointer USER_ESP. The caller holds AS's lock. */
static bool
page_allowed (struct addrspace *as, const uint8_t *upage, const uint8_t *uaddr,
              bool write, const void *user_esp)
{
  struct region *r = region_find (&as->regions, upage);

  if (r != NULL)
    return r->writable || !write;
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  return vm_stack_reach (as, uaddr, user_esp);
#else  /* STARTER vm */
  (void) uaddr, (void) user_esp;
  return false;
#endif /* END SOLUTION vm */
}

/* True if every byte of [UADDR, UADDR + SIZE) is user memory of AS that the
   process may read (and write, if WRITE), whether or not it is resident; the
   stack counts as far as it could grow given USER_ESP. */
bool
addrspace_check_range (struct addrspace *as, const void *uaddr, size_t size,
                       bool write, const void *user_esp)
{
  uintptr_t first = (uintptr_t) uaddr;
  uintptr_t last = first + size - 1;
  uintptr_t upage;
  bool ok = true;

  if (size == 0)
    return true;
  if (last < first || !is_user_vaddr ((const void *) last))
    return false;
  lock_acquire (&as->lock);
  for (upage = first & ~(uintptr_t) PGMASK; ok && upage <= last; upage += PGSIZE)
    ok = page_allowed (as, (const uint8_t *) upage,
                       (const uint8_t *) (upage < first ? first : upage), write,
                       user_esp);
  lock_release (&as->lock);
  return ok;
}

/* Brings the page holding UADDR of AS in if it is not resident, exactly as a fault
   by the process would (USER_ESP judges stack growth), and pins its frame so that
   it stays until addrspace_unpin(). Marks the page dirty if WRITE, since the
   kernel's store through its own mapping does not. Returns the kernel address
   that UADDR's byte lives at (valid to the end of its page), or NULL if the
   process may not access UADDR so. Takes AS's lock: the caller must not hold it
   nor any lock the file system needs. */
void *
addrspace_pin (struct addrspace *as, const void *uaddr, bool write,
               const void *user_esp)
{
  void *kpage;

  if (!is_user_vaddr (uaddr))
    return NULL;
  kpage = vm_fault_in (as, (void *) uaddr, write ? VM_WRITE : VM_READ, user_esp,
                       true, NULL);
  return kpage != NULL ? (uint8_t *) kpage + pg_ofs (uaddr) : NULL;
}

/* The kernel address of user address UADDR of AS if its page is resident now with
   the rights the access needs (writable, if WRITE), marking the page accessed (and
   dirty, if WRITE) as the access will; NULL otherwise. For copies that need no
   pin: the caller has interrupts off, so that no eviction can come between this
   look and its copy (one CPU), and copies only up to the end of UADDR's page. */
void *
addrspace_peek (struct addrspace *as, const void *uaddr, bool write)
{
  uint32_t *pte;
  uint32_t need = PTE_P | PTE_U | (write ? PTE_W : 0);

  ASSERT (intr_get_level () == INTR_OFF);
  if (!is_user_vaddr (uaddr)
      || (pte = pagedir_lookup_pte (as->pagedir, uaddr, false)) == NULL
      || (*pte & need) != need)
    return NULL;
  pagedir_set_pte_bits (as->pagedir, uaddr, pte, PTE_A | (write ? PTE_D : 0));
  return (uint8_t *) pte_get_page (*pte) + pg_ofs (uaddr);
}

/* Ends the pin that addrspace_pin() returned KADDR for. */
void
addrspace_unpin (void *kaddr)
{
  frame_unpin (pg_round_down (kaddr));
}

/* How many regions AS has. */
int
addrspace_region_count (struct addrspace *as)
{
  int count;

  lock_acquire (&as->lock);
  count = region_set_count (&as->regions);
  lock_release (&as->lock);
  return count;
}

/* Fills INFO with the description of AS's region number INDEX (0 is the lowest);
   false if there is no such region. */
bool
addrspace_region_info (struct addrspace *as, int index, struct region_info *info)
{
  struct region *r;

  lock_acquire (&as->lock);
  for (r = region_first (&as->regions); r != NULL && index > 0;
       r = region_next (&as->regions, r))
    index--;
  if (r != NULL)
    region_describe (r, info);
  lock_release (&as->lock);
  return r != NULL;
}

/* The mincore() byte for the page whose PTE is PTE (NULL: no page table). */
static uint8_t
page_state (const uint32_t *pte)
{
  if (pte == NULL)
    return 0;
  if (*pte & PTE_P)
    return MINCORE_RESIDENT | (*pte & PTE_D ? MINCORE_DIRTY : 0)
           | (*pte & PTE_A ? MINCORE_ACCESSED : 0);
  if (pte_is_evicting (*pte))
    return MINCORE_RESIDENT; /* Still in its frame, for a moment. */
  return pte_is_swapped (*pte) ? MINCORE_SWAPPED : 0;
}

/* Writes the state of each of the PAGE_CNT pages from page-aligned ADDR of AS to
   VEC (unless VEC is NULL), one MINCORE_* byte a page, without changing any.
   Returns false if the range is empty, leaves user space or touches no region
   (VEC is filled all the same, if the range is in user space). */
bool
addrspace_mincore (struct addrspace *as, const void *addr, size_t page_cnt,
                   uint8_t *vec)
{
  const uint8_t *start = addr;
  const uint8_t *end;
  const uint8_t *upage;
  struct region *r;
  bool touches = false;

  ASSERT (pg_ofs (addr) == 0);
  if (page_cnt == 0
      || page_cnt > ((uintptr_t) PHYS_BASE - (uintptr_t) addr) / PGSIZE)
    return false;
  end = start + page_cnt * PGSIZE;
  lock_acquire (&as->lock);
  for (r = region_first (&as->regions); r != NULL; r = region_next (&as->regions, r))
    if (r->start < end && r->end > start)
      touches = true;
  for (upage = start; vec != NULL && upage < end; upage += PGSIZE)
    *vec++ = page_state (pagedir_lookup_pte (as->pagedir, upage, false));
  lock_release (&as->lock);
  return touches;
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* For the frame table, which holds frame_lock: takes AS's lock for an eviction
   without waiting. Returns false if another thread holds it; else true, with
   *ALREADY_HELD saying whether the running thread held it before (then the caller
   must not release it). */
bool
addrspace_lock_for_eviction (struct addrspace *as, bool *already_held)
{
  *already_held = lock_held_by_current_thread (&as->lock);
  return *already_held || lock_try_acquire (&as->lock);
}

/* True if resident page UPAGE of AS was accessed since the last call; clears its
   accessed bit. The caller holds AS's lock. */
bool
addrspace_test_and_clear_accessed (struct addrspace *as, const void *upage)
{
  uint32_t *pte = pagedir_lookup_pte (as->pagedir, upage, false);

  ASSERT (pte != NULL && (*pte & PTE_P));
  if (!(*pte & PTE_A))
    return false;
  pagedir_clear_pte_bits (as->pagedir, upage, pte, PTE_A);
  return true;
}

/* True if resident page UPAGE of AS holds just what its region would fill it
   with again: evicting it needs no write. The caller holds AS's lock. */
bool
addrspace_page_is_clean (struct addrspace *as, const void *upage)
{
  uint32_t *pte = pagedir_lookup_pte (as->pagedir, upage, false);

  ASSERT (pte != NULL && (*pte & PTE_P));
  return !(*pte & (PTE_D | PTE_ANON));
}

/* Starts evicting resident page UPAGE of AS from frame KPAGE (pinned by the
   caller, who holds AS's lock and may release it once this returns): makes the
   page not present, marked PTE_EVICTING, so that a store by the owner can no
   longer slip in while the page is written out, and a fault on it waits for the
   eviction to end (vm_wait_eviction()). Fills *E for addrspace_finish_eviction(). */
void
addrspace_start_eviction (struct addrspace *as, const void *upage, void *kpage,
                          struct eviction *e)
{
  e->as = as;
  e->upage = upage;
  e->kpage = kpage;
  e->pte = pagedir_lookup_pte (as->pagedir, upage, false);
  ASSERT (e->pte != NULL && (*e->pte & PTE_P) && pte_get_page (*e->pte) == kpage);
  e->from_file = vm_page_is_from_file (as, upage);
  e->old = pagedir_set_pte (as->pagedir, upage, e->pte, PTE_EVICTING);
}

/* Sets the PTE of eviction E to VALUE, ending the eviction, and wakes whoever
   waits for it. */
static void
end_eviction (struct eviction *e, uint32_t value)
{
  lock_acquire (&eviction_lock);
  *e->pte = value;
  cond_broadcast (&eviction_done, &eviction_lock);
  lock_release (&eviction_lock);
}

/* Finishes eviction E, without the owner's lock (its own faults on the page, and
   its teardown, wait for the end): a clean page is dropped (its region fills it
   again on the next fault), any other is written to swap and its PTE keeps the
   slot. Returns false, with the eviction still under way, if the page needed swap
   and swap is full or absent: the caller ends it with
   addrspace_cancel_eviction(). */
bool
addrspace_finish_eviction (struct eviction *e)
{
  swap_slot_t slot;

  if (!(e->old & (PTE_D | PTE_ANON)))
    {
      if (vm_trace)
        diag_printf ("evict %s %p: dropped clean %s page\n", e->as->name, e->upage,
                     e->from_file ? "file" : "zero");
      end_eviction (e, 0);
      return true;
    }
  if (!swap_out (e->kpage, &slot))
    return false;
  ASSERT (slot <= PTE_SLOT_MAX);
  if (vm_trace)
    diag_printf ("evict %s %p -> swap slot %u\n", e->as->name, e->upage,
                 (unsigned) slot);
  end_eviction (e, pte_swapped (slot));
  return true;
}

/* Ends eviction E by mapping its page again as it was. */
void
addrspace_cancel_eviction (struct eviction *e)
{
  end_eviction (e, e->old);
}
#endif /* END SOLUTION vm */

/* Waits while the page whose PTE is at PTE is being evicted by another thread.
   The caller holds the page's address space's lock (so no new eviction of the
   page can start). */
void
vm_wait_eviction (uint32_t *pte)
{
  if (!pte_is_evicting (*pte))
    return;
  lock_acquire (&eviction_lock);
  while (pte_is_evicting (*pte))
    cond_wait (&eviction_done, &eviction_lock);
  lock_release (&eviction_lock);
}
