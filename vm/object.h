#ifndef VM_OBJECT_H
#define VM_OBJECT_H

/* File objects: the page cache and reverse map of one file (as Mach's vm_object,
   Linux's address_space). Every region backed by a file is attached to its file's
   object. A page that is wholly file bytes lives in one frame, the object's, which
   every region mapping that page maps: text shared by all processes running one
   program, a file mapped by several processes, and .data until it is first
   written (then the writer gets a private copy). For vm/ only.

   Rule for PTEs that map an object's frame (marked PTE_SHARED): only code holding
   the object's lock changes them, and the object's evictor may clear them at any
   time, whoever holds the mapper's address-space lock. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "filesys/off_t.h"

struct file;
struct inode;
struct region;
struct vm_object;

/* What object_prepare_eviction() decided about a frame. */
enum object_eviction
{
  OBJECT_EVICT_KEEP, /* Recently used. */
  OBJECT_EVICT_GO    /* Unmapped everywhere: finish with the write-back. */
};

void object_init (void);
struct vm_object *object_attach (struct region *, struct file *, const char **why);
void object_detach (struct region *);
void *object_get_page (struct region *, const void *upage, bool *cached,
                       const char **why);
void object_lock (struct vm_object *);
void object_unlock (struct vm_object *);
void object_unmap_page (struct region *, const void *upage, uint32_t *pte);

bool object_trylock (struct vm_object *, bool *already_held);
enum object_eviction object_prepare_eviction (struct vm_object *, uint32_t index,
                                              void *kpage);
void object_finish_eviction (struct vm_object *, uint32_t index, void *kpage);
const char *object_name (const struct vm_object *);

#endif /* vm/object.h */
