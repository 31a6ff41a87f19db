/* The page-fault path: find the region, check the access, take a frame, fill it,
   map it. Named by case as Linux's mm/ does: vm_fault_zero (anonymous pages and
   the zero part of file regions), vm_fault_file (a page read from its file),
   vm_fault_swap (a page back from swap), and stack growth. The same path serves
   the kernel when a system call touches a user page that is not resident. */

#include <debug.h>
#include <stdio.h>
#include <string.h>
#include "devices/console.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/frame.h"
#include "vm/maps.h"
#include "vm/object.h"
#include "vm/pagedir.h"
#include "vm/swap.h"

#define RESOLUTION_MAX 48 /* A trace line's resolution text. */

/* True if UADDR (not in any region of AS) is where AS's stack may grow to: at or
   above the user stack pointer USER_ESP less what PUSHA reaches below it, and not
   below STACK_MAX under PHYS_BASE. */
bool
vm_stack_reach (struct addrspace *as, const uint8_t *uaddr, const void *user_esp)
{
  return as->stack != NULL && user_esp != NULL && uaddr >= as->stack_floor
         && uaddr < as->stack->start
         && uaddr + STACK_SLACK >= (const uint8_t *) user_esp;
}

/* True if page UPAGE of AS starts out with bytes of a file. The caller holds
   AS's lock. */
bool
vm_page_is_from_file (struct addrspace *as, const void *upage)
{
  struct region *r = region_find (&as->regions, upage);
  off_t offset;
  size_t bytes;

  return r != NULL && region_page_from_file (r, upage, &offset, &bytes);
}

/* A page never touched before, of an anonymous region or past its region's file
   bytes: zeros. */
static void
vm_fault_zero (void *kpage)
{
  memset (kpage, 0, PGSIZE);
}

/* A page of region R that starts with file bytes but is not wholly a page of the
   file (the last page of a segment, zeros after its bytes): read into a frame of
   its own. Writes the trace's resolution into RESOLUTION. */
static bool
vm_fault_file (const struct region *r, const void *upage, void *kpage,
               char *resolution)
{
  off_t offset;
  size_t bytes;

  region_page_from_file (r, upage, &offset, &bytes);
  snprintf (resolution, RESOLUTION_MAX, "file %s+0x%x", r->backing.name,
            (unsigned) offset);
  return region_fill_page (r, upage, kpage);
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* A page that is wholly a page of region R's file: the file object's one copy,
   from its cache or read now (pinned; see object_get_page()). */
static void *
vm_fault_shared (struct region *r, const void *upage, char *resolution,
                 const char **why)
{
  off_t offset;
  size_t bytes;
  bool cached;
  void *kpage = object_get_page (r, upage, &cached, why);

  region_page_from_file (r, upage, &offset, &bytes);
  snprintf (resolution, RESOLUTION_MAX, "file %s+0x%x%s", r->backing.name,
            (unsigned) offset, cached ? " (cached)" : "");
  return kpage;
}

/* A write to a private page that still maps its file object's frame SHARED
   (pinned by the caller): the writer gets a copy of its own. Returns the copy
   (pinned), or NULL if memory is short. */
static void *
vm_fault_cow (struct addrspace *as, const void *upage, const void *shared,
              char *resolution)
{
  void *kpage = frame_alloc (as, upage);

  if (kpage != NULL)
    memcpy (kpage, shared, PGSIZE);
  strlcpy (resolution, "copy-on-write", RESOLUTION_MAX);
  return kpage;
}

/* A page that was evicted to swap: read it back and give up its slot. Its frame
   is now the only copy of its contents. */
static void
vm_fault_swap (uint32_t pte, void *kpage, char *resolution)
{
  swap_slot_t slot = pte_swap_slot (pte);

  snprintf (resolution, RESOLUTION_MAX, "swap-in slot %u", (unsigned) slot);
  swap_in (slot, kpage);
  swap_free (slot);
}
#endif /* END SOLUTION vm */

/* Why the process may not touch UADDR of AS as ACCESS asks (USER_ESP judging stack
   growth), or NULL if it may; sets *R to UADDR's region (after growing the stack
   down to UADDR's page, *GREW then true). The caller holds AS's lock. */
static const char *
check_access (struct addrspace *as, uint8_t *uaddr, enum vm_access access,
              const void *user_esp, struct region **r, bool *grew)
{
  *grew = false;
  if (!is_user_vaddr (uaddr))
    return "kernel address";
  *r = region_find (&as->regions, uaddr);
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  if (*r == NULL && vm_stack_reach (as, uaddr, user_esp))
    {
      if (!region_resize (&as->regions, as->stack, pg_round_down (uaddr),
                          as->stack->end))
        return "stack would grow into another region";
      *r = as->stack;
      *grew = true;
      vm_trace_region (as, as->stack);
    }
#else  /* STARTER vm */
  (void) user_esp;     /* The stack does not grow yet. */
#endif /* END SOLUTION vm */
  if (*r == NULL)
    return (as->stack != NULL && uaddr >= as->stack_floor && uaddr < as->stack->start
                ? "below the stack pointer"
                : "outside every region");
  if ((access & VM_WRITE) && !(*r)->writable)
    return "write to a read-only page";
  return NULL;
}

static const char *
access_name (enum vm_access access)
{
  return access & VM_WRITE ? "write" : access & VM_EXEC ? "exec" : "read";
}

/* Sets PTE, the entry for UPAGE in AS, to VALUE. An entry that maps or will map a
   file object's frame changes only under the object's lock (vm/object.h). */
static void
set_pte (struct addrspace *as, struct region *r, const void *upage, uint32_t *pte,
         uint32_t value)
{
  bool shared = ((*pte | value) & PTE_SHARED) != 0;

  if (shared)
    object_lock (r->object);
  pagedir_set_pte (as->pagedir, upage, pte, value);
  if (shared)
    object_unlock (r->object);
}

/* Pins the frame that present PTE (of page UPAGE in region R) maps, ORs SET_BITS
   into the PTE, and returns the frame; or NULL if the PTE no longer maps it (a
   frame shared with a file object may be unmapped by the object's evictor at any
   time until pinned under the object's lock), or with *WHY set if the frame has
   all the pins it can count. The caller holds AS's lock. */
static void *
pin_present (struct addrspace *as, struct region *r, const void *upage,
             uint32_t *pte, uint32_t set_bits, const char **why)
{
  void *kpage = NULL;
  bool shared = (*pte & PTE_SHARED) != 0;

  if (shared)
    object_lock (r->object);
  if (*pte & PTE_P)
    {
      kpage = pte_get_page (*pte);
      if (!frame_pin (kpage))
        {
          *why = "too many pins on one page";
          kpage = NULL;
        }
      else
        pagedir_set_pte_bits (as->pagedir, upage, pte, set_bits);
    }
  if (shared)
    object_unlock (r->object);
  return kpage;
}

/* Brings in page UPAGE of region R of AS, whose PTE (at PTE) is not present, for
   ACCESS: from swap, from the file (the file object's shared frame, or a private
   one), or as zeros (GREW: the stack just grew to it). Maps it, with EXTRA_BITS in
   its PTE, and returns its frame, pinned; NULL with *WHY set on failure. The
   caller holds AS's lock, which is let go while the frame is found and filled, so
   that other processes can evict this one's pages meanwhile (only this process's
   own thread changes its non-present PTEs and its regions, so nothing that was
   decided goes stale). */
static void *
fault_in_absent (struct addrspace *as, struct region *r, uint8_t *upage,
                 uint32_t *pte, enum vm_access access, bool grew,
                 uint32_t extra_bits, char *resolution, const char **why)
{
  uint32_t old = *pte;
  bool swapped = pte_is_swapped (old);
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  bool shared
      = !swapped && region_page_is_shared (r, upage) && (vm_share || r->shared);
#else  /* STARTER vm */
  bool shared = false; /* Every page is private yet. */
#endif /* END SOLUTION vm */
  bool from_file = !swapped && !shared && vm_page_is_from_file (as, upage);
  bool writable = r->writable;
  uint32_t flags = 0;
  void *kpage;

  lock_release (&as->lock);
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  if (shared)
    {
      kpage = vm_fault_shared (r, upage, resolution, why);
      if (kpage != NULL && !r->shared && r->writable && (access & VM_WRITE))
        {
          /* A first touch that writes a private page: copy at once. */
          void *copy = vm_fault_cow (as, upage, kpage, resolution);
          frame_unpin (kpage);
          kpage = copy;
          flags = PTE_ANON;
          if (copy == NULL)
            *why = "out of memory";
        }
      else
        {
          flags = PTE_SHARED;
          writable = r->shared && r->writable;
        }
    }
  else
#else  /* STARTER vm */
  (void) access;       /* Only a shared page's first write needs it. */
#endif /* END SOLUTION vm */
    if ((kpage = frame_alloc (as, upage)) == NULL)
      *why = "out of memory";
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
    else if (swapped)
      {
        vm_fault_swap (old, kpage, resolution);
        flags = PTE_ANON;
      }
#endif /* END SOLUTION vm */
    else if (from_file)
      {
        if (!vm_fault_file (r, upage, kpage, resolution))
          {
            frame_free (kpage);
            kpage = NULL;
            *why = "cannot read the file";
          }
      }
    else
      {
        vm_fault_zero (kpage);
        strlcpy (resolution, grew ? "stack grow" : "zero", RESOLUTION_MAX);
      }
  lock_acquire (&as->lock);

  ASSERT (*pte == old);
  if (kpage != NULL)
    set_pte (as, r, upage, pte,
             pte_create (kpage, writable, true) | flags | extra_bits);
  return kpage;
}

/* A write to the resident page UPAGE of region R whose PTE (at PTE) is read-only
   because the page still shares its file's frame KPAGE (pinned): gives AS its own
   copy and maps it writable. Returns the copy, pinned, with KPAGE unpinned; or
   NULL with the reason in *WHY. AS's lock is held. */
static void *
fault_write_shared (struct addrspace *as, struct region *r, uint8_t *upage,
                    uint32_t *pte, void *kpage, char *resolution, const char **why)
{
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  void *copy = vm_fault_cow (as, upage, kpage, resolution);
  if (copy == NULL)
    *why = "out of memory";
  else
    set_pte (as, r, upage, pte,
             pte_create (copy, true, true) | PTE_ANON | PTE_D | PTE_A);
  frame_unpin (kpage);
  return copy;
#else  /* STARTER vm */
  /* Every page is private and mapped as its region allows: no write finds a
     read-only page of a writable region. */
  (void) as, (void) r, (void) upage, (void) pte, (void) resolution;
  frame_unpin (kpage);
  *why = "copy-on-write is not implemented";
  return NULL;
#endif /* END SOLUTION vm */
}

/* Makes the page holding UADDR of AS resident, as a fault by ACCESS requires, and
   returns its frame; with PIN the frame stays pinned (frame_unpin()) and a write
   access marks the page dirty, since the kernel's store through its own mapping
   does not. Returns NULL if the access is not allowed or cannot be served, with
   the reason in *WHY (if WHY is not NULL). USER_ESP is the user's stack pointer,
   for stack growth (NULL: the stack does not grow). Takes AS's lock; may sleep on
   the disk. */
void *
vm_fault_in (struct addrspace *as, void *uaddr, enum vm_access access,
             const void *user_esp, bool pin, const char **why)
{
  uint8_t *upage = pg_round_down (uaddr);
  char resolution[RESOLUTION_MAX] = "";
  const char *error;
  struct region *r = NULL;
  uint32_t *pte = NULL;
  void *kpage = NULL;
  uint32_t access_bits;
  bool grew;

  lock_acquire (&as->lock);
  error = check_access (as, uaddr, access, user_esp, &r, &grew);
  if (error == NULL)
    {
      pte = pagedir_lookup_pte (as->pagedir, upage, true);
      if (pte == NULL)
        error = "out of memory for a page table";
      else
        vm_wait_eviction (pte);
    }
  /* The access that faulted is about to happen: its accessed and dirty bits go
     in at once, so that the clock cannot take the page back before the access
     is made (or a faulting store from pages it thinks are clean, when swap is
     full, over and over). */
  access_bits = PTE_A | (access & VM_WRITE ? PTE_D : 0);
  if (error == NULL && (*pte & PTE_P))
    kpage = pin_present (as, r, upage, pte,
                         pin && (*pte & PTE_W) ? access_bits : PTE_A, &error);
  if (kpage != NULL && (access & VM_WRITE) && !(*pte & PTE_W))
    kpage = fault_write_shared (as, r, upage, pte, kpage, resolution, &error);
  else if (kpage != NULL)
    {
      /* Resident already, and usable as it is: only the kernel asks, to pin it. */
      if (!pin)
        frame_unpin (kpage);
      lock_release (&as->lock);
      return kpage;
    }
  else if (error == NULL)
    kpage = fault_in_absent (as, r, upage, pte, access, grew, access_bits,
                             resolution, &error);

  if (kpage != NULL && !pin)
    frame_unpin (kpage);
  if (vm_trace)
    diag_printf ("fault %s %p %s %s: %s%s\n", as->name, upage, access_name (access),
                 access & VM_USER ? "user" : "kernel",
                 error != NULL ? "killed: " : "",
                 error != NULL ? error : resolution);
  lock_release (&as->lock);
  if (why != NULL)
    *why = error;
  return kpage;
}

/* Resolves a page fault at ADDR in AS, taken by ACCESS with the user stack pointer
   at USER_ESP: brings the page in (vm_fault_zero, vm_fault_file, vm_fault_swap or
   stack growth) and maps it. Returns false, with the reason in *WHY, if the access
   is not allowed or cannot be served; the caller then ends the process. */
bool
vm_handle_fault (struct addrspace *as, void *addr, enum vm_access access,
                 const void *user_esp, const char **why)
{
  return vm_fault_in (as, addr, access, user_esp, false, why) != NULL;
}
