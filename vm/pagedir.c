/* Per-process page directories: the user half is the process's own, the kernel
   half is shared with the kernel directory. Page tables and directories come from
   the kernel pool; the frames they map come from the user pool. */

#include "vm/pagedir.h"
#include <stddef.h>
#include <string.h>
#include "threads/paging.h"
#include "threads/palloc.h"
#include "threads/pte.h"
#include "threads/vaddr.h"

/* The PDE index of the first kernel page: PDEs from here on are shared. */
#define KERNEL_PDE_FIRST (PHYS_BASE_ADDR >> PDSHIFT)

/* Returns a new page directory with an empty user half and the kernel's mappings,
   or NULL if no kernel page is free. */
uint32_t *
pagedir_create (void)
{
  uint32_t *pd = palloc_get_page (PAL_ZERO);

  if (pd != NULL)
    memcpy (pd + KERNEL_PDE_FIRST, paging_kernel_dir () + KERNEL_PDE_FIRST,
            (PD_ENTRIES - KERNEL_PDE_FIRST) * sizeof *pd);
  return pd;
}

/* Frees PD and its user page tables. Every user PTE must be empty by now: the
   frames and swap slots they named belong to the address space, which gives them
   back first. PD must not be active (activate another directory first). NULL is
   ignored. */
void
pagedir_destroy (uint32_t *pd)
{
  size_t pde_index, pte_index;

  if (pd == NULL)
    return;
  for (pde_index = 0; pde_index < KERNEL_PDE_FIRST; pde_index++)
    if (pd[pde_index] & PTE_P)
      {
        uint32_t *pt = pde_get_pt (pd[pde_index]);
        for (pte_index = 0; pte_index < PT_ENTRIES; pte_index++)
          ASSERT (pt[pte_index] == 0);
        palloc_free_page (pt);
      }
  palloc_free_page (pd);
}

static uint32_t *
active_pagedir (void)
{
  uintptr_t cr3;
  asm volatile("movl %%cr3, %0" : "=r"(cr3));
  return ptov (cr3 & PTE_ADDR);
}

/* Loads PD into %cr3, or the kernel directory when PD is NULL. Reloading %cr3 also
   flushes the TLB (but not global kernel entries). */
void
pagedir_activate (uint32_t *pd)
{
  if (pd == NULL)
    pd = paging_kernel_dir ();
  asm volatile("movl %0, %%cr3" : : "r"(vtop (pd)) : "memory");
}

/* Drops any TLB entry for UPAGE if PD is the directory the CPU is using, after a
   change to UPAGE's PTE. */
static void
invalidate (uint32_t *pd, const void *upage)
{
  if (pd == active_pagedir ())
    asm volatile("invlpg (%0)" : : "r"(upage) : "memory");
}

/* Returns the address of the page-table entry for user address UADDR in PD. If
   its page table does not exist, creates it when CREATE is true (returning NULL
   if no kernel page is free), else returns NULL. The entry may be non-present. */
uint32_t *
pagedir_lookup_pte (uint32_t *pd, const void *uaddr, bool create)
{
  uint32_t *pde;
  uint32_t *pt;

  ASSERT (pd != NULL);
  if (!is_user_vaddr (uaddr))
    return NULL;
  pde = &pd[pd_no (uaddr)];
  if (!(*pde & PTE_P))
    {
      if (!create)
        return NULL;
      pt = palloc_get_page (PAL_ZERO);
      if (pt == NULL)
        return NULL;
      *pde = pde_create (pt);
    }
  return &pde_get_pt (*pde)[pt_no (uaddr)];
}

/* Stores VALUE in PTE, the entry for UPAGE in PD, and drops any stale TLB entry
   for UPAGE. Returns the entry as it was, read and replaced in one instruction:
   the CPU may be setting its accessed and dirty bits for the process that owns
   PD whenever the caller is preempted, and none of that must be lost. */
uint32_t
pagedir_set_pte (uint32_t *pd, const void *upage, uint32_t *pte, uint32_t value)
{
  asm volatile("xchgl %0, %1" : "+r"(value), "+m"(*pte) : : "memory");
  invalidate (pd, upage);
  return value;
}

/* Sets BITS (accessed, dirty) in PTE, the entry for UPAGE in PD, in one
   instruction (see pagedir_set_pte()). A stale TLB entry does no harm: the CPU
   sets a bit in memory that is set already. */
void
pagedir_set_pte_bits (uint32_t *pd UNUSED, const void *upage UNUSED, uint32_t *pte,
                      uint32_t bits)
{
  __atomic_fetch_or (pte, bits, __ATOMIC_SEQ_CST);
}

/* Clears BITS (accessed, dirty) in PTE, the entry for UPAGE in PD, in one
   instruction (see pagedir_set_pte()), and drops any stale TLB entry for UPAGE so
   that the CPU sets them again on the next access. Returns the entry as it was. */
uint32_t
pagedir_clear_pte_bits (uint32_t *pd, const void *upage, uint32_t *pte,
                        uint32_t bits)
{
  uint32_t old = __atomic_fetch_and (pte, ~bits, __ATOMIC_SEQ_CST);
  invalidate (pd, upage);
  return old;
}
