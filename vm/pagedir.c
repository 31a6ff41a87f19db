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
#define KERNEL_PDE_FIRST (PHYS_BASE_ASM >> PDSHIFT)

/* Returns a new page directory with an empty user half and the kernel's mappings,
   or NULL if no kernel page is free. */
uint32_t *pagedir_create (void)
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
void pagedir_destroy (uint32_t *pd)
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

static uint32_t *active_pagedir (void)
{
  uintptr_t cr3;
  asm volatile ("movl %%cr3, %0" : "=r" (cr3));
  return ptov (cr3 & PTE_ADDR);
}

/* Loads PD into %cr3, or the kernel directory when PD is NULL. Reloading %cr3 also
   flushes the TLB (but not global kernel entries). */
void pagedir_activate (uint32_t *pd)
{
  if (pd == NULL)
    pd = paging_kernel_dir ();
  asm volatile ("movl %0, %%cr3" : : "r" (vtop (pd)) : "memory");
}

/* Drops any TLB entry for UPAGE if PD is the directory the CPU is using, after a
   change to UPAGE's PTE. */
static void invalidate (uint32_t *pd, const void *upage)
{
  if (pd == active_pagedir ())
    asm volatile ("invlpg (%0)" : : "r" (upage) : "memory");
}

/* Returns the address of the page-table entry for user address UADDR in PD. If
   its page table does not exist, creates it when CREATE is true (returning NULL
   if no kernel page is free), else returns NULL. The entry may be non-present. */
uint32_t *pagedir_lookup_pte (uint32_t *pd, const void *uaddr, bool create)
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
   for UPAGE. */
void pagedir_set_pte (uint32_t *pd, const void *upage, uint32_t *pte, uint32_t value)
{
  *pte = value;
  invalidate (pd, upage);
}

/* Maps user page UPAGE in PD to the frame at kernel address KPAGE (from the user
   pool), read-only unless WRITABLE. UPAGE must not be mapped already. Returns
   false, changing nothing visible, if a page table was needed and no kernel page
   was free. */
bool pagedir_set_page (uint32_t *pd, void *upage, void *kpage, bool writable)
{
  uint32_t *pte;

  ASSERT (pg_ofs (upage) == 0 && pg_ofs (kpage) == 0);
  ASSERT (is_user_vaddr (upage));
  ASSERT (palloc_is_user_page (kpage));

  pte = pagedir_lookup_pte (pd, upage, true);
  if (pte == NULL)
    return false;
  ASSERT (!(*pte & PTE_P));
  *pte = pte_create (kpage, writable, true);
  invalidate (pd, upage);
  return true;
}

/* The kernel address that user address UADDR maps to in PD, or NULL if UADDR's
   page is not present (or UADDR is not a user address). */
void *pagedir_get_page (uint32_t *pd, const void *uaddr)
{
  uint32_t *pte = pagedir_lookup_pte (pd, uaddr, false);

  if (pte == NULL || !(*pte & PTE_P))
    return NULL;
  return (uint8_t *) pte_get_page (*pte) + pg_ofs (uaddr);
}

/* Makes UPAGE not present in PD; a later access faults. The frame is not freed:
   it belongs to the caller from now on. */
void pagedir_clear_page (uint32_t *pd, void *upage)
{
  uint32_t *pte;

  ASSERT (pg_ofs (upage) == 0);
  pte = pagedir_lookup_pte (pd, upage, false);
  if (pte != NULL && (*pte & PTE_P))
    {
      *pte = 0;
      invalidate (pd, upage);
    }
}

/* True if UPAGE is present in PD with PTE bit BIT set. */
static bool pte_bit (uint32_t *pd, const void *upage, uint32_t bit)
{
  uint32_t *pte = pagedir_lookup_pte (pd, upage, false);
  return pte != NULL && (*pte & PTE_P) && (*pte & bit);
}

/* Sets or clears PTE bit BIT of present page UPAGE in PD. */
static void set_pte_bit (uint32_t *pd, const void *upage, uint32_t bit, bool value)
{
  uint32_t *pte = pagedir_lookup_pte (pd, upage, false);

  if (pte == NULL || !(*pte & PTE_P))
    return;
  if (value)
    *pte |= bit;
  else
    {
      *pte &= ~bit;
      invalidate (pd, upage);   /* The CPU must re-set the bit on the next access. */
    }
}

/* True if UPAGE is present and writable in PD. */
bool pagedir_is_writable (uint32_t *pd, const void *upage)
{
  return pte_bit (pd, upage, PTE_W);
}

/* True if UPAGE is present in PD and has been written since its dirty bit was
   last cleared. */
bool pagedir_is_dirty (uint32_t *pd, const void *upage)
{
  return pte_bit (pd, upage, PTE_D);
}

/* Sets UPAGE's dirty bit in PD to DIRTY (if UPAGE is present). */
void pagedir_set_dirty (uint32_t *pd, const void *upage, bool dirty)
{
  set_pte_bit (pd, upage, PTE_D, dirty);
}

/* True if UPAGE is present in PD and has been accessed since its accessed bit was
   last cleared. */
bool pagedir_is_accessed (uint32_t *pd, const void *upage)
{
  return pte_bit (pd, upage, PTE_A);
}

/* Sets UPAGE's accessed bit in PD to ACCESSED (if UPAGE is present). */
void pagedir_set_accessed (uint32_t *pd, const void *upage, bool accessed)
{
  set_pte_bit (pd, upage, PTE_A, accessed);
}
