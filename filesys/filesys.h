#ifndef FILESYS_FILESYS_H
#define FILESYS_FILESYS_H

/* The Kestrel file system: a flat root directory of files on the
   BLOCK_FILESYS device.  Thread-safe; callers pass kernel buffers only. */

#include <stdbool.h>
#include "filesys/off_t.h"

struct file;
struct inode;

bool filesys_init (bool format);
void filesys_done (void);
bool filesys_create (const char *name, off_t initial_size);
struct file *filesys_open (const char *name);
bool filesys_exists (const char *name);
bool filesys_remove (const char *name);

/* Called with a file's inode as it is removed (its last opener then frees it),
   so that a cache holding the file open for later (vm/'s page cache) can let it
   go; with the directory's lock held. */
typedef void filesys_remove_hook (struct inode *);
void filesys_on_remove (filesys_remove_hook *);
bool filesys_name_valid (const char *name);

#endif /* filesys/filesys.h */
