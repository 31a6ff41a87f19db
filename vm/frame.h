#ifndef VM_FRAME_H
#define VM_FRAME_H

/* The frame table: one small entry per frame of the user pool, saying which
   address space's page it holds and whether it is pinned. Every user page's frame
   comes from frame_alloc(), which evicts a page (clock algorithm) when the pool is
   empty. For vm/ only. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct addrspace;
struct meminfo;
struct vm_object;

void frame_init (void);
void *frame_alloc (struct addrspace *owner, const void *upage);
void frame_set_object (void *kpage, struct vm_object *, uint32_t index);
void frame_free (void *kpage);
bool frame_pin (void *kpage);
bool frame_is_pinned (void *kpage);
void frame_unpin (void *kpage);
void frame_count (struct meminfo *);

#endif /* vm/frame.h */
