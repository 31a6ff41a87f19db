#ifndef FILESYS_FILESYS_H
#define FILESYS_FILESYS_H

/* The Kestrel file system: a flat root directory of files on the
   BLOCK_FILESYS device.  Thread-safe; callers pass kernel buffers only. */

#include <stdbool.h>
#include "filesys/off_t.h"

struct file;

bool filesys_init (bool format);
void filesys_done (void);
bool filesys_create (const char *name, off_t initial_size);
struct file *filesys_open (const char *name);
bool filesys_exists (const char *name);
bool filesys_remove (const char *name);
bool filesys_name_valid (const char *name);

#endif /* filesys/filesys.h */
