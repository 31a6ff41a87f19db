#include "filesys/free-map.h"
#include <stdio.h>
#include <string.h>
#include "devices/console.h"
#include "filesys/cache.h"
#include "filesys/layout.h"
#include "threads/malloc.h"
#include "threads/synch.h"

/* The whole map lives in memory; a change marks its map sector dirty, and
   free_map_commit() puts the dirty ones in the cache (whose write-back takes
   them to the disk), so an operation that takes or gives back many sectors
   copies each map sector once. A sector given back is dropped from the cache
   (cache_discard): its bytes need never reach the disk. free_map_lock is taken
   inside inode locks and outside the cache's locks. */

static struct kfs_superblock geometry; /* Copy of the mounted superblock. */
static uint8_t *map;                   /* free_map_sectors sectors. */
static uint32_t next_hint;             /* Where the next search starts. */
static bool *dirty;                    /* Per map sector: changed since stored. */
static struct lock free_map_lock;

/* Marks the map sector that holds SECTOR's bit to be stored.  Caller holds
   free_map_lock. */
static void
store_bit (block_sector_t sector)
{
  dirty[sector / KFS_BITS_PER_SECTOR] = true;
}

/* Puts map sector INDEX in the cache (the file system's own: owner 0); false
   if the disk refused it (when the cache writes through). */
static bool
store_sector (uint32_t index)
{
  struct cache_owner owner = { 0, CACHE_METADATA };

  return cache_write (geometry.free_map_start + index, owner,
                      map + index * KFS_SECTOR_SIZE, 0, KFS_SECTOR_SIZE);
}

/* Puts every changed map sector in the cache. False if the disk refused one
   (only when the cache writes through; said on the diagnostic stream; it stays
   marked, to be tried again at the next commit). */
bool
free_map_commit (void)
{
  uint32_t i;
  bool ok = true;

  if (map == NULL)
    return true;
  lock_acquire (&free_map_lock);
  for (i = 0; i < geometry.free_map_sectors; i++)
    if (dirty[i])
      {
        if (store_sector (i))
          dirty[i] = false;
        else
          {
            diag_printf ("filesys: free map sector %u could not be written\n",
                         (unsigned) (geometry.free_map_start + i));
            ok = false;
          }
      }
  lock_release (&free_map_lock);
  return ok;
}

/* Allocates the in-memory map for SB, all sectors free.  False if out of
   memory. */
static bool
map_alloc (const struct kfs_superblock *sb)
{
  geometry = *sb;
  map = calloc (sb->free_map_sectors, KFS_SECTOR_SIZE);
  dirty = calloc (sb->free_map_sectors, sizeof *dirty);
  if (map == NULL || dirty == NULL)
    {
      free (map);
      free (dirty);
      map = NULL;
      printf ("filesys: out of memory for the free map\n");
      return false;
    }
  next_hint = sb->data_start;
  lock_init (&free_map_lock);
  return true;
}

/* Starts a map for the freshly formatted file system SB: only the
   superblock, root inode and map sectors are in use.  Puts it in the
   cache.  False if out of memory or the disk refused it. */
bool
free_map_create (const struct kfs_superblock *sb)
{
  uint32_t sector, i;
  if (!map_alloc (sb))
    return false;
  for (sector = 0; sector < sb->data_start; sector++)
    kfs_map_set (map, sector, true);
  for (i = 0; i < sb->free_map_sectors; i++)
    if (!store_sector (i))
      return false;
  return true;
}

/* Reads the map of the mounted, already validated superblock SB.  Sectors
   past the end and the fixed sectors are forced to their true state so a
   corrupt map cannot hand them out.  False if out of memory or the disk could
   not read it. */
bool
free_map_load (const struct kfs_superblock *sb)
{
  uint32_t sector, i;
  if (!map_alloc (sb))
    return false;
  for (i = 0; i < sb->free_map_sectors; i++)
    if (!cache_read_metadata (sb->free_map_start + i, map + i * KFS_SECTOR_SIZE, 0,
                              KFS_SECTOR_SIZE))
      {
        printf ("filesys: free map sector %u cannot be read\n",
                (unsigned) (sb->free_map_start + i));
        free (map);
        free (dirty);
        map = NULL;
        dirty = NULL;
        return false;
      }
  for (sector = 0; sector < sb->data_start; sector++)
    kfs_map_set (map, sector, true);
  for (sector = sb->sector_count;
       sector < sb->free_map_sectors * KFS_BITS_PER_SECTOR; sector++)
    kfs_map_set (map, sector, false);
  return true;
}

/* Writes what changed and frees the in-memory map. */
void
free_map_close (void)
{
  free_map_commit ();
  free (map);
  free (dirty);
  map = NULL;
  dirty = NULL;
}

/* Marks a free data sector used and stores its number in *SECTOR.
   Returns false if the disk is full.  The sector's contents are
   unspecified.  The cache has the change after free_map_commit(). */
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
   is already free means the disk is corrupt: reported, otherwise ignored.
   The cache has the change after free_map_commit(). */
void
free_map_release (block_sector_t sector)
{
  lock_acquire (&free_map_lock);
  if (!kfs_sector_is_data (&geometry, sector))
    diag_printf ("filesys: ignoring release of non-data sector %u\n",
                 (unsigned) sector);
  else if (!kfs_map_test (map, sector))
    diag_printf ("filesys: sector %u freed twice (corrupt disk?)\n",
                 (unsigned) sector);
  else
    {
      kfs_map_set (map, sector, false);
      store_bit (sector);
      cache_discard (sector);
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
