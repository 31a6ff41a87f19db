#ifndef FILESYS_CACHE_H
#define FILESYS_CACHE_H

/* Write-back cache of file-system sectors (filesys/README.md, "The buffer
   cache"): a write stays in memory and leaves later, runs of neighbouring dirty
   sectors in one disk command, on a timer (filesys/flusher.c), when its slot is
   needed and at power-off. Internal to filesys/. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "devices/block.h"

/* Whose bytes a cached sector holds, named when the disk refuses to take them. */
struct cache_owner
{
  block_sector_t inode; /* The file's inode sector, or 0: the file system's own
                           sectors (superblock, free map). */
  uint32_t offset;      /* The file's byte the sector starts with, or
                           CACHE_METADATA: the inode itself or an index block. */
};
#define CACHE_METADATA UINT32_MAX

/* What became of a write-back (for cache_report_func). */
enum cache_write_back
{
  CACHE_WB_REFUSED, /* The disk refused it: the sector stays dirty, to be tried
                       again. */
  CACHE_WB_WRITTEN, /* A sector the disk had refused was written after all. */
  CACHE_WB_LOST     /* Still refused at power-off: the disk keeps older bytes. */
};

/* Says what became of the write-back of SECTOR, which holds OWNER's bytes.
   Called with the cache's lock held (it may take only a lock that no one holds
   while calling into the cache), except for CACHE_WB_LOST (cache_report_lost),
   which comes with no file-system lock held. */
typedef void cache_report_func (struct cache_owner owner, block_sector_t sector,
                                enum cache_write_back what);

void cache_init (struct block *device, cache_report_func *report);
void cache_enable_flusher (void);
void cache_disable_flusher (void);
bool cache_read (block_sector_t sector, void *buffer, size_t offset, size_t size);
bool cache_read_metadata (block_sector_t sector, void *buffer, size_t offset,
                          size_t size);
bool cache_read_run (block_sector_t first, size_t count, void *buffer);
bool cache_read_span (block_sector_t first, size_t count, size_t skip, void *buffer,
                      size_t size);
void cache_prefetch (block_sector_t first, size_t count);
bool cache_write (block_sector_t sector, struct cache_owner owner,
                  const void *buffer, size_t offset, size_t size);
bool cache_zero (block_sector_t sector, struct cache_owner owner);
void cache_discard (block_sector_t sector);
void cache_wait_write_backs (block_sector_t inode);
bool cache_flush (void);
size_t cache_report_lost (void);

/* For the flusher thread (filesys/flusher.c). */
unsigned cache_write_count (void);
bool cache_flusher_may_exit (void);

#endif /* filesys/cache.h */
