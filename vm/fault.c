/* The page-fault path: find the region, check the access, ask the region's
   backing for the page, map it. Named by case as Linux's mm/ does:
   fault_zero (anonymous pages, and the zero part of file regions), fault_file
   (a page that is the file object's one copy, or partly file bytes), fault_swap
   (a page back from swap, which may be shared), and on a write to a page that
   others share: break_file_sharing and break_anon_sharing (copy-on-write, or
   reuse by the last sharer). The same path serves the kernel when a system
   call touches a user page that is not resident.

   AS's lock is held throughout but let go while a frame is found (an eviction
   may need locks) and filled (the disk): anything the fault decided may have
   changed meanwhile, so each case looks again once it has the lock back and
   starts over (FAULT_RETRY) if the page's entry moved. */

#include <debug.h>
#include <stdio.h>
#include <string.h>
#include "devices/console.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/anon.h"
#include "vm/file-object.h"
#include "vm/frame.h"
#include "vm/pagedir.h"
#include "vm/stats.h"
#include "vm/swap.h"

#define RESOLUTION_MAX 48 /* A trace line's resolution text. */

/* What one attempt at a fault achieved. */
struct fault
{
  struct addrspace *as;
  struct region *r;
  uint8_t *upage;
  uint32_t *pte;
  enum vm_access access;
  bool grew;                       /* The stack just grew to UPAGE. */
  uint32_t access_bits;            /* PTE_A, and PTE_D for a write. */
  void *kpage;                     /* The frame, pinned, once resolved. */
  bool retry;                      /* Start over: the PTE moved meanwhile. */
  const char *error;               /* Why the fault cannot be served. */
  char resolution[RESOLUTION_MAX]; /* For the trace. */
};

/* A frame of AS's family for F's page, pinned, with AS's lock let go while it is
   found; NULL (F->error set) if there is none. The caller holds AS's lock, and
   holds it again on return. */
static void *
new_anon_frame (struct fault *f)
{
  void *kpage;

  vm_unlock (f->as);
  kpage = frame_alloc (anon_object (f->as->anon), (uint32_t) f->upage, f->as->name,
                       &f->as->held);
  vm_lock (f->as);
  if (kpage == NULL)
    f->error = "out of memory";
  return kpage;
}

/* Maps anonymous frame KPAGE (pinned) at F's page as its only sharer, writable
   if the region is, with F's access bits; DIRTY: its contents exist nowhere
   else. The caller holds AS's lock. */
static void
map_anon (struct fault *f, void *kpage, bool dirty)
{
  pagedir_set_pte (f->as->pagedir, f->upage, f->pte,
                   pte_create (kpage, f->r->writable, true) | f->access_bits);
  frame_set_sharers (kpage, 1);
  frame_set_dirty (kpage, dirty);
  f->kpage = kpage;
}

/* True if F's entry no longer holds OLD: something changed it while AS's lock
   was let go, so the fault starts over, giving back FRAME (if not NULL, an
   anonymous frame just taken for it). The caller holds AS's lock. */
static bool
moved (struct fault *f, uint32_t old, void *frame)
{
  if (*f->pte == old)
    return false;
  if (frame != NULL)
    frame_free (frame);
  f->retry = true;
  return true;
}

/* A page never touched before, of an anonymous region or past its region's file
   bytes: zeros; or, for a page only partly file bytes (the last page of a
   segment), those bytes and then zeros, in a frame of its own. */
static void
fault_zero (struct fault *f, bool from_file)
{
  void *kpage = new_anon_frame (f);
  bool ok;

  if (kpage == NULL)
    return;
  vm_unlock (f->as);
  if (from_file)
    ok = file_object_read (f->r, f->upage, kpage);
  else
    {
      memset (kpage, 0, PGSIZE);
      ok = true;
    }
  vm_lock (f->as);
  if (moved (f, 0, kpage))
    return;
  if (!ok)
    {
      frame_free (kpage);
      f->error = "cannot read the file";
      return;
    }
  map_anon (f, kpage, false);
  vm_count (from_file ? VM_FAULT_FILE_READ : VM_FAULT_ZERO);
  if (from_file)
    {
      off_t offset;
      size_t bytes;
      region_page_from_file (f->r, f->upage, &offset, &bytes);
      snprintf (f->resolution, RESOLUTION_MAX, "file %s+0x%x", f->r->backing.name,
                (unsigned) offset);
    }
  else
    strlcpy (f->resolution, f->grew ? "stack grow" : "zero", RESOLUTION_MAX);
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* A write to F's page, which maps the file object's frame SHARED (pinned) and
   belongs to a private region: the writer gets a copy of its own, anonymous and
   dirty. Unpins SHARED. */
static void
break_file_sharing (struct fault *f, void *shared)
{
  uint32_t old = *f->pte;
  void *copy = new_anon_frame (f);

  if (copy != NULL)
    {
      memcpy (copy, shared, PGSIZE);
      file_object_lock (f->r->backing.file);
      if (!moved (f, old, copy))
        {
          pagedir_set_pte (f->as->pagedir, f->upage, f->pte,
                           pte_create (copy, true, true) | PTE_A | PTE_D);
          frame_set_sharers (copy, 1);
          frame_set_dirty (copy, true);
          f->kpage = copy;
          strlcpy (f->resolution, "copy-on-write", RESOLUTION_MAX);
          vm_count (VM_FAULT_COPY);
        }
      file_object_unlock (f->r->backing.file);
    }
  frame_unpin (shared);
}

/* A write to F's page, whose anonymous frame KPAGE (pinned) fork shares
   read-only: the last sharer takes it back writable in place; any other gets a
   copy of its own and leaves the others theirs. */
static void
break_anon_sharing (struct fault *f, void *kpage)
{
  uint32_t old = *f->pte;
  unsigned sharers = frame_sharers (kpage);
  void *copy;

  if (sharers > 1)
    {
      copy = new_anon_frame (f);
      if (copy == NULL || moved (f, old, copy))
        {
          frame_unpin (kpage);
          return;
        }
      sharers = frame_sharers (kpage); /* Others may have gone meanwhile. */
      if (sharers > 1)
        {
          memcpy (copy, kpage, PGSIZE);
          frame_set_sharers (kpage, sharers - 1);
          map_anon (f, copy, true);
          frame_unpin (kpage);
          vm_count (VM_FAULT_COPY);
          snprintf (f->resolution, RESOLUTION_MAX, "copy-on-write (%u sharers)",
                    sharers);
          return;
        }
      frame_free (copy);
    }
  pagedir_set_pte (f->as->pagedir, f->upage, f->pte,
                   pte_create (kpage, true, true) | PTE_A | PTE_D);
  frame_set_dirty (kpage, true);
  f->kpage = kpage;
  strlcpy (f->resolution, "reuse (last sharer)", RESOLUTION_MAX);
  vm_count (VM_FAULT_REUSE);
}

/* Pages a swap-in may bring in after its own, in the same command (so 32 a
   command), when their slots follow its slot. */
#define READ_AHEAD_MAX 31

/* For read-ahead: takes frames into PAGES[1..] for the pages after F's whose
   entries hold the slots after SLOT, each the slot's only holder and not yet in
   the swap cache, as long as they follow one another, the region goes on and
   the pool has free frames (read-ahead never evicts a page to guess at
   another); returns how many. The caller holds AS's lock. */
static size_t
read_ahead_frames (struct fault *f, swap_slot_t slot, void *pages[])
{
  struct vm_object *anon = anon_object (f->as->anon);
  size_t n;

  for (n = 0; n < READ_AHEAD_MAX; n++)
    {
      uint8_t *upage = f->upage + (n + 1) * PGSIZE;
      swap_slot_t next = slot + n + 1;
      uint32_t *pte;

      if (upage >= f->r->end || next >= swap_slot_count ())
        break;
      pte = pagedir_lookup_pte (f->as->pagedir, upage, false);
      if (pte == NULL || *pte != pte_swapped (next) || swap_refs (next) != 1
          || frame_cache_find (anon, next) != NULL)
        break;
      pages[n + 1] = frame_alloc_free (anon, next << PGBITS, f->as->name);
      if (pages[n + 1] == NULL)
        break;
    }
  return n;
}

/* Reads slot SLOT into PAGES[0] and, after it, the AHEAD slots that follow into
   PAGES[1..AHEAD], one command, which go into the swap cache; with the lock held
   throughout (the neighbours' slots are held only by this family's entries,
   which cannot change meanwhile). Returns whether PAGES[0] holds its page. */
static bool
read_with_neighbours (struct fault *f, swap_slot_t slot, void *pages[], size_t ahead)
{
  bool ok = swap_in_pages (slot, pages, 1 + ahead);
  size_t i;

  for (i = 1; i <= ahead; i++)
    if (ok)
      anon_swap_cache_add (f->as->anon, pages[i]);
    else
      frame_free (pages[i]);
  return ok || swap_in (slot, pages[0]); /* Else the page on its own. */
}

/* A page that was evicted to swap: read it back into a frame of its own (or
   take it from the swap cache, where a neighbour's fault read it ahead), with
   up to READ_AHEAD_MAX of the pages after it if their slots follow. If other
   members of the family hold the same slot (fork shared the page), they get the
   frame too, shared, and the slot is freed when none holds it. */
static void
fault_swap (struct fault *f)
{
  uint32_t old = *f->pte;
  swap_slot_t slot = pte_swap_slot (old);
  void *pages[1 + READ_AHEAD_MAX];
  void *kpage = anon_swap_cache_take (f->as->anon, slot, f->upage);
  bool cached = kpage != NULL, ok = true;
  size_t ahead = 0;
  unsigned sharers;

  if (!cached)
    {
      kpage = pages[0] = new_anon_frame (f);
      if (kpage == NULL || moved (f, old, kpage))
        return; /* The lock was let go for the frame: a sharer may have swapped in.
                 */
      ahead = read_ahead_frames (f, slot, pages);
    }
  if (!cached && ahead > 0)
    ok = read_with_neighbours (f, slot, pages, ahead);
  else if (!cached)
    {
      /* While the lock is let go again a sharer may swap the page in and let the
         slot go, and someone else may take it: then what we read is not ours,
         and the entry has moved, so we start over. */
      vm_unlock (f->as);
      ok = swap_in (slot, kpage);
      vm_lock (f->as);
      if (moved (f, old, kpage))
        return;
    }
  if (!ok)
    {
      frame_free (kpage);
      diag_printf ("swap: %s: slot %u could not be read\n", f->as->name,
                   (unsigned) slot);
      f->error = "its page could not be read back from swap";
      return;
    }
  if (swap_refs (slot) == 1)
    {
      swap_free (slot);
      map_anon (f, kpage, true);
      sharers = 1;
    }
  else
    {
      sharers = anon_map_swapped_in (f->as->anon, f->upage, slot, kpage);
      f->kpage = kpage;
    }
  vm_count (cached ? VM_FAULT_SWAP_CACHED : VM_FAULT_SWAP_READ);
  vm_count_n (VM_READ_AHEAD, ahead);
  if (cached)
    snprintf (f->resolution, RESOLUTION_MAX, "swap-in slot %u (read ahead)",
              (unsigned) slot);
  else
    snprintf (f->resolution, RESOLUTION_MAX, "swap-in slot %u", (unsigned) slot);
  if (ahead > 0)
    snprintf (f->resolution + strlen (f->resolution),
              RESOLUTION_MAX - strlen (f->resolution), " (+%zu read ahead)", ahead);
  if (sharers > 1)
    snprintf (f->resolution + strlen (f->resolution),
              RESOLUTION_MAX - strlen (f->resolution), " (%u sharers)", sharers);
}

/* True if F's page is to be its file's one cached copy, shared with every other
   mapper: it is wholly a page of the file, and sharing is on (the kernel's
   -noshare option makes private pages private copies) or the region is a shared
   mapping. */
static bool
shares_file_page (const struct fault *f)
{
  return region_page_is_whole_file_page (f->r, f->upage)
         && (vm_share || f->r->shared);
}
#else  /* STARTER vm */
/* Copy-on-write, swap-in and the sharing of a file's cached pages are yours to
   write (vm/README.md). Until then every page is a private copy and nothing is
   ever swapped out, so a write never finds a page read-only only because it is
   shared, and no entry holds a swap slot. */
static void
break_file_sharing (struct fault *f, void *shared)
{
  frame_unpin (shared);
  f->error = "copy-on-write is not implemented";
}

static void
break_anon_sharing (struct fault *f, void *kpage)
{
  frame_unpin (kpage);
  f->error = "copy-on-write is not implemented";
}

static void
fault_swap (struct fault *f)
{
  f->error = "swap-in is not implemented";
}

static bool
shares_file_page (const struct fault *f UNUSED)
{
  return false;
}
#endif /* END SOLUTION vm */

/* Fault-around: the pages of an aligned window of this many around a file
   page's fault that the page cache holds already are mapped with it. */
#define FAULT_AROUND_PAGES 16

/* Maps, read-only and not accessed, every page of F's FAULT_AROUND_PAGES window
   in F's region that is wholly its file's, has a page table but no entry, and
   whose frame the page cache holds (Linux's fault-around: a program run again
   takes a fault or so a window, not one a page; no disk is read for it). Not for
   a store, nor in a shared writable mapping, whose entries carry the writes.
   Returns how many it mapped. The caller holds AS's lock and the object's. */
static unsigned
fault_around (struct fault *f)
{
  uintptr_t window = FAULT_AROUND_PAGES * PGSIZE;
  uint8_t *first = (uint8_t *) ((uintptr_t) f->upage & ~(window - 1));
  uint8_t *upage;
  unsigned mapped = 0;

  if ((f->access & VM_WRITE) || (f->r->shared && f->r->writable))
    return 0;
  for (upage = first; upage < first + window; upage += PGSIZE)
    {
      uint32_t *pte;
      void *kpage;

      if (upage == f->upage || upage < f->r->start || upage >= f->r->end
          || !region_page_is_whole_file_page (f->r, upage))
        continue;
      pte = pagedir_lookup_pte (f->as->pagedir, upage, false);
      if (pte == NULL || *pte != 0)
        continue;
      kpage = file_object_find (f->r, upage);
      if (kpage == NULL)
        continue;
      pagedir_set_pte (f->as->pagedir, upage, pte,
                       pte_create (kpage, false, true) | PTE_FILE);
      mapped++;
    }
  return mapped;
}

/* A page that is wholly a page of region R's file: the file object's one copy,
   from its cache or read now, mapped read-only unless R is a shared writable
   mapping (a write to a private page then copies it). */
static void
fault_file (struct fault *f)
{
  struct file_object *obj = f->r->backing.file;
  unsigned around;
  off_t offset;
  size_t bytes;
  bool cached;
  void *kpage;

  vm_unlock (f->as);
  kpage = file_object_get_page (f->r, f->upage, &f->as->held, &cached, &f->error);
  vm_lock (f->as);
  if (kpage == NULL)
    return;
  region_page_from_file (f->r, f->upage, &offset, &bytes);
  snprintf (f->resolution, RESOLUTION_MAX, "file %s+0x%x%s", f->r->backing.name,
            (unsigned) offset, cached ? " (cached)" : "");
  file_object_lock (obj);
  if (moved (f, 0, NULL))
    {
      file_object_unlock (obj);
      frame_unpin (kpage);
      return;
    }
  pagedir_set_pte (f->as->pagedir, f->upage, f->pte,
                   pte_create (kpage, f->r->shared && f->r->writable, true)
                       | PTE_FILE | PTE_A | (f->r->shared ? f->access_bits : 0));
  around = fault_around (f);
  file_object_unlock (obj);
  f->kpage = kpage;
  vm_count (cached ? VM_FAULT_FILE_CACHED : VM_FAULT_FILE_READ);
  vm_count_n (VM_FAULT_AROUND, around);
  if (around > 0)
    snprintf (f->resolution + strlen (f->resolution),
              RESOLUTION_MAX - strlen (f->resolution), " (+%u around)", around);
}

/* Pins the frame that F's present entry maps and ORs SET_BITS into the entry, or
   leaves F->kpage NULL if the entry no longer maps it (a file object's frame may
   be unmapped by the object's evictor at any time until pinned under the
   object's lock), or with F->error set if the frame has all the pins it can
   count. The caller holds AS's lock. */
static void
pin_present (struct fault *f, uint32_t set_bits)
{
  bool file = (*f->pte & PTE_FILE) != 0;

  if (file)
    file_object_lock (f->r->backing.file);
  if (*f->pte & PTE_P)
    {
      void *kpage = pte_get_page (*f->pte);
      if (!frame_pin (kpage))
        f->error = "too many pins on one page";
      else
        {
          pagedir_set_pte_bits (f->as->pagedir, f->upage, f->pte, set_bits);
          f->kpage = kpage;
        }
    }
  else
    f->retry = true;
  if (file)
    file_object_unlock (f->r->backing.file);
}

/* Resolves F, whose region and entry are known, as its entry says: a present
   page is pinned (and copied, or reused by its last sharer, if it is written
   while read-only because it is shared); an absent one comes from swap, its
   file or zeros, and a write to it, if it came in shared, starts over to break
   the sharing. With PIN, a write marks the page dirty at once. The caller holds
   AS's lock. */
static void
resolve (struct fault *f, bool pin)
{
  uint32_t pte = *f->pte;
  void *shared;

  if (pte & PTE_P)
    {
      pin_present (f, pin && (pte & PTE_W) ? f->access_bits : PTE_A);
      if (f->kpage == NULL || !(f->access & VM_WRITE) || (*f->pte & PTE_W))
        return;
      shared = f->kpage;
      f->kpage = NULL;
      if (pte & PTE_FILE)
        break_file_sharing (f, shared);
      else
        break_anon_sharing (f, shared);
      return;
    }
  if (pte_is_swapped (pte))
    fault_swap (f);
  else if (shares_file_page (f))
    fault_file (f);
  else
    fault_zero (f, vm_page_is_from_file (f->as, f->upage));
  if (f->kpage != NULL && (f->access & VM_WRITE) && !(*f->pte & PTE_W))
    {
      frame_unpin (f->kpage);
      f->kpage = NULL;
      f->retry = true;
    }
}

/* Makes AS hold frame KPAGE, just faulted in by a user instruction while frames
   are scarce (the user pool is empty), until the instruction has run
   (vm_user_progress()): frames an instruction needs together are then there
   together (vm/frame.h). Returns whether it did: the caller then arranges to
   hear of the instruction's completion. The caller holds AS's lock. */
static bool
hold_for_instruction (struct addrspace *as, void *kpage)
{
  return palloc_user_free_count () == 0 && frame_hold (&as->held, kpage);
}

/* Lets go of the frames AS holds for its last faulting instruction. */
void
vm_release_held (struct addrspace *as)
{
  frame_release_held (&as->held);
}

/* AS's process has made progress in user mode (the instruction that faulted
   last has completed, or it entered the kernel by a system call): the frames it
   held are ordinary ones again. */
void
vm_user_progress (struct addrspace *as)
{
  if (as->held.cnt != 0)
    frame_release_held (&as->held);
}

static const char *
access_name (enum vm_access access)
{
  return access & VM_WRITE ? "write" : access & VM_EXEC ? "exec" : "read";
}

/* Makes the page holding UADDR of AS resident, as a fault by ACCESS requires, and
   returns its frame; with PIN the frame stays pinned (frame_unpin()) and a write
   access marks the page dirty, since the kernel's store through its own mapping
   does not. Returns NULL if the access is not allowed or cannot be served, with
   the reason in *WHY (if WHY is not NULL). USER_ESP is the user's stack pointer,
   for stack growth (NULL: the stack does not grow). For a user access, *WATCH
   (if WATCH is not NULL) says whether the frame is held until the caller
   reports the faulting instruction's completion (vm_user_progress()). Takes
   AS's lock; may sleep on the disk. */
void *
vm_fault_in (struct addrspace *as, void *uaddr, enum vm_access access,
             const void *user_esp, bool *watch, bool pin, const char **why)
{
  struct fault f;

  memset (&f, 0, sizeof f);
  f.as = as;
  f.upage = pg_round_down (uaddr);
  f.access = access;
  /* The access that faulted is about to happen: its accessed and dirty bits go
     in at once, so that the clock cannot take the page back before the access
     is made (or a faulting store from pages it thinks are clean, when swap is
     full, over and over). */
  f.access_bits = PTE_A | (access & VM_WRITE ? PTE_D : 0);
  vm_lock (as);
  do
    {
      f.retry = false;
      f.kpage = NULL;
      f.error = vm_access_check (as, uaddr, access, user_esp, true, &f.r, &f.grew);
      if (f.error == NULL)
        {
          f.pte = pagedir_lookup_pte (as->pagedir, f.upage, true);
          if (f.pte == NULL)
            f.error = "out of memory for a page table";
          else if (anon_wait_eviction (as, f.pte))
            f.retry = true;
          else
            resolve (&f, pin);
        }
    }
  while (f.retry && f.error == NULL);

  if (watch != NULL)
    *watch = f.kpage != NULL && (access & VM_USER)
             && hold_for_instruction (as, f.kpage);
  if (f.kpage != NULL && !pin)
    frame_unpin (f.kpage);
  if (vm_trace && (f.resolution[0] != '\0' || f.error != NULL))
    diag_printf ("fault %s %p %s %s: %s%s\n", as->name, f.upage,
                 access_name (access), access & VM_USER ? "user" : "kernel",
                 f.error != NULL ? "killed: " : "",
                 f.error != NULL ? f.error : f.resolution);
  vm_unlock (as);
  if (why != NULL)
    *why = f.error;
  return f.kpage;
}

/* Resolves a page fault at ADDR in AS, taken by ACCESS with the user stack
   pointer at USER_ESP: brings the page in and maps it. Returns false, with the
   reason in *WHY, if the access is not allowed or cannot be served; the caller
   then ends the process. Sets *WATCH if the caller is to report the faulting
   instruction's completion with vm_user_progress() (see
   hold_for_instruction()). */
bool
vm_handle_fault (struct addrspace *as, void *addr, enum vm_access access,
                 const void *user_esp, bool *watch, const char **why)
{
  return vm_fault_in (as, addr, access, user_esp, watch, false, why) != NULL;
}
