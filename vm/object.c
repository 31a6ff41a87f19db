/* File objects: one per file that some region maps, holding the file's cached
   pages (one frame each, shared by every mapper) and the list of regions that map
   the file, the reverse map the evictor walks to unmap a frame everywhere.

   Locks: objects_lock guards the list of objects; each object's lock guards its
   pages, its mappers and the PTEs that map its frames (PTE_SHARED). Order: an
   address space's lock, then objects_lock, then an object's lock. The evictor,
   which holds frame_lock, only ever tries an object's lock. */

#include "vm/object.h"
#include <assert.h>
#include <debug.h>
#include <hash.h>
#include <list.h>
#include <string.h>
#include "devices/console.h"
#include "filesys/file.h"
#include "threads/malloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/frame.h"
#include "vm/pagedir.h"
#include "vm/region.h"

/* One cached page of a file: page INDEX (file offset INDEX * PGSIZE) in frame
   KPAGE. DIRTY: written through a mapping since it was last written back, as far
   as the mappers' PTEs have been looked at. Sixteen bytes, the kernel heap's
   smallest block: with its frame-table entry a cached page costs 24 bytes,
   whatever number of address spaces map it. */
struct cached_page
{
  struct hash_elem elem; /* In vm_object.pages. */
  uint32_t index : 31;
  uint32_t dirty : 1;
  void *kpage;
};

struct vm_object
{
  struct list_elem elem; /* In `objects'. */
  struct inode *inode;   /* The file, whoever opened it. */
  struct file *file;     /* Our own open file, for reads and write-backs. */
  struct lock lock;
  struct list mappers; /* Regions mapping the file (region.object_elem). */
  struct hash pages;   /* struct cached_page, by index. */
  char name[FILE_NAME_MAX + 1];
};

static_assert (sizeof (struct cached_page) == 16, "a cached page is 16 bytes");

static struct list objects;
static struct lock objects_lock;

/* Sets up the list of objects. Call once, before the first region is made. */
void
object_init (void)
{
  list_init (&objects);
  lock_init (&objects_lock);
}

static unsigned
page_hash (const struct hash_elem *e, void *aux UNUSED)
{
  return hash_int (hash_entry (e, struct cached_page, elem)->index);
}

static bool
page_less (const struct hash_elem *a, const struct hash_elem *b, void *aux UNUSED)
{
  return hash_entry (a, struct cached_page, elem)->index
         < hash_entry (b, struct cached_page, elem)->index;
}

/* OBJ's cached page INDEX, or NULL. The caller holds OBJ's lock. */
static struct cached_page *
find_page (struct vm_object *obj, uint32_t index)
{
  struct cached_page key;
  struct hash_elem *e;

  key.index = index;
  e = hash_find (&obj->pages, &key.elem);
  return e != NULL ? hash_entry (e, struct cached_page, elem) : NULL;
}

/* The object of the file that INODE is, or NULL. The caller holds objects_lock. */
static struct vm_object *
find_object (struct inode *inode)
{
  struct list_elem *e;

  for (e = list_begin (&objects); e != list_end (&objects); e = list_next (e))
    if (list_entry (e, struct vm_object, elem)->inode == inode)
      return list_entry (e, struct vm_object, elem);
  return NULL;
}

/* True if a shared mapping (mmap) is among OBJ's mappers. The caller holds
   objects_lock. */
static bool
has_shared_mapper (struct vm_object *obj)
{
  struct list_elem *e;

  for (e = list_begin (&obj->mappers); e != list_end (&obj->mappers);
       e = list_next (e))
    if (list_entry (e, struct region, object_elem)->shared)
      return true;
  return false;
}

/* Attaches region R, which is backed by FILE, to FILE's object, making the object
   if it is the first region to map FILE. Returns the object, or NULL with the
   reason in *WHY: memory is short, or R is a shared (writable) mapping of a
   running executable, or R is part of a program whose file a shared mapping
   could write (both would let a store change running code). A program marks its
   file write-denied before it attaches, and a mapping checks that under the same
   lock it attaches under, so either order is caught. The caller holds R's
   address space's lock. */
struct vm_object *
object_attach (struct region *r, struct file *file, const char **why)
{
  struct vm_object *obj;

  lock_acquire (&objects_lock);
  obj = find_object (file_get_inode (file));
  if (r->shared && file_writes_denied (file))
    {
      *why = "the file is a running program";
      lock_release (&objects_lock);
      return NULL;
    }
  if (obj != NULL && !r->shared && has_shared_mapper (obj))
    {
      *why = "the file is mapped shared by a process";
      lock_release (&objects_lock);
      return NULL;
    }
  *why = "out of memory";
  if (obj == NULL)
    {
      obj = malloc (sizeof *obj);
      if (obj != NULL && !hash_init (&obj->pages, page_hash, page_less, NULL))
        {
          free (obj);
          obj = NULL;
        }
      if (obj != NULL && (obj->file = file_reopen (file)) == NULL)
        {
          hash_destroy (&obj->pages, NULL);
          free (obj);
          obj = NULL;
        }
      if (obj != NULL)
        {
          obj->inode = file_get_inode (file);
          lock_init (&obj->lock);
          list_init (&obj->mappers);
          strlcpy (obj->name, r->backing.name, sizeof obj->name);
          list_push_back (&objects, &obj->elem);
        }
    }
  if (obj != NULL)
    {
      lock_acquire (&obj->lock);
      list_push_back (&obj->mappers, &r->object_elem);
      r->object = obj;
      lock_release (&obj->lock);
    }
  lock_release (&objects_lock);
  return obj;
}

/* Bytes of OBJ's file that page INDEX holds: up to PGSIZE, fewer at its end. */
static size_t
page_bytes (struct vm_object *obj, uint32_t index)
{
  off_t length = file_length (obj->file);
  off_t offset = (off_t) index * PGSIZE;

  if (length <= offset)
    return 0;
  return length - offset < PGSIZE ? (size_t) (length - offset) : PGSIZE;
}

/* Reads page INDEX of OBJ's file into KPAGE, zeros past the file's end. */
static bool
read_page (struct vm_object *obj, uint32_t index, void *kpage)
{
  size_t bytes = page_bytes (obj, index);

  if (file_read_at (obj->file, kpage, bytes, (off_t) index * PGSIZE)
      != (off_t) bytes)
    return false;
  memset ((uint8_t *) kpage + bytes, 0, PGSIZE - bytes);
  return true;
}

/* Writes cached page CP of OBJ back to the file (only the bytes within the file's
   length) and marks it clean, unless the file took fewer bytes (the page then
   stays dirty). The caller holds OBJ's lock. */
static void
write_back (struct vm_object *obj, struct cached_page *cp)
{
  size_t bytes = page_bytes (obj, cp->index);

  if (bytes == 0
      || file_write_at (obj->file, cp->kpage, bytes, (off_t) cp->index * PGSIZE)
             == (off_t) bytes)
    cp->dirty = false;
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
  return region_page_is_shared (r, upage) ? upage : NULL;
}

/* Looks at every PTE through which page INDEX's frame KPAGE is mapped: ORs their
   accessed and dirty bits into *ACCESSED and *DIRTY, and clears the bits CLEAR
   names (PTE_A, PTE_D, or PTE_P to unmap: the entry becomes 0). The caller holds
   OBJ's lock. */
static void
scan_mappings (struct vm_object *obj, uint32_t index, void *kpage, uint32_t clear,
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
      if (pte == NULL || !(*pte & PTE_P) || !(*pte & PTE_SHARED)
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

/* Returns the frame holding the page of region R's file that user page UPAGE maps
   (a page region_page_is_shared() says is the object's), reading it into a new
   frame if no mapper has it cached. The frame comes back pinned (frame_unpin()).
   *CACHED says whether it was in the cache already. NULL if memory is short, the
   file cannot be read or the frame has all the pins it can count, with the reason
   in *WHY. The object's lock is held throughout, so a write() to the file cannot
   slip in between the read and the insertion and leave a stale page cached. The
   caller holds R's address space's lock and not R's object's. */
void *
object_get_page (struct region *r, const void *upage, bool *cached, const char **why)
{
  struct vm_object *obj = r->object;
  uint32_t index
      = (r->backing.offset + ((const uint8_t *) upage - r->start)) / PGSIZE;
  struct cached_page *cp;
  void *kpage = NULL;

  lock_acquire (&obj->lock);
  cp = find_page (obj, index);
  *cached = cp != NULL;
  if (cp != NULL)
    {
      kpage = cp->kpage;
      if (!frame_pin (kpage))
        {
          *why = "too many pins on one page";
          kpage = NULL;
        }
    }
  else if ((cp = malloc (sizeof *cp)) == NULL
           || (kpage = frame_alloc (r->as, upage)) == NULL)
    {
      free (cp);
      *why = "out of memory";
    }
  else if (!read_page (obj, index, kpage))
    {
      free (cp);
      frame_free (kpage);
      kpage = NULL;
      *why = "cannot read the file";
    }
  else
    {
      cp->index = index;
      cp->kpage = kpage;
      cp->dirty = false;
      hash_insert (&obj->pages, &cp->elem);
      frame_set_object (kpage, obj, index);
    }
  lock_release (&obj->lock);
  return kpage;
}

void
object_lock (struct vm_object *obj)
{
  lock_acquire (&obj->lock);
}

void
object_unlock (struct vm_object *obj)
{
  lock_release (&obj->lock);
}

/* Unmaps user page UPAGE of region R, whose PTE is at PTE, if it still maps a
   frame of R's object (the evictor may have unmapped it already), keeping what
   its dirty bit says. The caller holds R's address space's lock. */
void
object_unmap_page (struct region *r, const void *upage, uint32_t *pte)
{
  struct vm_object *obj = r->object;

  lock_acquire (&obj->lock);
  if ((*pte & PTE_P) && (*pte & PTE_SHARED))
    {
      struct cached_page *cp = find_page (
          obj, (r->backing.offset + ((const uint8_t *) upage - r->start)) / PGSIZE);
      ASSERT (cp != NULL && cp->kpage == pte_get_page (*pte));
      if (pagedir_set_pte (r->as->pagedir, upage, pte, 0) & PTE_D)
        cp->dirty = true;
    }
  lock_release (&obj->lock);
}

/* Writes back every dirty page of OBJ between file offsets FROM and TO, looking
   at the mappers' dirty bits too (and clearing them, but not on a pinned frame:
   a system call may still be storing into it through the kernel's mapping, which
   sets no dirty bit, and its pin marked the page dirty once for all). The caller
   holds OBJ's lock. */
static void
write_back_all (struct vm_object *obj, off_t from, off_t to)
{
  struct hash_iterator i;

  hash_first (&i, &obj->pages);
  while (hash_next (&i))
    {
      struct cached_page *cp = hash_entry (hash_cur (&i), struct cached_page, elem);
      off_t offset = (off_t) cp->index * PGSIZE;
      bool accessed = false;

      if (offset + PGSIZE <= from || offset >= to)
        continue;
      bool dirty = cp->dirty;

      scan_mappings (obj, cp->index, cp->kpage,
                     frame_is_pinned (cp->kpage) ? 0 : PTE_D, &accessed, &dirty);
      cp->dirty = dirty;
      if (cp->dirty)
        write_back (obj, cp);
    }
}

/* Frees every cached page of OBJ, whose pages no PTE maps any longer. */
static void
drop_all (struct hash_elem *e, void *aux UNUSED)
{
  struct cached_page *cp = hash_entry (e, struct cached_page, elem);

  frame_free (cp->kpage);
  free (cp);
}

/* Detaches region R, whose pages are unmapped already, from its object. A shared
   mapping's dirty pages are written back now (munmap, exit); the last region to
   go writes back the rest and frees the object with its cached pages. The caller
   holds R's address space's lock. */
void
object_detach (struct region *r)
{
  struct vm_object *obj = r->object;
  bool last;

  if (obj == NULL)
    return;
  lock_acquire (&objects_lock);
  lock_acquire (&obj->lock);
  list_remove (&r->object_elem);
  r->object = NULL;
  last = list_empty (&obj->mappers);
  if (last)
    list_remove (&obj->elem);
  lock_release (&objects_lock);
  if (r->shared || last)
    write_back_all (obj, 0, file_length (obj->file));
  if (last)
    hash_destroy (&obj->pages, drop_all); /* Still locked: evictors keep off. */
  lock_release (&obj->lock);
  if (last)
    {
      file_close (obj->file);
      free (obj);
    }
}

/* FILE's object, locked, or NULL if no region maps FILE. */
static struct vm_object *
lock_object_of (struct file *file)
{
  struct vm_object *obj;

  lock_acquire (&objects_lock);
  obj = find_object (file_get_inode (file));
  if (obj != NULL)
    lock_acquire (&obj->lock);
  lock_release (&objects_lock);
  return obj;
}

/* Before read() or write() of SIZE bytes of FILE at OFFSET: writes back what
   mappings of FILE have stored there, so that a read sees it and a write's
   refresh of the cached pages (vm_file_after_write) does not lose it. */
void
vm_file_before_io (struct file *file, off_t offset, off_t size)
{
  struct vm_object *obj = lock_object_of (file);

  if (obj != NULL)
    {
      write_back_all (obj, offset, offset + size);
      lock_release (&obj->lock);
    }
}

/* After write() put SIZE bytes into FILE at OFFSET: copies those bytes, and only
   those (a mapping may have stored into the rest of the page meanwhile), into the
   cached pages they fall in, so every mapping sees them. */
void
vm_file_after_write (struct file *file, off_t offset, off_t size)
{
  struct vm_object *obj = lock_object_of (file);
  off_t pos = offset, end = offset + size;

  if (obj == NULL)
    return;
  while (pos < end)
    {
      uint32_t index = pos / PGSIZE;
      off_t page_end = ((off_t) index + 1) * PGSIZE;
      off_t chunk = (end < page_end ? end : page_end) - pos;
      struct cached_page *cp = find_page (obj, index);

      if (cp != NULL)
        file_read_at (obj->file, (uint8_t *) cp->kpage + pos % PGSIZE, chunk, pos);
      pos += chunk;
    }
  lock_release (&obj->lock);
}

/* For the frame table, which holds frame_lock: takes OBJ's lock without waiting.
   False if another thread holds it; else true, *ALREADY_HELD saying whether the
   running thread held it before. */
bool
object_trylock (struct vm_object *obj, bool *already_held)
{
  *already_held = lock_held_by_current_thread (&obj->lock);
  return *already_held || lock_try_acquire (&obj->lock);
}

/* For the frame table, holding OBJ's lock: decides whether frame KPAGE, OBJ's page
   INDEX, goes. If any mapper used it since the last look, it stays (and the
   accessed bits are cleared: the clock's second chance); else it is unmapped
   from every mapper and must go. (A dirty one goes back to its file, never to
   swap, so a full swap does not keep it.) */
enum object_eviction
object_prepare_eviction (struct vm_object *obj, uint32_t index, void *kpage)
{
  struct cached_page *cp = find_page (obj, index);
  bool accessed = false, dirty = false;

  ASSERT (cp != NULL && cp->kpage == kpage);
  scan_mappings (obj, index, kpage, PTE_A, &accessed, &dirty);
  if (accessed)
    return OBJECT_EVICT_KEEP;
  scan_mappings (obj, index, kpage, PTE_P, &accessed, &dirty);
  cp->dirty |= dirty;
  return OBJECT_EVICT_GO;
}

/* For the frame table, holding OBJ's lock but not frame_lock: finishes evicting
   OBJ's page INDEX from frame KPAGE, which no PTE maps any more: writes it back if
   it is dirty and forgets it. The frame is the caller's afterwards. */
void
object_finish_eviction (struct vm_object *obj, uint32_t index, void *kpage)
{
  struct cached_page *cp = find_page (obj, index);
  bool dirty = cp->dirty;

  ASSERT (cp->kpage == kpage);
  if (dirty)
    write_back (obj, cp);
  hash_delete (&obj->pages, &cp->elem);
  free (cp);
  if (vm_trace)
    diag_printf ("evict %s+0x%x: %s\n", obj->name, (unsigned) index * PGSIZE,
                 dirty ? "written back to the file" : "dropped clean file page");
}

/* OBJ's file's name. */
const char *
object_name (const struct vm_object *obj)
{
  return obj->name;
}
