#ifndef VM_REGION_H
#define VM_REGION_H

/* Address-space regions: a process's memory described as a short sorted list of
   page ranges, each with its access rights and its backing (where the contents of
   a page come from), rather than page by page (DESIGN.md §4). */

#include <list.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "filesys/off_t.h"
#include <region-info.h>

struct file;

/* Where a region's pages come from: the first FILE_BYTES bytes of the region are
   FILE's bytes from OFFSET on; everything after them is zero. FILE is NULL for an
   anonymous region (FILE_BYTES is then 0). The region does not own FILE: whoever
   created the region keeps it open for as long as the region exists. */
struct region_backing
  {
    struct file *file;
    off_t offset;
    uint32_t file_bytes;
  };

/* One region: the pages [start, end). */
struct region
  {
    struct list_elem elem;      /* In a region_set, by address. */
    uint8_t *start;             /* Page-aligned first byte. */
    uint8_t *end;               /* Page-aligned end (exclusive). */
    bool writable;
    bool executable;
    struct region_backing backing;
    char kind[REGION_KIND_MAX + 1];   /* "text", "data", "bss", "stack"... */
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
struct region *region_find (struct region_set *, const void *uaddr);
bool region_fill_page (const struct region *, const void *upage, void *kpage);
int region_set_count (const struct region_set *);
void region_describe (const struct region *, struct region_info *);

#endif /* vm/region.h */
