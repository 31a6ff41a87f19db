/* User access: the one decision whether a process may touch an address as it
   asks (for the fault path and for system calls alike), and the checks, pins and
   peeks through which system calls reach user memory. */

#include <debug.h>
#include <string.h>
#include "threads/interrupt.h"
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/frame.h"
#include "vm/maps.h"
#include "vm/pagedir.h"

/* True if UADDR (not in any region of AS) is where AS's stack may grow to: at or
   above the user stack pointer USER_ESP less what PUSHA reaches below it, and not
   below STACK_MAX under PHYS_BASE. */
static bool
stack_reach (struct addrspace *as, const uint8_t *uaddr, const void *user_esp)
{
#ifndef STARTER_VM /* BEGIN SOLUTION vm */
  return as->stack != NULL && user_esp != NULL && uaddr >= as->stack_floor
         && uaddr < as->stack->start
         && uaddr + STACK_SLACK >= (const uint8_t *) user_esp;
#else  /* STARTER vm */
  /* The stack does not grow yet. */
  (void) as, (void) uaddr, (void) user_esp;
  return false;
#endif /* END SOLUTION vm */
}

/* Why the process may not touch UADDR of AS as ACCESS asks (USER_ESP judging
   stack growth), or NULL if it may; sets *R to UADDR's region. An address the
   stack may grow to is allowed: with GROW, the stack grows down to UADDR's page
   and *GREW says so; without, *R is the stack region all the same. The one
   place that decides. The caller holds AS's lock. */
const char *
vm_access_check (struct addrspace *as, const uint8_t *uaddr, enum vm_access access,
                 const void *user_esp, bool grow, struct region **r, bool *grew)
{
  *grew = false;
  if (!is_user_vaddr (uaddr))
    return "kernel address";
  *r = region_find (&as->regions, uaddr);
  if (*r == NULL && stack_reach (as, uaddr, user_esp))
    {
      if (grow)
        {
          if (!region_resize (&as->regions, as->stack, pg_round_down (uaddr),
                              as->stack->end))
            return "stack would grow into another region";
          *grew = true;
          vm_trace_region (as, as->stack);
        }
      *r = as->stack;
    }
  if (*r == NULL)
    return (as->stack != NULL && uaddr >= as->stack_floor && uaddr < as->stack->start
                ? "below the stack pointer"
                : "outside every region");
  if ((access & VM_WRITE) && !(*r)->writable)
    return "write to a read-only page";
  return NULL;
}

/* True if page UPAGE of AS starts out with bytes of a file. The caller holds
   AS's lock. */
bool
vm_page_is_from_file (struct addrspace *as, const void *upage)
{
  struct region *r = region_find (&as->regions, upage);
  off_t offset;
  size_t bytes;

  return r != NULL && region_page_from_file (r, upage, &offset, &bytes);
}

/* True if every byte of [UADDR, UADDR + SIZE) is user memory of AS that the
   process may read (and write, if WRITE), whether or not it is resident; the
   stack counts as far as it could grow given USER_ESP. */
bool
addrspace_check_range (struct addrspace *as, const void *uaddr, size_t size,
                       bool write, const void *user_esp)
{
  uintptr_t first = (uintptr_t) uaddr;
  uintptr_t last = first + size - 1;
  uintptr_t upage;
  const char *why = NULL;

  if (size == 0)
    return true;
  if (last < first || !is_user_vaddr ((const void *) last))
    return false;
  vm_lock (as);
  for (upage = first & ~(uintptr_t) PGMASK; why == NULL && upage <= last;
       upage += PGSIZE)
    {
      struct region *r;
      bool grew;
      why = vm_access_check (as, (const uint8_t *) (upage < first ? first : upage),
                             write ? VM_WRITE : VM_READ, user_esp, false, &r, &grew);
    }
  vm_unlock (as);
  return why == NULL;
}

/* Brings the page holding UADDR of AS in if it is not resident, exactly as a fault
   by the process would (USER_ESP judges stack growth; a write to a page shared
   copy-on-write gets its copy), and pins its frame so that it stays until
   addrspace_unpin(). Marks the page dirty if WRITE, since the kernel's store
   through its own mapping does not. Returns the kernel address that UADDR's byte
   lives at (valid to the end of its page), or NULL if the process may not access
   UADDR so. Takes AS's lock: the caller must not hold it nor any lock the file
   system needs. */
void *
addrspace_pin (struct addrspace *as, const void *uaddr, bool write,
               const void *user_esp)
{
  void *kpage;

  if (!is_user_vaddr (uaddr))
    return NULL;
  kpage = vm_fault_in (as, (void *) uaddr, write ? VM_WRITE : VM_READ, user_esp,
                       NULL, true, NULL);
  return kpage != NULL ? (uint8_t *) kpage + pg_ofs (uaddr) : NULL;
}

/* The kernel address of user address UADDR of AS if its page is resident now with
   the rights the access needs (writable, if WRITE: so never a page shared
   copy-on-write, whose copy only a fault makes), marking the page accessed (and
   dirty, if WRITE) as the access will; NULL otherwise. For copies that need no
   pin: the caller has interrupts off, so that no eviction can come between this
   look and its copy (one CPU), and copies only up to the end of UADDR's page. */
void *
addrspace_peek (struct addrspace *as, const void *uaddr, bool write)
{
  uint32_t *pte;
  uint32_t need = PTE_P | PTE_U | (write ? PTE_W : 0);

  ASSERT (intr_get_level () == INTR_OFF);
  if (!is_user_vaddr (uaddr)
      || (pte = pagedir_lookup_pte (as->pagedir, uaddr, false)) == NULL
      || (*pte & need) != need)
    return NULL;
  pagedir_set_pte_bits (as->pagedir, uaddr, pte, PTE_A | (write ? PTE_D : 0));
  return (uint8_t *) pte_get_page (*pte) + pg_ofs (uaddr);
}

/* Ends the pin that addrspace_pin() returned KADDR for. */
void
addrspace_unpin (void *kaddr)
{
  frame_unpin (pg_round_down (kaddr));
}
