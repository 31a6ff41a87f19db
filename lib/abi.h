#ifndef LIB_ABI_H
#define LIB_ABI_H

/* The numbers that user programs and the kernel share, named once: the
   address-space picture (DESIGN.md §2) and the ABI's limits (ABI.md). This
   header knows no kernel file. Its #defines are plain integer expressions (no
   casts, no suffixes), so that C, assembly and the linker scripts (through cpp)
   use them as they are, and the tools in utils/ read them from here. The
   kernel's typed forms and its own constants are in threads/vaddr.h; the system
   call numbers are in lib/syscall-nr.h. */

#define PGBITS 12           /* Bits of a page offset. */
#define PGSIZE 4096         /* Bytes in a page: 1 << PGBITS. */
#define PGMASK (PGSIZE - 1) /* Page-offset bits. */

/* Start of the kernel half; user programs may not touch it or above. */
#define PHYS_BASE_ADDR 0xC0000000
/* Where user programs are linked. */
#define USER_BASE_ADDR 0x08048000
/* How far the user stack may grow below PHYS_BASE. */
#define STACK_MAX (8 * 1024 * 1024)
/* How far below %esp a push may touch (PUSHA: 32 bytes). */
#define STACK_SLACK 32

/* The limits of names in the ABI (ABI.md). */
#define FILE_NAME_MAX 14    /* A file name's characters (READDIR_MAX_LEN). */
#define PROCESS_NAME_MAX 15 /* A process name's characters: its first word, cut. */

#ifndef __ASSEMBLER__
#include <stdint.h>

/* The page arithmetic of an address, for the kernel and user programs alike. */
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
#endif /* !__ASSEMBLER__ */

#endif /* lib/abi.h */
