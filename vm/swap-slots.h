#ifndef VM_SWAP_SLOTS_H
#define VM_SWAP_SLOTS_H

/* The swap disk's slots as a table of reference counts: how many page-table
   entries hold each slot (a page swapped out while fork shared it is held by
   every sharer, in one slot). 0 is free; a slot whose write failed is marked
   bad and never handed out again, and so is one whose read failed, once its
   last holder lets go. Pure bookkeeping, with no disk and no lock
   (vm/swap.c adds both), so the host unit tests (tests/unit/swap-slots.c) run
   it under sanitizers. For vm/ only. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SLOT_REFS_MAX 0x7ffe /* Most holders one slot counts. */

struct slot_table
{
  uint16_t *refs; /* Per slot: holders (0: free), or bad; swap-slots.c. */
  size_t size;    /* Slots in all. */
  size_t free;    /* Slots with no holder (bad ones excluded). */
  size_t bad;     /* Slots marked bad. */
  size_t hint;    /* Where the search for a free slot starts. */
};

bool slot_table_init (struct slot_table *, size_t size);
void slot_table_destroy (struct slot_table *);
bool slot_table_take (struct slot_table *, uint32_t *slot);
size_t slot_table_take_run (struct slot_table *, size_t max, uint32_t *first);
bool slot_table_share (struct slot_table *, uint32_t slot, unsigned more);
unsigned slot_table_release (struct slot_table *, uint32_t slot);
void slot_table_mark_bad (struct slot_table *, uint32_t slot);
void slot_table_doom (struct slot_table *, uint32_t slot);
unsigned slot_table_refs (const struct slot_table *, uint32_t slot);
bool slot_table_is_bad (const struct slot_table *, uint32_t slot);

#endif /* vm/swap-slots.h */
