#ifndef VM_SWAP_H
#define VM_SWAP_H

/* Swap: page-sized slots on the swap disk (the block device playing BLOCK_SWAP),
   where eviction puts pages that have nowhere else to go. A slot number fits in
   20 bits, so a non-present page-table entry can hold it (DESIGN.md §4). */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef uint32_t swap_slot_t; /* Index of a page-sized slot on the swap disk. */

void swap_init (void);
bool swap_out (const void *kpage, swap_slot_t *slot);
void swap_in (swap_slot_t slot, void *kpage);
void swap_free (swap_slot_t slot);
size_t swap_free_count (void);
size_t swap_slot_count (void);
bool swap_present (void);

#endif /* vm/swap.h */
