#ifndef THREADS_MULTIBOOT_H
#define THREADS_MULTIBOOT_H

/* Multiboot (version 0.6.96) header and boot-information layout: the facts QEMU's
   -kernel loader and GRUB rely on. */

#define MULTIBOOT_HEADER_MAGIC 0x1BADB002     /* In our image's header. */
#define MULTIBOOT_BOOTLOADER_MAGIC 0x2BADB002 /* In %eax at entry. */
#define MULTIBOOT_PAGE_ALIGN 0x00000001       /* Header flag: align modules. */
/* Header flag: give us memory info. */
#define MULTIBOOT_MEMORY_INFO 0x00000002
#define MULTIBOOT_HEADER_FLAGS (MULTIBOOT_PAGE_ALIGN | MULTIBOOT_MEMORY_INFO)

#define MULTIBOOT_INFO_MEMORY 0x00000001  /* mem_lower/mem_upper valid. */
#define MULTIBOOT_INFO_CMDLINE 0x00000004 /* cmdline valid. */
#define MULTIBOOT_INFO_MEM_MAP 0x00000040 /* mmap_* valid. */
#define MULTIBOOT_MEMORY_AVAILABLE 1      /* mmap entry type of usable RAM. */

#ifndef __ASSEMBLER__
#include <stdint.h>

struct multiboot_info
{
  uint32_t flags;
  uint32_t mem_lower; /* kB below 1 MB. */
  uint32_t mem_upper; /* kB of contiguous memory above 1 MB. */
  uint32_t boot_device;
  uint32_t cmdline; /* Physical address of a NUL-terminated string. */
  uint32_t mods_count;
  uint32_t mods_addr;
  uint32_t syms[4];
  uint32_t mmap_length; /* Bytes of memory map. */
  uint32_t mmap_addr;   /* Physical address of the first entry. */
};

/* One memory-map entry; SIZE does not count itself, so the next entry starts
   SIZE + 4 bytes further on. */
struct multiboot_mmap_entry
{
  uint32_t size;
  uint64_t addr;
  uint64_t len;
  uint32_t type;
} __attribute__ ((packed));
#endif

#endif /* threads/multiboot.h */
