#include "filesys/inode.h"
#include <debug.h>
#include <stdio.h>
#include <string.h>
#include "devices/console.h"
#include "filesys/cache.h"
#include "filesys/directory.h"
#include "filesys/format.h"
#include "filesys/free-map.h"
#include "filesys/layout.h"
#include "threads/malloc.h"
#include "threads/synch.h"

#define READ_RUN_MAX 64  /* Sectors one multi-sector read moves at most. */
#define READ_AHEAD 32    /* Sectors a sequential reader is kept ahead by. */
#define READ_SPAN_MAX 16 /* Most sectors one read inside sectors takes at once. */

/* Locking: open_inodes_lock guards the open-inode chain, every open_cnt,
   write_errors and name; each inode's own lock guards its disk copy (length and
   block pointers), removed and deny_write_cnt, and is held for a whole read or
   write.  Order: directory lock -> inode lock -> free-map lock -> the cache's
   locks -> open_inodes_lock, the innermost: it is never held while taking
   another lock or calling the cache (the cache's write-back report takes it).

   Every sector pointer read from disk is checked before it is followed,
   so a corrupt image makes calls fail with a message, never panic. A sector
   the disk cannot read (the driver says which, on the diagnostic stream) ends
   the call there: a read returns the bytes it moved before it, a create fails.
   Writes go to the write-back cache: a write-back the disk refuses later is
   reported (inode_write_back_report) and counted in the inode's write_errors,
   which its writers see (inode_take_write_error); one refused at once ends
   the call there, as a read. */

struct inode
{
  struct inode *next;          /* Next in open_inodes. */
  block_sector_t sector;       /* Where the on-disk inode lives. */
  int open_cnt;                /* Openers; guarded by open_inodes_lock. */
  struct lock lock;            /* Guards the members below. */
  bool removed;                /* Free everything on the last close. */
  int deny_write_cnt;          /* Writes fail while > 0. */
  struct kfs_inode disk;       /* Copy of the on-disk inode. */
  unsigned write_errors;       /* Write-backs of its sectors the disk refused. */
  char name[KFS_NAME_MAX + 1]; /* Its name, if opened by name ("" if not). */
};

static struct inode *open_inodes;
static struct lock open_inodes_lock;
static const uint8_t zeros[KFS_SECTOR_SIZE];

/* Where one sector pointer is stored: in the inode (FIELD) or in entry
   SLOT of index block BLOCK, an index block of the inode at OWNER. */
struct pointer_ref
{
  uint32_t *field;
  block_sector_t block;
  uint32_t slot;
  block_sector_t owner;
};

/* The cache's owner for the metadata (inode sector, index blocks) of the inode
   at INUMBER, and for its data sector at file byte OFFSET. */
static struct cache_owner
metadata_of (block_sector_t inumber)
{
  struct cache_owner owner = { inumber, CACHE_METADATA };
  return owner;
}

static struct cache_owner
data_of (block_sector_t inumber, uint32_t offset)
{
  struct cache_owner owner = { inumber, offset - offset % KFS_SECTOR_SIZE };
  return owner;
}

enum locate_result
{
  LOCATE_OK,      /* The pointer's home exists. */
  LOCATE_ABSENT,  /* An index block on the way is missing. */
  LOCATE_FAILED,  /* Corrupt pointer or disk full. */
  LOCATE_IO_ERROR /* The disk failed a read or write on the way. */
};

/* Initializes the open-inode table.  Call once before any other inode
   function. */
void
inode_init (void)
{
  open_inodes = NULL;
  lock_init (&open_inodes_lock);
}

/* True if SECTOR, read from disk as a pointer, may be followed. */
static bool
pointer_sane (block_sector_t sector)
{
  if (free_map_is_data_sector (sector))
    return true;
  diag_printf ("filesys: corrupt sector pointer %u\n", (unsigned) sector);
  return false;
}

/* Stores the pointer REF names in *VALUE; false if the disk could not read
   it. */
static bool
ref_get (const struct pointer_ref *ref, block_sector_t *value)
{
  if (ref->field != NULL)
    {
      *value = *ref->field;
      return true;
    }
  return cache_read_metadata (ref->block, value, ref->slot * sizeof *value,
                              sizeof *value);
}

/* Sets the pointer REF names to VALUE; false if the disk refused it. */
static bool
ref_set (const struct pointer_ref *ref, block_sector_t value)
{
  if (ref->field != NULL)
    {
      *ref->field = value;
      return true;
    }
  return cache_write (ref->block, metadata_of (ref->owner), &value,
                      ref->slot * sizeof value, sizeof value);
}

/* Sets *BLOCK to the index block HOLDER points at.  If there is none,
   returns LOCATE_ABSENT, or with CREATE allocates a zeroed one and points
   HOLDER at it. */
static enum locate_result
index_step (const struct pointer_ref *holder, bool create, block_sector_t *block)
{
  block_sector_t value;

  if (!ref_get (holder, &value))
    return LOCATE_IO_ERROR;
  if (value == 0)
    {
      if (!create)
        return LOCATE_ABSENT;
      if (!free_map_allocate (&value))
        return LOCATE_FAILED;
      if (!cache_zero (value, metadata_of (holder->owner))
          || !ref_set (holder, value))
        {
          free_map_release (value);
          return LOCATE_IO_ERROR;
        }
    }
  else if (!pointer_sane (value))
    return LOCATE_FAILED;
  *block = value;
  return LOCATE_OK;
}

/* Finds where D, the inode at INUMBER, keeps the pointer to data sector INDEX;
   with CREATE, allocates missing index blocks on the way (INUMBER owns them). */
static enum locate_result
pointer_locate (struct kfs_inode *d, block_sector_t inumber, uint32_t index,
                bool create, struct pointer_ref *ref)
{
  struct kfs_index_path path;
  struct pointer_ref holder = { NULL, 0, 0, inumber };
  enum locate_result result;

  if (!kfs_index_path_of (index, &path))
    return LOCATE_FAILED;
  ref->field = NULL;
  ref->owner = inumber;
  switch (path.level)
    {
    case KFS_LEVEL_DIRECT:
      ref->field = &d->direct[path.outer];
      return LOCATE_OK;
    case KFS_LEVEL_INDIRECT:
      holder.field = &d->indirect;
      ref->slot = path.outer;
      return index_step (&holder, create, &ref->block);
    case KFS_LEVEL_DOUBLE:
      holder.field = &d->double_indirect;
      result = index_step (&holder, create, &holder.block);
      if (result != LOCATE_OK)
        return result;
      holder.field = NULL;
      holder.slot = path.outer;
      ref->slot = path.inner;
      return index_step (&holder, create, &ref->block);
    }
  return LOCATE_FAILED;
}

/* Sets *DATA to D's data sector INDEX, 0 if none.  False if a pointer on
   the way is corrupt or could not be read. */
static bool
block_lookup (struct kfs_inode *d, uint32_t index, block_sector_t *data)
{
  struct pointer_ref ref;
  switch (pointer_locate (d, 0, index, false, &ref))
    {
    case LOCATE_ABSENT:
      *data = 0;
      return true;
    case LOCATE_OK:
      return ref_get (&ref, data) && (*data == 0 || pointer_sane (*data));
    default:
      return false;
    }
}

/* Clears the pointer REF names, which points at SECTOR, and releases SECTOR.
   If the disk refuses the clearing, SECTOR is left in use (a leak, said on the
   diagnostic stream) rather than freed while a pointer to it remains. */
static void
release_pointed (const struct pointer_ref *ref, block_sector_t sector)
{
  if (ref_set (ref, 0))
    free_map_release (sector);
  else
    diag_printf (
        "filesys: sector %u kept in use: its pointer could not be cleared\n",
        (unsigned) sector);
}

/* Releases index block BLOCK of the inode at INUMBER and its first-level
   children from slot FIRST on, clearing those slots when BLOCK itself
   survives. */
static void
index_release_children (block_sector_t block, block_sector_t inumber, uint32_t first)
{
  struct pointer_ref ref = { NULL, block, 0, inumber };
  for (ref.slot = first; ref.slot < KFS_PTRS_PER_SECTOR; ref.slot++)
    {
      block_sector_t child;
      if (ref_get (&ref, &child) && child != 0)
        release_pointed (&ref, child);
    }
}

/* Releases the index blocks of D, the inode at INUMBER, that no data sector
   below KEEP needs. */
static void
index_blocks_trim (struct kfs_inode *d, block_sector_t inumber, uint32_t keep)
{
  const uint32_t double_first = KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR;

  if (keep <= KFS_DIRECT_COUNT && d->indirect != 0)
    {
      free_map_release (d->indirect);
      d->indirect = 0;
    }
  if (d->double_indirect == 0 || !pointer_sane (d->double_indirect))
    return;
  if (keep <= double_first)
    {
      index_release_children (d->double_indirect, inumber, 0);
      free_map_release (d->double_indirect);
      d->double_indirect = 0;
    }
  else
    index_release_children (d->double_indirect, inumber,
                            (keep - double_first + KFS_PTRS_PER_SECTOR - 1)
                                / KFS_PTRS_PER_SECTOR);
}

/* Releases data sectors [KEEP, END) of D, the inode at INUMBER, and the index
   blocks only they needed, leaving D's pointers past KEEP zero. */
static void
blocks_shrink (struct kfs_inode *d, block_sector_t inumber, uint32_t keep,
               uint32_t end)
{
  uint32_t index;
  for (index = keep; index < end; index++)
    {
      struct pointer_ref ref;
      block_sector_t data;
      if (pointer_locate (d, inumber, index, false, &ref) == LOCATE_OK)
        {
          if (ref_get (&ref, &data) && data != 0)
            release_pointed (&ref, data);
        }
    }
  index_blocks_trim (d, inumber, keep);
  free_map_commit ();
}

/* Gives D, the inode at INUMBER, zeroed data sectors [OLD_SECTORS,
   NEW_SECTORS), the free map's change in the cache.  On failure (disk full,
   corrupt pointer, a disk error: then *IO_ERROR is set) undoes its work and
   returns false. */
static bool
blocks_grow (struct kfs_inode *d, block_sector_t inumber, uint32_t old_sectors,
             uint32_t new_sectors, bool *io_error)
{
  enum locate_result located = LOCATE_OK;
  uint32_t index;

  for (index = old_sectors; index < new_sectors; index++)
    {
      struct pointer_ref ref;
      block_sector_t data;
      located = pointer_locate (d, inumber, index, true, &ref);
      if (located != LOCATE_OK || !free_map_allocate (&data))
        break;
      if (!cache_zero (data, data_of (inumber, index * KFS_SECTOR_SIZE))
          || !ref_set (&ref, data))
        {
          free_map_release (data);
          located = LOCATE_IO_ERROR;
          break;
        }
    }
  if (index == new_sectors && free_map_commit ())
    return true;
  *io_error = index == new_sectors || located == LOCATE_IO_ERROR;
  blocks_shrink (d, inumber, old_sectors, index);
  return false;
}

/* Writes a new inode of LENGTH zero bytes at SECTOR (already allocated by
   the caller), a directory if IS_DIR.  Returns false, having released any
   data sectors it took, if LENGTH is out of range, the disk is full or
   refused a write. */
bool
inode_create (block_sector_t sector, off_t length, bool is_dir)
{
  struct kfs_inode *d;
  bool ok, io_error = false;

  if (length < 0 || (uint32_t) length > KFS_MAX_FILE_SIZE)
    return false;
  d = calloc (1, sizeof *d);
  if (d == NULL)
    return false;
  d->magic = KFS_INODE_MAGIC;
  d->kind = is_dir ? KFS_KIND_DIR : KFS_KIND_FILE;
  ok = blocks_grow (d, sector, 0, kfs_sectors_for_bytes (length), &io_error);
  if (ok)
    {
      d->length = length;
      ok = cache_write (sector, metadata_of (sector), d, 0, KFS_SECTOR_SIZE);
      if (!ok)
        blocks_shrink (d, sector, 0, kfs_sectors_for_bytes (length));
    }
  free (d);
  return ok;
}

/* The open inode at SECTOR, or NULL.  Caller holds open_inodes_lock. */
static struct inode *
open_inode_locate (block_sector_t sector)
{
  struct inode *inode;

  for (inode = open_inodes; inode != NULL; inode = inode->next)
    if (inode->sector == sector)
      return inode;
  return NULL;
}

/* The open inode at SECTOR with one more opener, or NULL if it is not open. */
static struct inode *
open_inode_find (block_sector_t sector)
{
  struct inode *inode;

  lock_acquire (&open_inodes_lock);
  inode = open_inode_locate (sector);
  if (inode != NULL)
    inode->open_cnt++;
  lock_release (&open_inodes_lock);
  return inode;
}

/* Returns the shared in-memory inode for the inode at SECTOR, opening it
   if needed.  Returns NULL if out of memory or if SECTOR does not hold a
   sane inode (reported). */
struct inode *
inode_open (block_sector_t sector)
{
  struct inode *inode, *fresh;
  const char *problem;

  if (sector != KFS_ROOT_DIR_SECTOR && !pointer_sane (sector))
    return NULL;
  inode = open_inode_find (sector);
  if (inode != NULL)
    return inode;
  /* Read it without open_inodes_lock (the cache comes first in the order),
     then look again: another opener may have been quicker. */
  fresh = malloc (sizeof *fresh);
  if (fresh == NULL)
    return NULL;
  problem = cache_read_metadata (sector, &fresh->disk, 0, KFS_SECTOR_SIZE)
                ? kfs_inode_problem (&fresh->disk)
                : "cannot be read";
  if (problem != NULL)
    {
      diag_printf ("filesys: inode %u: %s\n", (unsigned) sector, problem);
      free (fresh);
      return NULL;
    }
  fresh->sector = sector;
  fresh->open_cnt = 1;
  lock_init (&fresh->lock);
  fresh->removed = false;
  fresh->deny_write_cnt = 0;
  fresh->write_errors = 0;
  fresh->name[0] = '\0';
  lock_acquire (&open_inodes_lock);
  inode = open_inode_locate (sector);
  if (inode != NULL)
    inode->open_cnt++;
  else
    {
      fresh->next = open_inodes;
      open_inodes = fresh;
    }
  lock_release (&open_inodes_lock);
  if (inode == NULL)
    return fresh;
  free (fresh);
  return inode;
}

/* Adds an opener to INODE and returns it.  INODE may be NULL. */
struct inode *
inode_reopen (struct inode *inode)
{
  if (inode != NULL)
    {
      lock_acquire (&open_inodes_lock);
      inode->open_cnt++;
      lock_release (&open_inodes_lock);
    }
  return inode;
}

/* Returns the sector of INODE's on-disk inode: its unique number. */
block_sector_t
inode_get_inumber (const struct inode *inode)
{
  return inode->sector;
}

/* True if INODE is a directory.  The kind never changes, so no lock. */
bool
inode_is_dir (const struct inode *inode)
{
  return inode->disk.kind == KFS_KIND_DIR;
}

/* Drops one opener of INODE (NULL is ignored).  The last close frees the
   in-memory inode and, if it was removed, its sectors and inode sector. */
void
inode_close (struct inode *inode)
{
  struct inode **link;
  bool last;

  if (inode == NULL)
    return;
  lock_acquire (&open_inodes_lock);
  last = --inode->open_cnt == 0;
  if (last)
    for (link = &open_inodes; *link != NULL; link = &(*link)->next)
      if (*link == inode)
        {
          *link = inode->next;
          break;
        }
  lock_release (&open_inodes_lock);
  if (!last)
    return;
  if (inode->removed)
    {
      blocks_shrink (&inode->disk, inode->sector, 0,
                     kfs_sectors_for_bytes (inode->disk.length));
      free_map_release (inode->sector);
      free_map_commit ();
    }
  free (inode);
}

/* Marks INODE to be deleted when its last opener closes it.  The caller
   removes the directory entry, so no one can open it again. */
void
inode_remove (struct inode *inode)
{
  lock_acquire (&inode->lock);
  inode->removed = true;
  lock_release (&inode->lock);
}

/* Reads into BUFFER the whole sectors of INODE from byte OFFSET (sector-aligned)
   on, at most MAX_SECTORS of them, as far as they lie within the file and one
   after another on the disk: FIRST, the one OFFSET is in, and the sectors that
   follow it. Returns the bytes read: up to the first sector the disk could not
   read, if one failed (then *FAILED is set). Caller holds INODE's lock. */
static uint32_t
read_run (struct inode *inode, block_sector_t first, uint8_t *buffer, off_t offset,
          uint32_t max_sectors, bool *failed)
{
  uint32_t count = 1, i;
  block_sector_t next;

  while (count < max_sectors && count < READ_RUN_MAX
         && offset + (count + 1) * KFS_SECTOR_SIZE <= inode->disk.length
         && block_lookup (&inode->disk, offset / KFS_SECTOR_SIZE + count, &next)
         && next == first + count)
    count++;
  if (cache_read_run (first, count, buffer))
    return count * KFS_SECTOR_SIZE;
  /* One of them cannot be read: the ones before it can. */
  for (i = 0; i < count; i++)
    if (!cache_read (first + i, buffer + i * KFS_SECTOR_SIZE, 0, KFS_SECTOR_SIZE))
      break;
  *failed = true;
  return i * KFS_SECTOR_SIZE;
}

/* True if INODE is the directory (the root, the only one): its entries are
   looked up at every open, so its sectors are read as metadata, through the
   cache (cache_read_metadata), never around it. */
static bool
is_directory (const struct inode *inode)
{
  return inode->sector == KFS_ROOT_DIR_SECTOR;
}

/* Reads SIZE bytes of INODE at OFFSET (within the file) into BUFFER in one disk
   command if the read starts or ends inside a sector, spans up to READ_SPAN_MAX
   sectors that follow one another on the disk, and the cache holds none of
   them (cache_read_span): otherwise its sectors read in part would each cost a
   command of their own.  Returns the bytes read: SIZE, or 0 if it did nothing.
   Caller holds INODE's lock. */
static off_t
read_span (struct inode *inode, uint8_t *buffer, off_t offset, off_t size)
{
  uint32_t index = offset / KFS_SECTOR_SIZE, count = 1, sectors;
  block_sector_t first, next;

  if ((offset % KFS_SECTOR_SIZE == 0 && size % KFS_SECTOR_SIZE == 0)
      || (uint32_t) offset + size > inode->disk.length)
    return 0;
  sectors = kfs_sectors_for_bytes ((uint32_t) offset + size) - index;
  if (sectors < 2 || sectors > READ_SPAN_MAX
      || !block_lookup (&inode->disk, index, &first) || first == 0)
    return 0;
  while (count < sectors && block_lookup (&inode->disk, index + count, &next)
         && next == first + count)
    count++;
  if (count < sectors
      || !cache_read_span (first, count, offset % KFS_SECTOR_SIZE, buffer, size))
    return 0;
  return size;
}

/* Reads up to SIZE bytes of INODE from byte OFFSET into BUFFER (a kernel
   buffer: no fault may happen while the inode lock is held).  Returns the
   bytes read: fewer than SIZE at end of file, on a corrupt pointer or at a
   sector the disk could not read, 0 if OFFSET is negative; -1 if the disk
   could not read the first sector the read needed (an I/O error, not the end of
   the file). */
off_t
inode_read_at (struct inode *inode, void *buffer_, off_t size, off_t offset)
{
  uint8_t *buffer = buffer_;
  off_t done = 0;
  bool failed = false;

  lock_acquire (&inode->lock);
  if (size > 0 && offset >= 0 && !is_directory (inode))
    done = read_span (inode, buffer, offset, size);
  while (size > done && offset >= 0 && (uint32_t) offset < inode->disk.length)
    {
      uint32_t sector_ofs = offset % KFS_SECTOR_SIZE;
      uint32_t chunk = KFS_SECTOR_SIZE - sector_ofs;
      block_sector_t data;

      if (chunk > (uint32_t) (size - done))
        chunk = size - done;
      if (chunk > inode->disk.length - offset)
        chunk = inode->disk.length - offset;
      if (!block_lookup (&inode->disk, offset / KFS_SECTOR_SIZE, &data) || data == 0)
        break;
      if (chunk == KFS_SECTOR_SIZE)
        chunk = read_run (inode, data, buffer + done, offset,
                          (size - done) / KFS_SECTOR_SIZE, &failed);
      else if (!(is_directory (inode) ? cache_read_metadata : cache_read) (
                   data, buffer + done, sector_ofs, chunk))
        {
          chunk = 0;
          failed = true;
        }
      done += chunk; /* A failed run's sectors before the bad one count. */
      offset += chunk;
      if (failed)
        break;
    }
  lock_release (&inode->lock);
  return done == 0 && failed ? -1 : done;
}

/* Undoes a failed inode_extend from OLD_LENGTH to NEW_LENGTH: INODE is
   OLD_LENGTH bytes long again and gives back the sectors it grew by. Returns
   false. */
static bool
extend_undo (struct inode *inode, uint32_t old_length, uint32_t new_length)
{
  struct kfs_inode *d = &inode->disk;

  d->length = old_length;
  blocks_shrink (d, inode->sector, kfs_sectors_for_bytes (old_length),
                 kfs_sectors_for_bytes (new_length));
  return false;
}

/* Makes INODE NEW_LENGTH bytes long, zero-filling the gap, and stores the
   inode.  False (nothing changed) if the disk is full, corrupt or failed a
   read or write (then *IO_ERROR is set).  Caller holds INODE's lock. */
static bool
inode_extend (struct inode *inode, uint32_t new_length, bool *io_error)
{
  struct kfs_inode *d = &inode->disk;
  uint32_t tail = d->length % KFS_SECTOR_SIZE;
  uint32_t old_length;
  block_sector_t last;

  if (!blocks_grow (d, inode->sector, kfs_sectors_for_bytes (d->length),
                    kfs_sectors_for_bytes (new_length), io_error))
    return false;
  /* Bytes past the old end in its last sector must read back as zeros. */
  if (tail != 0 && block_lookup (d, d->length / KFS_SECTOR_SIZE, &last) && last != 0
      && !cache_write (last, data_of (inode->sector, d->length), zeros, tail,
                       KFS_SECTOR_SIZE - tail))
    {
      *io_error = true;
      return extend_undo (inode, d->length, new_length);
    }
  old_length = d->length;
  d->length = new_length;
  if (!cache_write (inode->sector, metadata_of (inode->sector), d, 0,
                    KFS_SECTOR_SIZE))
    {
      *io_error = true;
      return extend_undo (inode, old_length, new_length);
    }
  return true;
}

/* Writes SIZE bytes from BUFFER (a kernel buffer) into INODE at OFFSET,
   growing the file, zero-filled, when writing past its end.  Returns the
   bytes written: 0 while writes are denied or if OFFSET is negative; fewer
   than SIZE at the maximum file size, when the disk is full (then only
   the existing part is written), on a corrupt pointer or at a sector the
   disk refused (the bytes before it are written; the file keeps the length
   it grew to, the rest of the growth reading as zeros); -1 if the disk refused
   the first sector the write needed. */
off_t
inode_write_at (struct inode *inode, const void *buffer_, off_t size, off_t offset)
{
  const uint8_t *buffer = buffer_;
  uint32_t end;
  off_t done = 0;
  bool failed = false;

  if (size <= 0 || offset < 0 || (uint32_t) offset >= KFS_MAX_FILE_SIZE)
    return 0;
  end = (uint32_t) size > KFS_MAX_FILE_SIZE - offset ? KFS_MAX_FILE_SIZE
                                                     : (uint32_t) offset + size;
  lock_acquire (&inode->lock);
  if (inode->deny_write_cnt > 0)
    end = offset;
  else if (end > inode->disk.length && !inode_extend (inode, end, &failed))
    end = inode->disk.length;
  while ((uint32_t) offset < end)
    {
      uint32_t sector_ofs = offset % KFS_SECTOR_SIZE;
      uint32_t chunk = KFS_SECTOR_SIZE - sector_ofs;
      block_sector_t data;

      if (chunk > end - offset)
        chunk = end - offset;
      if (!block_lookup (&inode->disk, offset / KFS_SECTOR_SIZE, &data) || data == 0)
        break;
      if (!cache_write (data, data_of (inode->sector, offset), buffer + done,
                        sector_ofs, chunk))
        {
          failed = true;
          break;
        }
      done += chunk;
      offset += chunk;
    }
  lock_release (&inode->lock);
  return done == 0 && failed ? -1 : done;
}

/* Makes writes to INODE fail until a matching inode_allow_write.  Calls
   nest: each opener that denies must allow once. */
void
inode_deny_write (struct inode *inode)
{
  lock_acquire (&inode->lock);
  inode->deny_write_cnt++;
  lock_release (&inode->lock);
}

/* Undoes one inode_deny_write on INODE. */
void
inode_allow_write (struct inode *inode)
{
  lock_acquire (&inode->lock);
  ASSERT (inode->deny_write_cnt > 0);
  inode->deny_write_cnt--;
  lock_release (&inode->lock);
}

/* True if writes to INODE are denied now (a running executable's). */
bool
inode_writes_denied (struct inode *inode)
{
  bool denied;

  lock_acquire (&inode->lock);
  denied = inode->deny_write_cnt > 0;
  lock_release (&inode->lock);
  return denied;
}

/* Returns INODE's length in bytes. */
off_t
inode_length (struct inode *inode)
{
  off_t length;
  lock_acquire (&inode->lock);
  length = inode->disk.length;
  lock_release (&inode->lock);
  return length;
}

/* Gives INODE the name NAME (what its reports call it), as it is opened by
   that name. */
void
inode_set_name (struct inode *inode, const char *name)
{
  lock_acquire (&open_inodes_lock);
  snprintf (inode->name, sizeof inode->name, "%s", name);
  lock_release (&open_inodes_lock);
}

/* Puts in BUF (SIZE bytes) what the bytes of OWNER in SECTOR are, for a report:
   "NAME+0xOFFSET", "the inode of NAME", "an index block of NAME", "the free
   map"...; NAME is the file's name if it is open under one (given in NAME, ""
   if not), else "inode N". */
static void
describe_owner (struct cache_owner owner, block_sector_t sector, const char *name,
                char *buf, size_t size)
{
  char file[KFS_NAME_MAX + 16];

  if (owner.inode == 0)
    {
      snprintf (buf, size, "%s",
                sector == KFS_SUPERBLOCK_SECTOR ? "the superblock" : "the free map");
      return;
    }
  if (owner.inode == KFS_ROOT_DIR_SECTOR)
    snprintf (file, sizeof file, "%s", "the root directory");
  else if (*name != '\0')
    snprintf (file, sizeof file, "%s", name);
  else
    snprintf (file, sizeof file, "inode %u", (unsigned) owner.inode);
  if (owner.offset != CACHE_METADATA)
    snprintf (buf, size, "%s+0x%x", file, (unsigned) owner.offset);
  else
    snprintf (buf, size, "%s of %s",
              sector == owner.inode ? "the inode" : "an index block", file);
}

/* Says on the diagnostic stream what became of the write-back of SECTOR, which
   holds OWNER's bytes (WHAT), naming the file (by the name it is open under, or,
   for a loss, which comes with no lock held, by its directory entry); a refusal
   counts against its inode if it is open, so that the inode's writers hear of
   it (inode_take_write_error).  The cache's report (cache_init). */
void
inode_write_back_report (struct cache_owner owner, block_sector_t sector,
                         enum cache_write_back what)
{
  static const char *const verdicts[] = {
    [CACHE_WB_REFUSED] = "could not be written back: kept, to be tried again",
    [CACHE_WB_WRITTEN] = "was written back after all",
    [CACHE_WB_LOST] = "was lost: the disk refused it to the end",
  };
  char name[KFS_NAME_MAX + 1] = "", what_bytes[2 * KFS_NAME_MAX + 32];
  struct inode *inode = NULL;

  lock_acquire (&open_inodes_lock);
  if (owner.inode != 0)
    inode = open_inode_locate (owner.inode);
  if (inode != NULL)
    {
      snprintf (name, sizeof name, "%s", inode->name);
      if (what == CACHE_WB_REFUSED)
        inode->write_errors++;
    }
  lock_release (&open_inodes_lock);
  if (inode == NULL && what == CACHE_WB_LOST && owner.inode != 0)
    dir_name_of (owner.inode, name, sizeof name);
  describe_owner (owner, sector, name, what_bytes, sizeof what_bytes);
  diag_printf ("filesys: sector %u (%s) %s\n", (unsigned) sector, what_bytes,
               verdicts[what]);
}

/* How many write-backs of INODE's sectors the disk has refused while it was
   open. */
unsigned
inode_write_errors (struct inode *inode)
{
  unsigned errors;

  lock_acquire (&open_inodes_lock);
  errors = inode->write_errors;
  lock_release (&open_inodes_lock);
  return errors;
}

/* True if the disk has refused a write-back of INODE's sectors since *SEEN was
   inode_write_errors (INODE), which it becomes: an opener (its own *SEEN) hears
   of refusals once.  Waits for INODE's write-backs on their way to the disk
   first, so that none of them is missed. */
bool
inode_take_write_error (struct inode *inode, unsigned *seen)
{
  unsigned errors;

  cache_wait_write_backs (inode->sector);
  errors = inode_write_errors (inode);
  if (errors == *seen)
    return false;
  *seen = errors;
  return true;
}

/* For a reader going through INODE in order, about to read SIZE bytes at
   OFFSET, which has had it read ahead up to byte *AHEAD: once the read comes
   within READ_AHEAD / 2 sectors of that, brings the READ_AHEAD sectors after
   it (or from OFFSET's, if that is further; from the read's end, if the read
   spans more than READ_AHEAD sectors itself, since it reads them in runs of its
   own) into the cache, a command for each run of them that follow one another
   on the disk (cache_prefetch, which gives up rather than wait), and moves
   *AHEAD past them. */
void
inode_read_ahead (struct inode *inode, off_t offset, off_t size, off_t *ahead)
{
  struct
  {
    block_sector_t first;
    uint32_t count;
  } runs[READ_AHEAD];
  uint32_t from, to, index, end, runs_used = 0, i;

  if (offset < 0 || size <= 0 || *ahead < 0)
    return;
  end = kfs_sectors_for_bytes ((uint32_t) offset + size);
  from = *ahead / KFS_SECTOR_SIZE;
  if (end + READ_AHEAD / 2 <= from)
    return;
  if (from < offset / KFS_SECTOR_SIZE)
    from = offset / KFS_SECTOR_SIZE;
  if (end - offset / KFS_SECTOR_SIZE > READ_AHEAD && from < end)
    from = end;
  to = from + READ_AHEAD;
  lock_acquire (&inode->lock);
  if (to > kfs_sectors_for_bytes (inode->disk.length))
    to = kfs_sectors_for_bytes (inode->disk.length);
  for (index = from; index < to; index++)
    {
      block_sector_t data;
      if (!block_lookup (&inode->disk, index, &data) || data == 0)
        break;
      if (runs_used > 0
          && runs[runs_used - 1].first + runs[runs_used - 1].count == data)
        runs[runs_used - 1].count++;
      else
        {
          runs[runs_used].first = data;
          runs[runs_used++].count = 1;
        }
    }
  lock_release (&inode->lock);
  for (i = 0; i < runs_used; i++)
    cache_prefetch (runs[i].first, runs[i].count);
  *ahead = (off_t) to * KFS_SECTOR_SIZE;
}
