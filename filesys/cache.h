#ifndef FILESYS_CACHE_H
#define FILESYS_CACHE_H

/* Write-back cache of file-system sectors.  Internal to filesys/. */

#include <stddef.h>
#include "devices/block.h"

void cache_init (struct block *device);
void cache_read (block_sector_t sector, void *buffer, size_t offset, size_t size);
void cache_read_run (block_sector_t first, size_t count, void *buffer);
void cache_write (block_sector_t sector, const void *buffer, size_t offset,
                  size_t size);
void cache_zero (block_sector_t sector);
void cache_flush (void);

#endif /* filesys/cache.h */
