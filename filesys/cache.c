#include "filesys/cache.h"
#include <debug.h>
#include <stdint.h>
#include <string.h>
#include "threads/synch.h"

/* A small write-through cache of file-system sectors with clock replacement.
   Reads are served from it; every write goes to the disk before cache_write
   returns, so a write the disk refuses is known to the writer (write() returns
   the bytes before it) and the cache never holds what the disk lacks. One lock
   guards every slot and is held across the disk transfer: simple, and the cache
   is the innermost lock of the file system, so it cannot deadlock. */

#define CACHE_SLOTS 64

struct cache_slot
{
  bool valid;    /* Holds SECTOR's contents, as on the disk. */
  bool accessed; /* Used since the clock hand last passed. */
  block_sector_t sector;
  uint8_t data[BLOCK_SECTOR_SIZE];
};

static struct block *cache_device;
static struct cache_slot slots[CACHE_SLOTS];
static size_t clock_hand;
static struct lock cache_lock;

/* Prepares the cache for DEVICE.  Call once, before any other cache
   function. */
void
cache_init (struct block *device)
{
  size_t i;
  cache_device = device;
  for (i = 0; i < CACHE_SLOTS; i++)
    slots[i].valid = false;
  clock_hand = 0;
  lock_init (&cache_lock);
}

/* Picks a slot to reuse: an empty one, else the first one the clock finds not
   recently used.  Caller holds cache_lock. */
static struct cache_slot *
slot_evict (void)
{
  for (;;)
    {
      struct cache_slot *slot = &slots[clock_hand];
      clock_hand = (clock_hand + 1) % CACHE_SLOTS;
      if (!slot->valid || !slot->accessed)
        {
          slot->valid = false;
          return slot;
        }
      slot->accessed = false;
    }
}

/* Returns the slot holding SECTOR, loading it from disk unless FILL is false
   (the caller will overwrite all of it), or NULL if the disk could not read
   it.  Caller holds cache_lock. */
static struct cache_slot *
slot_get (block_sector_t sector, bool fill)
{
  struct cache_slot *slot;
  size_t i;

  ASSERT (sector < block_size (cache_device));
  for (i = 0; i < CACHE_SLOTS; i++)
    if (slots[i].valid && slots[i].sector == sector)
      {
        slots[i].accessed = true;
        return &slots[i];
      }
  slot = slot_evict ();
  if (fill && !block_read (cache_device, sector, slot->data))
    return NULL;
  slot->sector = sector;
  slot->valid = true;
  slot->accessed = true;
  return slot;
}

/* Copies SIZE bytes starting at byte OFFSET of SECTOR into BUFFER.  OFFSET +
   SIZE must not exceed BLOCK_SECTOR_SIZE and SECTOR must lie on the device
   (callers check sectors they read from disk first).  False if the disk could
   not read it. */
bool
cache_read (block_sector_t sector, void *buffer, size_t offset, size_t size)
{
  struct cache_slot *slot;

  ASSERT (offset <= BLOCK_SECTOR_SIZE && size <= BLOCK_SECTOR_SIZE - offset);
  lock_acquire (&cache_lock);
  slot = slot_get (sector, true);
  if (slot != NULL)
    memcpy (buffer, slot->data + offset, size);
  lock_release (&cache_lock);
  return slot != NULL;
}

/* Copies COUNT whole sectors, FIRST and the ones after it on the disk, into
   BUFFER.  When none of them is cached they come in one multi-sector transfer
   and are not cached (a page-sized read, as a page fault makes, would only push
   smaller, hotter sectors out); otherwise sector by sector through the cache.
   The sectors must lie on the device.  False if the disk could not read them
   (BUFFER then holds nothing certain). */
bool
cache_read_run (block_sector_t first, size_t count, void *buffer)
{
  struct cache_slot *slot = NULL;
  bool any_cached = false, ok = true;
  size_t i, j;

  lock_acquire (&cache_lock);
  for (i = 0; i < CACHE_SLOTS && !any_cached; i++)
    any_cached = slots[i].valid && slots[i].sector >= first
                 && slots[i].sector - first < count;
  if (!any_cached)
    ok = block_read_sectors (cache_device, first, count, buffer);
  else
    for (j = 0; j < count && ok; j++)
      {
        slot = slot_get (first + j, true);
        ok = slot != NULL;
        if (ok)
          memcpy ((uint8_t *) buffer + j * BLOCK_SECTOR_SIZE, slot->data,
                  BLOCK_SECTOR_SIZE);
      }
  lock_release (&cache_lock);
  return ok;
}

/* Puts SIZE bytes from BUFFER at byte OFFSET of SLOT's sector and writes the
   sector to the disk.  False if the disk refused it: the slot is dropped, so
   the cache keeps what the disk has.  Caller holds cache_lock. */
static bool
slot_store (struct cache_slot *slot, const void *buffer, size_t offset, size_t size)
{
  if (buffer != NULL)
    memcpy (slot->data + offset, buffer, size);
  else
    memset (slot->data + offset, 0, size);
  if (block_write (cache_device, slot->sector, slot->data))
    return true;
  slot->valid = false;
  return false;
}

/* Copies SIZE bytes from BUFFER to byte OFFSET of SECTOR, and to the disk
   before it returns.  Same bounds as cache_read.  False if the disk could not
   read the rest of the sector or refused the write: the sector then holds
   what it held. */
bool
cache_write (block_sector_t sector, const void *buffer, size_t offset, size_t size)
{
  struct cache_slot *slot;
  bool ok;

  ASSERT (offset <= BLOCK_SECTOR_SIZE && size <= BLOCK_SECTOR_SIZE - offset);
  lock_acquire (&cache_lock);
  slot = slot_get (sector, size < BLOCK_SECTOR_SIZE);
  ok = slot != NULL && slot_store (slot, buffer, offset, size);
  lock_release (&cache_lock);
  return ok;
}

/* Makes SECTOR all zeros without reading it first.  False if the disk refused
   the write. */
bool
cache_zero (block_sector_t sector)
{
  struct cache_slot *slot;
  bool ok;

  lock_acquire (&cache_lock);
  slot = slot_get (sector, false);
  ok = slot_store (slot, NULL, 0, BLOCK_SECTOR_SIZE);
  lock_release (&cache_lock);
  return ok;
}
