#ifndef THREADS_CPU_H
#define THREADS_CPU_H

/* What the CPU tells the kernel about an exception: the vector numbers of the
   exceptions the kernel treats specially, the page-fault error code, and CR2
   (Intel SDM vol. 3, §6.15 and §4.7). Named here once for threads/ and userprog/. */

#include <stdint.h>

#define VEC_DIVIDE_ERROR 0        /* #DE */
#define VEC_DEBUG 1               /* #DB */
#define VEC_BREAKPOINT 3          /* #BP */
#define VEC_OVERFLOW 4            /* #OF */
#define VEC_BOUND 5               /* #BR */
#define VEC_INVALID_OPCODE 6      /* #UD */
#define VEC_NO_FPU 7              /* #NM */
#define VEC_SEGMENT_MISSING 11    /* #NP */
#define VEC_STACK_FAULT 12        /* #SS */
#define VEC_GENERAL_PROTECTION 13 /* #GP */
#define VEC_PAGE_FAULT 14         /* #PF: error code below, address in CR2. */
#define VEC_FPU_ERROR 16          /* #MF */
#define VEC_ALIGNMENT 17          /* #AC */
#define VEC_SIMD 19               /* #XM */

/* Page-fault error code bits. */
#define PF_P 0x01    /* 0: the page was not present; 1: protection violation. */
#define PF_W 0x02    /* 0: read; 1: write. */
#define PF_U 0x04    /* 0: kernel mode; 1: user mode. */
#define PF_RSVD 0x08 /* A reserved PTE bit was set. */
/* Instruction fetch (only with NX, which we do not use). */
#define PF_I 0x10

/* Selector error code bits (#GP, #NP, #SS, #TS with a selector). */
#define SEL_ERR_EXT 0x01 /* The event was external to the program. */
#define SEL_ERR_IDT 0x02 /* The index is into the IDT. */
#define SEL_ERR_LDT 0x04 /* Else: LDT if set, GDT if clear. */
#define SEL_ERR_INDEX_SHIFT 3

/* The linear address of the last page fault. */
static inline uint32_t
read_cr2 (void)
{
  uint32_t cr2;
  asm volatile("movl %%cr2, %0" : "=r"(cr2));
  return cr2;
}

#endif /* threads/cpu.h */
