/* Memory-mapped files: mmap and munmap. A mapping is a shared region over the
   whole file's object (vm/file-object.c); its pages are the file's cached pages,
   and its stores go back to the file. */

#include <round.h>
#include "filesys/file.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"

#ifndef STARTER_VM /* BEGIN SOLUTION vm */
/* Maps all of FILE (named NAME, not empty) at page-aligned ADDR of AS as a shared
   mapping: pages are read from the file when first touched, writes go back to
   it (at munmap, exit, eviction, or when read() or write() of the file needs
   them), and the tail of the last page past the end of the file reads as zeros
   and is never written (vm_file_io_begin() zeros it when the file grows). The
   mapping uses the file's object, not FILE, which stays the caller's. Returns
   the mapping's id (from 1 up), or -1 if ADDR is 0 or unaligned, the file is
   empty or may not be mapped so (file_object_attach()), or the range overlaps
   any region or the stack's reserved reach. */
int
addrspace_mmap (struct addrspace *as, struct file *file, const char *name,
                void *addr)
{
  off_t length = file_length (file);
  uintptr_t start = (uintptr_t) addr;
  uintptr_t end = start + ROUND_UP ((uintptr_t) length, PGSIZE);
  struct region *r = NULL;
  const char *why;

  if (length <= 0 || start == 0 || pg_ofs (addr) != 0 || end <= start)
    return -1;
  vm_lock (as);
  r = vm_add_region (as, (void *) start, (void *) end, true, false, true, file, name,
                     0, length, REGION_MMAP, &why);
  if (r != NULL)
    r->mapid = ++as->last_mapid;
  vm_unlock (as);
  return r != NULL ? r->mapid : -1;
}

/* Unmaps AS's mapping MAPID, writing its dirty pages back to the file. Returns
   false if AS has no mapping MAPID. */
bool
addrspace_munmap (struct addrspace *as, int mapid)
{
  struct region *r;

  vm_lock (as);
  for (r = region_first (&as->regions); r != NULL; r = region_next (&as->regions, r))
    if (r->mapid == mapid && mapid != 0)
      break;
  if (r != NULL)
    vm_remove_region (as, r);
  vm_unlock (as);
  return r != NULL;
}
#else  /* STARTER vm */
/* mmap and munmap are yours to write (vm/README.md). */
int
addrspace_mmap (struct addrspace *as, struct file *file, const char *name,
                void *addr)
{
  (void) as, (void) file, (void) name, (void) addr;
  return -1;
}

bool
addrspace_munmap (struct addrspace *as, int mapid)
{
  (void) as, (void) mapid;
  return false;
}
#endif /* END SOLUTION vm */
