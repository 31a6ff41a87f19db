/* File objects: one per file that some region maps, holding the file's cached
   pages (one frame each, shared by every mapper, found through the page cache's
   index in the frame table) and the list of regions that map the file, the
   reverse map the evictor walks to unmap a frame everywhere.

   Locks: objects_lock guards the list of objects and each object's `users'
   (reads, writes and detaches under way, which keep it from being freed);
   each object's lock guards its pages, its mappers and the PTEs that map its
   frames (PTE_FILE); its io_lock makes a write() of the file and any write-back
   of its pages exclusive, so that a mapper's stale page can never land in the
   middle of a write (vm_file_io_begin(): write() takes it for each page-sized
   chunk, whose user page it has pinned first). Order: an address space's lock,
   then io_lock, then objects_lock, then the object's lock; so nothing that holds
   io_lock may pin a user page or fault one in. The evictor, which holds the
   frame table's lock, only ever tries an object's locks; a file page it takes
   keeps them until its eviction is finished, which the frame table does
   before it finishes any anonymous page (that waits for a family's lock). */

#include "vm/file-object.h"
#include <debug.h>
#include <list.h>
#include <string.h>
#include "devices/console.h"
#include "devices/shutdown.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/malloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/frame.h"
#include "vm/object.h"
#include "vm/pagedir.h"
#include "vm/region.h"
#include "vm/stats.h"

struct file_object
{
  struct vm_object object; /* Its operations for the frame table. */
  struct list_elem elem;   /* In `objects'. */
  struct inode *inode;     /* The file, whoever opened it. */
  struct file *file;       /* Our own open file, for reads and write-backs. */
  struct lock lock;
  struct lock io_lock; /* Held across a write() and by every write-back. */
  struct list mappers; /* Regions mapping the file (region.object_elem). */
  int users;           /* Reads, writes, detaches under way; objects_lock. */
  bool attached;       /* Some region maps it; under objects_lock. Once none
                          does, the object stays, with its cached pages, for
                          the file's next mapper (a program run again) until
                          the clock has taken every page or the file goes. */
  bool removed;        /* The file was removed while mapped: keep nothing. */
  char name[FILE_NAME_MAX + 1];
};

static const struct vm_object_ops file_object_ops;
static struct list objects;
static struct lock objects_lock;

static void forget_removed (struct inode *);
static void release_all (void);
static void drop_all (struct file_object *);

/* Sets up the list of objects. Call once, before the first region is made. */
void
file_object_init (void)
{
  list_init (&objects);
  lock_init (&objects_lock);
  filesys_on_remove (forget_removed);
  shutdown_register_hook (SHUTDOWN_RELEASE, release_all);
}

/* The object of the file that INODE is, or NULL. The caller holds objects_lock. */
static struct file_object *
find_object (struct inode *inode)
{
  struct list_elem *e;

  for (e = list_begin (&objects); e != list_end (&objects); e = list_next (e))
    if (list_entry (e, struct file_object, elem)->inode == inode)
      return list_entry (e, struct file_object, elem);
  return NULL;
}

/* True if a shared mapping (mmap) is among OBJ's mappers. The caller holds
   objects_lock. */
static bool
has_shared_mapper (struct file_object *obj)
{
  struct list_elem *e;

  for (e = list_begin (&obj->mappers); e != list_end (&obj->mappers);
       e = list_next (e))
    if (list_entry (e, struct region, object_elem)->shared)
      return true;
  return false;
}

/* A new object for FILE (named NAME), on the list of objects, or NULL if memory
   is short. The caller holds objects_lock. */
static struct file_object *
create_object (struct file *file, const char *name)
{
  struct file_object *obj = malloc (sizeof *obj);

  if (obj == NULL)
    return NULL;
  obj->file = file_reopen (file);
  if (obj->file == NULL)
    {
      free (obj);
      return NULL;
    }
  obj->object.ops = &file_object_ops;
  obj->inode = file_get_inode (file);
  lock_init (&obj->lock);
  lock_init (&obj->io_lock);
  list_init (&obj->mappers);
  obj->users = 0;
  obj->attached = true;
  obj->removed = false;
  strlcpy (obj->name, name, sizeof obj->name);
  list_push_back (&objects, &obj->elem);
  return obj;
}

/* True if OBJ can go: nothing maps it, no read or write is using it, and the
   page cache holds none of its pages. The caller holds objects_lock. */
static bool
unused (struct file_object *obj)
{
  bool empty;

  if (obj->attached || obj->users != 0)
    return false;
  lock_acquire (&obj->lock);
  empty = frame_cache_next_of (&obj->object, NULL) == NULL;
  lock_release (&obj->lock);
  return empty;
}

/* Frees OBJ, which is unused or about to be (its pages dropped), taking it off
   the list of objects. The caller holds objects_lock. */
static void
free_object (struct file_object *obj)
{
  list_remove (&obj->elem);
  file_close (obj->file);
  free (obj);
}

/* Frees every object that is unused: one whose file no region maps any more
   and whose last cached page the clock took. The caller holds objects_lock. */
static void
sweep (void)
{
  struct list_elem *e = list_begin (&objects);

  while (e != list_end (&objects))
    {
      struct file_object *obj = list_entry (e, struct file_object, elem);
      e = list_next (e);
      if (unused (obj))
        free_object (obj);
    }
}

/* Drops the cached pages of OBJ, which nothing maps or uses, and frees it. The
   caller holds objects_lock. */
static void
drop_object (struct file_object *obj)
{
  lock_acquire (&obj->lock);
  drop_all (obj);
  lock_release (&obj->lock);
  free_object (obj);
}

/* filesys_remove()'s hook: a removed file's pages stay cached no longer than its
   mappings, so that its sectors can go with its last opener. */
static void
forget_removed (struct inode *inode)
{
  struct file_object *obj;

  lock_acquire (&objects_lock);
  obj = find_object (inode);
  if (obj != NULL && !obj->attached && obj->users == 0)
    drop_object (obj);
  else if (obj != NULL)
    obj->removed = true; /* Dropped at its last detach. */
  lock_release (&objects_lock);
}

/* At power-off, before the file system's flush: lets go of every object that
   no mapping holds (their pages, and their open files). */
static void
release_all (void)
{
  struct list_elem *e;

  lock_acquire (&objects_lock);
  e = list_begin (&objects);
  while (e != list_end (&objects))
    {
      struct file_object *obj = list_entry (e, struct file_object, elem);
      e = list_next (e);
      if (!obj->attached && obj->users == 0)
        drop_object (obj);
    }
  lock_release (&objects_lock);
}

/* Attaches region R, which is backed by FILE (its name in R's backing), to
   FILE's object, making the object if R is the first region to map FILE, and
   sets R's backing object. Returns the object, or NULL with the reason in *WHY:
   memory is short, or R is a shared (writable) mapping of a running executable,
   or R is part of a program whose file a shared mapping could write (both would
   let a store change running code). A program marks its file write-denied before
   it attaches, and a mapping checks that under the same lock it attaches under,
   so either order is caught. The caller holds R's address space's lock. */
struct file_object *
file_object_attach (struct region *r, struct file *file, const char **why)
{
  struct file_object *obj;

  lock_acquire (&objects_lock);
  sweep ();
  obj = find_object (file_get_inode (file));
  if (r->shared && file_writes_denied (file))
    *why = "the file is a running program";
  else if (obj != NULL && !r->shared && has_shared_mapper (obj))
    *why = "the file is mapped shared by a process";
  else
    {
      *why = "out of memory";
      if (obj == NULL)
        obj = create_object (file, r->backing.name);
      if (obj != NULL)
        {
          obj->attached = true; /* It may have been kept from an earlier run. */
          lock_acquire (&obj->lock);
          list_push_back (&obj->mappers, &r->object_elem);
          r->backing.file = obj;
          lock_release (&obj->lock);
        }
      lock_release (&objects_lock);
      return obj;
    }
  lock_release (&objects_lock);
  return NULL;
}

/* Attaches COPY, a fork's copy of region ORIGINAL, to ORIGINAL's file object as
   one more mapper. The caller holds both address spaces' lock. */
void
file_object_add_mapper (struct region *original, struct region *copy)
{
  struct file_object *obj = original->backing.file;

  ASSERT (obj != NULL && copy->backing.file == obj);
  lock_acquire (&obj->lock);
  list_push_back (&obj->mappers, &copy->object_elem);
  lock_release (&obj->lock);
}

/* Bytes of OBJ's file that page INDEX holds: up to PGSIZE, fewer at its end. */
static size_t
page_bytes (struct file_object *obj, uint32_t index)
{
  off_t length = file_length (obj->file);
  off_t offset = (off_t) index * PGSIZE;

  if (length <= offset)
    return 0;
  return length - offset < PGSIZE ? (size_t) (length - offset) : PGSIZE;
}

/* Reads page INDEX of OBJ's file into KPAGE, zeros past the file's end. */
static bool
read_page (struct file_object *obj, uint32_t index, void *kpage)
{
  size_t bytes = page_bytes (obj, index);

  if (file_read_at (obj->file, kpage, bytes, (off_t) index * PGSIZE)
      != (off_t) bytes)
    return false;
  memset ((uint8_t *) kpage + bytes, 0, PGSIZE - bytes);
  return true;
}

/* Writes cached frame KPAGE, page INDEX of OBJ, back to the file (only the bytes
   within the file's length) and marks it clean. Returns false, the page staying
   dirty, if the file took fewer bytes (the disk refused a sector: said on the
   diagnostic stream). The caller holds OBJ's lock and its io_lock. */
static bool
write_back (struct file_object *obj, void *kpage, uint32_t index)
{
  size_t bytes = page_bytes (obj, index);

  ASSERT (lock_held_by_current_thread (&obj->io_lock));
  if (bytes != 0
      && file_write_at (obj->file, kpage, bytes, (off_t) index * PGSIZE)
             != (off_t) bytes)
    {
      diag_printf ("mmap: %s+0x%x could not be written back\n", obj->name,
                   (unsigned) index * PGSIZE);
      return false;
    }
  frame_set_dirty (kpage, false);
  return true;
}

/* The user page at which region R maps page INDEX of its file, or NULL if R does
   not map that page as the object's (not wholly file bytes, or out of range). */
static uint8_t *
mapper_page (const struct region *r, uint32_t index)
{
  off_t offset = (off_t) index * PGSIZE;
  off_t first = r->backing.offset;
  uint8_t *upage;

  if (offset < first || offset - first >= r->end - r->start)
    return NULL;
  upage = r->start + (offset - first);
  return region_page_is_whole_file_page (r, upage) ? upage : NULL;
}

/* Looks at every PTE through which page INDEX's frame KPAGE is mapped: ORs their
   accessed and dirty bits into *ACCESSED and *DIRTY, and clears the bits CLEAR
   names (PTE_A, PTE_D, or PTE_P to unmap: the entry becomes 0). The caller holds
   OBJ's lock. */
static void
scan_mappings (struct file_object *obj, uint32_t index, void *kpage, uint32_t clear,
               bool *accessed, bool *dirty)
{
  struct list_elem *e;

  for (e = list_begin (&obj->mappers); e != list_end (&obj->mappers);
       e = list_next (e))
    {
      struct region *r = list_entry (e, struct region, object_elem);
      uint8_t *upage = mapper_page (r, index);
      uint32_t *pte, old;

      if (upage == NULL)
        continue;
      pte = pagedir_lookup_pte (r->as->pagedir, upage, false);
      if (pte == NULL || !(*pte & PTE_P) || !(*pte & PTE_FILE)
          || pte_get_page (*pte) != kpage)
        continue;
      /* The mapper may run between our look and our change: take its bits in
         the same instruction that changes the entry. */
      old = clear & PTE_P ? pagedir_set_pte (r->as->pagedir, upage, pte, 0)
            : clear != 0 ? pagedir_clear_pte_bits (r->as->pagedir, upage, pte, clear)
                         : *pte;
      *accessed |= (old & PTE_A) != 0;
      *dirty |= (old & PTE_D) != 0;
    }
}

/* The file page index that user page UPAGE of region R maps. */
static uint32_t
page_index (const struct region *r, const void *upage)
{
  return (r->backing.offset + ((const uint8_t *) upage - r->start)) / PGSIZE;
}

/* The frame holding the page of region R's file that user page UPAGE maps (a
   page region_page_is_whole_file_page() says is the object's) if the page cache
   has it, else NULL: no disk read. For fault-around. The caller holds the
   object's lock. */
void *
file_object_find (const struct region *r, const void *upage)
{
  return frame_cache_find (&r->backing.file->object, page_index (r, upage));
}

/* Returns the frame holding the page of region R's file that user page UPAGE
   maps (a page region_page_is_whole_file_page() says is the object's), reading
   it into a new frame (for FOR_HOLDER's process: frame_alloc()) if no mapper
   has it cached. The frame comes back pinned
   (frame_unpin()). *CACHED says whether it was in the cache already. NULL if
   memory is short, the file cannot be read or the frame has all the pins it can
   count, with the reason in *WHY. The object's lock is held from the read to
   the insertion, so that a write() to the file cannot slip in between and leave
   a stale page cached, but not while the frame is found (an eviction on the way
   may need it). The caller holds no address-space lock. */
void *
file_object_get_page (struct region *r, const void *upage,
                      const struct frame_holder *for_holder, bool *cached,
                      const char **why)
{
  struct file_object *obj = r->backing.file;
  uint32_t index = page_index (r, upage);
  void *kpage, *fresh = NULL;

  lock_acquire (&obj->lock);
  kpage = frame_cache_find (&obj->object, index);
  if (kpage == NULL)
    {
      /* A frame first, without the lock: an eviction on the way may need it. */
      lock_release (&obj->lock);
      fresh = frame_alloc (&obj->object, index << PGBITS, obj->name, for_holder);
      if (fresh == NULL)
        {
          *why = "out of memory";
          return NULL;
        }
      lock_acquire (&obj->lock);
      kpage = frame_cache_find (&obj->object, index); /* Cached meanwhile? */
    }
  *cached = kpage != NULL;
  if (kpage != NULL && !frame_pin (kpage))
    {
      *why = "too many pins on one page";
      kpage = NULL;
    }
  else if (kpage == NULL && !read_page (obj, index, fresh))
    *why = "cannot read the file";
  else if (kpage == NULL)
    {
      frame_cache_insert (fresh);
      kpage = fresh;
      fresh = NULL;
    }
  if (fresh != NULL)
    frame_free (fresh);
  lock_release (&obj->lock);
  return kpage;
}

/* Fills the page-sized kernel buffer KPAGE with what page UPAGE of region R
   starts out with: its file bytes, then zeros (for a page that is not wholly a
   page of the file, and so gets a frame of its own). May sleep on the disk; the
   caller must hold no lock the file system needs. Returns false if the file
   could not supply its bytes (KPAGE is then unspecified). */
bool
file_object_read (const struct region *r, const void *upage, void *kpage)
{
  off_t offset;
  size_t read_bytes = 0;

  if (region_page_from_file (r, upage, &offset, &read_bytes)
      && file_read_at (r->backing.file->file, kpage, read_bytes, offset)
             != (off_t) read_bytes)
    return false;
  memset ((uint8_t *) kpage + read_bytes, 0, PGSIZE - read_bytes);
  return true;
}

void
file_object_lock (struct file_object *obj)
{
  lock_acquire (&obj->lock);
}

void
file_object_unlock (struct file_object *obj)
{
  lock_release (&obj->lock);
}

/* Unmaps user page UPAGE of region R, whose PTE is at PTE, if it still maps a
   frame of R's object (the evictor may have unmapped it already), keeping what
   its dirty bit says. The caller holds R's address space's lock. */
void
file_object_unmap_page (struct region *r, const void *upage, uint32_t *pte)
{
  struct file_object *obj = r->backing.file;

  lock_acquire (&obj->lock);
  if ((*pte & PTE_P) && (*pte & PTE_FILE))
    {
      void *kpage = pte_get_page (*pte);
      ASSERT (frame_cache_find (&obj->object, page_index (r, upage)) == kpage);
      if (pagedir_set_pte (r->as->pagedir, upage, pte, 0) & PTE_D)
        frame_set_dirty (kpage, true);
    }
  lock_release (&obj->lock);
}

/* How many page-table entries map the frame KPAGE that page UPAGE of region R
   maps from its file object. The caller holds R's address space's lock. */
unsigned
file_object_sharers (struct region *r, const void *upage, void *kpage)
{
  struct file_object *obj = r->backing.file;
  uint32_t index = page_index (r, upage);
  struct list_elem *e;
  unsigned count = 0;

  lock_acquire (&obj->lock);
  for (e = list_begin (&obj->mappers); e != list_end (&obj->mappers);
       e = list_next (e))
    {
      struct region *mapper = list_entry (e, struct region, object_elem);
      uint8_t *page = mapper_page (mapper, index);
      uint32_t *pte = page != NULL
                          ? pagedir_lookup_pte (mapper->as->pagedir, page, false)
                          : NULL;
      count += pte != NULL && (*pte & PTE_P) && (*pte & PTE_FILE)
               && pte_get_page (*pte) == kpage;
    }
  lock_release (&obj->lock);
  return count;
}

/* True if KPAGE is one of OBJ's cached frames. */
bool
file_object_owns (const struct file_object *obj, const void *kpage)
{
  return frame_owner ((void *) kpage) == &obj->object;
}

/* Writes back every dirty page of OBJ between file offsets FROM and TO, looking
   at the mappers' dirty bits too (and clearing them, but not on a pinned frame:
   a system call may still be storing into it through the kernel's mapping,
   which sets no dirty bit, and its pin marked the page dirty once for all). The
   caller holds OBJ's lock and its io_lock. */
static void
write_back_range (struct file_object *obj, off_t from, off_t to)
{
  void *kpage = NULL;

  while ((kpage = frame_cache_next_of (&obj->object, kpage)) != NULL)
    {
      uint32_t index = frame_page (kpage) >> PGBITS;
      off_t offset = (off_t) index * PGSIZE;
      bool accessed = false, dirty = frame_is_dirty (kpage);

      if (offset + PGSIZE <= from || offset >= to)
        continue;
      scan_mappings (obj, index, kpage, frame_is_pinned (kpage) ? 0 : PTE_D,
                     &accessed, &dirty);
      if (dirty)
        {
          frame_set_dirty (kpage, true);
          write_back (obj, kpage, index);
        }
    }
}

/* Takes every cached page of OBJ, which no PTE maps any more, out of the cache
   and frees its frame. The caller holds OBJ's lock. */
static void
drop_all (struct file_object *obj)
{
  void *kpage;

  while ((kpage = frame_cache_next_of (&obj->object, NULL)) != NULL)
    {
      frame_cache_remove (kpage);
      frame_free (kpage);
    }
}

/* Frees OBJ if it is unused (no region maps it, no read or write uses it, no
   page of it is cached). The caller holds objects_lock, and releases it. */
static void
release_object (struct file_object *obj)
{
  if (unused (obj))
    free_object (obj);
  lock_release (&objects_lock);
}

/* Detaches region R, whose pages are unmapped already, from its object. A shared
   mapping's dirty pages are written back now (munmap, exit); the last region to
   go writes back the rest and frees the object's cached pages, and the object
   itself once no read or write uses it (it counts as a user itself meanwhile).
   The caller holds R's address space's lock. */
void
file_object_detach (struct region *r)
{
  struct file_object *obj = r->backing.file;
  bool last;

  if (obj == NULL)
    return;
  lock_acquire (&obj->io_lock);
  lock_acquire (&objects_lock);
  lock_acquire (&obj->lock);
  list_remove (&r->object_elem);
  r->backing.file = NULL;
  last = list_empty (&obj->mappers);
  if (last)
    obj->attached = false; /* Its pages stay cached for a later mapper. */
  obj->users++;            /* A read or write ending meanwhile must not free it. */
  lock_release (&objects_lock);
  if (r->shared || last)
    write_back_range (obj, 0, file_length (obj->file));
  if (last && obj->removed)
    drop_all (obj); /* A removed file's sectors go with its last opener. */
  lock_release (&obj->lock);
  lock_release (&obj->io_lock);
  lock_acquire (&objects_lock);
  obj->users--;
  release_object (obj);
}

/* Zeros the part of OBJ's cached last page that lies past the file's end,
   OLD_LENGTH bytes, which a write() is about to move: stores a mapping made
   there were never file data, and the gap reads as zeros (POSIX), through the
   mappings as through read(). The caller holds OBJ's lock. */
static void
zero_tail (struct file_object *obj, off_t old_length)
{
  void *kpage;

  if (old_length % PGSIZE == 0)
    return;
  kpage = frame_cache_find (&obj->object, old_length / PGSIZE);
  if (kpage != NULL)
    memset ((uint8_t *) kpage + old_length % PGSIZE, 0,
            PGSIZE - old_length % PGSIZE);
}

/* Before read() (!WRITE) or write() of SIZE bytes of FILE at OFFSET: writes back
   what mappings of FILE have stored there, so that a read sees it and a write's
   refresh of the cached pages does not lose it; a write that makes the file
   longer zeros the cached tail past its old end. A write keeps the object's
   io_lock until vm_file_io_end(), so that no write-back of a page can land in
   the middle of it: the caller must not pin or fault in a user page meanwhile
   (it pins its chunk's page first). Fills IO for vm_file_io_end(). */
void
vm_file_io_begin (struct vm_file_io *io, struct file *file, off_t offset, off_t size,
                  bool write)
{
  struct file_object *obj;

  io->object = NULL;
  io->offset = offset;
  io->write = write;
  lock_acquire (&objects_lock);
  obj = find_object (file_get_inode (file));
  if (obj != NULL)
    obj->users++;
  lock_release (&objects_lock);
  if (obj == NULL)
    return;
  io->object = obj;
  lock_acquire (&obj->io_lock);
  lock_acquire (&obj->lock);
  write_back_range (obj, offset, offset + size);
  if (write && offset + size > file_length (obj->file))
    zero_tail (obj, file_length (obj->file));
  lock_release (&obj->lock);
  if (!write)
    lock_release (&obj->io_lock);
}

/* During the write() that vm_file_io_begin() filled IO for: the N bytes at KADDR
   have just been written to the file at IO's position. Copies them, and only
   them (a mapping may store into the rest of the page meanwhile), into the
   cached pages they fall in, so that every mapping sees them at once (from the
   writer's own bytes: no read of the file that could fail), and moves IO's
   position on. */
void
vm_file_io_wrote (struct vm_file_io *io, const void *kaddr, off_t n)
{
  struct file_object *obj = io->object;
  off_t pos = io->offset, end = io->offset + n;
  const uint8_t *src = kaddr;

  ASSERT (io->write);
  io->offset = end;
  if (obj == NULL)
    return;
  lock_acquire (&obj->lock);
  while (pos < end)
    {
      uint32_t index = pos / PGSIZE;
      off_t page_end = ((off_t) index + 1) * PGSIZE;
      off_t chunk = (end < page_end ? end : page_end) - pos;
      void *kpage = frame_cache_find (&obj->object, index);

      if (kpage != NULL)
        memmove ((uint8_t *) kpage + pos % PGSIZE, src, chunk); /* It may be it. */
      src += chunk;
      pos += chunk;
    }
  lock_release (&obj->lock);
}

/* After the read() or write() that vm_file_io_begin() filled IO for: lets
   write-backs happen again. */
void
vm_file_io_end (struct vm_file_io *io)
{
  struct file_object *obj = io->object;

  if (obj == NULL)
    return;
  if (io->write)
    lock_release (&obj->io_lock);
  lock_acquire (&objects_lock);
  obj->users--;
  release_object (obj);
}

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
static struct file_object *
file_object_of (struct vm_object *obj)
{
  ASSERT (obj->ops == &file_object_ops);
  return (struct file_object *) obj;
}

/* The clock's look at OBJ's frame KPAGE, page INDEX << PGBITS (see
   vm/object.h): if any mapper used it since the last look, it stays (and the
   accessed bits are cleared: the clock's second chance); else it is unmapped
   from every mapper and goes, OBJ and its io_lock staying locked until
   finish_eviction(). (A dirty one goes back to its file, never to swap, so a
   full swap does not keep it.) Busy while a write() of the file is under way,
   even the evicting thread's own. */
static enum vm_eviction
prepare_eviction (struct vm_object *object, void *kpage, uint32_t page,
                  bool clean_only, struct vm_eviction_state *e)
{
  struct file_object *obj = file_object_of (object);
  uint32_t index = page >> PGBITS;
  bool accessed = false, dirty = e->dirty;

  if (lock_held_by_current_thread (&obj->io_lock)
      || !lock_try_acquire (&obj->io_lock))
    return VM_EVICT_BUSY;
  e->lock_was_held = lock_held_by_current_thread (&obj->lock);
  if (!e->lock_was_held && !lock_try_acquire (&obj->lock))
    {
      lock_release (&obj->io_lock);
      return VM_EVICT_BUSY;
    }
  scan_mappings (obj, index, kpage, PTE_A, &accessed, &dirty);
  if (accessed || (clean_only && (dirty || frame_is_dirty (kpage))))
    {
      if (!e->lock_was_held)
        lock_release (&obj->lock);
      lock_release (&obj->io_lock);
      return VM_EVICT_KEEP;
    }
  scan_mappings (obj, index, kpage, PTE_P, &accessed, &dirty);
  e->object = object;
  e->kpage = kpage;
  e->page = page;
  e->dirty = dirty;
  return VM_EVICT_GO;
}

/* Finishes eviction E of a file object's page, which no PTE maps any more:
   writes it back if it is dirty, forgets it and lets the object go. Returns
   false, keeping the page in the cache (its mappers fault it back in from
   there), if the write-back failed. */
static bool
finish_eviction (struct vm_eviction_state *e)
{
  struct file_object *obj = file_object_of (e->object);
  uint32_t index = e->page >> PGBITS;
  bool kept = false;

  if (e->dirty)
    {
      frame_set_dirty (e->kpage, true);
      kept = !write_back (obj, e->kpage, index);
    }
  if (kept)
    {
      frame_unpin (e->kpage); /* Under the lock: a detach may free it after. */
      if (!e->lock_was_held)
        lock_release (&obj->lock);
      lock_release (&obj->io_lock);
      return false;
    }
  frame_cache_remove (e->kpage);
  vm_count (e->dirty ? VM_EVICT_WRITTEN : VM_EVICT_DROPPED);
  if (vm_trace)
    diag_printf ("evict %s+0x%x: %s\n", obj->name, (unsigned) index * PGSIZE,
                 e->dirty ? "written back to the file" : "dropped clean file page");
  if (!e->lock_was_held)
    lock_release (&obj->lock);
  lock_release (&obj->io_lock);
  return true;
}
#else  /* STARTER vm */
/* A starter cannot evict: nothing ever asks. */
static enum vm_eviction
prepare_eviction (struct vm_object *object UNUSED, void *kpage UNUSED,
                  uint32_t page UNUSED, bool clean_only UNUSED,
                  struct vm_eviction_state *e UNUSED)
{
  return VM_EVICT_KEEP;
}

static bool
finish_eviction (struct vm_eviction_state *e UNUSED)
{
  return false;
}
#endif /* END SOLUTION vm */

static const char *
object_name (const struct vm_object *object)
{
  return ((const struct file_object *) object)->name;
}

static const struct vm_object_ops file_object_ops = {
  .prepare_eviction = prepare_eviction,
  .finish_eviction = finish_eviction,
  .name = object_name,
  .caches_pages = true,
  .swaps_out = false,
};
