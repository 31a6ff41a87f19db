#ifndef VM_REGION_H
#define VM_REGION_H

/* Address-space regions: a process's memory described as a short sorted list of
   page ranges, each with its access rights and its backing (where the contents of
   a page come from), rather than page by page (DESIGN.md §4). For vm/ only. */

#include <abi.h>
#include <list.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "filesys/off_t.h"
#include <region-info.h>

struct addrspace;
struct file;
struct vm_object;

/* Where a region's pages come from: the first FILE_BYTES bytes of the region are
   FILE's bytes from OFFSET on; everything after them is zero. FILE is NULL for an
   anonymous region (FILE_BYTES is then 0). The region owns FILE (a file of its
   own, from file_reopen()) and closes it when the region goes. */
struct region_backing
{
  struct file *file;
  off_t offset;
  uint32_t file_bytes;
  char name[FILE_NAME_MAX + 1]; /* FILE's name, for traces and maps. */
};

/* One region: the pages [start, end). A file region is private (an ELF segment:
   a page written becomes the writer's own) or shared (mmap: writes go to the
   file). */
struct region
{
  struct list_elem elem; /* In a region_set, by address. */
  uint8_t *start;        /* Page-aligned first byte. */
  uint8_t *end;          /* Page-aligned end (exclusive). */
  bool writable;
  bool executable;
  bool shared; /* Shared file mapping (mmap). */
  int mapid;   /* mmap's id for it, or 0. */
  struct region_backing backing;
  struct vm_object *object;       /* A file region's file object (vm/object.h). */
  struct list_elem object_elem;   /* In the object's list of mappers. */
  struct addrspace *as;           /* Whose region it is, for the object's rmap. */
  char kind[REGION_KIND_MAX + 1]; /* "text", "data", "bss", "stack"... */
};

/* A process's regions, non-overlapping and sorted by start address. */
struct region_set
{
  struct list regions;
};

void region_set_init (struct region_set *);
void region_set_destroy (struct region_set *);
struct region *region_add (struct region_set *, void *start, void *end,
                           bool writable, bool executable,
                           const struct region_backing *, const char *kind);
void region_remove (struct region_set *, struct region *);
bool region_resize (struct region_set *, struct region *, void *start, void *end);
struct region *region_find (struct region_set *, const void *uaddr);
bool region_overlaps (struct region_set *, const void *start, const void *end);
struct region *region_first (struct region_set *);
struct region *region_next (struct region_set *, struct region *);
int region_set_count (const struct region_set *);
bool region_page_from_file (const struct region *, const void *upage, off_t *offset,
                            size_t *bytes);
bool region_page_is_shared (const struct region *, const void *upage);
bool region_fill_page (const struct region *, const void *upage, void *kpage);
void region_describe (const struct region *, struct region_info *);

#endif /* vm/region.h */
