/* Reads the multiboot information: the memory map (to find where RAM above 1 MB
   ends) and the command line. */

#include "threads/boot-info.h"
#include <debug.h>
#include <string.h>
#include "threads/multiboot.h"
#include "threads/vaddr.h"

#define LOW_MEMORY_END 0x100000 /* RAM above this is what we manage. */

struct boot_info boot_info;

extern uint32_t boot_magic, boot_info_paddr; /* start.S */

/* End of the usable region that contains LOW_MEMORY_END, from the memory map. */
static uint64_t
top_from_memory_map (const struct multiboot_info *mbi)
{
  uint32_t ofs = 0;
  uint64_t top = 0;

  while (ofs + sizeof (struct multiboot_mmap_entry) <= mbi->mmap_length)
    {
      const struct multiboot_mmap_entry *e = ptov (mbi->mmap_addr + ofs);
      if (e->type == MULTIBOOT_MEMORY_AVAILABLE && e->addr <= LOW_MEMORY_END
          && e->addr + e->len > LOW_MEMORY_END)
        top = e->addr + e->len;
      ofs += e->size + sizeof e->size;
    }
  return top;
}

/* Copies the loader's command line CMDLINE, less its first word (the kernel's own
   path, whose length depends on where the kernel lives), into boot_info, recording
   how long the rest really is so that a cut one can be refused, not obeyed. */
static void
copy_arguments (const char *cmdline)
{
  while (*cmdline == ' ')
    cmdline++;
  while (*cmdline != ' ' && *cmdline != '\0')
    cmdline++;
  while (*cmdline == ' ')
    cmdline++;
  boot_info.cmdline_length
      = strlcpy (boot_info.cmdline, cmdline, sizeof boot_info.cmdline);
}

/* Fills boot_info. Panics if the loader was not multiboot or gave no memory size. */
void
boot_info_load (void)
{
  const struct multiboot_info *mbi;
  uint64_t top = 0;

  if (boot_magic != MULTIBOOT_BOOTLOADER_MAGIC)
    PANIC ("not started by a multiboot loader (magic %08x)", boot_magic);
  mbi = ptov (boot_info_paddr);
  if (mbi->flags & MULTIBOOT_INFO_MEM_MAP)
    top = top_from_memory_map (mbi);
  if (top == 0 && (mbi->flags & MULTIBOOT_INFO_MEMORY))
    top = LOW_MEMORY_END + (uint64_t) mbi->mem_upper * 1024;
  if (top == 0)
    PANIC ("boot loader reported no memory size");
  if (top > PHYS_MAP_MAX)
    top = PHYS_MAP_MAX;
  boot_info.ram_top = top & ~(uint64_t) PGMASK;
  boot_info.ram_kb = boot_info.ram_top / 1024;

  if (mbi->flags & MULTIBOOT_INFO_CMDLINE)
    copy_arguments (ptov (mbi->cmdline));
}
