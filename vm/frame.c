/* The frame table and eviction.

   frames[i] describes user frame number i (palloc_user_index): who owns it and
   which page it holds, in eight bytes. A private frame's owner is an address
   space and `page' is the user page it is mapped at; an object's frame (a cached
   file page, mapped by any number of address spaces) has FRAME_OBJECT set, its
   owner is the vm_object and `page' holds the file page index in place of an
   address. The low bits of `page' count the pins (a pinned frame is never
   evicted). A free frame has no owner. frame_lock guards the table and the hand.

   Eviction is the clock algorithm: the hand sweeps the table, skipping pinned
   frames and frames whose owner is busy (its lock held by another thread: a
   process in the middle of a fault on its memory, or an object being read or
   written), giving a second chance to frames whose accessed bit is set (clearing
   it), and evicting the first frame not used since the last sweep. A fault on
   the page being evicted waits rather than seeing it half gone: a private page is
   marked PTE_EVICTING under its owner's lock, which is let go while the page is
   written out (the owner faulting on that page waits for the end, and can fault
   on its others meanwhile); an object's page keeps the object locked.

   Under -vmtrace each change of a frame's owner goes on the trace, so that a
   viewer can show who holds each frame (an evicted frame's next line is its
   next owner's):

     frame 12: NAME 0x0804c000      a process's page
     frame 12: FILE+0x00004000      a file's cached page
     frame 12: free */

#include "vm/frame.h"
#include <debug.h>
#include <meminfo.h>
#include <stdint.h>
#include "devices/console.h"
#include "devices/timer.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/object.h"

#define FRAME_PINS 0x7ff     /* In frame.page: how many pins hold the frame. */
#define FRAME_OBJECT 0x800   /* In frame.page: owner is a vm_object. */
#ifndef STARTER_VM           /* BEGIN SOLUTION vm */
#define EVICT_WAIT_TICKS 500 /* How long to wait for busy owners (5 s). */
#define EVICT_PINNED_TICKS 8 /* How long to wait for pins to end. */
#endif                       /* END SOLUTION vm */

struct frame
{
  void *owner;    /* Address space or vm_object; NULL: free. */
  uintptr_t page; /* User page, or object page index << PGBITS. */
};

static struct frame *frames; /* Indexed by user frame number. */
static size_t frame_cnt;
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
static size_t clock_hand;
#endif /* END SOLUTION vm */
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

static struct frame *
frame_of (const void *kpage)
{
  return &frames[palloc_user_index (kpage)];
}

/* For -vmtrace: the frame at KPAGE now holds page WHERE of OWNER, written after
   SEPARATOR (OWNER NULL: the frame is free). */
static void
trace_owner (const void *kpage, const char *owner, const char *separator,
             uintptr_t where)
{
  if (!vm_trace)
    return;
  if (owner == NULL)
    diag_printf ("frame %zu: free\n", palloc_user_index (kpage));
  else
    diag_printf ("frame %zu: %s%s0x%08x\n", palloc_user_index (kpage), owner,
                 separator, (unsigned) where);
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
static uintptr_t
page_part (const struct frame *f)
{
  return f->page & ~(uintptr_t) PGMASK;
}

/* A frame picked for eviction. An object's frame comes with the object locked; a
   private frame with its eviction started (its PTE marked PTE_EVICTING) and its
   owner's lock already let go, so that the owner and other evictors are not held
   up while the page goes to disk. */
struct victim
{
  struct frame *frame;
  bool owner_is_object;     /* Its owner is a vm_object, not an address space. */
  bool owner_was_held;      /* The running thread held the object's lock. */
  struct eviction eviction; /* A private frame's eviction. */
};

/* What try_victim() found out about a frame. */
enum candidate
{
  CANDIDATE_TAKEN, /* It goes (see struct victim). */
  CANDIDATE_KEPT,  /* Recently used, or it would need a write. */
  CANDIDATE_BUSY   /* Its owner's lock is held by another thread. */
};

/* Whether frame F can go now (with CLEAN_ONLY: without a write). If so, returns
   CANDIDATE_TAKEN with V filled in as struct victim says; else leaves nothing
   locked. Takes the second chance of a recently used frame. The caller holds
   frame_lock. */
static enum candidate
try_victim (struct frame *f, bool clean_only, struct victim *v)
{
  void *kpage = palloc_user_page (f - frames);

  v->frame = f;
  v->owner_is_object = (f->page & FRAME_OBJECT) != 0;
  if (v->owner_is_object)
    {
      struct vm_object *obj = f->owner;
      if (!object_trylock (obj, &v->owner_was_held))
        return CANDIDATE_BUSY;
      if (object_prepare_eviction (obj, page_part (f) >> PGBITS, kpage)
          == OBJECT_EVICT_GO)
        return CANDIDATE_TAKEN;
      if (!v->owner_was_held)
        object_unlock (obj);
      return CANDIDATE_KEPT;
    }
  else
    {
      struct addrspace *as = f->owner;
      const void *upage = (const void *) page_part (f);
      enum candidate result = CANDIDATE_KEPT;
      bool held;

      if (!addrspace_lock_for_eviction (as, &held))
        return CANDIDATE_BUSY;
      if (!addrspace_test_and_clear_accessed (as, upage)
          && (!clean_only || addrspace_page_is_clean (as, upage)))
        {
          addrspace_start_eviction (as, upage, kpage, &v->eviction);
          result = CANDIDATE_TAKEN;
        }
      if (!held)
        lock_release (&as->lock);
      return result;
    }
}

/* Looks for a victim, starting at the clock hand. On success returns true with
   *V filled in and its frame pinned; else false, with *BUSY_SEEN saying whether
   some frame was passed over only because its owner was busy. Takes and releases
   frame_lock. */
static bool
choose_victim (bool clean_only, struct victim *v, bool *busy_seen)
{
  size_t scanned;
  bool found = false;

  *busy_seen = false;
  lock_acquire (&frame_lock);
  for (scanned = 0; scanned < 2 * frame_cnt && !found; scanned++)
    {
      struct frame *f = &frames[clock_hand];

      clock_hand = (clock_hand + 1) % frame_cnt;
      if (f->owner == NULL || (f->page & FRAME_PINS) != 0)
        continue;
      switch (try_victim (f, clean_only, v))
        {
        case CANDIDATE_TAKEN:
          f->page++;
          found = true;
          break;
        case CANDIDATE_BUSY:
          *busy_seen = true;
          break;
        case CANDIDATE_KEPT:
          break;
        }
    }
  lock_release (&frame_lock);
  return found;
}

/* Evicts victim V's page (writing it out, without holding frame_lock) and drops
   the victim's pin. Returns false if it needed swap and swap is full: the page
   then stays mapped. On success the frame is unowned, for the caller to take. */
static bool
evict_victim (struct victim *v)
{
  struct frame *f = v->frame;
  bool evicted = true;

  if (v->owner_is_object)
    {
      object_finish_eviction (f->owner, page_part (f) >> PGBITS,
                              palloc_user_page (f - frames));
      if (!v->owner_was_held)
        object_unlock (f->owner);
    }
  else
    evicted = addrspace_finish_eviction (&v->eviction);

  lock_acquire (&frame_lock);
  if (evicted)
    {
      f->owner = NULL;
      f->page = 0;
    }
  else
    {
      /* Mapped again and unpinned at once, so that the owner, whose teardown
         waits for the eviction's end, cannot free a frame still pinned. */
      addrspace_cancel_eviction (&v->eviction);
      f->page--;
    }
  lock_release (&frame_lock);
  return evicted;
}

/* Frees a frame by evicting some page, and returns it (unowned, for the caller to
   take), or NULL if no page can be evicted: every frame is pinned, or swap is full
   and no page can be dropped. Frames whose owners are busy (faulting, or waiting
   for the disk in the middle of an eviction) are waited for, a tick at a time, for
   up to EVICT_WAIT_TICKS; frames pinned by system calls, for EVICT_PINNED_TICKS. */
static void *
evict (void)
{
  bool clean_only = false;
  int waited = 0;

  for (;;)
    {
      struct victim v;
      bool busy_seen, evicted;

      if (!choose_victim (clean_only, &v, &busy_seen))
        {
          if (waited >= (busy_seen ? EVICT_WAIT_TICKS : EVICT_PINNED_TICKS))
            return NULL;
          waited++;
          timer_sleep (1);
          continue;
        }
      evicted = evict_victim (&v);
      if (evicted)
        return palloc_user_page (v.frame - frames);
      /* Swap is full: from now on only a page that can be dropped will do, and
         dropping one cannot fail. */
      clean_only = true;
    }
}
#else  /* STARTER vm */
/* Frees a frame by evicting some page: the clock algorithm over the frame table
   is yours to write (vm/README.md). Until then, an empty user pool is the end. */
static void *
evict (void)
{
  return NULL;
}
#endif /* END SOLUTION vm */

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
  f->page = (uintptr_t) upage | 1;
  lock_release (&frame_lock);
  trace_owner (kpage, owner->name, " ", (uintptr_t) upage);
  return kpage;
}

/* Hands pinned frame KPAGE, just filled with page INDEX of OBJ, over to OBJ. The
   caller holds OBJ's lock. */
void
frame_set_object (void *kpage, struct vm_object *obj, uint32_t index)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL && (f->page & FRAME_PINS) != 0);
  f->owner = obj;
  f->page = ((uintptr_t) index << PGBITS) | FRAME_OBJECT | (f->page & FRAME_PINS);
  lock_release (&frame_lock);
  trace_owner (kpage, object_name (obj), "+", (uintptr_t) index << PGBITS);
}

/* Gives frame KPAGE back to the user pool. No PTE may map it any more; the caller
   holds the owner's lock, so no eviction is under way on it. */
void
frame_free (void *kpage)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL);
  f->owner = NULL;
  f->page = 0;
  lock_release (&frame_lock);
  trace_owner (kpage, NULL, NULL, 0);
  palloc_free_page (kpage);
}

/* Keeps frame KPAGE from being evicted until a matching frame_unpin(). Returns
   false, changing nothing, if the frame already has as many pins as it can count.
   The caller holds the owner's lock (or, for an object's frame, may rely on the
   object's lock), so no eviction is under way on it. */
bool
frame_pin (void *kpage)
{
  struct frame *f = frame_of (kpage);
  bool pinned = false;

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL);
  if ((f->page & FRAME_PINS) != FRAME_PINS)
    {
      f->page++;
      pinned = true;
    }
  lock_release (&frame_lock);
  return pinned;
}

/* True if frame KPAGE is pinned now. */
bool
frame_is_pinned (void *kpage)
{
  struct frame *f = frame_of (kpage);
  bool pinned;

  lock_acquire (&frame_lock);
  pinned = (f->page & FRAME_PINS) != 0;
  lock_release (&frame_lock);
  return pinned;
}

/* Ends one pin of frame KPAGE. */
void
frame_unpin (void *kpage)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT ((f->page & FRAME_PINS) != 0);
  f->page--;
  lock_release (&frame_lock);
}

/* Adds the frame table's counts to INFO: frames in all, free, holding an object's
   page, pinned. */
void
frame_count (struct meminfo *info)
{
  size_t i;

  info->frames = frame_cnt;
  info->frames_free = info->frames_file = info->frames_pinned = 0;
  info->frame_entry_bytes = sizeof (struct frame);
  lock_acquire (&frame_lock);
  for (i = 0; i < frame_cnt; i++)
    {
      const struct frame *f = &frames[i];
      if (f->owner == NULL)
        info->frames_free++;
      else if (f->page & FRAME_OBJECT)
        info->frames_file++;
      if (f->page & FRAME_PINS)
        info->frames_pinned++;
    }
  lock_release (&frame_lock);
}
