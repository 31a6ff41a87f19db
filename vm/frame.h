#ifndef VM_FRAME_H
#define VM_FRAME_H

/* The frame table: one 16-byte entry per frame of the user pool, naming the
   backing object the frame's page belongs to (vm/object.h) and which page of
   it, how many page-table entries map it (an anonymous page shared after a
   fork), how many pins keep it, and, for a file's page, its place in the page
   cache's index. Every user page's frame comes from frame_alloc(), which evicts
   a page (the clock algorithm) when the pool is empty. For vm/ only. */

#include <list.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct meminfo;
struct vm_object;

/* Most page-table entries one frame can count (no more than a swap slot can). */
#define FRAME_SHARERS_MAX 0x7ffe

/* Frames an instruction may need at once before its process moves on: the
   instruction and each operand may straddle two pages. */
#define FRAME_HOLD_MAX 8

/* A process's hold on the frames that its faulting instruction needs, taken
   while frames are scarce and let go once the instruction has run: the clock
   passes a held frame over unless the one asking for a frame holds a lower
   rank (was made earlier), so the oldest process in want always gets what its
   instruction needs, and no two processes can take each other's pages back
   before using them, forever. */
struct frame_holder
{
  struct list_elem elem; /* In the list of holders, while it holds a frame. */
  uint32_t rank;         /* Lower: older, served first. */
  size_t cnt;
  void *frames[FRAME_HOLD_MAX];
};

void frame_init (void);
void *frame_alloc (struct vm_object *owner, uint32_t page, const char *label,
                   const struct frame_holder *for_holder);
void *frame_alloc_free (struct vm_object *owner, uint32_t page, const char *label);
void frame_free (void *kpage);

bool frame_pin (void *kpage);
void frame_unpin (void *kpage);
bool frame_is_pinned (void *kpage);

struct vm_object *frame_owner (void *kpage);
uint32_t frame_page (void *kpage);
unsigned frame_sharers (void *kpage);
void frame_set_sharers (void *kpage, unsigned sharers);
bool frame_is_dirty (void *kpage);
bool frame_is_cached (void *kpage);
void frame_set_page (void *kpage, uint32_t page);
void frame_set_dirty (void *kpage, bool dirty);
void frame_holder_init (struct frame_holder *, uint32_t rank);
bool frame_hold (struct frame_holder *, void *kpage);
void frame_release_held (struct frame_holder *);

void *frame_cache_find (struct vm_object *, uint32_t index);
void frame_cache_insert (void *kpage);
void frame_cache_remove (void *kpage);
void *frame_cache_next_of (struct vm_object *, void *after);

void frame_meminfo (struct meminfo *);
size_t frame_count (void);
void *frame_kpage (size_t number);
size_t frame_number (const void *kpage);

#endif /* vm/frame.h */
