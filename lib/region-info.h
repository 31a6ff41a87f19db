#ifndef LIB_REGION_INFO_H
#define LIB_REGION_INFO_H

/* What the `regions' system call (SYS_REGIONS) reports about one region of the
   caller's address space.  Shared by the kernel and user programs. */

#include <abi.h>
#include <stdint.h>

#define REGION_KIND_MAX 7 /* Characters in a kind name, without the NUL. */
#define REGION_NAME_MAX FILE_NAME_MAX /* Characters in a file name. */

/* Access bits in region_info.flags. */
#define REGION_READ 1
#define REGION_WRITE 2
#define REGION_EXEC 4
#define REGION_SHARED 8 /* A shared file mapping (mmap); else private. */

/* One region: the pages [start, end) (both page-aligned), how they may be accessed,
   what they hold ("text", "rodata", "data", "bss", "heap", "mmap", "stack"), how
   many of their bytes come from a file (the rest are zero-filled), and which file
   and from what offset (NAME empty and OFFSET 0 for an anonymous region).

   int regions (struct region_info *buf, int max) writes the caller's regions in
   ascending address order into BUF, at most MAX of them, and returns how many
   regions the caller has in all (which may exceed MAX), or -1 if MAX < 0. */
struct region_info
{
  uintptr_t start;                /* First byte (page-aligned). */
  uintptr_t end;                  /* One past the last byte (page-aligned). */
  uint32_t flags;                 /* REGION_READ | REGION_WRITE | REGION_EXEC. */
  uint32_t file_bytes;            /* Bytes read from the file, from START. */
  char kind[REGION_KIND_MAX + 1]; /* NUL-terminated kind name. */
  uint32_t offset;                /* File offset of START's first byte. */
  char name[REGION_NAME_MAX + 1]; /* NUL-terminated file name, or "". */
};

/* Page states that the `mincore' system call (SYS_MINCORE) reports, one byte per
   page; a page that was never touched reports 0. */
#define MINCORE_RESIDENT 0x01 /* In a frame now. */
#define MINCORE_SWAPPED 0x02  /* In a swap slot. */
#define MINCORE_DIRTY 0x04    /* Written since it was last brought in. */
#define MINCORE_ACCESSED 0x08 /* Used since the clock hand last passed. */
#define MINCORE_SHARED                                    \
  0x10 /* Held by another process too: a page fork shared \
          copy-on-write, or a file's page it maps. */

#endif /* lib/region-info.h */
