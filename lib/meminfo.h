#ifndef LIB_MEMINFO_H
#define LIB_MEMINFO_H

/* What the `meminfo' system call (SYS_MEMINFO) reports about the whole machine's
   user memory: a student's `free'. Shared by the kernel and user programs.

   int meminfo (struct meminfo *info) fills INFO and returns 0. */

#include <stdint.h>

struct meminfo
{
  uint32_t frames;        /* Frames user pages can live in. */
  uint32_t frames_free;   /* Of those, holding nothing. */
  uint32_t frames_file;   /* Holding a file's cached page, shared by its mappers. */
  uint32_t frames_pinned; /* Pinned by a system call or a fault in progress. */
  uint32_t swap_slots;    /* Page-sized slots on the swap disk (0: none). */
  uint32_t swap_free;     /* Of those, free. */
  uint32_t frame_entry_bytes; /* Kernel bytes a resident page costs (frame table). */
};

#endif /* lib/meminfo.h */
