#ifndef VM_SWAP_H
#define VM_SWAP_H
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
typedef uint32_t swap_slot_t;
void swap_init (void);
bool swap_out (const void *kpage, swap_slot_t *slot);
void swap_in (swap_slot_t slot, void *kpage);
void swap_free (swap_slot_t slot);
size_t swap_free_count (void);
size_t swap_slot_count (void);
bool swap_present (void);
#endif
