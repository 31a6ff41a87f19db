/* The frame table and eviction.

   frames[i] describes user frame number i (palloc_user_index): the address space
   whose page it holds and that page's address, with FRAME_PINNED in the page's
   low bits. Eight bytes a frame; a free frame has no owner. frame_lock guards the
   table and the clock hand.

   Eviction is the clock algorithm: the hand sweeps the table, skipping pinned
   frames and frames whose owner is busy (its lock held by another thread: that
   process is in the middle of a fault or a system call on its memory), giving a
   second chance to frames whose accessed bit is set (clearing it), and evicting the
   first frame found unused since the last sweep. The owner's lock is held from the
   choice until the page is out, so the owner faulting on it waits rather than
   seeing a half-evicted page. */

#include "vm/frame.h"
#include <debug.h>
#include <stdint.h>
#include "devices/timer.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"

#define FRAME_PINNED 0x1        /* In frame.page: never chosen for eviction. */
#define EVICT_ROUNDS 8          /* Sweeps tried before giving up, a tick apart. */

struct frame
  {
    struct addrspace *owner;    /* NULL: free (in palloc's user pool). */
    uintptr_t page;             /* User page address | FRAME_PINNED. */
  };

static struct frame *frames;    /* Indexed by user frame number. */
static size_t frame_cnt;
static size_t clock_hand;
static struct lock frame_lock;

/* Sets up the frame table for the whole user pool. Call after palloc_init() and
   malloc_init(). */
void
frame_init (void)
{
  frame_cnt = palloc_user_page_count ();
  frames = calloc (frame_cnt, sizeof *frames);
  if (frames == NULL && frame_cnt > 0)
    PANIC ("no memory for a frame table of %zu frames", frame_cnt);
  lock_init (&frame_lock);
}

/* Bytes of kernel metadata a resident user page costs: its frame-table entry (a
   page that is not resident costs nothing beyond its PTE). */
size_t
frame_entry_bytes (void)
{
  return sizeof (struct frame);
}

static struct frame *
frame_of (const void *kpage)
{
  return &frames[palloc_user_index (kpage)];
}

/* Looks for a victim among the frames, starting at the clock hand. With CLEAN_ONLY,
   only a page that can be dropped without writing will do. On success returns the
   frame, pinned, with its owner's lock taken (*OWNER_WAS_HELD says whether the
   caller held it already); else NULL. Takes and releases frame_lock. */
static struct frame *
choose_victim (bool clean_only, bool *owner_was_held)
{
  struct frame *victim = NULL;
  size_t scanned;

  lock_acquire (&frame_lock);
  for (scanned = 0; scanned < 2 * frame_cnt && victim == NULL; scanned++)
    {
      struct frame *f = &frames[clock_hand];
      const void *upage = (const void *) (f->page & ~(uintptr_t) PGMASK);

      clock_hand = (clock_hand + 1) % frame_cnt;
      if (f->owner == NULL || (f->page & FRAME_PINNED)
          || !addrspace_lock_for_eviction (f->owner, owner_was_held))
        continue;
      if (!addrspace_test_and_clear_accessed (f->owner, upage)
          && (!clean_only || addrspace_page_is_clean (f->owner, upage)))
        {
          f->page |= FRAME_PINNED;
          victim = f;
        }
      else if (!*owner_was_held)
        lock_release (&f->owner->lock);
    }
  lock_release (&frame_lock);
  return victim;
}

/* Frees a frame by evicting some page, and returns it (unowned, for the caller to
   take), or NULL if no page can be evicted: every frame is pinned or busy, or
   swap is full and no page can be dropped. */
static void *
evict (void)
{
  bool clean_only = false;
  int round = 0;

  while (round < EVICT_ROUNDS)
    {
      bool owner_was_held;
      struct frame *f = choose_victim (clean_only, &owner_was_held);
      struct addrspace *owner;
      void *kpage;
      bool evicted;

      if (f == NULL)
        {
          round++;
          timer_sleep (1);      /* Let busy owners finish what they hold. */
          continue;
        }
      owner = f->owner;
      kpage = palloc_user_page (f - frames);
      evicted = addrspace_evict_page (owner, (void *) (f->page & ~(uintptr_t) PGMASK),
                                      kpage);
      if (!owner_was_held)
        lock_release (&owner->lock);
      lock_acquire (&frame_lock);
      if (evicted)
        f->owner = NULL;
      f->page &= ~(uintptr_t) FRAME_PINNED;
      lock_release (&frame_lock);
      if (evicted)
        return kpage;
      /* Swap is full: from now on only a page that can be dropped will do, and
         dropping one cannot fail. */
      clean_only = true;
    }
  return NULL;
}

/* Returns a frame (its kernel address) for page UPAGE of OWNER, pinned until
   frame_unpin(); evicts a page to get one when the user pool is empty. Returns
   NULL if no frame can be had. The caller holds OWNER's lock. May sleep. */
void *
frame_alloc (struct addrspace *owner, const void *upage)
{
  void *kpage = palloc_get_page (PAL_USER);
  struct frame *f;

  ASSERT (pg_ofs (upage) == 0);
  if (kpage == NULL)
    kpage = evict ();
  if (kpage == NULL)
    return NULL;
  lock_acquire (&frame_lock);
  f = frame_of (kpage);
  ASSERT (f->owner == NULL);
  f->owner = owner;
  f->page = (uintptr_t) upage | FRAME_PINNED;
  lock_release (&frame_lock);
  return kpage;
}

/* Gives frame KPAGE back to the user pool. Its page must be unmapped already; the
   caller holds the owner's lock, so no eviction is under way on it. */
void
frame_free (void *kpage)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL);
  f->owner = NULL;
  f->page = 0;
  lock_release (&frame_lock);
  palloc_free_page (kpage);
}

/* Keeps frame KPAGE from being evicted until frame_unpin(). The caller holds the
   owner's lock, so no eviction is under way on it. */
void
frame_pin (void *kpage)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL && !(f->page & FRAME_PINNED));
  f->page |= FRAME_PINNED;
  lock_release (&frame_lock);
}

/* Lets frame KPAGE be evicted again. */
void
frame_unpin (void *kpage)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT (f->page & FRAME_PINNED);
  f->page &= ~(uintptr_t) FRAME_PINNED;
  lock_release (&frame_lock);
}
