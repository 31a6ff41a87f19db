#ifndef VM_ADDRSPACE_INTERNAL_H
#define VM_ADDRSPACE_INTERNAL_H

/* The inside of an address space, and the calls between vm/'s own files. For
   vm/ only: everyone else uses vm/addrspace.h. */

#include <abi.h>
#include <list.h>
#include "vm/addrspace.h"
#include "vm/frame.h"
#include "vm/region.h"

struct anon;

struct addrspace
{
  uint32_t *pagedir;               /* The hardware's view: frames, swap slots. */
  struct region_set regions;       /* What each page should hold. */
  struct anon *anon;               /* Its anonymous object (fork family), whose lock
                                      is this address space's lock too. */
  struct list_elem anon_elem;      /* In the anonymous object's members. */
  struct list_elem all_elem;       /* In the list of every address space. */
  struct region *stack;            /* The stack region, grown by faults near %esp. */
  uint8_t *stack_floor;            /* Lowest address the stack may grow to. */
  uint8_t *heap_start;             /* Page-aligned end of the program's segments. */
  uint8_t *brk;                    /* The break: the heap is [heap_start, brk). */
  struct region *heap;             /* Pages of [heap_start, brk), or NULL if none. */
  int last_mapid;                  /* The id the latest mmap got. */
  struct frame_holder held;        /* Frames the last faulting instruction needs
                                      (vm/frame.h), ranked by creation. */
  char name[PROCESS_NAME_MAX + 1]; /* The owner's, for traces. */
};

void vm_lock (struct addrspace *);
void vm_unlock (struct addrspace *);
struct addrspace *vm_create_in_family (struct addrspace *parent, const char *name);

struct region *vm_add_region (struct addrspace *, void *start, void *end,
                              bool writable, bool executable, bool shared,
                              struct file *, const char *file_name, off_t offset,
                              uint32_t file_bytes, enum region_kind,
                              const char **why);
void vm_remove_region (struct addrspace *, struct region *);
void vm_release_range (struct addrspace *, struct region *, const uint8_t *start,
                       const uint8_t *end);
bool vm_could_back (size_t page_cnt);
unsigned vm_page_sharers (struct addrspace *, struct region *, const void *upage,
                          const uint32_t *pte);

const char *vm_access_check (struct addrspace *, const uint8_t *uaddr,
                             enum vm_access, const void *user_esp, bool grow,
                             struct region **, bool *grew);
bool vm_page_is_from_file (struct addrspace *, const void *upage);
void *vm_fault_in (struct addrspace *, void *addr, enum vm_access,
                   const void *user_esp, bool *watch, bool pin, const char **why);
void vm_release_held (struct addrspace *);

/* The region lines of the -vmtrace trace (vm/maps.c), in the dump's format. */
void vm_trace_region (const struct addrspace *, const struct region *);
void vm_trace_unmap (const struct addrspace *, const struct region *);

void vm_all_lock (void);
void vm_all_unlock (void);
struct addrspace *vm_all_first (void);
struct addrspace *vm_all_next (struct addrspace *);

#endif /* vm/addrspace-internal.h */
