#ifndef FILESYS_CACHE_H
#define FILESYS_CACHE_H

/* Write-through cache of file-system sectors: each call says whether the disk
   did what it asked.  Internal to filesys/. */

#include <stdbool.h>
#include <stddef.h>
#include "devices/block.h"

void cache_init (struct block *device);
bool cache_read (block_sector_t sector, void *buffer, size_t offset, size_t size);
bool cache_read_run (block_sector_t first, size_t count, void *buffer);
bool cache_write (block_sector_t sector, const void *buffer, size_t offset,
                  size_t size);
bool cache_zero (block_sector_t sector);

#endif /* filesys/cache.h */
