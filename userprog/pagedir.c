/* Per-process page directories: the user half is the process's own, the kernel
   half is shared with the kernel directory. */

#include "userprog/pagedir.h"
#include <stddef.h>
#include "threads/paging.h"
#include "threads/vaddr.h"

/* Loads PD into %cr3, or the kernel directory when PD is NULL. Reloading %cr3 also
   flushes the TLB (but not global kernel entries). */
void pagedir_activate (uint32_t *pd)
{
  if (pd == NULL)
    pd = paging_kernel_dir ();
  asm volatile ("movl %0, %%cr3" : : "r" (vtop (pd)) : "memory");
}
