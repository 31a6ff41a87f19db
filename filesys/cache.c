#include "filesys/cache.h"
#include <debug.h>
#include <stdint.h>
#include <string.h>
#include "threads/synch.h"

/* A small write-back cache with clock replacement.  One lock guards every
   slot and is held across the disk transfer: simple, and the cache is the
   innermost lock of the file system, so it cannot deadlock. */

#define CACHE_SLOTS 64

struct cache_slot
{
  bool valid;    /* Holds SECTOR's contents. */
  bool dirty;    /* Differs from the disk. */
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

/* Writes SLOT back if it is dirty.  Caller holds cache_lock. */
static void
slot_write_back (struct cache_slot *slot)
{
  if (slot->valid && slot->dirty)
    {
      block_write (cache_device, slot->sector, slot->data);
      slot->dirty = false;
    }
}

/* Picks a slot to reuse: an empty one, else the first one the clock finds
   not recently used.  Writes the victim back.  Caller holds cache_lock. */
static struct cache_slot *
slot_evict (void)
{
  for (;;)
    {
      struct cache_slot *slot = &slots[clock_hand];
      clock_hand = (clock_hand + 1) % CACHE_SLOTS;
      if (!slot->valid || !slot->accessed)
        {
          slot_write_back (slot);
          slot->valid = false;
          return slot;
        }
      slot->accessed = false;
    }
}

/* Returns the slot holding SECTOR, loading it from disk unless FILL is
   false (the caller will overwrite all of it).  Caller holds cache_lock. */
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
  if (fill)
    block_read (cache_device, sector, slot->data);
  slot->sector = sector;
  slot->valid = true;
  slot->dirty = false;
  slot->accessed = true;
  return slot;
}

/* Copies SIZE bytes starting at byte OFFSET of SECTOR into BUFFER.
   OFFSET + SIZE must not exceed BLOCK_SECTOR_SIZE and SECTOR must lie on
   the device (callers check sectors they read from disk first). */
void
cache_read (block_sector_t sector, void *buffer, size_t offset, size_t size)
{
  struct cache_slot *slot;
  ASSERT (offset <= BLOCK_SECTOR_SIZE && size <= BLOCK_SECTOR_SIZE - offset);
  lock_acquire (&cache_lock);
  slot = slot_get (sector, true);
  memcpy (buffer, slot->data + offset, size);
  lock_release (&cache_lock);
}

/* Copies COUNT whole sectors, FIRST and the ones after it on the disk, into
   BUFFER.  When none of them is cached they come in one multi-sector transfer
   and are not cached (a page-sized read, as a page fault makes, would only push
   smaller, hotter sectors out); otherwise sector by sector through the cache.
   The sectors must lie on the device. */
void
cache_read_run (block_sector_t first, size_t count, void *buffer)
{
  size_t i, j;
  bool any_cached = false;

  lock_acquire (&cache_lock);
  for (i = 0; i < CACHE_SLOTS && !any_cached; i++)
    any_cached = slots[i].valid && slots[i].sector >= first
                 && slots[i].sector - first < count;
  if (!any_cached)
    block_read_sectors (cache_device, first, count, buffer);
  else
    for (j = 0; j < count; j++)
      memcpy ((uint8_t *) buffer + j * BLOCK_SECTOR_SIZE,
              slot_get (first + j, true)->data, BLOCK_SECTOR_SIZE);
  lock_release (&cache_lock);
}

/* Copies SIZE bytes from BUFFER to byte OFFSET of SECTOR; reaches the disk
   on eviction or cache_flush.  Same bounds as cache_read. */
void
cache_write (block_sector_t sector, const void *buffer, size_t offset, size_t size)
{
  struct cache_slot *slot;
  ASSERT (offset <= BLOCK_SECTOR_SIZE && size <= BLOCK_SECTOR_SIZE - offset);
  lock_acquire (&cache_lock);
  slot = slot_get (sector, size < BLOCK_SECTOR_SIZE);
  memcpy (slot->data + offset, buffer, size);
  slot->dirty = true;
  lock_release (&cache_lock);
}

/* Makes SECTOR all zeros without reading it first. */
void
cache_zero (block_sector_t sector)
{
  struct cache_slot *slot;
  lock_acquire (&cache_lock);
  slot = slot_get (sector, false);
  memset (slot->data, 0, BLOCK_SECTOR_SIZE);
  slot->dirty = true;
  lock_release (&cache_lock);
}

/* Writes every dirty sector to the disk. */
void
cache_flush (void)
{
  size_t i;
  lock_acquire (&cache_lock);
  for (i = 0; i < CACHE_SLOTS; i++)
    slot_write_back (&slots[i]);
  lock_release (&cache_lock);
}
