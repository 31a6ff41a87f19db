#ifndef VM_ADDRSPACE_INTERNAL_H
#define VM_ADDRSPACE_INTERNAL_H

/* The inside of an address space, and the calls between vm/'s own files. For
   vm/ only: everyone else uses vm/addrspace.h. */

#include <abi.h>
#include "threads/synch.h"
#include "vm/addrspace.h"
#include "vm/region.h"

struct addrspace
{
  uint32_t *pagedir;         /* The hardware's view: frames, swap slots. */
  struct region_set regions; /* What each page should hold. */
  struct lock lock;          /* Page tables and regions; held while faulting. */
  struct region *stack;      /* The stack region, grown by faults near %esp. */
  uint8_t *stack_floor;      /* Lowest address the stack may grow to. */
  uint8_t *heap_start;       /* Page-aligned end of the program's segments. */
  uint8_t *brk;              /* The break: the heap is [heap_start, brk). */
  struct region *heap;       /* Pages of [heap_start, brk), or NULL if none. */
  int last_mapid;            /* The id the latest mmap got. */
  char name[PROCESS_NAME_MAX + 1]; /* The owner's, for traces. */
};

void *vm_fault_in (struct addrspace *, void *addr, enum vm_access,
                   const void *user_esp, bool pin, const char **why);
bool vm_stack_reach (struct addrspace *, const uint8_t *uaddr, const void *user_esp);
bool vm_page_is_from_file (struct addrspace *, const void *upage);

bool addrspace_lock_for_eviction (struct addrspace *, bool *already_held);
bool addrspace_test_and_clear_accessed (struct addrspace *, const void *upage);
bool addrspace_page_is_clean (struct addrspace *, const void *upage);
/* An eviction of a private page under way (addrspace_start_eviction()). */
struct eviction
{
  struct addrspace *as;
  const void *upage;
  void *kpage;
  uint32_t *pte;
  uint32_t old;   /* The PTE before. */
  bool from_file; /* Its region would fill it from a file. */
};

void addrspace_start_eviction (struct addrspace *, const void *upage, void *kpage,
                               struct eviction *);
bool addrspace_finish_eviction (struct eviction *);
void addrspace_cancel_eviction (struct eviction *);
void vm_wait_eviction (uint32_t *pte);

#endif /* vm/addrspace-internal.h */
