#ifndef VM_OBJECT_H
#define VM_OBJECT_H

/* Backing objects (DESIGN.md §4): what a region's pages come from and where a
   resident page belongs. There are two kinds, each with a file of its own:
   - a file object (vm/file-object.c): one file's cached pages, one frame per
     page however many regions map it, and the regions mapping it (its
     reverse map);
   - an anonymous object (vm/anon.c): the zero-filled and private pages (.bss,
     heap, stack, written .data) of a family of address spaces that fork made
     from one another, which share them copy-on-write; its reverse map is the
     list of its members, since a shared page sits at the same address in each.
   Every frame in use belongs to one object (vm/frame.h). The frame table
   reaches a frame's owner only through the operations below; the fault path
   asks a region's objects for its pages. For vm/ only. */

#include <stdbool.h>
#include <stdint.h>

struct vm_object;

/* What an object said about a frame the clock offered it for eviction. */
enum vm_eviction
{
  VM_EVICT_KEEP, /* Used since the last look (now cleared), or it needs a write
                    and the caller asked for a page that does not. */
  VM_EVICT_BUSY, /* The object's lock is held by another thread. */
  VM_EVICT_GO    /* Unmapped everywhere: finish_eviction() writes it out. */
};

/* An eviction under way, between prepare_eviction() and finish_eviction(). */
struct vm_eviction_state
{
  struct vm_object *object;
  void *kpage;        /* The frame. */
  uint32_t page;      /* The frame's page in the object (frame_page()). */
  bool dirty;         /* Its contents exist nowhere else: write them out. */
  bool from_file;     /* An anonymous page that its region fills from a file. */
  bool lock_was_held; /* The evicting thread held the object's lock before. */
  /* For a dirty page that swaps (an anonymous object's, swaps_out below): the
     slot the frame table already wrote it to, with one holder, as part of a
     cluster, or SWAP_NO_SLOT (vm/swap.h) for finish_eviction() to write it. */
  uint32_t slot;
};

struct vm_object_ops
{
  /* Called by the clock with the frame table's lock held, so it must not sleep:
     tries the object's lock (VM_EVICT_BUSY if another thread holds it); gives
     a frame used since the last look its second chance (VM_EVICT_KEEP);
     otherwise unmaps it from every mapping, fills *E and returns VM_EVICT_GO.
     With CLEAN_ONLY, a frame that would need a write is kept. */
  enum vm_eviction (*prepare_eviction) (struct vm_object *, void *kpage,
                                        uint32_t page, bool clean_only,
                                        struct vm_eviction_state *e);
  /* Finishes eviction E without the frame table's lock: writes the page where
     it belongs if E->dirty, and forgets the frame, which is the caller's to
     free. Returns false if the page could not be written (swap full, a disk
     error): then it is mapped again as it was, the frame stays the object's
     and is unpinned before the object's lock is let go (the object may free
     it at once after: an exit, a munmap). */
  bool (*finish_eviction) (struct vm_eviction_state *e);
  /* The object's name, for traces. */
  const char *(*name) (const struct vm_object *);
  /* True for file objects: their frames hold file pages, by index, and are
     found through the page cache's index. */
  bool caches_pages;
  /* True for anonymous objects: a dirty page goes to swap, so the frame table
     may write several objects' pages out together (E->slot). */
  bool swaps_out;
};

/* The part every backing object starts with. */
struct vm_object
{
  const struct vm_object_ops *ops;
};

#endif /* vm/object.h */
