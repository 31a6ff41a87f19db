#ifndef VM_REGION_H
#define VM_REGION_H

/* Address-space regions: a process's memory described as a short sorted list of
   page ranges, each with its access rights and what backs it, rather than page
   by page (DESIGN.md §4). A region maps a range of a file object (vm/file-
   object.h) from an offset, or nothing: its other pages are anonymous, zeros
   until written, and belong to its address space's anonymous object
   (vm/anon.h). For vm/ only. */

#include <abi.h>
#include <list.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "filesys/off_t.h"
#include "vm/addrspace.h"
#include <region-info.h>

struct file_object;

/* Where a region's pages come from: the first FILE_BYTES bytes of the region are
   the bytes of FILE's file from OFFSET on; everything after them is zero. FILE
   is NULL for an anonymous region (FILE_BYTES is then 0). */
struct region_backing
{
  struct file_object *file;
  off_t offset;
  uint32_t file_bytes;
  char name[FILE_NAME_MAX + 1]; /* The file's name, for traces and maps. */
};

/* One region: the pages [start, end). A file region is private (an ELF segment:
   a page written becomes the writer's own, anonymous) or shared (mmap: writes go
   to the file). */
struct region
{
  struct list_elem elem; /* In a region_set, by address. */
  uint8_t *start;        /* Page-aligned first byte. */
  uint8_t *end;          /* Page-aligned end (exclusive). */
  bool writable;
  bool executable;
  bool shared; /* Shared file mapping (mmap). */
  int mapid;   /* mmap's id for it, or 0. */
  enum region_kind kind;
  struct region_backing backing;
  struct list_elem object_elem; /* In its file object's list of mappers. */
  struct addrspace *as;         /* Whose region it is, for the object's rmap. */
};

/* A process's regions, non-overlapping and sorted by start address. */
struct region_set
{
  struct list regions;
};

void region_set_init (struct region_set *);
struct region *region_add (struct region_set *, void *start, void *end,
                           bool writable, bool executable,
                           const struct region_backing *, enum region_kind);
void region_remove (struct region_set *, struct region *);
bool region_resize (struct region_set *, struct region *, void *start, void *end);
struct region *region_find (struct region_set *, const void *uaddr);
bool region_overlaps (struct region_set *, const void *start, const void *end);
struct region *region_first (struct region_set *);
struct region *region_next (struct region_set *, struct region *);
int region_set_count (const struct region_set *);
bool region_page_from_file (const struct region *, const void *upage, off_t *offset,
                            size_t *bytes);
bool region_page_is_whole_file_page (const struct region *, const void *upage);
const char *region_kind_name (enum region_kind);
void region_describe (const struct region *, struct region_info *);

#endif /* vm/region.h */
