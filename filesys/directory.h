#ifndef FILESYS_DIRECTORY_H
#define FILESYS_DIRECTORY_H

/* The flat root directory.  Internal to filesys/: the rest of the kernel
   goes through filesys.h. Every function except dir_open_root and dir_close_root,
   dir_lock/dir_unlock and dir_name_of (which takes it) requires the caller to
   hold the directory lock, so that a lookup and the change that depends on it
   are atomic. */

#include <stdbool.h>
#include <stddef.h>
#include "devices/block.h"

bool dir_open_root (void);
void dir_close_root (void);
void dir_lock (void);
void dir_unlock (void);
bool dir_lookup (const char *name, block_sector_t *inode_sector);
bool dir_add (const char *name, block_sector_t inode_sector);
bool dir_remove_entry (const char *name);
bool dir_name_of (block_sector_t inode_sector, char *name, size_t size);

#endif /* filesys/directory.h */
