#include "filesys/free-map.h"
#include <stdio.h>
#include <string.h>
#include "filesys/cache.h"
#include "filesys/layout.h"
#include "threads/malloc.h"
#include "threads/synch.h"

/* The whole map lives in memory; every change is written through the
   sector cache at once, so the disk copy is current after cache_flush.
   free_map_lock is taken inside inode locks and outside the cache lock. */

static struct kfs_superblock geometry; /* Copy of the mounted superblock. */
static uint8_t *map;                   /* free_map_sectors sectors. */
static uint32_t next_hint;             /* Where the next search starts. */
static struct lock free_map_lock;

/* Writes the map sector that holds SECTOR's bit.  Caller holds
   free_map_lock. */
static void
store_bit (block_sector_t sector)
{
  uint32_t index = sector / KFS_BITS_PER_SECTOR;
  cache_write (geometry.free_map_start + index, map + index * KFS_SECTOR_SIZE, 0,
               KFS_SECTOR_SIZE);
}

/* Allocates the in-memory map for SB, all sectors free.  False if out of
   memory. */
static bool
map_alloc (const struct kfs_superblock *sb)
{
  geometry = *sb;
  map = calloc (sb->free_map_sectors, KFS_SECTOR_SIZE);
  if (map == NULL)
    {
      printf ("filesys: out of memory for the free map\n");
      return false;
    }
  next_hint = sb->data_start;
  lock_init (&free_map_lock);
  return true;
}

/* Starts a map for the freshly formatted file system SB: only the
   superblock, root inode and map sectors are in use.  Writes it to disk
   (through the cache).  False if out of memory. */
bool
free_map_create (const struct kfs_superblock *sb)
{
  uint32_t sector, i;
  if (!map_alloc (sb))
    return false;
  for (sector = 0; sector < sb->data_start; sector++)
    kfs_map_set (map, sector, true);
  for (i = 0; i < sb->free_map_sectors; i++)
    cache_write (sb->free_map_start + i, map + i * KFS_SECTOR_SIZE, 0,
                 KFS_SECTOR_SIZE);
  return true;
}

/* Reads the map of the mounted, already validated superblock SB.  Sectors
   past the end and the fixed sectors are forced to their true state so a
   corrupt map cannot hand them out.  False if out of memory. */
bool
free_map_load (const struct kfs_superblock *sb)
{
  uint32_t sector, i;
  if (!map_alloc (sb))
    return false;
  for (i = 0; i < sb->free_map_sectors; i++)
    cache_read (sb->free_map_start + i, map + i * KFS_SECTOR_SIZE, 0,
                KFS_SECTOR_SIZE);
  for (sector = 0; sector < sb->data_start; sector++)
    kfs_map_set (map, sector, true);
  for (sector = sb->sector_count;
       sector < sb->free_map_sectors * KFS_BITS_PER_SECTOR; sector++)
    kfs_map_set (map, sector, false);
  return true;
}

/* Frees the in-memory map.  Its disk copy is already up to date in the
   cache. */
void
free_map_close (void)
{
  free (map);
  map = NULL;
}

/* Marks a free data sector used and stores its number in *SECTOR.
   Returns false if the disk is full.  The sector's contents are
   unspecified. */
bool
free_map_allocate (block_sector_t *sector)
{
  uint32_t span = geometry.sector_count - geometry.data_start;
  uint32_t i;
  bool found = false;

  lock_acquire (&free_map_lock);
  for (i = 0; i < span && !found; i++)
    {
      uint32_t candidate
          = geometry.data_start + (next_hint - geometry.data_start + i) % span;
      if (!kfs_map_test (map, candidate))
        {
          kfs_map_set (map, candidate, true);
          store_bit (candidate);
          next_hint = candidate + 1 < geometry.sector_count ? candidate + 1
                                                            : geometry.data_start;
          *sector = candidate;
          found = true;
        }
    }
  lock_release (&free_map_lock);
  return found;
}

/* Marks data sector SECTOR free.  A sector that is not a data sector or
   is already free means the disk is corrupt: reported, otherwise ignored. */
void
free_map_release (block_sector_t sector)
{
  lock_acquire (&free_map_lock);
  if (!kfs_sector_is_data (&geometry, sector))
    printf ("filesys: ignoring release of non-data sector %u\n", (unsigned) sector);
  else if (!kfs_map_test (map, sector))
    printf ("filesys: sector %u freed twice (corrupt disk?)\n", (unsigned) sector);
  else
    {
      kfs_map_set (map, sector, false);
      store_bit (sector);
    }
  lock_release (&free_map_lock);
}

/* True if SECTOR lies in the data area of the mounted file system, so a
   sector pointer read from disk may be followed. */
bool
free_map_is_data_sector (block_sector_t sector)
{
  return kfs_sector_is_data (&geometry, sector);
}
