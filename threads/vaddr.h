#ifndef THREADS_VADDR_H
#define THREADS_VADDR_H

/* The address-space layout: every constant of the picture in DESIGN.md §2 lives
   here, and every other file uses these names, never the numbers. */

#define PGBITS 12           /* Bits of a page offset. */
#define PGSIZE 4096         /* Bytes in a page: 1 << PGBITS. */
#define PGMASK (PGSIZE - 1) /* Page-offset bits. */

#define PHYS_BASE_ASM 0xC0000000 /* For assembly and the linker script. */
/* Start of the kernel half; user may not touch. */
#define PHYS_BASE ((void *) PHYS_BASE_ASM)
/* Physical address the image is loaded at. */
#define KERNEL_LOAD_PHYS 0x00100000
#define USER_BASE ((void *) 0x08048000)  /* Where user programs are linked. */
#define USER_MIN_VADDR ((void *) PGSIZE) /* Page 0 is never mapped. */
#define STACK_MAX (8 * 1024 * 1024)      /* How far the user stack may grow. */
#define STACK_SLACK 32                   /* PUSHA may touch this far below %esp. */

/* Physical memory the kernel's direct map covers at most. */
#define PHYS_MAP_MAX (512 * 1024 * 1024)

#ifndef __ASSEMBLER__
#include <debug.h>
#include <stdbool.h>
#include <stdint.h>

static inline unsigned
pg_ofs (const void *va)
{
  return (uintptr_t) va & PGMASK;
}
static inline uintptr_t
pg_no (const void *va)
{
  return (uintptr_t) va >> PGBITS;
}
static inline void *
pg_round_up (const void *va)
{
  return (void *) (((uintptr_t) va + PGSIZE - 1) & ~(uintptr_t) PGMASK);
}
static inline void *
pg_round_down (const void *va)
{
  return (void *) ((uintptr_t) va & ~(uintptr_t) PGMASK);
}

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
  return (void *) (paddr + PHYS_BASE_ASM);
}

/* Physical address of kernel virtual address VADDR (direct map). */
static inline uintptr_t
vtop (const void *vaddr)
{
  ASSERT (is_kernel_vaddr (vaddr));
  return (uintptr_t) vaddr - (uintptr_t) PHYS_BASE_ASM;
}

#endif /* !__ASSEMBLER__ */
#endif /* threads/vaddr.h */
