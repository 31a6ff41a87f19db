#ifndef VM_FILE_OBJECT_H
#define VM_FILE_OBJECT_H

/* File objects: the page cache and reverse map of one file (as Mach's vm_object,
   Linux's address_space). Every region backed by a file is attached to its
   file's object. A page that is wholly file bytes lives in one frame, the
   object's, which every region mapping that page maps: text shared by all the
   processes running one program, a file mapped by several processes, and .data
   until it is first written (then the writer gets a private copy, anonymous).
   For vm/ only.

   Rule for PTEs that map an object's frame (marked PTE_FILE): only code holding
   the object's lock changes them, and the object's evictor may clear them at
   any time, whoever holds the mapper's address-space lock. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "filesys/off_t.h"

struct file;
struct region;
struct file_object;

void file_object_init (void);
struct file_object *file_object_attach (struct region *, struct file *,
                                        const char **why);
void file_object_detach (struct region *);
void file_object_add_mapper (struct region *original, struct region *copy);
struct frame_holder;
void *file_object_get_page (struct region *, const void *upage,
                            const struct frame_holder *, bool *cached,
                            const char **why);
bool file_object_read (const struct region *, const void *upage, void *kpage);
void *file_object_find (const struct region *, const void *upage);
void file_object_lock (struct file_object *);
void file_object_unlock (struct file_object *);
void file_object_unmap_page (struct region *, const void *upage, uint32_t *pte);
unsigned file_object_sharers (struct region *, const void *upage, void *kpage);
bool file_object_owns (const struct file_object *, const void *kpage);

#endif /* vm/file-object.h */
