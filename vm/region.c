/* Regions of a user address space. Pure bookkeeping over a sorted list: no page
   tables, no frames, no files, so the host unit tests (tests/unit/region.c) run
   it under sanitizers. */

#include "vm/region.h"
#include <debug.h>
#include <string.h>
#include "threads/malloc.h"
#include "threads/vaddr.h"

/* Makes SET empty. */
void
region_set_init (struct region_set *set)
{
  list_init (&set->regions);
}

/* The element before which a region starting at START belongs: the first region
   that starts at or after START. */
static struct list_elem *
insertion_point (struct region_set *set, const void *start)
{
  struct list_elem *e;

  for (e = list_begin (&set->regions); e != list_end (&set->regions);
       e = list_next (e))
    if (list_entry (e, struct region, elem)->start >= (const uint8_t *) start)
      break;
  return e;
}

/* True if [START, END) (page-aligned, START < END) shares a page with any region
   of SET other than EXCEPT (which may be NULL). */
static bool
overlaps_other (struct region_set *set, const void *start, const void *end,
                const struct region *except)
{
  struct list_elem *e;

  for (e = list_begin (&set->regions); e != list_end (&set->regions);
       e = list_next (e))
    {
      const struct region *r = list_entry (e, struct region, elem);
      if (r->start >= (const uint8_t *) end)
        break;
      if (r != except && r->end > (const uint8_t *) start)
        return true;
    }
  return false;
}

/* True if [START, END) (page-aligned, START < END) shares a page with any region
   of SET. */
bool
region_overlaps (struct region_set *set, const void *start, const void *end)
{
  return overlaps_other (set, start, end, NULL);
}

/* Adds the region [START, END) (page-aligned, START < END, wholly in user space)
   with the given rights, BACKING (NULL for anonymous) and KIND to SET, keeping
   SET sorted. Returns the new region, or NULL if it would overlap a region
   already in SET or memory is short. */
struct region *
region_add (struct region_set *set, void *start, void *end, bool writable,
            bool executable, const struct region_backing *backing,
            enum region_kind kind)
{
  struct region *r;

  ASSERT (pg_ofs (start) == 0 && pg_ofs (end) == 0);
  ASSERT ((uint8_t *) start < (uint8_t *) end
          && is_user_vaddr ((uint8_t *) end - 1));

  if (region_overlaps (set, start, end))
    return NULL;
  r = malloc (sizeof *r);
  if (r == NULL)
    return NULL;
  r->start = start;
  r->end = end;
  r->writable = writable;
  r->executable = executable;
  r->shared = false;
  r->mapid = 0;
  r->as = NULL;
  if (backing != NULL)
    r->backing = *backing;
  else
    memset (&r->backing, 0, sizeof r->backing);
  ASSERT (r->backing.file_bytes <= (size_t) (r->end - r->start));
  ASSERT (r->backing.offset % PGSIZE == 0);
  r->kind = kind;
  list_insert (insertion_point (set, start), &r->elem);
  return r;
}

/* Removes region R from SET and frees it. Its pages are the caller's to have
   given back first, and its file object's to have let it go. */
void
region_remove (struct region_set *set UNUSED, struct region *r)
{
  list_remove (&r->elem);
  free (r);
}

/* Moves region R of SET to cover [START, END) (page-aligned, START < END, in user
   space). Its first page keeps its file offset when START moves (the file part
   shifts with it). Returns false, changing nothing, if the new range would overlap
   another region of SET. Pages that leave R are the caller's to unmap. */
bool
region_resize (struct region_set *set, struct region *r, void *start, void *end)
{
  size_t cut;

  ASSERT (pg_ofs (start) == 0 && pg_ofs (end) == 0);
  ASSERT ((uint8_t *) start < (uint8_t *) end
          && is_user_vaddr ((uint8_t *) end - 1));

  if (overlaps_other (set, start, end, r))
    return false;
  if ((uint8_t *) start > r->start)
    {
      /* Pages dropped from the front take their file bytes with them. */
      cut = (uint8_t *) start - r->start;
      r->backing.offset += cut < r->backing.file_bytes ? cut : r->backing.file_bytes;
      r->backing.file_bytes
          -= cut < r->backing.file_bytes ? cut : r->backing.file_bytes;
    }
  else
    ASSERT ((uint8_t *) start == r->start || r->backing.file == NULL);
  r->start = start;
  r->end = end;
  if (r->backing.file_bytes > (size_t) (r->end - r->start))
    r->backing.file_bytes = r->end - r->start;
  /* The new range may lie past a neighbour: take R's place in the order anew. */
  list_remove (&r->elem);
  list_insert (insertion_point (set, start), &r->elem);
  return true;
}

/* The region of SET that holds user address UADDR, or NULL. */
struct region *
region_find (struct region_set *set, const void *uaddr)
{
  struct list_elem *e;

  for (e = list_begin (&set->regions); e != list_end (&set->regions);
       e = list_next (e))
    {
      struct region *r = list_entry (e, struct region, elem);
      if ((const uint8_t *) uaddr < r->start)
        break;
      if ((const uint8_t *) uaddr < r->end)
        return r;
    }
  return NULL;
}

/* The lowest region of SET, or NULL if SET is empty. */
struct region *
region_first (struct region_set *set)
{
  return list_empty (&set->regions)
             ? NULL
             : list_entry (list_front (&set->regions), struct region, elem);
}

/* The region of SET after R, or NULL if R is the last. */
struct region *
region_next (struct region_set *set, struct region *r)
{
  struct list_elem *e = list_next (&r->elem);
  return e == list_end (&set->regions) ? NULL : list_entry (e, struct region, elem);
}

/* How many regions SET has. */
int
region_set_count (const struct region_set *set)
{
  return list_size ((struct list *) &set->regions);
}

/* If page UPAGE of region R starts with bytes of R's file, sets *OFFSET to where
   they start in the file and *BYTES to how many there are (at most PGSIZE; the
   rest of the page is zero) and returns true. False for an all-zero page. */
bool
region_page_from_file (const struct region *r, const void *upage, off_t *offset,
                       size_t *bytes)
{
  size_t page_index = (const uint8_t *) upage - r->start;

  ASSERT (pg_ofs (upage) == 0);
  ASSERT ((const uint8_t *) upage >= r->start && (const uint8_t *) upage < r->end);
  if (page_index >= r->backing.file_bytes)
    return false;
  *offset = r->backing.offset + (off_t) page_index;
  *bytes = r->backing.file_bytes - page_index;
  if (*bytes > PGSIZE)
    *bytes = PGSIZE;
  return true;
}

/* True if page UPAGE of region R is exactly a page of its file, so that it can be
   the file's one cached copy: all of it file bytes, or, in a shared mapping, the
   file's last page (whose tail past the end of the file reads as zeros in the
   cache too). */
bool
region_page_is_whole_file_page (const struct region *r, const void *upage)
{
  size_t page_index = (const uint8_t *) upage - r->start;

  return r->backing.file != NULL && page_index < r->backing.file_bytes
         && (page_index + PGSIZE <= r->backing.file_bytes || r->shared);
}

/* The name the `regions' call and the maps view give KIND. */
const char *
region_kind_name (enum region_kind kind)
{
  static const char *const names[] = {
    [REGION_TEXT] = "text",   [REGION_RODATA] = "rodata", [REGION_DATA] = "data",
    [REGION_BSS] = "bss",     [REGION_HEAP] = "heap",     [REGION_MMAP] = "mmap",
    [REGION_STACK] = "stack",
  };

  ASSERT (kind < sizeof names / sizeof *names && names[kind] != NULL);
  return names[kind];
}

/* Fills INFO with the user-visible description of R: range, rights, kind, and its
   file's name and offset. */
void
region_describe (const struct region *r, struct region_info *info)
{
  memset (info, 0, sizeof *info);
  info->start = (uintptr_t) r->start;
  info->end = (uintptr_t) r->end;
  info->flags = REGION_READ | (r->writable ? REGION_WRITE : 0)
                | (r->executable ? REGION_EXEC : 0)
                | (r->shared ? REGION_SHARED : 0);
  info->file_bytes = r->backing.file_bytes;
  strlcpy (info->kind, region_kind_name (r->kind), sizeof info->kind);
  if (r->backing.file != NULL)
    {
      info->offset = r->backing.offset;
      strlcpy (info->name, r->backing.name, sizeof info->name);
    }
}
