#ifndef FILESYS_FREE_MAP_H
#define FILESYS_FREE_MAP_H

/* Which sectors are in use.  Internal to filesys/. */

#include <stdbool.h>
#include "devices/block.h"
#include "filesys/format.h"

bool free_map_create (const struct kfs_superblock *sb);
bool free_map_load (const struct kfs_superblock *sb);
void free_map_close (void);
bool free_map_allocate (block_sector_t *sector);
void free_map_release (block_sector_t sector);
bool free_map_commit (void);
bool free_map_is_data_sector (block_sector_t sector);

#endif /* filesys/free-map.h */
