/* ELF32 validation: every rule of shared/ABI.md "Executables", written as pure
   functions over headers the caller has already read, so that a malformed file
   can only ever produce a clean `false'. Sums are done in 64 bits so that no
   header field can wrap an address or offset around. */

#include "userprog/elf.h"
#include <string.h>
#include "threads/vaddr.h"

/* The first byte user programs may not touch, as a 32-bit number. */
#define USER_TOP ((uint64_t) PHYS_BASE_ADDR)
/* The lowest address the stack may grow down to: no segment may reach it. */
#define STACK_REACH_BOTTOM (USER_TOP - STACK_MAX)
/* One past the last 32-bit address. */
#define ADDRESS_SPACE_END ((uint64_t) 1 << 32)

static bool
reject (const char **why, const char *reason)
{
  if (why != NULL)
    *why = reason;
  return false;
}

bool
elf_check_header (const struct elf32_ehdr *ehdr, uint32_t file_size,
                  const char **why)
{
  static const unsigned char magic[4] = { 0x7f, 'E', 'L', 'F' };

  if (file_size < sizeof *ehdr)
    return reject (why, "file too short for an ELF header");
  if (memcmp (ehdr->e_ident, magic, sizeof magic))
    return reject (why, "not an ELF file");
  if (ehdr->e_ident[ELF_EI_CLASS] != ELF_CLASS32)
    return reject (why, "not a 32-bit ELF file");
  if (ehdr->e_ident[ELF_EI_DATA] != ELF_DATA2LSB)
    return reject (why, "not little-endian");
  if (ehdr->e_ident[ELF_EI_VERSION] != ELF_EV_CURRENT
      || ehdr->e_version != ELF_EV_CURRENT)
    return reject (why, "unknown ELF version");
  if (ehdr->e_type != ELF_ET_EXEC)
    return reject (why, "not an executable");
  if (ehdr->e_machine != ELF_EM_386)
    return reject (why, "not an i386 program");
  if (ehdr->e_phentsize != sizeof (struct elf32_phdr))
    return reject (why, "bad program header size");
  if (ehdr->e_phnum < 1)
    return reject (why, "no program headers");
  if (ehdr->e_phnum > ELF_PHNUM_MAX)
    return reject (why, "too many program headers");
  if ((uint64_t) ehdr->e_phoff
          + (uint64_t) ehdr->e_phnum * sizeof (struct elf32_phdr)
      > file_size)
    return reject (why, "program headers beyond end of file");
  return true;
}

bool
elf_check_phdr (const struct elf32_phdr *phdr, uint32_t file_size, const char **why)
{
  switch (phdr->p_type)
    {
    case ELF_PT_DYNAMIC:
      return reject (why, "dynamically linked (PT_DYNAMIC)");
    case ELF_PT_INTERP:
      return reject (why, "needs an interpreter (PT_INTERP)");
    case ELF_PT_SHLIB:
      return reject (why, "PT_SHLIB segment");
    case ELF_PT_LOAD:
      break;
    default:
      return true; /* PT_NOTE, PT_PHDR, PT_GNU_STACK, unknown: ignored. */
    }

  if (phdr->p_offset % PGSIZE != phdr->p_vaddr % PGSIZE)
    return reject (why, "segment offset and address differ within a page");
  if (phdr->p_memsz < phdr->p_filesz)
    return reject (why, "segment memory size below file size");
  if (phdr->p_memsz == 0)
    return reject (why, "empty segment");
  if (phdr->p_vaddr < PGSIZE)
    return reject (why, "segment in page 0");
  if ((uint64_t) phdr->p_vaddr + phdr->p_memsz > ADDRESS_SPACE_END)
    return reject (why, "segment wraps around the address space");
  if ((uint64_t) phdr->p_vaddr + phdr->p_memsz > USER_TOP)
    return reject (why, "segment reaches kernel space");
  if ((uint64_t) phdr->p_vaddr + phdr->p_memsz > STACK_REACH_BOTTOM)
    return reject (why, "segment reaches the stack's reserved reach");
  if ((uint64_t) phdr->p_offset + phdr->p_filesz > file_size)
    return reject (why, "segment beyond end of file");
  return true;
}

void
elf_load_pages (const struct elf32_phdr *phdr, uint32_t *first, uint32_t *end)
{
  uint64_t last = (uint64_t) phdr->p_vaddr + phdr->p_memsz;
  *first = phdr->p_vaddr - phdr->p_vaddr % PGSIZE;
  *end = (uint32_t) ((last + PGSIZE - 1) / PGSIZE * PGSIZE);
}

bool
elf_loads_share_page (const struct elf32_phdr *a, const struct elf32_phdr *b)
{
  uint32_t a_first, a_end, b_first, b_end;

  elf_load_pages (a, &a_first, &a_end);
  elf_load_pages (b, &b_first, &b_end);
  return a_first < b_end && b_first < a_end;
}

bool
elf_check_program (const struct elf32_ehdr *ehdr, const struct elf32_phdr *phdrs,
                   uint32_t file_size, const char **why)
{
  bool entry_ok = false;
  bool any_load = false;
  int i, j;

  if (!elf_check_header (ehdr, file_size, why))
    return false;
  for (i = 0; i < ehdr->e_phnum; i++)
    {
      const struct elf32_phdr *p = &phdrs[i];

      if (!elf_check_phdr (p, file_size, why))
        return false;
      if (p->p_type != ELF_PT_LOAD)
        continue;
      any_load = true;
      for (j = 0; j < i; j++)
        if (phdrs[j].p_type == ELF_PT_LOAD && elf_loads_share_page (&phdrs[j], p))
          return reject (why, "segments share a page");
      if ((p->p_flags & ELF_PF_X) && ehdr->e_entry >= p->p_vaddr
          && (uint64_t) ehdr->e_entry < (uint64_t) p->p_vaddr + p->p_memsz)
        entry_ok = true;
    }
  if (!any_load)
    return reject (why, "no loadable segment");
  if (!entry_ok)
    return reject (why, "entry point outside executable code");
  return true;
}
