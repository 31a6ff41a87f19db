#ifndef FILESYS_INODE_H
#define FILESYS_INODE_H

/* In-memory inodes: one shared object per open on-disk inode. */

#include <stdbool.h>
#include "devices/block.h"
#include "filesys/cache.h"
#include "filesys/off_t.h"

struct inode;

void inode_init (void);
bool inode_create (block_sector_t sector, off_t length, bool is_dir);
struct inode *inode_open (block_sector_t sector);
struct inode *inode_reopen (struct inode *inode);
block_sector_t inode_get_inumber (const struct inode *inode);
bool inode_is_dir (const struct inode *inode);
void inode_close (struct inode *inode);
void inode_remove (struct inode *inode);
off_t inode_read_at (struct inode *inode, void *buffer, off_t size, off_t offset);
off_t inode_write_at (struct inode *inode, const void *buffer, off_t size,
                      off_t offset);
void inode_deny_write (struct inode *inode);
void inode_allow_write (struct inode *inode);
bool inode_writes_denied (struct inode *inode);
off_t inode_length (struct inode *inode);
void inode_set_name (struct inode *inode, const char *name);
void inode_write_back_report (struct cache_owner owner, block_sector_t sector,
                              enum cache_write_back what);
unsigned inode_write_errors (struct inode *inode);
bool inode_take_write_error (struct inode *inode, unsigned *seen);
void inode_read_ahead (struct inode *inode, off_t offset, off_t size, off_t *ahead);

#endif /* filesys/inode.h */
