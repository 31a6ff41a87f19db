#ifndef VM_ANON_H
#define VM_ANON_H

/* Anonymous objects: the pages of an address space that no file holds (zeros
   until written: .bss, heap, stack, and private copies of file pages), shared
   by the family of address spaces that fork made from one another. A process
   starts a family of its own; fork adds the child to its parent's, and every
   private page is then shared copy-on-write: one frame (or one swap slot) whose
   count says how many page-table entries hold it (frame_sharers(), swap_refs()).
   A shared page sits at the same address in every sharer, so the list of
   members is the reverse map that eviction walks.

   The family's lock is each member's address-space lock: it guards their
   regions and every page-table entry of theirs that does not map a file
   object's frame. For vm/ only. */

#include <stdbool.h>
#include <stdint.h>
#include "vm/swap.h"

struct addrspace;
struct anon;
struct lock;

struct anon *anon_create (void);
void anon_ref (struct anon *);
bool anon_unref (struct anon *);
struct lock *anon_lock (struct anon *);
struct vm_object *anon_object (struct anon *);
void anon_join (struct anon *, struct addrspace *);
void anon_leave (struct anon *, struct addrspace *);

bool anon_wait_eviction (struct addrspace *, uint32_t *pte);
void anon_release (struct addrspace *, const void *upage, uint32_t *pte);
bool anon_fork_share (struct addrspace *parent, struct addrspace *child,
                      const void *upage, uint32_t *parent_pte, uint32_t *child_pte);
unsigned anon_map_swapped_in (struct anon *, const void *upage, swap_slot_t,
                              void *kpage);
void anon_swap_cache_add (struct anon *, void *kpage);
void *anon_swap_cache_take (struct anon *, swap_slot_t, const void *upage);

#endif /* vm/anon.h */
