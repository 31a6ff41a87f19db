#include "filesys/file.h"
#include "filesys/inode.h"
#include "threads/malloc.h"

/* No lock here: a struct file is used by one thread at a time (its
   descriptor's process); the inode does the locking. */

struct file
{
  struct inode *inode;
  off_t position;       /* Next byte file_read/file_write use. */
  bool denies_write;    /* This file called inode_deny_write. */
  unsigned errors_seen; /* The inode's refused write-backs it has heard of. */
  off_t next_read;      /* Where the read after the last one would start. */
  off_t ahead;          /* The inode is read ahead up to here for this file. */
};

/* Returns a new open file at position 0 that takes over the caller's
   reference to INODE.  Returns NULL, closing INODE, if INODE is NULL or
   memory is short. */
struct file *
file_open (struct inode *inode)
{
  struct file *file;
  if (inode == NULL)
    return NULL;
  file = malloc (sizeof *file);
  if (file == NULL)
    {
      inode_close (inode);
      return NULL;
    }
  file->inode = inode;
  file->position = 0;
  file->denies_write = false;
  file->errors_seen = inode_write_errors (inode);
  file->next_read = file->ahead = 0;
  return file;
}

/* Returns a new open file on FILE's inode, at position 0, or NULL if
   memory is short. */
struct file *
file_reopen (struct file *file)
{
  return file_open (inode_reopen (file->inode));
}

/* Closes FILE (NULL is ignored), allowing writes again if it denied them.
   A removed file's storage goes away with its last close. */
void
file_close (struct file *file)
{
  if (file == NULL)
    return;
  file_allow_write (file);
  inode_close (file->inode);
  free (file);
}

/* Returns the inode FILE reads and writes. */
struct inode *
file_get_inode (struct file *file)
{
  return file->inode;
}

/* Reads up to SIZE bytes at the current position into kernel BUFFER and
   advances the position by the amount read, which is returned (less than
   SIZE at end of file or at a sector the disk cannot read; -1 if the disk could
   not read the first one). A read that starts where the last one ended has the
   file read ahead of it (inode_read_ahead). */
off_t
file_read (struct file *file, void *buffer, off_t size)
{
  off_t read;

  if (file->position == file->next_read)
    inode_read_ahead (file->inode, file->position, size, &file->ahead);
  else
    file->ahead = 0;
  read = inode_read_at (file->inode, buffer, size, file->position);
  if (read > 0)
    file->position += read;
  file->next_read = file->position;
  return read;
}

/* Reads up to SIZE bytes at OFFSET into kernel BUFFER; the position does
   not change, and nothing is read ahead.  Returns the bytes read. */
off_t
file_read_at (struct file *file, void *buffer, off_t size, off_t offset)
{
  return inode_read_at (file->inode, buffer, size, offset);
}

/* Writes SIZE bytes from kernel BUFFER at the current position, growing
   the file if needed, and advances the position by the amount written,
   which is returned (0 while writes are denied; short if the disk is full or
   refused a sector, -1 if it refused the first).  The bytes go to the cache;
   if the disk has refused a write-back of the file's sectors since FILE last
   heard of one (or was opened), nothing is written and -1 returned: each
   open file hears of such a refusal once, at its next write. */
off_t
file_write (struct file *file, const void *buffer, off_t size)
{
  off_t written;

  if (inode_take_write_error (file->inode, &file->errors_seen))
    return -1;
  written = inode_write_at (file->inode, buffer, size, file->position);
  if (written > 0)
    file->position += written;
  return written;
}

/* Writes SIZE bytes from kernel BUFFER at OFFSET; the position does not
   change.  Returns the bytes written, as file_write, but says nothing of
   earlier write-backs the disk refused (those bytes are still in the cache, to
   be tried again): a mapping's write-back must not take another write's refusal
   for its own. */
off_t
file_write_at (struct file *file, const void *buffer, off_t size, off_t offset)
{
  return inode_write_at (file->inode, buffer, size, offset);
}

/* Makes writes to FILE's inode, through any file, return 0 until FILE
   calls file_allow_write or is closed.  Used for running executables. */
void
file_deny_write (struct file *file)
{
  if (!file->denies_write)
    {
      file->denies_write = true;
      inode_deny_write (file->inode);
    }
}

/* Undoes FILE's file_deny_write, if any. */
void
file_allow_write (struct file *file)
{
  if (file->denies_write)
    {
      file->denies_write = false;
      inode_allow_write (file->inode);
    }
}

/* True if writes to FILE's inode are denied now, by any file. */
bool
file_writes_denied (struct file *file)
{
  return inode_writes_denied (file->inode);
}

/* Sets FILE's position to POSITION bytes from the start.  Past the end is
   fine (reads return 0; a write grows the file); a negative position makes
   reads and writes transfer nothing. */
void
file_seek (struct file *file, off_t position)
{
  file->position = position;
}

/* Returns FILE's position. */
off_t
file_tell (struct file *file)
{
  return file->position;
}

/* Returns the size of FILE's inode in bytes. */
off_t
file_length (struct file *file)
{
  return inode_length (file->inode);
}
