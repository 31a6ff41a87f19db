#ifndef VM_STATS_H
#define VM_STATS_H

/* What the virtual-memory layer did in a run, counted as it happens and printed
   at power-off (one `VM: ...' line of statistics, which make bench reads): the
   faults by how they were served, and the evictions by where the page went.
   For vm/ only. */

#include <stddef.h>

enum vm_event
{
  VM_FAULT_ZERO,        /* A zero-filled (or partly file-filled) page. */
  VM_FAULT_FILE_READ,   /* A file's page read from the disk. */
  VM_FAULT_FILE_CACHED, /* A file's page found in the page cache. */
  VM_FAULT_AROUND,      /* A cached page mapped by fault-around (not a fault). */
  VM_FAULT_SWAP_READ,   /* A page read back from swap. */
  VM_FAULT_SWAP_CACHED, /* A page read ahead, found in the swap cache. */
  VM_READ_AHEAD,        /* A page read ahead with another (not a fault). */
  VM_FAULT_COPY,        /* A copy-on-write copy. */
  VM_FAULT_REUSE,       /* A shared page taken back by its last sharer. */
  VM_EVICT_DROPPED,     /* A clean page dropped. */
  VM_EVICT_SWAPPED,     /* A page written to swap. */
  VM_EVICT_WRITTEN,     /* A file's page written back to the file. */
  VM_EVICT_UNUSED,      /* A page read ahead and never used, dropped. */
  VM_EVICT_BACKGROUND,  /* Any of those four, by the pageout thread. */
  VM_EVENT_CNT
};

void vm_count (enum vm_event);
void vm_count_n (enum vm_event, size_t n);
void vm_stats_init (void);

#endif /* vm/stats.h */
