#ifndef VM_SWAP_H
#define VM_SWAP_H

/* Swap: page-sized slots on the swap disk (the block device playing BLOCK_SWAP),
   where eviction puts anonymous pages that have nowhere else to go. A slot
   number fits in 20 bits, so a non-present page-table entry can hold it
   (DESIGN.md §4); a slot counts the entries that hold it (a page fork shared,
   swapped out once for all its sharers) and is free when the last one lets go. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t swap_slot_t; /* Index of a page-sized slot on the swap disk. */
/* swap_out_pages()'s mark for a page not written. */
#define SWAP_NO_SLOT UINT32_MAX

void swap_init (void);
bool swap_out (const void *kpage, swap_slot_t *slot);
size_t swap_out_pages (void *const kpages[], size_t n, swap_slot_t got[]);
bool swap_in (swap_slot_t slot, void *kpage);
bool swap_in_pages (swap_slot_t first, void *const kpages[], size_t n);
bool swap_share (swap_slot_t slot, unsigned more);
unsigned swap_free (swap_slot_t slot);
unsigned swap_refs (swap_slot_t slot);
size_t swap_free_count (void);
size_t swap_slot_count (void);
size_t swap_bad_count (void);
bool swap_present (void);

#endif /* vm/swap.h */
