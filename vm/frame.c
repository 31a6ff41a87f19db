/* The frame table and eviction.

   frames[i] describes user frame number i (palloc_user_index): the backing
   object its page belongs to and which page that is (a user page address for
   an anonymous object, a file page index << PGBITS for a file object), with
   flags in the low bits; how many page-table entries map it (`sharers', kept
   for anonymous pages, which fork shares); how many pins keep it; and, for a
   file's page, the next frame in its page-cache hash chain. Sixteen bytes a
   frame, whatever the sharing. frame_lock guards the table, the hash buckets
   and the clock hand; an entry's owner, page and sharers change only under the
   owner's lock as well.

   Eviction is the clock algorithm: the hand sweeps the table, skipping free
   and pinned frames, and frames just faulted in whose process has not yet
   moved past the faulting instruction (FRAME_FRESH: without that, processes
   short of frames take each other's pages back before using them, forever).
   Each other frame is offered to its owner (vm/object.h), who may be busy, give
   it its second chance, or unmap it everywhere; the first one that goes is
   written out by its owner without the table's lock, and its frame reused. */

#include "vm/frame.h"
#include <assert.h>
#include <debug.h>
#include <meminfo.h>
#include <stdint.h>
#include "devices/timer.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/object.h"

/* Flags in the low bits of frame.page. */
#define FRAME_DIRTY 0x1 /* Contents exist nowhere else (or differ from the file). */
#define FRAME_FRESH 0x2 /* Just faulted in; its process has not moved on yet. */
#define FRAME_CACHED 0x4 /* In the page cache's index (a file object's page). */
#define FRAME_FLAGS PGMASK

#ifndef STARTER_VM                /* BEGIN SOLUTION vm */
#define EVICT_WAIT_TICKS 500      /* How long to wait for busy owners (5 s). */
#define EVICT_PINNED_TICKS 8      /* How long to wait for pins to end. */
#define FRESH_PATIENCE_TICKS 10   /* How long fresh frames are passed over. */
#endif                            /* END SOLUTION vm */

struct frame
{
  struct vm_object *owner; /* NULL: free. */
  uint32_t page;           /* Page in the owner (see above) | FRAME_* flags. */
  uint32_t cache_next;     /* Next frame number + 1 in its hash chain, or 0. */
  uint16_t sharers;        /* Page-table entries mapping it (anonymous pages). */
  uint16_t pins;           /* Pins: a pinned frame is never evicted. */
};

static_assert (sizeof (struct frame) <= 16, "a resident page costs 16 bytes at most");

static struct frame *frames; /* Indexed by user frame number. */
static size_t frame_cnt;
static uint32_t *buckets; /* The page cache's hash buckets: frame number + 1. */
static size_t bucket_cnt; /* A power of two. */
#ifndef STARTER_VM        /* BEGIN SOLUTION vm */
static size_t clock_hand;
#endif /* END SOLUTION vm */
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
  lock_init (&frame_lock);
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

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* Looks for a victim from the clock hand on, offering each candidate to its
   owner; passes fresh frames over unless TAKE_FRESH. On success returns true
   with *E filled in and the frame pinned by us; else false, with *BUSY_SEEN
   saying whether a frame was passed over only because its owner was busy, or
   was fresh. Takes and releases frame_lock. */
static bool
choose_victim (bool clean_only, bool take_fresh, struct vm_eviction_state *e,
               bool *busy_seen)
{
  size_t scanned;

  *busy_seen = false;
  lock_acquire (&frame_lock);
  for (scanned = 0; scanned < 2 * frame_cnt; scanned++)
    {
      struct frame *f = &frames[clock_hand];
      void *kpage = palloc_user_page (clock_hand);

      clock_hand = (clock_hand + 1) % frame_cnt;
      if (f->owner == NULL || f->pins != 0)
        continue;
      if ((f->page & FRAME_FRESH) && !take_fresh)
        {
          *busy_seen = true;
          continue;
        }
      e->dirty = (f->page & FRAME_DIRTY) != 0;
      switch (f->owner->ops->prepare_eviction (f->owner, kpage, page_part (f),
                                               clean_only, e))
        {
        case VM_EVICT_GO:
          f->pins++;
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

/* Frees a frame by evicting some page and returns it (unowned, for the caller
   to take), or NULL if no page can be evicted: every frame is pinned, or swap
   is full and no page can be dropped. Frames whose owners are busy (faulting,
   or in the middle of an eviction) are waited for a tick at a time for up to
   EVICT_WAIT_TICKS, pinned ones for EVICT_PINNED_TICKS; fresh frames are
   passed over for FRESH_PATIENCE_TICKS, time for their processes to run. */
static void *
evict (void)
{
  bool clean_only = false;
  int waited = 0;

  for (;;)
    {
      struct vm_eviction_state e;
      struct frame *f;
      bool busy_seen;

      if (!choose_victim (clean_only, waited >= FRESH_PATIENCE_TICKS, &e,
                          &busy_seen))
        {
          if (waited >= (busy_seen ? EVICT_WAIT_TICKS : EVICT_PINNED_TICKS))
            return NULL;
          waited++;
          timer_sleep (1);
          continue;
        }
      f = frame_of (e.kpage);
      if (e.object->ops->finish_eviction (&e))
        {
          lock_acquire (&frame_lock);
          ASSERT (!(f->page & FRAME_CACHED) && f->pins == 1);
          f->owner = NULL;
          f->page = 0;
          f->sharers = f->pins = 0;
          lock_release (&frame_lock);
          return e.kpage;
        }
      /* It could not be written (swap is full, or the disk failed): from now
         on only a page that can be dropped will do, and dropping cannot fail. */
      frame_unpin (e.kpage);
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

/* Returns a frame (its kernel address) for page PAGE of OWNER, pinned until
   frame_unpin(), with no sharers and clean; evicts a page to get one when the
   user pool is empty. Returns NULL if no frame can be had. The caller holds no
   anonymous object's lock (an eviction may need it) and may hold a file
   object's. May sleep. */
void *
frame_alloc (struct vm_object *owner, uint32_t page)
{
  void *kpage = palloc_get_page (PAL_USER);
  struct frame *f;

  ASSERT (owner != NULL && (page & FRAME_FLAGS) == 0);
  if (kpage == NULL)
    kpage = evict ();
  if (kpage == NULL)
    return NULL;
  lock_acquire (&frame_lock);
  f = frame_of (kpage);
  ASSERT (f->owner == NULL);
  f->owner = owner;
  f->page = page;
  f->cache_next = 0;
  f->sharers = 0;
  f->pins = 1;
  lock_release (&frame_lock);
  return kpage;
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
  f->owner = NULL;
  f->page = 0;
  f->sharers = f->pins = 0;
  lock_release (&frame_lock);
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

/* True if frame KPAGE is pinned now. */
bool
frame_is_pinned (void *kpage)
{
  struct frame *f = frame_of (kpage);
  bool pinned;

  lock_acquire (&frame_lock);
  pinned = f->pins != 0;
  lock_release (&frame_lock);
  return pinned;
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
   FRAME_SHARERS_MAX). The caller holds the owner's lock. */
void
frame_set_sharers (void *kpage, unsigned sharers)
{
  ASSERT (sharers <= FRAME_SHARERS_MAX);
  lock_acquire (&frame_lock);
  frame_of (kpage)->sharers = sharers;
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

/* Marks frame KPAGE as just faulted in (FRESH), so that the clock passes it over
   until its process has moved past the instruction that needed it; or not. */
void
frame_set_fresh (void *kpage, bool fresh)
{
  set_flag (kpage, FRAME_FRESH, fresh);
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
    if (frames[n - 1].owner == owner && page_part (&frames[n - 1]) >> PGBITS == index)
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
