#include "filesys/directory.h"
#include <stdio.h>
#include <string.h>
#include "filesys/format.h"
#include "filesys/inode.h"
#include "threads/synch.h"

/* The root directory is an ordinary inode of kind KFS_KIND_DIR holding an
   array of struct kfs_dirent.  It stays open while the file system is
   mounted.  dir_lock is taken before any inode lock. */

static struct inode *root;
static struct lock directory_lock;

/* Opens the root directory of the mounted file system.  False, with a
   message, if its inode is missing or not a directory. */
bool
dir_open_root (void)
{
  lock_init (&directory_lock);
  root = inode_open (KFS_ROOT_DIR_SECTOR);
  if (root != NULL && inode_is_dir (root))
    return true;
  printf ("filesys: root directory inode is damaged\n");
  inode_close (root);
  root = NULL;
  return false;
}

/* Closes the root directory (before a remount). */
void
dir_close_root (void)
{
  inode_close (root);
  root = NULL;
}

/* Takes the directory lock. */
void
dir_lock (void)
{
  lock_acquire (&directory_lock);
}

/* Releases the directory lock. */
void
dir_unlock (void)
{
  lock_release (&directory_lock);
}

/* Finds the in-use entry called NAME (a valid name), storing it in *ENTRY
   and its byte offset in *OFFSET.  Entries with corrupt names never match
   a valid name because the comparison stops at the field's end. */
static bool
entry_find (const char *name, struct kfs_dirent *entry, off_t *offset)
{
  off_t pos;
  for (pos = 0; inode_read_at (root, entry, sizeof *entry, pos) == sizeof *entry;
       pos += sizeof *entry)
    if (entry->in_use && strncmp (entry->name, name, sizeof entry->name) == 0)
      {
        *offset = pos;
        return true;
      }
  return false;
}

/* Sets *INODE_SECTOR to the inode of the file called NAME.  False if there
   is no such file. */
bool
dir_lookup (const char *name, block_sector_t *inode_sector)
{
  struct kfs_dirent entry;
  off_t offset;
  if (!entry_find (name, &entry, &offset))
    return false;
  *inode_sector = entry.inode_sector;
  return true;
}

/* Adds an entry NAME -> INODE_SECTOR, reusing a free slot or growing the
   directory.  NAME must be valid and not present.  False if the disk is
   full. */
bool
dir_add (const char *name, block_sector_t inode_sector)
{
  struct kfs_dirent entry;
  off_t pos;

  for (pos = 0; inode_read_at (root, &entry, sizeof entry, pos) == sizeof entry;
       pos += sizeof entry)
    if (!entry.in_use)
      break;
  memset (&entry, 0, sizeof entry);
  entry.inode_sector = inode_sector;
  entry.in_use = 1;
  memcpy (entry.name, name, strlen (name)); /* Valid: fits. */
  return inode_write_at (root, &entry, sizeof entry, pos) == sizeof entry;
}

/* Marks the entry called NAME free.  False if there is none. */
bool
dir_remove_entry (const char *name)
{
  struct kfs_dirent entry;
  off_t offset;
  if (!entry_find (name, &entry, &offset))
    return false;
  entry.in_use = 0;
  return inode_write_at (root, &entry, sizeof entry, offset) == sizeof entry;
}

/* Puts in NAME (SIZE bytes) the name of the file whose inode is at
   INODE_SECTOR; false (NAME untouched) if no entry names it.  Takes the
   directory lock: the caller must hold no file-system lock. */
bool
dir_name_of (block_sector_t inode_sector, char *name, size_t size)
{
  struct kfs_dirent entry;
  bool found = false;
  off_t pos;

  dir_lock ();
  for (pos = 0;
       !found && inode_read_at (root, &entry, sizeof entry, pos) == sizeof entry;
       pos += sizeof entry)
    if (entry.in_use && entry.inode_sector == inode_sector)
      {
        snprintf (name, size, "%.*s", (int) sizeof entry.name, entry.name);
        found = true;
      }
  dir_unlock ();
  return found;
}
