#include "filesys/filesys.h"
#include <stdio.h>
#include "devices/block.h"
#include "devices/console.h"
#include "devices/shutdown.h"
#include "filesys/cache.h"
#include "filesys/directory.h"
#include "filesys/file.h"
#include "filesys/format.h"
#include "filesys/free-map.h"
#include "filesys/inode.h"
#include "filesys/layout.h"

static struct block *fs_device;
static bool mounted;
static bool flush_registered; /* filesys_done() runs at power-off. */
static void filesys_quiesce (void);
static filesys_remove_hook *remove_hook;

/* Writes an empty file system over the whole device (capped at the
   format's maximum size).  False, with a message, if it is too small. */
static bool
format_device (void)
{
  static struct kfs_superblock sb;
  uint32_t sectors = block_size (fs_device);
  struct cache_owner own = { 0, CACHE_METADATA };

  printf ("Formatting file system...");
  if (sectors > KFS_MAX_SECTORS)
    sectors = KFS_MAX_SECTORS;
  if (!kfs_superblock_init (&sb, sectors))
    {
      printf ("failed: %s is too small\n", block_name (fs_device));
      return false;
    }
  if (!cache_write (KFS_SUPERBLOCK_SECTOR, own, &sb, 0, KFS_SECTOR_SIZE)
      || !free_map_create (&sb))
    {
      printf ("failed: %s refused a write\n", block_name (fs_device));
      free_map_close ();
      return false;
    }
  if (!inode_create (KFS_ROOT_DIR_SECTOR, 0, true))
    {
      printf ("failed: cannot create the root directory\n");
      free_map_close ();
      return false;
    }
  free_map_close ();
  if (!cache_flush ())
    {
      printf ("failed: %s refused a write\n", block_name (fs_device));
      return false;
    }
  printf ("done.\n");
  return true;
}

/* Reads and checks the superblock, loads the free map and opens the root
   directory.  False, with a message, if the device does not hold a sane
   Kestrel file system. */
static bool
mount (void)
{
  static struct kfs_superblock sb;
  const char *problem;

  problem = cache_read (KFS_SUPERBLOCK_SECTOR, &sb, 0, KFS_SECTOR_SIZE)
                ? kfs_superblock_problem (&sb, block_size (fs_device))
                : "its superblock cannot be read";
  if (problem != NULL)
    {
      printf ("filesys: %s: %s\n", block_name (fs_device), problem);
      return false;
    }
  if (!free_map_load (&sb))
    return false;
  if (!dir_open_root ())
    {
      free_map_close ();
      return false;
    }
  return true;
}

/* Mounts the file system on the BLOCK_FILESYS device, formatting it first
   if FORMAT.  Call after the block devices are registered.  Returns false,
   with a message, if there is no such device or it does not hold a Kestrel
   file system; then no other filesys function may be called.  Calling it
   again remounts (host tests do); every file must be closed first, and what
   the cache held is flushed and forgotten. Makes filesys_done() run at
   power-off, before any statistics line. The cache's flusher thread may run
   once this returns. */
bool
filesys_init (bool format)
{
  if (mounted)
    {
      dir_close_root ();
      free_map_close ();
      filesys_done ();
      mounted = false;
    }
  if (!flush_registered)
    {
      shutdown_register_hook (SHUTDOWN_QUIESCE, filesys_quiesce);
      shutdown_register_hook (SHUTDOWN_FLUSH, filesys_done);
      flush_registered = true;
    }
  fs_device = block_get_role (BLOCK_FILESYS);
  if (fs_device == NULL)
    {
      printf ("filesys: no file system device\n");
      return false;
    }
  inode_init ();
  cache_init (fs_device, inode_write_back_report);
  if (format && !format_device ())
    return false;
  mounted = mount ();
  if (mounted)
    cache_enable_flusher (); /* filesys_quiesce() disables it again. */
  return mounted;
}

/* At power-off, before the page cache lets go of its files (whose write-backs
   would start a flusher thread still alive at the leak check): lets the cache
   start no more flushers, filesys_done() flushing what is left.  Nothing to do
   when filesys_init() failed. */
static void
filesys_quiesce (void)
{
  if (mounted)
    cache_disable_flusher ();
}

/* Writes what is not on the disk yet (the free map's changes, should a commit
   have failed, and every dirty sector of the cache) to it, and says on the
   diagnostic stream which sectors the disk still refuses: their bytes are lost.
   Call at power-off (a user's halt() included); safe to call more than once
   and when filesys_init failed.  Files may stay open. */
void
filesys_done (void)
{
  if (!mounted)
    return;
  free_map_commit ();
  if (!cache_flush ())
    cache_report_lost ();
}

/* True if NAME may name a file: 1 to 14 characters, no '/'. */
bool
filesys_name_valid (const char *name)
{
  return kfs_name_valid (name);
}

/* Creates a file called NAME of INITIAL_SIZE zero bytes.  False if NAME is
   invalid or taken, the size is negative or beyond the maximum file size,
   or the disk is full. */
bool
filesys_create (const char *name, off_t initial_size)
{
  block_sector_t sector, existing;
  bool ok = false;

  if (!mounted || !kfs_name_valid (name) || initial_size < 0
      || (uint32_t) initial_size > KFS_MAX_FILE_SIZE)
    return false;
  dir_lock ();
  if (!dir_lookup (name, &existing) && free_map_allocate (&sector))
    {
      if (!inode_create (sector, initial_size, false))
        free_map_release (sector);
      else if (dir_add (name, sector))
        ok = true;
      else
        {
          /* Directory full: undo through the normal delete path. */
          struct inode *inode = inode_open (sector);
          if (inode != NULL)
            inode_remove (inode);
          inode_close (inode);
        }
    }
  free_map_commit ();
  dir_unlock ();
  return ok;
}

/* Has HOOK called as each file is removed (see filesys.h). One hook. */
void
filesys_on_remove (filesys_remove_hook *hook)
{
  remove_hook = hook;
}

/* Opens the file called NAME.  Returns NULL if the name is invalid, there
   is no such file, its inode is damaged, or memory is short. */
struct file *
filesys_open (const char *name)
{
  block_sector_t sector;
  struct inode *inode = NULL;

  if (!mounted || !kfs_name_valid (name))
    return NULL;
  dir_lock ();
  if (dir_lookup (name, &sector))
    inode = inode_open (sector);
  dir_unlock ();
  if (inode != NULL && inode_is_dir (inode))
    {
      diag_printf ("filesys: '%s' names a directory inode\n", name);
      inode_close (inode);
      inode = NULL;
    }
  if (inode != NULL)
    inode_set_name (inode, name);
  return file_open (inode);
}

/* True if a file called NAME exists (whether or not it could be opened now). */
bool
filesys_exists (const char *name)
{
  block_sector_t sector;
  bool found;

  if (!mounted || !kfs_name_valid (name))
    return false;
  dir_lock ();
  found = dir_lookup (name, &sector);
  dir_unlock ();
  return found;
}

/* Deletes the file called NAME.  Files already open on it keep working;
   its storage is freed when the last one closes.  False if the name is
   invalid or there is no such file. */
bool
filesys_remove (const char *name)
{
  block_sector_t sector;
  struct inode *inode;
  bool ok = false;

  if (!mounted || !kfs_name_valid (name))
    return false;
  dir_lock ();
  if (dir_lookup (name, &sector))
    {
      inode = inode_open (sector);
      if (inode != NULL && !inode_is_dir (inode))
        {
          inode_remove (inode);
          if (remove_hook != NULL)
            remove_hook (inode);
        }
      ok = dir_remove_entry (name);
      inode_close (inode);
    }
  dir_unlock ();
  return ok;
}
