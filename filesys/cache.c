#include "filesys/cache.h"
#include <debug.h>
#include <string.h>
#include "filesys/flusher.h"
#include "threads/synch.h"

/* A write-back cache of file-system sectors with clock replacement.

   A write goes into a slot and marks it dirty; the disk gets it later, in a
   write-back: the dirty sectors around it that follow one another on the disk
   leave together, in one command of up to RUN_MAX sectors. Write-backs happen
   when the clock hand needs a dirty slot (so a full cache writes back in runs),
   on a timer (the flusher thread, filesys/flusher.c, which runs only while
   something is dirty), and at power-off (cache_flush). A sequential reader's
   next sectors come in ahead of it, also in one command (cache_prefetch); a
   reader's whole sectors the cache lacks come straight into its buffer, a run
   a command (cache_read_run), and a read inside sectors of ones it lacks
   through run_buf (cache_read_span).

   A write-back the disk refuses is never dropped: the sector stays dirty and
   marked refused, is tried again at every flush, and the report (inode.c) says so
   on the diagnostic stream and counts it against the file, whose writers hear of
   it from their next write(). While the cache holds a refused sector, the disk may
   be failing, so it writes through: each write reaches the disk before it returns
   and enters the cache only if the disk took it, and the writer hears of a
   refusal at once. So does a write for which no slot can be had, every slot
   holding refused bytes.

   A write of part of a sector the cache lacks does not read it first: the slot
   is partial, holding the bytes written so far (one stretch: a write next to
   it, as a sequential writer's next one is, widens it). Only when something
   needs the whole sector (a read, a write elsewhere in it, its write-back) is
   the rest read from the disk under the written bytes (slot_complete). A
   partial slot the disk cannot complete counts as refused: its bytes are kept,
   reported and tried again, as a write-back's.

   Locks: cache_lock guards the slots and is held only while they are looked at
   or copied, never across a disk transfer: a slot being read in (or a partial
   one completed) is LOADING (who wants it waits on io_done), one being written
   back is `writing' (its bytes are
   in run_buf; it may be written again meanwhile, and is then dirty again).
   run_lock owns run_buf and is held across every write to the disk, every
   read-ahead and span read, so write-backs go one at a time, in order. Order:
   run_lock, then cache_lock; the report is called with cache_lock held. */

#define CACHE_SLOTS 64 /* Sectors the cache holds: 32 kB. */
#define RUN_MAX 32     /* Most sectors one write-back or read-ahead moves. */
/* Passes of the clock a used metadata sector survives: the index blocks and
   directory entries that streams of file data keep looking up outlive the data
   streaming past them (eight streams at once pass the hand over a slot many
   times between two lookups). */
#define METADATA_CHANCES 8

enum slot_state
{
  SLOT_FREE,    /* Holds nothing. */
  SLOT_LOADING, /* Being read from the disk: wait on io_done. */
  SLOT_VALID    /* Holds SECTOR's bytes. */
};

struct cache_slot
{
  uint8_t data[BLOCK_SECTOR_SIZE]; /* First: aligned, as DMA wants it. */
  enum slot_state state;
  block_sector_t sector;
  bool metadata;   /* Holds an inode, an index block or the free map. */
  uint8_t chances; /* Passes of the clock hand it survives unused: 0 for data
                      read once, 1 for data written or used again,
                      METADATA_CHANCES for metadata. */
  bool dirty;      /* Holds bytes the disk lacks. */
  bool writing;    /* Its bytes are on their way to the disk. */
  bool refused;    /* The disk refused its last write-back: dirty. */
  bool discarded;  /* Freed while being written: the outcome is moot. */
  bool partial;    /* Holds only bytes [LO, HI): the disk the rest. */
  uint16_t lo, hi;
  struct cache_owner owner; /* Whose bytes: its last writer. */
};

/* Sectors that follow one another on the disk, moving in one command through
   run_buf. */
struct run
{
  block_sector_t first;
  size_t count;
  struct cache_slot *slots[RUN_MAX];
};

static struct block *cache_device;
static cache_report_func *report;
static struct cache_slot slots[CACHE_SLOTS];
static size_t clock_hand;
static size_t refused_count; /* Slots holding bytes the disk refused. */
static unsigned write_count; /* Writes into the cache so far. */
static bool flusher_allowed; /* cache_enable_flusher() was called. */
static bool flusher_running; /* A flusher thread exists (or is being made). */
static struct lock cache_lock;
static struct condition io_done; /* A slot's load or write-back ended. */
static struct lock run_lock;
static uint8_t run_buf[RUN_MAX * BLOCK_SECTOR_SIZE]
    __attribute__ ((aligned (BLOCK_SECTOR_SIZE))); /* DMA wants it aligned. */

/* Prepares the cache for DEVICE, empty, with REPORT to say what became of
   write-backs the disk refused.  Call before any other cache function (again
   only once everything is flushed: what the cache held is forgotten). */
void
cache_init (struct block *device, cache_report_func *report_)
{
  size_t i;

  cache_device = device;
  report = report_;
  for (i = 0; i < CACHE_SLOTS; i++)
    slots[i].state = SLOT_FREE;
  clock_hand = 0;
  refused_count = 0;
  flusher_allowed = flusher_running = false;
  lock_init (&cache_lock);
  cond_init (&io_done);
  lock_init (&run_lock);
}

/* Lets a dirty sector start the flusher thread from now on (the kernel's
   threads must be running, and boot done with the disk). */
void
cache_enable_flusher (void)
{
  lock_acquire (&cache_lock);
  flusher_allowed = true;
  lock_release (&cache_lock);
}

/* Starts no flusher thread from now on (power-off: what is dirty then is
   flushed by cache_flush(), and a flusher started meanwhile would still be
   alive at the leak check). One already running ends as before. */
void
cache_disable_flusher (void)
{
  lock_acquire (&cache_lock);
  flusher_allowed = false;
  lock_release (&cache_lock);
}

/* The slot holding (or loading) SECTOR, or NULL.  Caller holds cache_lock. */
static struct cache_slot *
slot_find (block_sector_t sector)
{
  size_t i;

  for (i = 0; i < CACHE_SLOTS; i++)
    if (slots[i].state != SLOT_FREE && slots[i].sector == sector)
      return &slots[i];
  return NULL;
}

/* Marks SLOT as holding bytes the disk refused, or no longer (REFUSED false),
   keeping the count.  Caller holds cache_lock. */
static void
set_refused (struct cache_slot *slot, bool refused)
{
  if (refused && !slot->refused)
    refused_count++;
  else if (!refused && slot->refused)
    refused_count--;
  slot->refused = refused;
}

/* Puts SIZE bytes from BUFFER, or zeros if it is NULL, at byte OFFSET of the
   sector at DST. */
static void
put_bytes (uint8_t *dst, const void *buffer, size_t offset, size_t size)
{
  if (buffer != NULL)
    memcpy (dst + offset, buffer, size);
  else
    memset (dst + offset, 0, size);
}

/* The slot the clock hand picks for reuse: a free one, else the first idle slot
   whose chances are spent (each pass of the hand takes one), within
   METADATA_CHANCES + 1 sweeps, clean if CLEAN_ONLY.  It may be dirty
   (the caller writes it back first).  A slot whose bytes the disk refused is
   never picked.  NULL if there is none; *BUSY then says whether some slot was
   being read or written (and may be free soon).  Caller holds cache_lock. */
static struct cache_slot *
slot_pick (bool clean_only, bool *busy)
{
  size_t step;

  *busy = false;
  for (step = 0; step < (METADATA_CHANCES + 1) * CACHE_SLOTS; step++)
    {
      struct cache_slot *slot = &slots[clock_hand];
      clock_hand = (clock_hand + 1) % CACHE_SLOTS;
      if (slot->state == SLOT_FREE)
        return slot;
      if (slot->state == SLOT_LOADING || slot->writing)
        *busy = true;
      else if (slot->refused || (clean_only && slot->dirty))
        continue;
      else if (slot->chances > 0)
        slot->chances--;
      else
        return slot;
    }
  return NULL;
}

/* Makes SLOT, free or clean and idle, stand for SECTOR, just used, holding
   nothing yet (partial, with no bytes).  Caller holds cache_lock. */
static void
slot_reset (struct cache_slot *slot, block_sector_t sector)
{
  slot->sector = sector;
  slot->metadata = false;
  slot->chances = 0; /* Data used once goes first (a stream of it passes through). */
  slot->dirty = slot->writing = slot->refused = slot->discarded = false;
  slot->partial = true; /* Nothing yet. */
  slot->lo = slot->hi = 0;
  slot->owner.inode = 0;
  slot->owner.offset = CACHE_METADATA;
}

/* True if SLOT may be written back now: dirty, whole, idle, not refused.
   Caller holds cache_lock. */
static bool
writable (const struct cache_slot *slot)
{
  return slot->state == SLOT_VALID && slot->dirty && !slot->partial && !slot->writing
         && !slot->refused;
}

/* True if SECTOR's slot may join a write-back run.  Caller holds cache_lock. */
static bool
run_candidate (block_sector_t sector)
{
  struct cache_slot *slot = slot_find (sector);

  return slot != NULL && writable (slot);
}

/* Fills RUN with SLOT, dirty and idle, and, if NEIGHBOURS, the run candidates
   that follow and precede it on the disk (at most RUN_MAX in all); copies their
   bytes into run_buf and marks them being written, and clean.  Caller holds
   cache_lock and run_lock. */
static void
run_gather (struct cache_slot *slot, bool neighbours, struct run *run)
{
  block_sector_t first = slot->sector, last = slot->sector;
  size_t i;

  while (neighbours && last - first + 1 < RUN_MAX && run_candidate (last + 1))
    last++;
  while (neighbours && last - first + 1 < RUN_MAX && first > 0
         && run_candidate (first - 1))
    first--;
  run->first = first;
  run->count = last - first + 1;
  for (i = 0; i < run->count; i++)
    {
      struct cache_slot *s
          = first + i == slot->sector ? slot : slot_find (first + i);
      run->slots[i] = s;
      memcpy (run_buf + i * BLOCK_SECTOR_SIZE, s->data, BLOCK_SECTOR_SIZE);
      s->writing = true;
      s->dirty = false;
    }
}

/* Records the end of SLOT's write-back: OK if the disk took it.  A refusal makes
   it dirty again and refused, and is reported the first time; a refused sector
   taken at last is reported too.  Caller holds cache_lock. */
static void
write_done (struct cache_slot *slot, bool ok)
{
  slot->writing = false;
  if (slot->discarded)
    {
      slot->discarded = false;
      if (!slot->dirty)
        slot->state = SLOT_FREE; /* Nobody wants these bytes. */
    }
  else if (!ok)
    {
      slot->dirty = true;
      if (!slot->refused)
        {
          set_refused (slot, true);
          report (slot->owner, slot->sector, CACHE_WB_REFUSED);
        }
    }
  else if (slot->refused)
    {
      set_refused (slot, false);
      report (slot->owner, slot->sector, CACHE_WB_WRITTEN);
    }
}

/* Makes SLOT, partial and idle, whole: reads its sector from the disk and keeps
   the bytes written in it over what it read.  Who wants the slot meanwhile waits
   (it is LOADING).  Returns false if the disk could not read it: the slot stays
   partial, and if it holds written bytes, they count as refused (reported the
   first time), to be tried again at the next flush.  Caller holds cache_lock,
   released around the read; the slot may have been discarded (then it is free)
   when this returns. */
static bool
slot_complete (struct cache_slot *slot)
{
  uint8_t disk_bytes[BLOCK_SECTOR_SIZE];
  bool ok;

  ASSERT (slot->state == SLOT_VALID && slot->partial && !slot->writing);
  slot->state = SLOT_LOADING;
  lock_release (&cache_lock);
  ok = block_read (cache_device, slot->sector, disk_bytes);
  lock_acquire (&cache_lock);
  slot->state = SLOT_VALID;
  if (slot->discarded)
    {
      slot->discarded = false;
      slot->state = SLOT_FREE;
    }
  else if (ok)
    {
      memcpy (slot->data, disk_bytes, slot->lo);
      memcpy (slot->data + slot->hi, disk_bytes + slot->hi,
              BLOCK_SECTOR_SIZE - slot->hi);
      slot->partial = false;
    }
  else if (slot->dirty && !slot->refused)
    {
      set_refused (slot, true);
      report (slot->owner, slot->sector, CACHE_WB_REFUSED);
    }
  cond_broadcast (&io_done, &cache_lock);
  return ok;
}

/* Writes RUN, gathered by run_gather, to the disk in one command; if the disk
   refuses it, a sector at a time, to learn which it refuses.  Returns true if it
   took them all.  Caller holds cache_lock, released around the transfers, and
   run_lock. */
static bool
run_write (struct run *run)
{
  bool ok[RUN_MAX], all;
  size_t i;

  lock_release (&cache_lock);
  all = block_write_sectors (cache_device, run->first, run->count, run_buf);
  for (i = 0; i < run->count; i++)
    ok[i] = all
            || (run->count > 1
                && block_write (cache_device, run->first + i,
                                run_buf + i * BLOCK_SECTOR_SIZE));
  lock_acquire (&cache_lock);
  for (i = 0; i < run->count; i++)
    write_done (run->slots[i], ok[i]);
  cond_broadcast (&io_done, &cache_lock);
  for (i = 0, all = true; i < run->count; i++)
    all = all && ok[i];
  return all;
}

/* Writes VICTIM, dirty, back with its dirty neighbours on the disk (completing
   it first if it is partial), so that its slot can be reused, and points the
   clock hand at it.  Caller holds cache_lock (released around the transfers)
   and perhaps run_lock. */
static void
write_back_around (struct cache_slot *victim)
{
  bool had_run_lock = lock_held_by_current_thread (&run_lock);
  struct run run;

  if (!had_run_lock)
    {
      lock_release (&cache_lock);
      lock_acquire (&run_lock);
      lock_acquire (&cache_lock);
    }
  if (victim->state == SLOT_VALID && victim->partial && victim->dirty
      && !victim->writing && !victim->refused)
    slot_complete (victim);
  if (writable (victim))
    {
      run_gather (victim, true, &run);
      run_write (&run);
      clock_hand = victim - slots;
    }
  if (!had_run_lock)
    lock_release (&run_lock);
}

/* Makes SLOT, just picked, hold SECTOR: read from the disk if FILL, else
   holding nothing yet (partial).  Returns it, or NULL (the slot free again,
   *READ_FAILED set) if the disk could not read it.  Caller holds cache_lock,
   released around the read. */
static struct cache_slot *
slot_fill (struct cache_slot *slot, block_sector_t sector, bool fill,
           bool *read_failed)
{
  bool ok;

  slot_reset (slot, sector);
  slot->state = fill ? SLOT_LOADING : SLOT_VALID;
  slot->partial = !fill; /* A LOADING slot is partial only while completed. */
  if (!fill)
    return slot;
  lock_release (&cache_lock);
  ok = block_read (cache_device, sector, slot->data);
  lock_acquire (&cache_lock);
  slot->state = ok ? SLOT_VALID : SLOT_FREE;
  cond_broadcast (&io_done, &cache_lock);
  *read_failed = !ok;
  return ok ? slot : NULL;
}

/* Returns the slot holding SECTOR, marked used.  With FILL it is whole (read
   from the disk if it was not cached, completed if it was partial); without,
   it may be partial (holding nothing if it was not cached: the caller writes
   into it).  NULL with *READ_FAILED set if the disk could not read it; NULL without
   if no slot can be had, every one holding bytes the disk refused (the caller
   then goes to the disk itself).  Writes a dirty slot back to make room when the
   clock picks one.  Caller holds cache_lock, released around disk transfers. */
static struct cache_slot *
slot_get (block_sector_t sector, bool fill, bool *read_failed)
{
  *read_failed = false;
  for (;;)
    {
      struct cache_slot *slot = slot_find (sector);
      bool busy;

      if (slot != NULL && slot->state == SLOT_LOADING)
        cond_wait (&io_done, &cache_lock);
      else if (slot != NULL && fill && slot->partial && slot->writing)
        cond_wait (&io_done, &cache_lock);
      else if (slot != NULL && fill && slot->partial)
        {
          if (!slot_complete (slot))
            {
              *read_failed = true;
              return NULL;
            }
        }
      else if (slot != NULL)
        {
          slot->chances = slot->metadata ? METADATA_CHANCES : 1;
          return slot;
        }
      else if ((slot = slot_pick (false, &busy)) == NULL)
        {
          if (!busy)
            return NULL;
          cond_wait (&io_done, &cache_lock);
        }
      else if (slot->state == SLOT_VALID && slot->dirty)
        write_back_around (slot);
      else
        return slot_fill (slot, sector, fill, read_failed);
    }
}

/* Marks SLOT, just used, as holding metadata (METADATA_CHANCES). Caller holds
   cache_lock. */
static void
slot_metadata (struct cache_slot *slot)
{
  slot->metadata = true;
  slot->chances = METADATA_CHANCES;
}

/* Gives SLOT, just written by OWNER, its chances: metadata's if OWNER's bytes are
   metadata (CACHE_METADATA), else data's, at least one (written data waits for
   its write-back's run). Caller holds cache_lock. */
static void
slot_written (struct cache_slot *slot, struct cache_owner owner)
{
  if (owner.offset == CACHE_METADATA)
    slot_metadata (slot);
  else
    {
      slot->metadata = false;
      if (slot->chances == 0)
        slot->chances = 1;
    }
}

/* cache_read(), the slot marked as holding metadata if METADATA. */
static bool
read_sector (block_sector_t sector, void *buffer, size_t offset, size_t size,
             bool metadata)
{
  struct cache_slot *slot;
  bool read_failed, ok;

  ASSERT (offset <= BLOCK_SECTOR_SIZE && size <= BLOCK_SECTOR_SIZE - offset);
  ASSERT (sector < block_size (cache_device));
  lock_acquire (&cache_lock);
  slot = slot_get (sector, true, &read_failed);
  if (slot != NULL)
    {
      memcpy (buffer, slot->data + offset, size);
      if (metadata)
        slot_metadata (slot);
    }
  lock_release (&cache_lock);
  if (slot != NULL || read_failed)
    return slot != NULL;
  /* No slot to spare: straight from the disk. */
  lock_acquire (&run_lock);
  ok = block_read (cache_device, sector, run_buf);
  if (ok)
    memcpy (buffer, run_buf + offset, size);
  lock_release (&run_lock);
  return ok;
}

/* Copies SIZE bytes starting at byte OFFSET of SECTOR into BUFFER.  OFFSET +
   SIZE must not exceed BLOCK_SECTOR_SIZE and SECTOR must lie on the device
   (callers check sectors they read from disk first).  False if the disk could
   not read it. */
bool
cache_read (block_sector_t sector, void *buffer, size_t offset, size_t size)
{
  return read_sector (sector, buffer, offset, size, false);
}

/* cache_read() of a sector holding metadata (an inode, an index block, the free
   map): the clock passes it over METADATA_CHANCES times once it is used, so that
   file data streaming through the cache does not push it out. A write of it
   (cache_write() with CACHE_METADATA) marks it so too. */
bool
cache_read_metadata (block_sector_t sector, void *buffer, size_t offset, size_t size)
{
  return read_sector (sector, buffer, offset, size, true);
}

/* True if the disk holds what SLOT, SECTOR's slot or NULL, should: it is not
   cached, or being read in.  Caller holds cache_lock. */
static bool
disk_current (const struct cache_slot *slot)
{
  return slot == NULL || (slot->state == SLOT_LOADING && !slot->partial);
}

/* Copies from the cache the sectors from FIRST + *DONE on that it holds whole,
   up to the first it does not or FIRST + COUNT, into BUFFER (whose sector 0 is
   FIRST's), moving *DONE past them; then returns how many sectors after those
   the disk holds as they should be (disk_current), up to the next the cache
   holds (0 if that is the next: it is partial or being completed).  A sector
   taken whole this way is not marked used: a reader going through a file in
   runs seldom comes back, so its sectors (read ahead for it) should go before
   the index blocks and the sectors written or read in part, which are. */
static size_t
copy_cached (block_sector_t first, size_t count, uint8_t *buffer, size_t *done)
{
  struct cache_slot *slot;
  size_t missing = 0;

  lock_acquire (&cache_lock);
  for (; *done < count; ++*done)
    {
      slot = slot_find (first + *done);
      if (slot == NULL || slot->state != SLOT_VALID || slot->partial)
        break;
      memcpy (buffer + *done * BLOCK_SECTOR_SIZE, slot->data, BLOCK_SECTOR_SIZE);
    }
  while (*done + missing < count
         && disk_current (slot_find (first + *done + missing)))
    missing++;
  lock_release (&cache_lock);
  return missing;
}

/* Copies COUNT whole sectors, FIRST and the ones after it on the disk, into
   BUFFER: those the cache holds from it (it may hold bytes the disk lacks), each
   run of the others straight from the disk in one multi-sector transfer, not
   cached (a page-sized read, as a page fault makes, would only push smaller,
   hotter sectors out).  The sectors must lie on the device, and the caller must
   keep others from writing them meanwhile (the inode lock does).  False if the
   disk could not read them (BUFFER then holds nothing certain). */
bool
cache_read_run (block_sector_t first, size_t count, void *buffer)
{
  size_t done = 0;
  bool ok;

  while (done < count)
    {
      uint8_t *at;
      size_t missing = copy_cached (first, count, buffer, &done);

      at = (uint8_t *) buffer + done * BLOCK_SECTOR_SIZE;
      if (done == count)
        break;
      if (missing == 0) /* Partial: cache_read completes it. */
        missing = 1, ok = cache_read (first + done, at, 0, BLOCK_SECTOR_SIZE);
      else
        ok = block_read_sectors (cache_device, first + done, missing, at);
      if (!ok)
        return false;
      done += missing;
    }
  return true;
}

/* Copies SIZE bytes from byte SKIP of the COUNT sectors from FIRST on (at most
   RUN_MAX; SKIP + SIZE within them) into BUFFER in one disk command, if the
   cache holds none of them, for a read that starts or ends inside a sector and
   would otherwise read those sectors in several commands.  False, having done
   nothing, if it holds one, or the disk could not read them (the caller then
   reads through the cache and meets the error itself).  The caller keeps others
   from writing the sectors meanwhile (the inode lock does). */
bool
cache_read_span (block_sector_t first, size_t count, size_t skip, void *buffer,
                 size_t size)
{
  bool cached = false, ok;
  size_t i;

  ASSERT (count <= RUN_MAX && skip + size <= count * BLOCK_SECTOR_SIZE);

  lock_acquire (&run_lock);
  lock_acquire (&cache_lock);
  for (i = 0; i < count && !cached; i++)
    cached = slot_find (first + i) != NULL;
  lock_release (&cache_lock);
  ok = !cached && block_read_sectors (cache_device, first, count, run_buf);
  if (ok)
    memcpy (buffer, run_buf + skip, size);
  lock_release (&run_lock);
  return ok;
}

/* Reads ahead: brings the sectors from FIRST on (at most COUNT, and RUN_MAX)
   that are not cached, up to the first that is, into clean slots in one
   command, for a reader about to go through them.  Cheap to drop: it writes
   nothing back to make room, gives up at once if a write-back or another
   read-ahead holds run_buf, and a sector the disk cannot read is simply not
   cached (the reader then meets the error itself).  Unused, its slots are the
   clock's next victims. */
void
cache_prefetch (block_sector_t first, size_t count)
{
  struct run run;
  bool busy, ok;
  size_t i;

  if (count > RUN_MAX)
    count = RUN_MAX;
  if (count == 0 || !lock_try_acquire (&run_lock))
    return;
  lock_acquire (&cache_lock);
  for (; count > 0 && slot_find (first) != NULL; count--)
    first++;
  run.first = first;
  for (run.count = 0; run.count < count && slot_find (first + run.count) == NULL;
       run.count++)
    {
      struct cache_slot *slot = slot_pick (true, &busy);
      if (slot == NULL)
        break;
      slot_reset (slot, first + run.count);
      slot->chances = 0; /* The clock's first pick, until it is used. */
      slot->state = SLOT_LOADING;
      slot->partial = false;
      run.slots[run.count] = slot;
    }
  if (run.count > 0)
    {
      lock_release (&cache_lock);
      ok = block_read_sectors (cache_device, run.first, run.count, run_buf);
      lock_acquire (&cache_lock);
      for (i = 0; i < run.count; i++)
        {
          if (ok)
            memcpy (run.slots[i]->data, run_buf + i * BLOCK_SECTOR_SIZE,
                    BLOCK_SECTOR_SIZE);
          run.slots[i]->state = ok ? SLOT_VALID : SLOT_FREE;
        }
      cond_broadcast (&io_done, &cache_lock);
    }
  lock_release (&cache_lock);
  lock_release (&run_lock);
}

/* Writes SIZE bytes from BUFFER (zeros if NULL) at byte OFFSET of SECTOR to the
   disk before returning: the sector's new contents are put together in run_buf
   and written, and enter the cache only once the disk has them, so the cache
   never holds bytes a writer was told did not reach the disk.  False if the
   disk refused them (the sector keeps what it held) or could not read the rest
   of the sector. */
static bool
write_through (block_sector_t sector, struct cache_owner owner, const void *buffer,
               size_t offset, size_t size)
{
  struct cache_slot *slot;
  bool partial = size < BLOCK_SECTOR_SIZE, read_failed, ok, was_dirty = false;

  lock_acquire (&run_lock);
  lock_acquire (&cache_lock);
  slot = slot_get (sector, partial, &read_failed);
  if (slot != NULL)
    {
      memcpy (run_buf, slot->data, BLOCK_SECTOR_SIZE);
      was_dirty = slot->dirty;
      slot->dirty = false;
      slot->writing = true;
    }
  lock_release (&cache_lock);
  ok = !read_failed
       && (slot != NULL || !partial || block_read (cache_device, sector, run_buf));
  if (ok)
    {
      put_bytes (run_buf, buffer, offset, size);
      ok = block_write (cache_device, sector, run_buf);
    }
  if (slot != NULL)
    {
      lock_acquire (&cache_lock);
      if (ok)
        {
          put_bytes (slot->data, buffer, offset, size);
          slot->owner = owner;
          slot_written (slot, owner);
          slot->partial = false; /* Completed by slot_get, or written whole. */
        }
      write_done (slot, ok || !was_dirty);
      cond_broadcast (&io_done, &cache_lock);
      lock_release (&cache_lock);
    }
  lock_release (&run_lock);
  return ok;
}

/* Marks SLOT dirty.  True if the caller should start a flusher (after releasing
   cache_lock), none being there.  Caller holds cache_lock. */
static bool
mark_dirty (struct cache_slot *slot)
{
  slot->dirty = true;
  write_count++;
  if (flusher_running || !flusher_allowed)
    return false;
  flusher_running = true;
  return true;
}

/* Starts a flusher thread, which mark_dirty() asked for. */
static void
start_flusher (void)
{
  if (flusher_start ())
    return;
  lock_acquire (&cache_lock);
  flusher_running = false; /* The next dirty sector tries again. */
  lock_release (&cache_lock);
}

/* True if SLOT can take SIZE bytes at OFFSET as it is: it is whole, they are the
   whole sector, or they touch or overlap the bytes a partial SLOT holds (or it
   holds none).  Caller holds cache_lock. */
static bool
joins (const struct cache_slot *slot, size_t offset, size_t size)
{
  return !slot->partial || size == BLOCK_SECTOR_SIZE || slot->lo == slot->hi
         || (offset <= slot->hi && offset + size >= slot->lo);
}

/* Records that SLOT holds the SIZE bytes at OFFSET, just copied in (joins).
   Caller holds cache_lock. */
static void
widen (struct cache_slot *slot, size_t offset, size_t size)
{
  if (!slot->partial)
    return;
  if (slot->lo == slot->hi || offset < slot->lo)
    slot->lo = offset;
  if (offset + size > slot->hi)
    slot->hi = offset + size;
  slot->partial = slot->lo > 0 || slot->hi < BLOCK_SECTOR_SIZE;
}

/* Copies SIZE bytes from BUFFER (zeros if BUFFER is NULL) to byte OFFSET of
   SECTOR, OWNER's.  Same bounds as cache_read.  The disk gets them later (a
   write-back), unless the cache holds bytes the disk refused or has no slot to
   spare: then before this returns.  A write into part of a sector the cache
   lacks does not read it (the slot is partial); one that does not touch what a
   partial slot holds completes it first.  False if the disk could not read the
   rest of the sector then, or refused a write made before returning: the
   sector then holds what it held. */
bool
cache_write (block_sector_t sector, struct cache_owner owner, const void *buffer,
             size_t offset, size_t size)
{
  struct cache_slot *slot;
  bool read_failed, start = false;

  ASSERT (offset <= BLOCK_SECTOR_SIZE && size <= BLOCK_SECTOR_SIZE - offset);
  ASSERT (sector < block_size (cache_device));
  if (refused_count > 0)
    return write_through (sector, owner, buffer, offset, size);
  lock_acquire (&cache_lock);
  slot = slot_get (sector, false, &read_failed);
  if (slot != NULL && !joins (slot, offset, size))
    slot = slot_get (sector, true, &read_failed);
  if (slot != NULL)
    {
      put_bytes (slot->data, buffer, offset, size);
      widen (slot, offset, size);
      slot->owner = owner;
      slot_written (slot, owner);
      start = mark_dirty (slot);
    }
  lock_release (&cache_lock);
  if (start)
    start_flusher ();
  if (slot == NULL && !read_failed)
    return write_through (sector, owner, buffer, offset, size);
  return slot != NULL;
}

/* Makes SECTOR, OWNER's, all zeros without reading it first.  False as
   cache_write. */
bool
cache_zero (block_sector_t sector, struct cache_owner owner)
{
  return cache_write (sector, owner, NULL, 0, BLOCK_SECTOR_SIZE);
}

/* Forgets SECTOR, which the free map has just taken back: no one reads it again
   before writing all of it, so its bytes, dirty or refused, need not reach the
   disk. */
void
cache_discard (block_sector_t sector)
{
  struct cache_slot *slot;

  lock_acquire (&cache_lock);
  slot = slot_find (sector);
  if (slot != NULL && !disk_current (slot))
    {
      set_refused (slot, false);
      slot->dirty = false;
      slot->metadata = false; /* Its sector may come back as a file's data. */
      if (slot->writing || slot->state == SLOT_LOADING)
        slot->discarded = true; /* Written back or completed now. */
      else
        slot->state = SLOT_FREE;
    }
  lock_release (&cache_lock);
}

/* True if a sector INODE owns is being written back.  Caller holds
   cache_lock. */
static bool
owner_writing (block_sector_t inode)
{
  size_t i;

  for (i = 0; i < CACHE_SLOTS; i++)
    if (slots[i].state == SLOT_VALID && slots[i].writing
        && slots[i].owner.inode == inode)
      return true;
  return false;
}

/* Waits until no write-back of a sector of INODE (an inode sector) is on its way
   to the disk, so that what became of each has been reported. */
void
cache_wait_write_backs (block_sector_t inode)
{
  lock_acquire (&cache_lock);
  while (owner_writing (inode))
    cond_wait (&io_done, &cache_lock);
  lock_release (&cache_lock);
}

/* The dirty, idle slot of the lowest sector at or after FROM that the disk has
   not refused, or NULL.  Caller holds cache_lock. */
static struct cache_slot *
lowest_dirty (block_sector_t from)
{
  struct cache_slot *best = NULL;
  size_t i;

  for (i = 0; i < CACHE_SLOTS; i++)
    {
      struct cache_slot *slot = &slots[i];
      if (slot->state == SLOT_VALID && slot->dirty && !slot->writing
          && !slot->refused && slot->sector >= from
          && (best == NULL || slot->sector < best->sector))
        best = slot;
    }
  return best;
}

/* Writes back the run that starts with the lowest dirty sector at or after
 *FROM, and moves *FROM past it; completes that sector instead if it is
   partial (the next call writes it).  False if there was none. */
static bool
flush_next (block_sector_t *from)
{
  struct cache_slot *slot;
  struct run run;

  lock_acquire (&run_lock);
  lock_acquire (&cache_lock);
  slot = lowest_dirty (*from);
  if (slot != NULL && slot->partial)
    slot_complete (slot);
  else if (slot != NULL)
    {
      run_gather (slot, true, &run);
      *from = run.first + run.count;
      run_write (&run);
    }
  lock_release (&cache_lock);
  lock_release (&run_lock);
  return slot != NULL;
}

/* Tries slot INDEX again, alone, if it holds bytes the disk refused (completing
   it first if it is partial). */
static void
retry_refused (size_t index)
{
  struct cache_slot *slot = &slots[index];
  struct run run;

  lock_acquire (&run_lock);
  lock_acquire (&cache_lock);
  if (slot->state == SLOT_VALID && slot->refused && slot->partial && !slot->writing)
    slot_complete (slot);
  if (slot->state == SLOT_VALID && slot->refused && !slot->partial && !slot->writing)
    {
      run_gather (slot, false, &run);
      run_write (&run);
    }
  lock_release (&cache_lock);
  lock_release (&run_lock);
}

/* Writes every dirty sector back: runs of neighbours, one command each, in the
   disk's order, then each sector the disk refused before, alone.  Returns true
   if the cache then holds nothing the disk lacks. */
bool
cache_flush (void)
{
  block_sector_t from = 0;
  bool clean = true;
  size_t i;

  while (flush_next (&from))
    continue;
  for (i = 0; i < CACHE_SLOTS; i++)
    retry_refused (i);
  lock_acquire (&cache_lock);
  for (i = 0; i < CACHE_SLOTS; i++)
    clean = clean && !(slots[i].state == SLOT_VALID && slots[i].dirty);
  lock_release (&cache_lock);
  return clean;
}

/* Reports as lost (CACHE_WB_LOST) every sector whose bytes the disk still
   refuses, for a power-off: they never reach it.  The report comes without
   the cache's lock, and the caller must hold no file-system lock.  Returns how
   many. */
size_t
cache_report_lost (void)
{
  size_t i, lost = 0;

  for (i = 0; i < CACHE_SLOTS; i++)
    {
      struct cache_owner owner;
      block_sector_t sector;
      bool refused;

      lock_acquire (&cache_lock);
      refused = slots[i].state == SLOT_VALID && slots[i].refused;
      owner = slots[i].owner;
      sector = slots[i].sector;
      lock_release (&cache_lock);
      if (refused)
        {
          report (owner, sector, CACHE_WB_LOST);
          lost++;
        }
    }
  return lost;
}

/* How many writes have gone into the cache so far (the flusher watches it to
   see writing stop). */
unsigned
cache_write_count (void)
{
  unsigned count;

  lock_acquire (&cache_lock);
  count = write_count;
  lock_release (&cache_lock);
  return count;
}

/* True if the cache holds nothing dirty but bytes the disk refused (tried again
   at the next flush) and nothing being written or completed: the calling
   flusher should end,
   and from now on a new dirty sector starts another. */
bool
cache_flusher_may_exit (void)
{
  bool work = false;
  size_t i;

  lock_acquire (&cache_lock);
  for (i = 0; i < CACHE_SLOTS; i++)
    work = work
           || (slots[i].state == SLOT_VALID
               && ((slots[i].dirty && !slots[i].refused) || slots[i].writing))
           || (slots[i].state == SLOT_LOADING && slots[i].partial);
  if (!work)
    flusher_running = false;
  lock_release (&cache_lock);
  return !work;
}
