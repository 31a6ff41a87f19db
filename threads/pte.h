#ifndef THREADS_PTE_H
#define THREADS_PTE_H

/* x86 two-level paging: page-directory and page-table entry bits (Intel SDM vol. 3,
   §4.3). A non-present PTE is ours to use: vm/ keeps swap slots in it. */

#include "threads/vaddr.h"

#define PTSHIFT PGBITS /* First bit of a page-table index. */
#define PTBITS 10
#define PDSHIFT (PTSHIFT + PTBITS) /* First bit of a page-directory index. */
#define PDBITS 10
#define PT_ENTRIES 1024   /* 1 << PTBITS */
#define PD_ENTRIES 1024   /* 1 << PDBITS */
#define PDE_SPAN 0x400000 /* Bytes one PDE covers: 1 << PDSHIFT. */

#define PTE_P 0x001   /* Present. */
#define PTE_W 0x002   /* Writable. */
#define PTE_U 0x004   /* User accessible. */
#define PTE_PWT 0x008 /* Write-through. */
#define PTE_PCD 0x010 /* Cache disabled. */
#define PTE_A 0x020   /* Accessed (set by the CPU). */
#define PTE_D 0x040   /* Dirty (set by the CPU; PTEs only). */
#define PDE_PS 0x080  /* 4 MB page (PDEs only, needs CR4.PSE). */
#define PTE_G 0x100   /* Global. */
#define PTE_AVL 0xe00 /* Bits 9-11: ignored by the CPU, the kernel's own. */
#define PTE_FLAGS 0x00000fff
#define PTE_ADDR 0xfffff000

#ifndef __ASSEMBLER__
#include <stdint.h>

static inline unsigned
pt_no (const void *va)
{
  return ((uintptr_t) va >> PTSHIFT) & (PT_ENTRIES - 1);
}
static inline uintptr_t
pd_no (const void *va)
{
  return (uintptr_t) va >> PDSHIFT;
}

/* A PDE pointing at page table PT (a kernel virtual address). */
static inline uint32_t
pde_create (uint32_t *pt)
{
  return vtop (pt) | PTE_U | PTE_P | PTE_W;
}

/* The page table a present PDE points at, as a kernel virtual address. */
static inline uint32_t *
pde_get_pt (uint32_t pde)
{
  return ptov (pde & PTE_ADDR);
}

/* A present PTE mapping the frame at kernel virtual address PAGE. */
static inline uint32_t
pte_create (void *page, bool writable, bool user)
{
  return vtop (page) | PTE_P | (writable ? PTE_W : 0) | (user ? PTE_U : 0);
}

/* The frame a present PTE maps, as a kernel virtual address. */
static inline void *
pte_get_page (uint32_t pte)
{
  return ptov (pte & PTE_ADDR);
}

#endif /* !__ASSEMBLER__ */
#endif /* threads/pte.h */
