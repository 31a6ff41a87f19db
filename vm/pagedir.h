#ifndef VM_PAGEDIR_H
#define VM_PAGEDIR_H

/* Per-process page directories: the user half maps the process's pages, the
   kernel half is shared with the kernel's own directory. For vm/ only.

   All per-page state lives in the page-table entries themselves (DESIGN.md §4):
   - present: the frame, the CPU's accessed and dirty bits, and PTE_FILE when
     the frame is a file object's cached page (vm/file-object.h); any other
     frame is an anonymous object's (vm/anon.h), writable only while one entry
     maps it;
   - not present, 0: never touched; its region says how to fill it;
   - not present, PTE_SWAPPED: the page is in the swap slot that PTE_ADDR's bits
     hold (pte_swap_slot);
   - not present, PTE_EVICTING: the page is on its way out of the frame that
     PTE_ADDR's bits still name (to swap, or dropped); a fault on it waits until
     it is gone. */

#include <stdbool.h>
#include <stdint.h>
#include "threads/pte.h"

/* Present: maps a file object's frame (PTE_AVL). */
#define PTE_FILE 0x800
#define PTE_SWAPPED 0x400 /* Not present: in swap (PTE_AVL). */
/* Not present: being evicted right now (PTE_AVL). */
#define PTE_EVICTING 0x200
/* A swapped page's slot sits where a frame would. */
#define PTE_SLOT_SHIFT PTSHIFT
#define PTE_SLOT_MAX (PTE_ADDR >> PTE_SLOT_SHIFT) /* Largest slot a PTE holds. */

/* A non-present PTE for a page in swap slot SLOT. */
static inline uint32_t
pte_swapped (uint32_t slot)
{
  return (slot << PTE_SLOT_SHIFT) | PTE_SWAPPED;
}

/* True if PTE is a non-present entry for a page in swap. */
static inline bool
pte_is_swapped (uint32_t pte)
{
  return (pte & (PTE_P | PTE_SWAPPED)) == PTE_SWAPPED;
}

/* True if PTE is a non-present entry for a page being evicted. */
static inline bool
pte_is_evicting (uint32_t pte)
{
  return (pte & (PTE_P | PTE_EVICTING)) == PTE_EVICTING;
}

/* A non-present PTE for a page on its way out of frame KPAGE. */
static inline uint32_t
pte_evicting (const void *kpage)
{
  return vtop (kpage) | PTE_EVICTING;
}

/* True if PTE is an entry whose page is on its way out of frame KPAGE (an
   eviction of another frame for the same page, in another member of a fork
   family, marks its own entries). */
static inline bool
pte_is_evicting_from (uint32_t pte, const void *kpage)
{
  return pte_is_evicting (pte) && (pte & PTE_ADDR) == vtop (kpage);
}

/* The swap slot of swapped entry PTE. */
static inline uint32_t
pte_swap_slot (uint32_t pte)
{
  return pte >> PTE_SLOT_SHIFT;
}

uint32_t *pagedir_create (void);
void pagedir_destroy (uint32_t *pd);
void pagedir_activate (uint32_t *pd);

uint32_t *pagedir_lookup_pte (uint32_t *pd, const void *uaddr, bool create);
uint32_t pagedir_set_pte (uint32_t *pd, const void *upage, uint32_t *pte,
                          uint32_t value);
void pagedir_set_pte_bits (uint32_t *pd, const void *upage, uint32_t *pte,
                           uint32_t bits);
uint32_t pagedir_clear_pte_bits (uint32_t *pd, const void *upage, uint32_t *pte,
                                 uint32_t bits);

#endif /* vm/pagedir.h */
