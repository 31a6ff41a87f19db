/* The frame table and eviction.

   frames[i] describes user frame number i (palloc_user_index): the backing
   object its page belongs to and which page that is (a user page address for
   an anonymous object, a file page index << PGBITS for a file object), with
   flags in the low bits; how many page-table entries map it (`sharers', kept
   for anonymous pages, which fork shares); how many pins keep it; and, for a
   file's page, the next frame in its page-cache hash chain. Sixteen bytes a
   frame, whatever the sharing. frame_lock guards the table, the hash buckets
   and the clock hand, and the list of holders (frame.h); an entry's owner and
   page change only under the owner's lock as well, and its sharers under the
   owner's lock alone (frame_set_sharers()).

   Eviction is the clock algorithm: the hand sweeps the table, skipping free
   and pinned frames, and frames held for a faulting instruction that has not
   run yet by a process older than the one asking (frame.h: without that,
   processes short of frames take each other's pages back before using them,
   forever).
   Each other frame is offered to its owner (vm/object.h), who may be busy, give
   it its second chance, or unmap it everywhere; the first one that goes is
   written out by its owner without the table's lock, and its frame reused. */

#include "vm/frame.h"
#include <assert.h>
#include <debug.h>
#include <meminfo.h>
#include <stdint.h>
#include "devices/console.h"
#include "devices/timer.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "vm/addrspace.h"
#include "vm/object.h"
#include "vm/stats.h"
#include "vm/swap.h"

/* Flags in the low bits of frame.page. FRAME_DIRTY: the contents exist nowhere
   else, or differ from the file's. */
#define FRAME_DIRTY 0x1
#define FRAME_HELD 0x2   /* Held by a frame_holder (see frame.h). */
#define FRAME_CACHED 0x4 /* In the page cache's index (a file object's page). */
/* Read ahead and not yet passed by the clock: its first pass gives it the
   second chance that a mapped page's accessed bit would. */
#define FRAME_AHEAD 0x8
#define FRAME_FLAGS PGMASK

static void trace_owner (const void *kpage, const struct vm_object *owner,
                         uint32_t page, const char *label);

#ifndef STARTER_VM           /* BEGIN SOLUTION vm */
#define EVICT_WAIT_TICKS 500 /* How long to wait for busy owners (5 s). */
#define EVICT_IDLE_TICKS 8   /* How long to wait when nobody is busy. */
/* Victims chosen at once when the pool is empty: those that go to swap go out
   together, in runs of slots that are one disk command each (Linux's swap
   clustering); the frames not needed now go back to the pool for the next
   faults. */
#define EVICT_CLUSTER 16
/* Background reclaim (pageout()): once fewer than a sixteenth of the frames (at
   most EVICT_CLUSTER) are free, a thread evicts clusters until twice that many
   are, so that a process taking frames finds them free while its pages' writes
   go on behind it, instead of waiting for each cluster's write itself. A pool
   whose sixteenth is under PAGEOUT_LOW_MIN frames has none: each frame counts. */
#define PAGEOUT_LOW_MIN 8
#define PAGEOUT_BACKOFF_TICKS TIMER_FREQ /* After a failed write (a second). */
#define PAGEOUT_BUSY_YIELDS 8            /* Yields to busy owners before it ends. */
#endif                                   /* END SOLUTION vm */

struct frame
{
  struct vm_object *owner; /* NULL: free. */
  uint32_t page;           /* Page in the owner (see above) | FRAME_* flags. */
  uint32_t cache_next;     /* Next frame number + 1 in its hash chain, or 0. */
  uint16_t sharers;        /* Page-table entries mapping it (anonymous pages). */
  uint16_t pins;           /* Pins: a pinned frame is never evicted. */
};

static_assert (sizeof (struct frame) <= 16,
               "a resident page costs 16 bytes at most");

static struct frame *frames; /* Indexed by user frame number. */
static size_t frame_cnt;
static uint32_t *buckets;   /* The page cache's hash buckets: frame number + 1. */
static struct list holders; /* struct frame_holder holding a frame. */
/* Frames freed, evicted or let go by a holder since boot: while this moves, a
   thread waiting for a frame waits on (someone is getting on), however long. */
static unsigned long frames_moved;
static size_t bucket_cnt;  /* A power of two. */
#ifndef STARTER_VM         /* BEGIN SOLUTION vm */
static size_t pageout_low; /* Free frames below which pageout() starts, or 0. */
static size_t clock_hand;
static bool pageout_running; /* A pageout thread exists (or is being made). */
static struct thread *pageout_thread; /* That thread, once it runs. */
static bool pageout_failed;           /* A pageout thread could not write a page, */
static int64_t pageout_failed_tick;   /* at this tick. */
#endif                                /* END SOLUTION vm */
static struct lock frame_lock;

/* Sets up the frame table for the whole user pool, and the page cache's index.
   Call after palloc_init() and malloc_init(). */
void
frame_init (void)
{
  frame_cnt = palloc_user_page_count ();
  frames = calloc (frame_cnt, sizeof *frames);
  for (bucket_cnt = 16; bucket_cnt < frame_cnt / 2; bucket_cnt *= 2)
    continue;
  buckets = calloc (bucket_cnt, sizeof *buckets);
  if ((frames == NULL && frame_cnt > 0) || buckets == NULL)
    PANIC ("no memory for a frame table of %zu frames", frame_cnt);
  list_init (&holders);
  lock_init (&frame_lock);
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  pageout_low = frame_cnt / 16 < EVICT_CLUSTER ? frame_cnt / 16 : EVICT_CLUSTER;
  if (pageout_low < PAGEOUT_LOW_MIN)
    pageout_low = 0;
#endif /* END SOLUTION vm */
}

static struct frame *
frame_of (const void *kpage)
{
  return &frames[palloc_user_index (kpage)];
}

static uintptr_t
page_part (const struct frame *f)
{
  return f->page & ~(uint32_t) FRAME_FLAGS;
}

/* Makes HOLDER, of a process of rank RANK, hold nothing. */
void
frame_holder_init (struct frame_holder *holder, uint32_t rank)
{
  holder->rank = rank;
  holder->cnt = 0;
}

/* The holder of frame KPAGE (which is held), and its index in the holder's
   frames in *INDEX. The caller holds frame_lock. */
static struct frame_holder *
holder_of (const void *kpage, size_t *index)
{
  struct list_elem *e;

  for (e = list_begin (&holders); e != list_end (&holders); e = list_next (e))
    {
      struct frame_holder *h = list_entry (e, struct frame_holder, elem);
      size_t i;
      for (i = 0; i < h->cnt; i++)
        if (h->frames[i] == kpage)
          {
            *index = i;
            return h;
          }
    }
  NOT_REACHED ();
}

/* Lets go of frame F (at KPAGE), if it is held. The caller holds frame_lock. */
static void
unhold (struct frame *f, const void *kpage)
{
  struct frame_holder *h;
  size_t i;

  if (!(f->page & FRAME_HELD))
    return;
  h = holder_of (kpage, &i);
  h->frames[i] = h->frames[--h->cnt];
  if (h->cnt == 0)
    list_remove (&h->elem);
  f->page &= ~(uint32_t) FRAME_HELD;
}

/* Makes HOLDER hold frame KPAGE (in use, not held yet). Returns false, changing
   nothing, if HOLDER holds FRAME_HOLD_MAX frames already. */
bool
frame_hold (struct frame_holder *holder, void *kpage)
{
  struct frame *f = frame_of (kpage);
  bool held = false;

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL);
  if (holder->cnt < FRAME_HOLD_MAX && !(f->page & FRAME_HELD))
    {
      if (holder->cnt == 0)
        list_push_back (&holders, &holder->elem);
      holder->frames[holder->cnt++] = kpage;
      f->page |= FRAME_HELD;
      held = true;
    }
  lock_release (&frame_lock);
  return held;
}

/* Lets go of every frame HOLDER holds. */
void
frame_release_held (struct frame_holder *holder)
{
  lock_acquire (&frame_lock);
  if (holder->cnt > 0)
    frames_moved++;
  while (holder->cnt > 0)
    {
      void *kpage = holder->frames[holder->cnt - 1];
      unhold (frame_of (kpage), kpage);
    }
  lock_release (&frame_lock);
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* True if the clock may take held frame KPAGE for a process holding FOR (NULL:
   the kernel's own, which takes no held frame): FOR is older than its holder.
   The caller holds frame_lock. */
static bool
may_take_held (const void *kpage, const struct frame_holder *for_holder)
{
  size_t i;

  return for_holder != NULL && holder_of (kpage, &i)->rank > for_holder->rank;
}

/* True if held frame KPAGE is held by FOR_HOLDER (NULL: nobody). The caller
   holds frame_lock. */
static bool
held_by (const void *kpage, const struct frame_holder *for_holder)
{
  size_t i;

  return for_holder != NULL && holder_of (kpage, &i) == for_holder;
}

/* Looks for a victim from the clock hand on, offering each candidate to its
   owner; passes held frames over unless FOR_HOLDER may take them. On success
   returns true with *E filled in and the frame pinned by us; else false, with
   *BUSY_SEEN saying whether a frame was passed over only because its owner was
   busy or it was held. Takes and releases frame_lock. */
static bool
choose_victim (bool clean_only, const struct frame_holder *for_holder,
               struct vm_eviction_state *e, bool *busy_seen)
{
  size_t scanned;

  *busy_seen = false;
  lock_acquire (&frame_lock);
  for (scanned = 0; scanned < 2 * frame_cnt; scanned++)
    {
      struct frame *f = &frames[clock_hand];
      void *kpage = palloc_user_page (clock_hand);

      clock_hand = (clock_hand + 1) % frame_cnt;
      if (f->owner == NULL)
        continue;
      if ((f->page & FRAME_HELD) && held_by (kpage, for_holder))
        continue; /* The asker's own: waiting would not free it. */
      if (f->pins != 0
          || ((f->page & FRAME_HELD) && !may_take_held (kpage, for_holder)))
        {
          *busy_seen = true;
          continue;
        }
      if (f->page & FRAME_AHEAD)
        {
          f->page &= ~(uint32_t) FRAME_AHEAD;
          continue;
        }
      e->dirty = (f->page & FRAME_DIRTY) != 0;
      e->slot = SWAP_NO_SLOT;
      switch (f->owner->ops->prepare_eviction (f->owner, kpage, page_part (f),
                                               clean_only, e))
        {
        case VM_EVICT_GO:
          f->pins++;
          unhold (f, kpage);
          lock_release (&frame_lock);
          return true;
        case VM_EVICT_BUSY:
          *busy_seen = true;
          break;
        case VM_EVICT_KEEP:
          break;
        }
    }
  lock_release (&frame_lock);
  return false;
}

/* Takes frame KPAGE, whose eviction has just finished, back from its owner: it
   is unowned now (for the caller to take, or to give back to the pool). */
static void
forget_owner (void *kpage)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT (!(f->page & FRAME_CACHED) && f->pins == 1);
  f->owner = NULL;
  f->page = 0;
  f->sharers = f->pins = 0;
  frames_moved++;
  lock_release (&frame_lock);
}

/* Finishes eviction E (finish_eviction()); FREED is the frame kept for the
   caller so far, or NULL. Returns the frame to keep: E's if none was, any other
   freed; sets *FAILED if E's page could not be written (it stays, unpinned). */
static void *
finish_victim (struct vm_eviction_state *e, void *freed, bool *failed)
{
  if (!e->object->ops->finish_eviction (e))
    {
      *failed = true;
      return freed;
    }
  if (thread_current () == pageout_thread)
    vm_count (VM_EVICT_BACKGROUND);
  forget_owner (e->kpage);
  if (freed == NULL)
    return e->kpage;
  trace_owner (e->kpage, NULL, 0, NULL);
  palloc_free_page (e->kpage);
  return freed;
}

/* Finishes the N evictions that choose_victim() started in V: first writes the
   pages that go to swap, all together (swap_out_pages(): runs of slots, a disk
   command each), then lets each owner finish its own. Returns one freed frame
   for the caller, giving any others back to the pool, or NULL if none could be
   freed; *FAILED says whether some page could not be written. */
static void *
finish_victims (struct vm_eviction_state v[], size_t n, bool *failed)
{
  void *pages[EVICT_CLUSTER];
  swap_slot_t slots[EVICT_CLUSTER];
  size_t which[EVICT_CLUSTER], cnt = 0, i;
  void *freed = NULL;
  int pass;

  for (i = 0; i < n; i++)
    if (v[i].dirty && v[i].object->ops->swaps_out)
      {
        which[cnt] = i;
        pages[cnt++] = v[i].kpage;
      }
  if (cnt > 1)
    {
      swap_out_pages (pages, cnt, slots);
      for (i = 0; i < cnt; i++)
        v[which[i]].slot = slots[i];
    }
  /* File pages first: each holds its object's locks until it is finished, and
     an anonymous page's finish waits for its family's lock, which a member may
     hold while it waits for one of those objects (a fault on the file, an
     exit's detach). */
  for (pass = 0; pass < 2; pass++)
    for (i = 0; i < n; i++)
      if (v[i].object->ops->swaps_out == (pass == 1))
        freed = finish_victim (&v[i], freed, failed);
  return freed;
}

/* Frees a frame by evicting pages and returns one (unowned, for the caller to
   take), or NULL if no page can be evicted: every frame is pinned, or swap is
   full and no page can be dropped. Up to EVICT_CLUSTER victims go at once
   (finish_victims()). Frames that are pinned (pins never last: a fault filling
   a frame, a system call copying a page), whose owners are busy (faulting, or
   in the middle of an eviction) or that older processes hold are waited for a
   tick at a time, as long as frames move elsewhere, and for EVICT_WAIT_TICKS
   once they stop; frames that would need a write when none can be made, for
   EVICT_IDLE_TICKS. FOR_HOLDER is the hold of the process the frame is for
   (NULL for the kernel). */
static void *
evict (const struct frame_holder *for_holder)
{
  struct vm_eviction_state victims[EVICT_CLUSTER];
  bool clean_only = false;
  int waited = 0;

  for (;;)
    {
      bool busy_seen = false, failed = false;
      void *kpage = palloc_get_page (PAL_USER); /* Another may have freed one. */
      size_t n = 0;

      if (kpage != NULL)
        return kpage;
      while (n < EVICT_CLUSTER)
        {
          bool busy;
          if (!choose_victim (clean_only, for_holder, &victims[n], &busy))
            {
              busy_seen |= busy;
              break;
            }
          n++;
        }
      if (n == 0)
        {
          unsigned long moved = frames_moved;
          if (waited >= (busy_seen ? EVICT_WAIT_TICKS : EVICT_IDLE_TICKS))
            return NULL;
          waited++;
          timer_sleep (1);
          if (busy_seen && frames_moved != moved)
            waited = 0;
          continue;
        }
      kpage = finish_victims (victims, n, &failed);
      /* A page that could not be written (swap is full, or the disk failed):
         from now on only a page that can be dropped will do, and dropping
         cannot fail. */
      if (failed)
        clean_only = true;
      if (kpage != NULL)
        return kpage;
    }
}

/* What reclaim_cluster() did. */
enum reclaim
{
  RECLAIM_DONE,   /* Evicted some pages, every one written or dropped. */
  RECLAIM_FAILED, /* Some page could not be written (swap full, a disk error). */
  RECLAIM_BUSY,   /* None: the candidates' owners were busy, or they were
                     pinned or held. */
  RECLAIM_NONE    /* None: nothing can go. */
};

/* Evicts up to EVICT_CLUSTER pages for the pool, as the kernel (taking no held
   frame); only pages that can be dropped if CLEAN_ONLY. */
static enum reclaim
reclaim_cluster (bool clean_only)
{
  struct vm_eviction_state victims[EVICT_CLUSTER];
  bool failed = false, busy = false;
  size_t n = 0;
  void *kpage;

  while (n < EVICT_CLUSTER)
    {
      bool busy_seen;
      if (!choose_victim (clean_only, NULL, &victims[n], &busy_seen))
        {
          busy |= busy_seen;
          break;
        }
      n++;
    }
  if (n == 0)
    return busy ? RECLAIM_BUSY : RECLAIM_NONE;
  kpage = finish_victims (victims, n, &failed);
  if (kpage != NULL)
    {
      trace_owner (kpage, NULL, 0, NULL);
      palloc_free_page (kpage);
    }
  return failed ? RECLAIM_FAILED : RECLAIM_DONE;
}

/* The pageout thread: evicts clusters until twice pageout_low frames are free,
   then ends (frame_alloc() starts the next), unless the pool fell below the
   low mark again meanwhile: a poke in that time found the thread running.
   When every candidate's owner is busy (in a fault, or an exit), it yields to
   them, up to PAGEOUT_BUSY_YIELDS times, and then ends rather than sleep: a
   sleeping pageout thread would keep a power-off waiting, and the next fault
   starts another. After a page that could not be written (swap full, a disk
   error) it only drops clean pages, and no new thread starts for
   PAGEOUT_BACKOFF_TICKS: direct reclaim (evict()) copes meanwhile. */
static void
pageout (void *aux UNUSED)
{
  bool clean_only = false, stop = false;
  int yields = 0;

  pageout_thread = thread_current ();
  for (;;)
    {
      while (!stop && palloc_user_free_count () < 2 * pageout_low)
        switch (reclaim_cluster (clean_only))
          {
          case RECLAIM_DONE:
            yields = 0;
            break;
          case RECLAIM_FAILED:
            clean_only = true;
            pageout_failed_tick = timer_ticks ();
            pageout_failed = true;
            break;
          case RECLAIM_BUSY:
            if (yields++ < PAGEOUT_BUSY_YIELDS)
              {
                thread_yield ();
                break;
              }
            stop = true;
            break;
          case RECLAIM_NONE:
            stop = true;
            break;
          }
      lock_acquire (&frame_lock);
      if (stop || palloc_user_free_count () >= pageout_low)
        break;
      lock_release (&frame_lock);
    }
  pageout_thread = NULL;
  pageout_running = false;
  lock_release (&frame_lock);
}

/* Starts a pageout thread if the pool's free frames are few, none runs, and
   none gave up on a write lately. */
static void
pageout_poke (void)
{
  bool start;

  if (palloc_user_free_count () >= pageout_low)
    return;
  lock_acquire (&frame_lock);
  start = !pageout_running
          && (!pageout_failed
              || timer_elapsed (pageout_failed_tick) >= PAGEOUT_BACKOFF_TICKS);
  if (start)
    pageout_running = true;
  lock_release (&frame_lock);
  if (start && thread_create ("pageout", PRI_DEFAULT, pageout, NULL) == TID_ERROR)
    {
      lock_acquire (&frame_lock);
      pageout_running = false;
      lock_release (&frame_lock);
    }
}
#else  /* STARTER vm */
/* Frees a frame by evicting some page: the clock algorithm over the frame table
   is yours to write (vm/README.md). Until then, an empty user pool is the end. */
static void *
evict (const struct frame_holder *for_holder UNUSED)
{
  return NULL;
}

/* No background reclaim: with no eviction there is nothing for it to do. */
static void
pageout_poke (void)
{
}
#endif /* END SOLUTION vm */

/* For -vmtrace: frame KPAGE now holds page PAGE of OWNER, which LABEL names (a
   process, for an anonymous page; a file, for a cached one), or is free (OWNER
   NULL), so that a viewer can show who holds each frame (an evicted frame's next
   line is its next owner's):

     frame 12: NAME 0x0804c000      a process's page
     frame 12: FILE+0x00004000      a file's cached page
     frame 12: free */
static void
trace_owner (const void *kpage, const struct vm_object *owner, uint32_t page,
             const char *label)
{
  if (!vm_trace)
    return;
  if (owner == NULL)
    diag_printf ("frame %zu: free\n", palloc_user_index (kpage));
  else
    diag_printf ("frame %zu: %s%s0x%08x\n", palloc_user_index (kpage), label,
                 owner->ops->caches_pages ? "+" : " ", (unsigned) page);
}

/* Makes free frame KPAGE OWNER's page PAGE, pinned once (LABEL names it in the
   trace), and returns it. */
static void *
own (void *kpage, struct vm_object *owner, uint32_t page, const char *label)
{
  struct frame *f;

  lock_acquire (&frame_lock);
  f = frame_of (kpage);
  ASSERT (f->owner == NULL);
  f->owner = owner;
  f->page = page;
  f->cache_next = 0;
  f->sharers = 0;
  f->pins = 1;
  lock_release (&frame_lock);
  trace_owner (kpage, owner, page, label);
  return kpage;
}

/* Returns a frame (its kernel address) for page PAGE of OWNER, pinned until
   frame_unpin(), with no sharers and clean; evicts a page to get one when the
   user pool is empty. LABEL names who the page is for, in the trace;
   FOR_HOLDER is the hold of the process it is for (NULL for the kernel), whose
   rank decides which held frames it may take. Returns NULL if no frame can be
   had. The caller holds no anonymous object's lock (an eviction may need it)
   and may hold a file object's. May sleep. */
void *
frame_alloc (struct vm_object *owner, uint32_t page, const char *label,
             const struct frame_holder *for_holder)
{
  void *kpage = palloc_get_page (PAL_USER);

  ASSERT (owner != NULL && (page & FRAME_FLAGS) == 0);
  if (kpage == NULL)
    kpage = evict (for_holder);
  pageout_poke ();
  return kpage != NULL ? own (kpage, owner, page, label) : NULL;
}

/* As frame_alloc(), but only a frame the pool has free: none is evicted for it.
   For read-ahead, which never pushes out a page itself to guess at another (the
   next frame_alloc() may start the pageout thread, which refills the pool;
   starting it here too made vm-linear evict more and wait longer). */
void *
frame_alloc_free (struct vm_object *owner, uint32_t page, const char *label)
{
  void *kpage = palloc_get_page (PAL_USER);

  ASSERT (owner != NULL && (page & FRAME_FLAGS) == 0);
  return kpage != NULL ? own (kpage, owner, page | FRAME_AHEAD, label) : NULL;
}

/* Gives frame KPAGE back to the user pool. No PTE may map it any more, it is
   out of the page cache, and the caller holds the owner's lock, so no eviction
   is under way on it. */
void
frame_free (void *kpage)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL && !(f->page & FRAME_CACHED));
  unhold (f, kpage);
  f->owner = NULL;
  f->page = 0;
  f->sharers = f->pins = 0;
  frames_moved++;
  lock_release (&frame_lock);
  trace_owner (kpage, NULL, 0, NULL);
  palloc_free_page (kpage);
}

/* Keeps frame KPAGE from being evicted until a matching frame_unpin(). Returns
   false, changing nothing, if the frame already has as many pins as it can
   count. The caller holds the owner's lock, so no eviction is under way on it. */
bool
frame_pin (void *kpage)
{
  struct frame *f = frame_of (kpage);
  bool pinned = false;

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL);
  if (f->pins != UINT16_MAX)
    {
      f->pins++;
      pinned = true;
    }
  lock_release (&frame_lock);
  return pinned;
}

/* Ends one pin of frame KPAGE. */
void
frame_unpin (void *kpage)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  ASSERT (f->pins != 0);
  f->pins--;
  lock_release (&frame_lock);
}

/* True if frame KPAGE is pinned now (a look without the table's lock: it may
   change at once unless the caller holds the owner's lock). */
bool
frame_is_pinned (void *kpage)
{
  return frame_of (kpage)->pins != 0;
}

/* The object frame KPAGE's page belongs to, or NULL if it is free. */
struct vm_object *
frame_owner (void *kpage)
{
  return frame_of (kpage)->owner;
}

/* Which page of its owner frame KPAGE holds: a user page address (anonymous
   object) or a file page index << PGBITS (file object). */
uint32_t
frame_page (void *kpage)
{
  return page_part (frame_of (kpage));
}

/* How many page-table entries map frame KPAGE (anonymous pages). */
unsigned
frame_sharers (void *kpage)
{
  return frame_of (kpage)->sharers;
}

/* Records that SHARERS page-table entries map frame KPAGE (at most
   FRAME_SHARERS_MAX). The caller holds the owner's lock, which is what guards
   the count: everyone who reads or changes it holds that lock (the clock never
   looks at it, and the isolation check holds every family's lock), so a fork
   that shares a thousand pages does not take the table's lock a thousand
   times. */
void
frame_set_sharers (void *kpage, unsigned sharers)
{
  ASSERT (sharers <= FRAME_SHARERS_MAX);
  frame_of (kpage)->sharers = sharers;
}

/* True if frame KPAGE is in the page cache's index (frame_cache_insert()). */
bool
frame_is_cached (void *kpage)
{
  return (frame_of (kpage)->page & FRAME_CACHED) != 0;
}

/* Makes frame KPAGE, which is not in the page cache's index, its owner's page
   PAGE (an anonymous page read ahead from a swap slot, taken for the page that
   faulted on it). The caller holds the owner's lock. */
void
frame_set_page (void *kpage, uint32_t page)
{
  struct frame *f = frame_of (kpage);

  ASSERT ((page & FRAME_FLAGS) == 0);
  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL && !(f->page & FRAME_CACHED));
  f->page = page | (f->page & FRAME_FLAGS & ~(uint32_t) FRAME_AHEAD);
  lock_release (&frame_lock);
}

/* True if frame KPAGE's contents exist nowhere else: evicting it needs a write. */
bool
frame_is_dirty (void *kpage)
{
  return (frame_of (kpage)->page & FRAME_DIRTY) != 0;
}

/* Sets flag FLAG of frame KPAGE if ON, else clears it. */
static void
set_flag (void *kpage, uint32_t flag, bool on)
{
  struct frame *f = frame_of (kpage);

  lock_acquire (&frame_lock);
  if (on)
    f->page |= flag;
  else
    f->page &= ~flag;
  lock_release (&frame_lock);
}

/* Marks frame KPAGE as holding contents that exist nowhere else (DIRTY) or not.
   The caller holds the owner's lock. */
void
frame_set_dirty (void *kpage, bool dirty)
{
  set_flag (kpage, FRAME_DIRTY, dirty);
}

/* The bucket of page INDEX of OWNER in the page cache's index. */
static uint32_t *
bucket_of (const struct vm_object *owner, uint32_t index)
{
  uint32_t h = (uint32_t) (uintptr_t) owner * 2654435761u ^ index * 2246822519u;
  return &buckets[(h ^ (h >> 15)) & (bucket_cnt - 1)];
}

/* The frame holding page INDEX of file object OWNER, or NULL if it is not
   cached. The caller holds OWNER's lock. */
void *
frame_cache_find (struct vm_object *owner, uint32_t index)
{
  uint32_t n;
  void *kpage = NULL;

  lock_acquire (&frame_lock);
  for (n = *bucket_of (owner, index); n != 0; n = frames[n - 1].cache_next)
    if (frames[n - 1].owner == owner
        && page_part (&frames[n - 1]) >> PGBITS == index)
      {
        kpage = palloc_user_page (n - 1);
        break;
      }
  lock_release (&frame_lock);
  return kpage;
}

/* Enters frame KPAGE, which holds its owner's page (an index), in the page
   cache's index. The caller holds the owner's lock. */
void
frame_cache_insert (void *kpage)
{
  struct frame *f = frame_of (kpage);
  uint32_t *bucket;

  lock_acquire (&frame_lock);
  ASSERT (f->owner != NULL && !(f->page & FRAME_CACHED));
  bucket = bucket_of (f->owner, page_part (f) >> PGBITS);
  f->cache_next = *bucket;
  *bucket = palloc_user_index (kpage) + 1;
  f->page |= FRAME_CACHED;
  lock_release (&frame_lock);
}

/* Takes frame KPAGE out of the page cache's index. The caller holds the owner's
   lock. */
void
frame_cache_remove (void *kpage)
{
  struct frame *f = frame_of (kpage);
  uint32_t number = palloc_user_index (kpage) + 1;
  uint32_t *link;

  lock_acquire (&frame_lock);
  ASSERT (f->page & FRAME_CACHED);
  for (link = bucket_of (f->owner, page_part (f) >> PGBITS); *link != number;
       link = &frames[*link - 1].cache_next)
    ASSERT (*link != 0);
  *link = f->cache_next;
  f->cache_next = 0;
  f->page &= ~(uint32_t) FRAME_CACHED;
  lock_release (&frame_lock);
}

/* The next cached frame of file object OWNER after frame AFTER (NULL: from the
   first), in frame order, or NULL. The caller holds OWNER's lock. */
void *
frame_cache_next_of (struct vm_object *owner, void *after)
{
  size_t i = after == NULL ? 0 : palloc_user_index (after) + 1;
  void *kpage = NULL;

  lock_acquire (&frame_lock);
  for (; i < frame_cnt; i++)
    if (frames[i].owner == owner && (frames[i].page & FRAME_CACHED))
      {
        kpage = palloc_user_page (i);
        break;
      }
  lock_release (&frame_lock);
  return kpage;
}

/* Fills INFO's frame figures (the meminfo call): frames in all, free, holding a
   file's cached page, pinned, and what an entry costs. */
void
frame_meminfo (struct meminfo *info)
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
      else if (f->page & FRAME_CACHED)
        info->frames_file++;
      if (f->pins != 0)
        info->frames_pinned++;
    }
  lock_release (&frame_lock);
}

/* How many frames the table has. */
size_t
frame_count (void)
{
  return frame_cnt;
}

/* The kernel address of user frame NUMBER (0 to frame_count () - 1). */
void *
frame_kpage (size_t number)
{
  return palloc_user_page (number);
}

/* The number of user frame KPAGE. */
size_t
frame_number (const void *kpage)
{
  return palloc_user_index (kpage);
}
