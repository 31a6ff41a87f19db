/* Builds the kernel page directory that replaces start.S's boot mapping. It uses
   4 kB pages (not the boot map's 4 MB ones) so the image's text and rodata can be
   read-only and so the direct map stops exactly at the end of RAM. */

#include "threads/paging.h"
#include <debug.h>
#include "threads/boot-info.h"
#include "threads/flags.h"
#include "threads/palloc.h"
#include "threads/pte.h"
#include "threads/vaddr.h"

static uint32_t *kernel_dir;

extern char kernel_start[], kernel_rodata_end[]; /* Linker script. */

/* Maps every physical page below boot_info.ram_top at PHYS_BASE and loads the new
   directory. Needs palloc (page tables come from the kernel pool). */
void
paging_init (void)
{
  uint32_t paddr;

  kernel_dir = palloc_get_page (PAL_ASSERT | PAL_ZERO);
  for (paddr = 0; paddr < boot_info.ram_top; paddr += PGSIZE)
    {
      uint8_t *va = ptov (paddr);
      uint32_t *pde = &kernel_dir[pd_no (va)];
      uint32_t *pt;
      bool read_only
          = va >= (uint8_t *) kernel_start && va < (uint8_t *) kernel_rodata_end;

      if (*pde == 0)
        *pde = pde_create (palloc_get_page (PAL_ASSERT | PAL_ZERO)) & ~PTE_U;
      pt = pde_get_pt (*pde);
      pt[pt_no (va)] = pte_create (va, !read_only, false) | PTE_G;
    }
  asm volatile("movl %0, %%cr3" : : "r"(vtop (kernel_dir)) : "memory");

  /* The kernel half never changes after this and is the same in every address
     space, so its TLB entries are marked global (PTE_G) and kept across the
     %cr3 reload of every process switch. */
  asm volatile("movl %%cr4, %%eax; orl %0, %%eax; movl %%eax, %%cr4"
               :
               : "i"(CR4_PGE)
               : "eax", "memory");
}

/* The kernel page directory (a kernel virtual address). */
uint32_t *
paging_kernel_dir (void)
{
  ASSERT (kernel_dir != NULL);
  return kernel_dir;
}
