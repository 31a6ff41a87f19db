#ifndef VM_ADDRSPACE_H
#define VM_ADDRSPACE_H

/* A user process's address space (DESIGN.md §4): its page directory, its regions
   (text, rodata, data, bss, heap, mmap, stack), each backed by a file object or
   by its anonymous object, which fork shares copy-on-write, and where its stack
   and heap end. Everything outside vm/ reaches user memory through these calls;
   only vm/ sees inside. Pages come in on demand, one fault at a time
   (vm_handle_fault), and may be evicted to swap at any moment unless pinned. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "filesys/off_t.h"

struct addrspace;
struct file;
struct file_object;
struct meminfo;
struct region_info;

/* How a page is being accessed, for vm_handle_fault() and the trace. */
enum vm_access
{
  VM_READ = 0,
  VM_WRITE = 1, /* A store. */
  VM_EXEC = 2,  /* An instruction fetch. */
  VM_USER = 4   /* By user code; else by the kernel on its behalf. */
};

/* What a region holds, as the `regions' call and the maps view name it. */
enum region_kind
{
  REGION_TEXT,
  REGION_RODATA,
  REGION_DATA,
  REGION_BSS,
  REGION_HEAP,
  REGION_MMAP,
  REGION_STACK
};

/* Print one line per page fault, eviction, fork, region and frame change on the
   diagnostic stream (the kernel's -vmtrace option). */
extern bool vm_trace;

/* Keep one copy of each page of a program's files, shared by every process that
   maps it (default); false (the kernel's -noshare option) gives each process
   copies of its own, for comparison. Shared mappings (mmap) always share. */
extern bool vm_share;

/* Fork shares private pages copy-on-write (default); false (the kernel's -nocow
   option) copies them all at the fork, for comparison. */
extern bool vm_cow;

/* Check the isolation invariants of every address space at each process exit
   and at power-off (the kernel's -vmcheck option; vm/check.c). */
extern bool vm_check_enabled;

void vm_init (void);
void vm_meminfo (struct meminfo *);

struct addrspace *addrspace_create (const char *name);
struct addrspace *addrspace_fork (struct addrspace *, const char *name);
void addrspace_destroy (struct addrspace *);
void addrspace_activate (struct addrspace *);

const char *addrspace_map_file (struct addrspace *, void *start, void *end,
                                bool writable, bool executable, struct file *,
                                const char *file_name, off_t offset,
                                uint32_t file_bytes, enum region_kind);
const char *addrspace_map_anon (struct addrspace *, void *start, void *end,
                                bool writable, enum region_kind);
bool addrspace_init_stack (struct addrspace *);
void addrspace_init_heap (struct addrspace *, void *start);
void *addrspace_sbrk (struct addrspace *, intptr_t increment);
int addrspace_mmap (struct addrspace *, struct file *, const char *name, void *addr);
bool addrspace_munmap (struct addrspace *, int mapid);

bool vm_handle_fault (struct addrspace *, void *addr, enum vm_access,
                      const void *user_esp, bool *watch, const char **why);
void vm_user_progress (struct addrspace *);
bool addrspace_check_range (struct addrspace *, const void *uaddr, size_t size,
                            bool write, const void *user_esp);
void *addrspace_pin (struct addrspace *, const void *uaddr, bool write,
                     const void *user_esp);
void addrspace_unpin (void *kaddr);
void *addrspace_peek (struct addrspace *, const void *uaddr, bool write);

/* A read() or write() of a file that mappings may share pages with: see
   vm_file_io_begin(). */
struct vm_file_io
{
  struct file_object *object; /* The file's object, or NULL if nothing maps it. */
  off_t offset;               /* Where the next byte goes (a write). */
  bool write;
};
void vm_file_io_begin (struct vm_file_io *, struct file *, off_t offset, off_t size,
                       bool write);
void vm_file_io_wrote (struct vm_file_io *, const void *kaddr, off_t n);
void vm_file_io_end (struct vm_file_io *);

int addrspace_region_count (struct addrspace *);
bool addrspace_region_info (struct addrspace *, int index, struct region_info *);
bool addrspace_mincore (struct addrspace *, const void *addr, size_t page_cnt,
                        uint8_t *vec);

void vm_check (const char *when);

#endif /* vm/addrspace.h */
