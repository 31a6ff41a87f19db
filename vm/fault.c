/* The page-fault path: find the region, check the access, take a frame, fill it,
   map it. Named by case as Linux's mm/ does: vm_fault_zero (anonymous pages and
   the zero part of file regions), vm_fault_file (a page read from its file),
   vm_fault_swap (a page back from swap), and stack growth. The same path serves
   the kernel when a system call touches a user page that is not resident. */

#include <console.h>
#include <debug.h>
#include <stdio.h>
#include <string.h>
#include "threads/vaddr.h"
#include "vm/addrspace-internal.h"
#include "vm/frame.h"
#include "vm/pagedir.h"
#include "vm/swap.h"

#define RESOLUTION_MAX 48       /* A trace line's resolution text. */

/* True if UADDR (not in any region of AS) is where AS's stack may grow to: at or
   above the user stack pointer USER_ESP less what PUSHA reaches below it, and not
   below STACK_MAX under PHYS_BASE. */
bool
vm_stack_reach (struct addrspace *as, const uint8_t *uaddr, const void *user_esp)
{
  return as->stack != NULL && user_esp != NULL
         && uaddr >= as->stack_floor && uaddr < as->stack->start
         && uaddr + STACK_SLACK >= (const uint8_t *) user_esp;
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

/* A page never touched before, of an anonymous region or past its region's file
   bytes: zeros. */
static void
vm_fault_zero (void *kpage)
{
  memset (kpage, 0, PGSIZE);
}

/* A page of region R that starts with file bytes: read them, zero the rest.
   Writes the trace's resolution into RESOLUTION. */
static bool
vm_fault_file (const struct region *r, const void *upage, void *kpage,
               char *resolution)
{
  off_t offset;
  size_t bytes;

  region_page_from_file (r, upage, &offset, &bytes);
  snprintf (resolution, RESOLUTION_MAX, "file %s+0x%x", r->backing.name,
            (unsigned) offset);
  return region_fill_page (r, upage, kpage);
}

/* A page that was evicted to swap: read it back and give up its slot. Its frame
   is now the only copy of its contents. */
static void
vm_fault_swap (uint32_t pte, void *kpage, char *resolution)
{
  swap_slot_t slot = pte_swap_slot (pte);

  snprintf (resolution, RESOLUTION_MAX, "swap-in slot %u", (unsigned) slot);
  swap_in (slot, kpage);
  swap_free (slot);
}

/* Why the process may not touch UADDR of AS as ACCESS asks (USER_ESP judging stack
   growth), or NULL if it may; sets *R to UADDR's region (after growing the stack
   down to UADDR's page, *GREW then true). The caller holds AS's lock. */
static const char *
check_access (struct addrspace *as, uint8_t *uaddr, enum vm_access access,
              const void *user_esp, struct region **r, bool *grew)
{
  *grew = false;
  if (!is_user_vaddr (uaddr))
    return "kernel address";
  *r = region_find (&as->regions, uaddr);
  if (*r == NULL && vm_stack_reach (as, uaddr, user_esp))
    {
      if (!region_resize (&as->regions, as->stack, pg_round_down (uaddr),
                          as->stack->end))
        return "stack would grow into another region";
      *r = as->stack;
      *grew = true;
    }
  if (*r == NULL)
    return (as->stack != NULL && uaddr >= as->stack_floor && uaddr < as->stack->start
            ? "below the stack pointer" : "outside every region");
  if ((access & VM_WRITE) && !(*r)->writable)
    return "write to a read-only page";
  return NULL;
}

static const char *
access_name (enum vm_access access)
{
  return access & VM_WRITE ? "write" : access & VM_EXEC ? "exec" : "read";
}

/* Makes the page holding UADDR of AS resident, as a fault by ACCESS requires, and
   returns its frame; with PIN the frame stays pinned (frame_unpin()) and a write
   access marks the page dirty. Returns NULL if the access is not allowed or cannot
   be served, with the reason in *WHY (if WHY is not NULL). USER_ESP is the user's
   stack pointer, for stack growth (NULL: the stack does not grow). Takes AS's lock;
   may sleep on the disk. */
void *
vm_fault_in (struct addrspace *as, void *uaddr, enum vm_access access,
             const void *user_esp, bool pin, const char **why)
{
  uint8_t *upage = pg_round_down (uaddr);
  char resolution[RESOLUTION_MAX];
  const char *error;
  struct region *r = NULL;
  uint32_t *pte = NULL;
  uint32_t flags = 0;
  void *kpage = NULL;
  bool grew;

  lock_acquire (&as->lock);
  error = check_access (as, uaddr, access, user_esp, &r, &grew);
  if (error == NULL)
    {
      pte = pagedir_lookup_pte (as->pagedir, upage, true);
      if (pte == NULL)
        error = "out of memory for a page table";
    }
  if (error == NULL && (*pte & PTE_P))
    {
      /* Resident already: only the kernel asks for such a page, to pin it. */
      kpage = pte_get_page (*pte);
      if (pin)
        {
          frame_pin (kpage);
          *pte |= PTE_A | (access & VM_WRITE ? PTE_D : 0);
        }
      lock_release (&as->lock);
      return kpage;
    }
  if (error == NULL)
    {
      kpage = frame_alloc (as, upage);
      if (kpage == NULL)
        error = "out of memory";
    }
  if (error == NULL)
    {
      if (pte_is_swapped (*pte))
        {
          vm_fault_swap (*pte, kpage, resolution);
          flags = PTE_ANON;
        }
      else if (vm_page_is_from_file (as, upage))
        {
          if (!vm_fault_file (r, upage, kpage, resolution))
            error = "cannot read the file";
        }
      else
        {
          vm_fault_zero (kpage);
          strlcpy (resolution, grew ? "stack grow" : "zero", sizeof resolution);
        }
    }
  if (error == NULL)
    {
      if (pin && (access & VM_WRITE))
        flags |= PTE_D;
      pagedir_set_pte (as->pagedir, upage, pte,
                       pte_create (kpage, r->writable, true) | flags);
      if (!pin)
        frame_unpin (kpage);
    }
  else if (kpage != NULL)
    {
      frame_free (kpage);
      kpage = NULL;
    }

  if (vm_trace)
    diag_printf ("fault %s %p %s %s: %s%s\n", as->name, upage, access_name (access),
                 access & VM_USER ? "user" : "kernel", error != NULL ? "killed: " : "",
                 error != NULL ? error : resolution);
  lock_release (&as->lock);
  if (why != NULL)
    *why = error;
  return kpage;
}

/* Resolves a page fault at ADDR in AS, taken by ACCESS with the user stack pointer
   at USER_ESP: brings the page in (vm_fault_zero, vm_fault_file, vm_fault_swap or
   stack growth) and maps it. Returns false, with the reason in *WHY, if the access
   is not allowed or cannot be served; the caller then ends the process. */
bool
vm_handle_fault (struct addrspace *as, void *addr, enum vm_access access,
                 const void *user_esp, const char **why)
{
  return vm_fault_in (as, addr, access, user_esp, false, why) != NULL;
}
