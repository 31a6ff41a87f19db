#ifndef THREADS_VADDR_H
#define THREADS_VADDR_H

/* The kernel's side of the address-space layout. The numbers user programs
   share (page size, PHYS_BASE, the user base, STACK_MAX) are named once, in
   lib/abi.h; here are their typed forms and what only the kernel needs.
   User programs written for Pintos may include this header for PGSIZE and the
   page helpers, as they do there. */

#include <abi.h>

/* Start of the kernel half; user may not touch. */
#define PHYS_BASE ((void *) PHYS_BASE_ADDR)
/* Where user programs are linked. */
#define USER_BASE ((void *) USER_BASE_ADDR)
/* Physical address the image is loaded at. */
#define KERNEL_LOAD_PHYS 0x00100000
/* Physical memory the kernel's direct map covers at most. */
#define PHYS_MAP_MAX (512 * 1024 * 1024)

#ifndef __ASSEMBLER__
#include <debug.h>
#include <stdbool.h>
#include <stdint.h>

/* True if VADDR lies in the user half (it may still be unmapped). */
static inline bool
is_user_vaddr (const void *vaddr)
{
  return vaddr < PHYS_BASE;
}
static inline bool
is_kernel_vaddr (const void *vaddr)
{
  return vaddr >= PHYS_BASE;
}

/* Kernel virtual address of physical address PADDR (direct map). PADDR may be
   the end of the map, as an end pointer. */
static inline void *
ptov (uintptr_t paddr)
{
  ASSERT (paddr <= PHYS_MAP_MAX);
  return (void *) (paddr + PHYS_BASE_ADDR);
}

/* Physical address of kernel virtual address VADDR (direct map). */
static inline uintptr_t
vtop (const void *vaddr)
{
  ASSERT (is_kernel_vaddr (vaddr));
  return (uintptr_t) vaddr - (uintptr_t) PHYS_BASE_ADDR;
}

#endif /* !__ASSEMBLER__ */
#endif /* threads/vaddr.h */
