/* Address spaces, the objects themselves: bringing up vm/, creation and
   teardown, the regions the loader describes, and what the `regions' and
   `mincore' calls report. The heap is in heap.c, mmap in mmap.c, the checks and
   pins system calls use in access.c, the fault path in fault.c, fork in
   fork.c. */

#include "vm/addrspace.h"
#include <debug.h>
#include <meminfo.h>
#include <string.h>
#include "devices/console.h"
#include "devices/shutdown.h"
#include "filesys/file.h"
#include "threads/malloc.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/anon.h"
#include "vm/file-object.h"
#include "vm/frame.h"
#include "vm/maps.h"
#include "vm/pagedir.h"
#include "vm/stats.h"
#include "vm/swap.h"

bool vm_trace;
bool vm_share = true;
bool vm_cow = true;

static struct list all_spaces; /* Every address space, by all_elem. */
static struct lock all_lock;   /* Guards ALL_SPACES and NEXT_RANK. */
static uint32_t next_rank;     /* The next address space's, for frame holds. */

/* The scheduler's switch hook: T's address space becomes the CPU's (the
   kernel's alone for a kernel thread). */
static void
activate_for_thread (struct thread *t)
{
  addrspace_activate (t->addrspace);
}

/* The isolation check at power-off, if -vmcheck. */
static void
check_at_power_off (void)
{
  if (vm_check_enabled)
    vm_check ("power-off");
}

/* Brings up the virtual-memory layer: the frame table, the page cache and swap,
   and address spaces that follow the scheduler. Call once, after the disks have
   their roles and before the first process. */
void
vm_init (void)
{
  thread_set_switch_hook (activate_for_thread);
  frame_init ();
  file_object_init ();
  swap_init ();
  vm_stats_init ();
  list_init (&all_spaces);
  lock_init (&all_lock);
  shutdown_register_hook (SHUTDOWN_LEAK_CHECK, check_at_power_off);
  if (vm_trace)
    diag_printf ("vm: %zu user frames, %zu swap slots\n", frame_count (),
                 swap_slot_count ());
}

/* Fills INFO with the machine's user-memory figures (the meminfo call). */
void
vm_meminfo (struct meminfo *info)
{
  frame_meminfo (info);
  info->swap_slots = swap_slot_count () - swap_bad_count ();
  info->swap_free = swap_free_count ();
}

/* True if PAGE_CNT more anonymous pages could ever be given memory: there are at
   least that many free frames, frames holding file pages (which can always be
   dropped or written back) and free swap slots. A request beyond that is an
   obvious overcommit, refused at once rather than killed at a later touch. */
bool
vm_could_back (size_t page_cnt)
{
  struct meminfo info;

  vm_meminfo (&info);
  return page_cnt <= (size_t) info.frames_free + info.frames_file + info.swap_free;
}

/* Takes AS's lock: its family's (vm/anon.h). */
void
vm_lock (struct addrspace *as)
{
  lock_acquire (anon_lock (as->anon));
}

void
vm_unlock (struct addrspace *as)
{
  lock_release (anon_lock (as->anon));
}

/* A new address space for a process called NAME: empty, in family ANON (a new
   family of its own if ANON is NULL), on the list of every address space; or
   NULL if memory is short. The caller holds ANON's lock if ANON is not NULL. */
static struct addrspace *
create (const char *name, struct anon *anon)
{
  struct addrspace *as = calloc (1, sizeof *as);
  bool own_anon = anon == NULL;

  if (as == NULL)
    return NULL;
  as->pagedir = pagedir_create ();
  if (own_anon)
    anon = anon_create ();
  if (as->pagedir == NULL || anon == NULL)
    {
      pagedir_destroy (as->pagedir);
      if (own_anon && anon != NULL)
        {
          vm_all_lock ();
          anon_ref (anon);
          anon_unref (anon);
          vm_all_unlock ();
        }
      free (as);
      return NULL;
    }
  anon_join (anon, as);
  region_set_init (&as->regions);
  as->stack_floor = (uint8_t *) PHYS_BASE - STACK_MAX;
  strlcpy (as->name, name, sizeof as->name);
  lock_acquire (&all_lock);
  frame_holder_init (&as->held, next_rank++);
  list_push_back (&all_spaces, &as->all_elem);
  anon_ref (anon);
  lock_release (&all_lock);
  return as;
}

/* A new, empty address space for a process called NAME, in a family of its
   own, or NULL if memory is short. */
struct addrspace *
addrspace_create (const char *name)
{
  return create (name, NULL);
}

/* A new, empty address space for NAME in PARENT's family (for fork), or NULL if
   memory is short. The caller holds PARENT's lock. */
struct addrspace *
vm_create_in_family (struct addrspace *parent, const char *name)
{
  return create (name, parent->anon);
}

/* Gives back everything page UPAGE of region R holds, whose PTE is at PTE: its
   share of a frame (a file object's frame just stops being mapped here) or of a
   swap slot. Waits first for an eviction of the page to end. The caller holds
   AS's lock. */
static void
release_page (struct addrspace *as, struct region *r, const void *upage,
              uint32_t *pte)
{
  while (anon_wait_eviction (as, pte))
    continue;
  if (*pte & PTE_FILE)
    file_object_unmap_page (r, upage, pte);
  else if (*pte != 0)
    anon_release (as, upage, pte);
}

/* Gives back every page of [START, END), which lies in region R of AS. The caller
   holds AS's lock. */
void
vm_release_range (struct addrspace *as, struct region *r, const uint8_t *start,
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
   frees it. The caller holds AS's lock. */
void
vm_remove_region (struct addrspace *as, struct region *r)
{
  vm_trace_unmap (as, r);
  vm_release_range (as, r, r->start, r->end);
  file_object_detach (r);
  region_remove (&as->regions, r);
}

/* Frees AS: every region with its frames, swap slots and file, its place in its
   family (the family too, once no member or check refers to it), then its page
   directory.
   AS must not be active. NULL is ignored. With -vmcheck, checks every other
   address space afterwards. */
void
addrspace_destroy (struct addrspace *as)
{
  struct anon *anon;

  if (as == NULL)
    return;
  anon = as->anon;
  vm_lock (as);
  vm_release_held (as);
  while (region_first (&as->regions) != NULL)
    vm_remove_region (as, region_first (&as->regions));
  anon_leave (anon, as);
  lock_release (anon_lock (anon));
  lock_acquire (&all_lock);
  list_remove (&as->all_elem);
  anon_unref (anon);
  lock_release (&all_lock);
  pagedir_destroy (as->pagedir);
  if (vm_check_enabled)
    vm_check (as->name);
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
   cannot be mapped so (file_object_attach()). The caller holds AS's lock. */
struct region *
vm_add_region (struct addrspace *as, void *start, void *end, bool writable,
               bool executable, bool shared, struct file *file,
               const char *file_name, off_t offset, uint32_t file_bytes,
               enum region_kind kind, const char **why)
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
      backing.offset = offset;
      backing.file_bytes = file_bytes;
      strlcpy (backing.name, file_name, sizeof backing.name);
    }
  r = region_add (&as->regions, start, end, writable, executable, &backing, kind);
  if (r == NULL)
    {
      if (!region_overlaps (&as->regions, start, end))
        *why = "out of memory";
      return NULL;
    }
  r->as = as;
  r->shared = shared;
  if (file != NULL && file_object_attach (r, file, why) == NULL)
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
   the file's one cached copy until written. FILE stays the caller's. KIND names
   the region. Returns NULL, or why the region cannot be added. */
const char *
addrspace_map_file (struct addrspace *as, void *start, void *end, bool writable,
                    bool executable, struct file *file, const char *file_name,
                    off_t offset, uint32_t file_bytes, enum region_kind kind)
{
  const char *why = NULL;

  ASSERT (file != NULL && file_bytes > 0 && offset % PGSIZE == 0);
  vm_lock (as);
  if (vm_add_region (as, start, end, writable, executable, false, file, file_name,
                     offset, file_bytes, kind, &why)
      != NULL)
    why = NULL;
  vm_unlock (as);
  return why;
}

/* Describes [START, END) of AS as a region of zero-filled pages (KIND: bss...),
   each made when first touched. Returns NULL, or why the region cannot be added. */
const char *
addrspace_map_anon (struct addrspace *as, void *start, void *end, bool writable,
                    enum region_kind kind)
{
  const char *why = NULL;

  vm_lock (as);
  if (vm_add_region (as, start, end, writable, false, false, NULL, NULL, 0, 0, kind,
                     &why)
      != NULL)
    why = NULL;
  vm_unlock (as);
  return why;
}

/* Adds AS's stack: one page below PHYS_BASE, which faults below it grow down to
   STACK_MAX. Returns false if memory is short. */
bool
addrspace_init_stack (struct addrspace *as)
{
  vm_lock (as);
  as->stack = region_add (&as->regions, (uint8_t *) PHYS_BASE - PGSIZE, PHYS_BASE,
                          true, false, NULL, REGION_STACK);
  if (as->stack != NULL)
    {
      as->stack->as = as;
      vm_trace_region (as, as->stack);
    }
  vm_unlock (as);
  return as->stack != NULL;
}

/* How many regions AS has. */
int
addrspace_region_count (struct addrspace *as)
{
  int count;

  vm_lock (as);
  count = region_set_count (&as->regions);
  vm_unlock (as);
  return count;
}

/* Fills INFO with the description of AS's region number INDEX (0 is the lowest);
   false if there is no such region. */
bool
addrspace_region_info (struct addrspace *as, int index, struct region_info *info)
{
  struct region *r;

  vm_lock (as);
  for (r = region_first (&as->regions); r != NULL && index > 0;
       r = region_next (&as->regions, r))
    index--;
  if (r != NULL)
    region_describe (r, info);
  vm_unlock (as);
  return r != NULL;
}

/* How many page-table entries hold page UPAGE of region R of AS, whose PTE is
   at PTE: its frame's or swap slot's count (more than 1 after a fork), or the
   mappers of a file's cached frame; 0 for a page that is not there. The caller
   holds AS's lock. */
unsigned
vm_page_sharers (struct addrspace *as UNUSED, struct region *r, const void *upage,
                 const uint32_t *pte)
{
  if (pte == NULL || *pte == 0 || pte_is_evicting (*pte))
    return 0;
  if (pte_is_swapped (*pte))
    return swap_refs (pte_swap_slot (*pte));
  if (*pte & PTE_FILE)
    return file_object_sharers (r, upage, pte_get_page (*pte));
  return frame_sharers (pte_get_page (*pte));
}

/* The mincore() byte for page UPAGE of AS, whose PTE is PTE (NULL: no page
   table). The caller holds AS's lock. */
static uint8_t
page_state (struct addrspace *as, const uint8_t *upage, const uint32_t *pte)
{
  struct region *r;
  uint8_t state;

  if (pte == NULL)
    return 0;
  /* Dirty: this mapping wrote the page, or (a page fork shares read-only) the
     frame holds stores the backing store lacks. */
  if (*pte & PTE_P)
    state = MINCORE_RESIDENT
            | (*pte & PTE_D || frame_is_dirty (pte_get_page (*pte)) ? MINCORE_DIRTY
                                                                    : 0)
            | (*pte & PTE_A ? MINCORE_ACCESSED : 0);
  else if (pte_is_evicting (*pte))
    return MINCORE_RESIDENT; /* Still in its frame, for a moment. */
  else
    state = pte_is_swapped (*pte) ? MINCORE_SWAPPED : 0;
  r = region_find (&as->regions, upage);
  if (state != 0 && r != NULL && vm_page_sharers (as, r, upage, pte) > 1)
    state |= MINCORE_SHARED;
  return state;
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
  vm_lock (as);
  for (r = region_first (&as->regions); r != NULL; r = region_next (&as->regions, r))
    if (r->start < end && r->end > start)
      touches = true;
  for (upage = start; vec != NULL && upage < end; upage += PGSIZE)
    *vec++ = page_state (as, upage, pagedir_lookup_pte (as->pagedir, upage, false));
  vm_unlock (as);
  return touches;
}

/* The list of every address space, for the isolation check: hold its lock
   while walking it. */
void
vm_all_lock (void)
{
  lock_acquire (&all_lock);
}

void
vm_all_unlock (void)
{
  lock_release (&all_lock);
}

struct addrspace *
vm_all_first (void)
{
  return list_empty (&all_spaces)
             ? NULL
             : list_entry (list_front (&all_spaces), struct addrspace, all_elem);
}

struct addrspace *
vm_all_next (struct addrspace *as)
{
  struct list_elem *e = list_next (&as->all_elem);
  return e == list_end (&all_spaces) ? NULL
                                     : list_entry (e, struct addrspace, all_elem);
}
