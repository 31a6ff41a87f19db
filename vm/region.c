/* Regions of a user address space and the one function that fills their pages. */

#include "vm/region.h"
#include <debug.h>
#include <string.h>
#include "filesys/file.h"
#include "threads/malloc.h"
#include "threads/vaddr.h"

/* Makes SET empty. */
void region_set_init (struct region_set *set)
{
  list_init (&set->regions);
}

/* Frees every region of SET (not the pages mapped in them, nor their files),
   leaving SET empty. */
void region_set_destroy (struct region_set *set)
{
  while (!list_empty (&set->regions))
    free (list_entry (list_pop_front (&set->regions), struct region, elem));
}

/* Adds the region [START, END) (page-aligned, START < END, wholly in user space)
   with the given rights, BACKING (NULL for anonymous) and KIND name (at most
   REGION_KIND_MAX characters kept) to SET, keeping SET sorted. Returns the new
   region, or NULL if it would overlap a region already in SET or memory is short. */
struct region *region_add (struct region_set *set, void *start, void *end,
                           bool writable, bool executable,
                           const struct region_backing *backing, const char *kind)
{
  struct region *r;
  struct list_elem *e;

  ASSERT (pg_ofs (start) == 0 && pg_ofs (end) == 0);
  ASSERT ((uint8_t *) start < (uint8_t *) end && is_user_vaddr ((uint8_t *) end - 1));

  /* Find the first region that starts at or after END; the one before it must
     end at or before START. */
  for (e = list_begin (&set->regions); e != list_end (&set->regions); e = list_next (e))
    if (list_entry (e, struct region, elem)->start >= (uint8_t *) end)
      break;
  if (e != list_begin (&set->regions)
      && list_entry (list_prev (e), struct region, elem)->end > (uint8_t *) start)
    return NULL;

  r = malloc (sizeof *r);
  if (r == NULL)
    return NULL;
  r->start = start;
  r->end = end;
  r->writable = writable;
  r->executable = executable;
  if (backing != NULL)
    r->backing = *backing;
  else
    memset (&r->backing, 0, sizeof r->backing);
  ASSERT (r->backing.file_bytes <= (size_t) (r->end - r->start));
  ASSERT (r->backing.file != NULL || r->backing.file_bytes == 0);
  strlcpy (r->kind, kind, sizeof r->kind);
  list_insert (e, &r->elem);
  return r;
}

/* The region of SET that holds user address UADDR, or NULL. */
struct region *region_find (struct region_set *set, const void *uaddr)
{
  struct list_elem *e;

  for (e = list_begin (&set->regions); e != list_end (&set->regions); e = list_next (e))
    {
      struct region *r = list_entry (e, struct region, elem);
      if ((const uint8_t *) uaddr < r->start)
        break;
      if ((const uint8_t *) uaddr < r->end)
        return r;
    }
  return NULL;
}

/* Fills the page-sized kernel buffer KPAGE with the contents that the page at
   UPAGE of region R starts out with: its file bytes, then zeros. May sleep on
   the disk; the caller must hold no lock the file system needs. Returns false
   if the file could not supply its bytes (KPAGE is then unspecified). */
bool region_fill_page (const struct region *r, const void *upage, void *kpage)
{
  size_t page_index = (const uint8_t *) upage - r->start;
  size_t read_bytes = 0;

  ASSERT (pg_ofs (upage) == 0);
  ASSERT ((const uint8_t *) upage >= r->start && (const uint8_t *) upage < r->end);

  if (page_index < r->backing.file_bytes)
    {
      read_bytes = r->backing.file_bytes - page_index;
      if (read_bytes > PGSIZE)
        read_bytes = PGSIZE;
      if (file_read_at (r->backing.file, kpage, read_bytes,
                        r->backing.offset + (off_t) page_index) != (off_t) read_bytes)
        return false;
    }
  memset ((uint8_t *) kpage + read_bytes, 0, PGSIZE - read_bytes);
  return true;
}

/* How many regions SET has. */
int region_set_count (const struct region_set *set)
{
  return list_size ((struct list *) &set->regions);
}

/* Fills INFO with the user-visible description of R. */
void region_describe (const struct region *r, struct region_info *info)
{
  memset (info, 0, sizeof *info);
  info->start = (uintptr_t) r->start;
  info->end = (uintptr_t) r->end;
  info->flags = REGION_READ | (r->writable ? REGION_WRITE : 0)
                | (r->executable ? REGION_EXEC : 0);
  info->file_bytes = r->backing.file_bytes;
  strlcpy (info->kind, r->kind, sizeof info->kind);
}
