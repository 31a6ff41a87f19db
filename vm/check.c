/* The isolation check (the kernel's -vmcheck option): at each process exit and at
   power-off, every user page table is walked and held against the frame table
   and the swap slots. A violation is a kernel bug that could let one process see
   or change another's memory, or leak a page: each is one `vmcheck:' line on the
   diagnostic stream, and utils/checker.py fails the run as it does for a leak.

   The rules: a present user entry maps a frame of the user pool that belongs to
   a backing object of its address space (its family's anonymous object, at the
   same user address, or the file object of its region, as a cached page); no
   entry lies outside every region; a writable entry never maps a frame another
   entry maps, unless both are a shared mapping of one file; each anonymous frame
   is mapped by exactly as many entries as its count of sharers says, and none is
   owned and unmapped; and each swap slot is held by exactly as many entries as
   its count says.

   Every family's lock is held while the check runs, so no fault, fork or exit
   moves anything; an anonymous eviction waits for its end. What can still move
   is looked at with interrupts off, an entry and its frame together, and what is
   in flight is excused: a pinned frame (being filled, copied or evicted), and as
   many unheld slots as there are entries being evicted. */

#include <debug.h>
#include <stdarg.h>
#include <stdio.h>
#include "devices/console.h"
#include "threads/interrupt.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/anon.h"
#include "vm/file-object.h"
#include "vm/frame.h"
#include "vm/object.h"
#include "vm/pagedir.h"
#include "vm/swap.h"

#define VIOLATIONS_SHOWN 4 /* Lines printed at most for one check. */

bool vm_check_enabled;

static struct lock check_lock; /* One check at a time. */
static bool check_lock_ready;

/* One check's tallies. */
struct tally
{
  const char *when;
  uint32_t *frame_maps; /* Per frame: entries mapping it. */
  uint32_t *slot_holds; /* Per swap slot: entries holding it. */
  unsigned evicting;    /* Entries being evicted. */
  unsigned violations;
};

/* Reports a violation found by the check WHEN, a printf-style message. */
static void PRINTF_FORMAT (2, 3) violation (struct tally *t, const char *format, ...)
{
  char message[128];
  va_list args;

  if (t->violations++ >= VIOLATIONS_SHOWN)
    return;
  va_start (args, format);
  vsnprintf (message, sizeof message, format, args);
  va_end (args);
  diag_printf ("vmcheck: VIOLATION at %s: %s\n", t->when, message);
}

/* Checks the present entry PTE of page UPAGE in region R of AS against the frame
   table, counting the frame's mappings. Called with interrupts off. */
static void
check_present (struct tally *t, struct addrspace *as, struct region *r,
               const uint8_t *upage, uint32_t pte)
{
  void *kpage = pte_get_page (pte);
  struct vm_object *owner;

  if (!(pte & PTE_U) || !palloc_is_user_page (kpage))
    {
      violation (t, "%s %p maps frame %p outside the user pool", as->name, upage,
                 kpage);
      return;
    }
  owner = frame_owner (kpage);
  t->frame_maps[frame_number (kpage)]++;
  if (pte & PTE_FILE)
    {
      if (r->backing.file == NULL || !file_object_owns (r->backing.file, kpage))
        violation (t, "%s %p maps frame %zu, not a page of its region's file",
                   as->name, upage, frame_number (kpage));
      else if ((pte & PTE_W) && !(r->shared && r->writable))
        violation (t, "%s %p maps its file's cached frame %zu writable", as->name,
                   upage, frame_number (kpage));
    }
  else if (owner != anon_object (as->anon) || frame_page (kpage) != (uint32_t) upage)
    violation (t, "%s %p maps frame %zu, which is not its page", as->name, upage,
               frame_number (kpage));
}

/* Walks the user half of AS's page directory. The caller holds AS's lock. */
static void
check_space (struct tally *t, struct addrspace *as)
{
  uintptr_t upage;

  for (upage = 0; upage < (uintptr_t) PHYS_BASE; upage += PGSIZE)
    {
      uint32_t *pte = pagedir_lookup_pte (as->pagedir, (void *) upage, false);
      struct region *r;
      enum intr_level old;

      if (pte == NULL)
        {
          upage = (upage / PDE_SPAN + 1) * PDE_SPAN - PGSIZE;
          continue;
        }
      if (*pte == 0)
        continue;
      r = region_find (&as->regions, (void *) upage);
      old = intr_disable ();
      if (*pte == 0)
        ;
      else if (r == NULL)
        violation (t, "%s %p has an entry outside every region", as->name,
                   (void *) upage);
      else if (*pte & PTE_P)
        check_present (t, as, r, (const uint8_t *) upage, *pte);
      else if (pte_is_evicting (*pte))
        t->evicting++;
      else if (pte_is_swapped (*pte) && pte_swap_slot (*pte) < swap_slot_count ())
        t->slot_holds[pte_swap_slot (*pte)]++;
      else
        violation (t, "%s %p has a bad entry %08x", as->name, (void *) upage,
                   (unsigned) *pte);
      intr_set_level (old);
    }
}

/* Holds the counts of the walk against the frame table and the slots. */
static void
check_counts (struct tally *t)
{
  unsigned unheld = 0;
  size_t i;

  for (i = 0; i < frame_count (); i++)
    {
      void *kpage = frame_kpage (i);
      enum intr_level old = intr_disable ();
      struct vm_object *owner = frame_owner (kpage);

      if (owner != NULL && !owner->ops->caches_pages && !frame_is_pinned (kpage)
          && t->frame_maps[i] != frame_sharers (kpage))
        violation (t, "frame %zu is mapped %u times but counts %u sharers", i,
                   (unsigned) t->frame_maps[i], frame_sharers (kpage));
      /* A family's swap cache: a copy of a slot that an entry still holds. */
      if (owner != NULL && !owner->ops->caches_pages && frame_is_cached (kpage)
          && !frame_is_pinned (kpage)
          && swap_refs (frame_page (kpage) >> PGBITS) == 0)
        violation (t, "frame %zu holds swap slot %u's page, which no entry holds", i,
                   (unsigned) (frame_page (kpage) >> PGBITS));
      intr_set_level (old);
    }
  for (i = 0; i < swap_slot_count (); i++)
    {
      unsigned refs = swap_refs (i);
      if (refs != 0 && t->slot_holds[i] == 0)
        unheld++;
      else if (refs != t->slot_holds[i])
        violation (t, "swap slot %zu is held %u times but counts %u holders", i,
                   (unsigned) t->slot_holds[i], refs);
    }
  if (unheld > t->evicting)
    violation (t, "%u swap slots are in use and held by no page", unheld);
}

/* Takes the lock of every family that has a member, without holding the list
   of address spaces while waiting (a fork holds its family's lock while it
   adds the child to the list), and returns with the list's lock held and no
   address space whose family's lock is not held. *HELD lists the families whose
   locks it took (and holds a reference to), *HELD_CNT how many, for
   unlock_everything(), even when it returns false (memory is short). */
static bool
lock_everything (struct anon ***held, size_t *held_cnt)
{
  size_t capacity = 0;

  *held = NULL;
  *held_cnt = 0;
  for (;;)
    {
      struct anon *missing = NULL;
      struct addrspace *as;
      size_t spaces = 0;

      vm_all_lock ();
      for (as = vm_all_first (); as != NULL; as = vm_all_next (as))
        {
          spaces++;
          if (missing == NULL && !lock_held_by_current_thread (anon_lock (as->anon)))
            missing = as->anon;
        }
      if (missing == NULL)
        return true;
      if (*held_cnt == capacity)
        {
          struct anon **more = realloc (*held, (spaces + 1) * sizeof **held);
          if (more == NULL)
            {
              vm_all_unlock ();
              return false;
            }
          *held = more;
          capacity = spaces + 1;
        }
      /* A reference keeps the family while its lock is waited for. */
      anon_ref (missing);
      (*held)[(*held_cnt)++] = missing;
      vm_all_unlock ();
      lock_acquire (anon_lock (missing));
    }
}

/* Lets go of the families lock_everything() took, HELD_CNT of them in HELD. The
   caller holds no lock of the list of every address space. */
static void
unlock_everything (struct anon **held, size_t held_cnt)
{
  size_t i;

  for (i = held_cnt; i-- > 0;)
    lock_release (anon_lock (held[i]));
  vm_all_lock ();
  for (i = 0; i < held_cnt; i++)
    anon_unref (held[i]);
  vm_all_unlock ();
  free (held);
}

/* Runs the isolation check, WHEN naming the moment (the process that just ended,
   or power-off) in any violation line. Takes every address space's lock. */
void
vm_check (const char *when)
{
  struct tally t = { .when = when };
  struct anon **held = NULL;
  struct addrspace *as;
  size_t held_cnt = 0;
  bool locked;

  if (!check_lock_ready)
    {
      lock_init (&check_lock);
      check_lock_ready = true;
    }
  t.frame_maps = calloc (frame_count () + 1, sizeof *t.frame_maps);
  t.slot_holds = calloc (swap_slot_count () + 1, sizeof *t.slot_holds);
  lock_acquire (&check_lock);
  locked = t.frame_maps != NULL && t.slot_holds != NULL
           && lock_everything (&held, &held_cnt);
  if (!locked)
    diag_printf ("vmcheck: no memory for the check at %s\n", when);
  else
    {
      for (as = vm_all_first (); as != NULL; as = vm_all_next (as))
        check_space (&t, as);
      check_counts (&t);
      vm_all_unlock ();
    }
  unlock_everything (held, held_cnt);
  lock_release (&check_lock);
  if (t.violations > VIOLATIONS_SHOWN)
    diag_printf ("vmcheck: VIOLATION at %s: %u more\n", when,
                 t.violations - VIOLATIONS_SHOWN);
  free (t.frame_maps);
  free (t.slot_holds);
}
