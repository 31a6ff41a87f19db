#ifndef USERPROG_ELF_H
#define USERPROG_ELF_H

/* ELF32 executables as Kestrel loads them (shared/ABI.md, "Executables"): the
   on-disk structures (from the ELF specification, i386 supplement) and a pure
   validator with no kernel dependencies, so the host unit tests can run it. */

#include <assert.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The file header, at offset 0. */
struct elf32_ehdr
{
  unsigned char e_ident[16]; /* Magic, class, data encoding, version, padding. */
  uint16_t e_type;           /* ELF_ET_EXEC for executables. */
  uint16_t e_machine;        /* ELF_EM_386. */
  uint32_t e_version;        /* ELF_EV_CURRENT. */
  uint32_t e_entry;          /* Virtual address of the first instruction. */
  uint32_t e_phoff;          /* File offset of the program header table. */
  uint32_t e_shoff;          /* File offset of the section header table. */
  uint32_t e_flags;
  uint16_t e_ehsize;    /* Size of this header. */
  uint16_t e_phentsize; /* Size of one program header. */
  uint16_t e_phnum;     /* Number of program headers. */
  uint16_t e_shentsize;
  uint16_t e_shnum;
  uint16_t e_shstrndx;
};

/* One program header: a segment of the file and where it goes in memory. */
struct elf32_phdr
{
  uint32_t p_type;   /* ELF_PT_*. */
  uint32_t p_offset; /* File offset of the segment's first byte. */
  uint32_t p_vaddr;  /* Virtual address of that byte. */
  uint32_t p_paddr;  /* Unused. */
  uint32_t p_filesz; /* Bytes that come from the file. */
  uint32_t p_memsz;  /* Bytes in memory; those past p_filesz are zero. */
  uint32_t p_flags;  /* ELF_PF_*. */
  uint32_t p_align;
};

static_assert (sizeof (struct elf32_ehdr) == 52, "ELF32 header is 52 bytes");
static_assert (sizeof (struct elf32_phdr) == 32, "ELF32 program header is 32 bytes");

/* e_ident bytes and their required values. */
#define ELF_EI_CLASS 4
#define ELF_EI_DATA 5
#define ELF_EI_VERSION 6
#define ELF_CLASS32 1
#define ELF_DATA2LSB 1
#define ELF_EV_CURRENT 1
#define ELF_ET_EXEC 2
#define ELF_EM_386 3
#define ELF_PHNUM_MAX 1024 /* Kestrel's limit on program headers. */

/* Segment types. */
#define ELF_PT_NULL 0
#define ELF_PT_LOAD 1
#define ELF_PT_DYNAMIC 2
#define ELF_PT_INTERP 3
#define ELF_PT_NOTE 4
#define ELF_PT_SHLIB 5
#define ELF_PT_PHDR 6
#define ELF_PT_GNU_STACK 0x6474e551

/* Segment permission flags. */
#define ELF_PF_X 1
#define ELF_PF_W 2
#define ELF_PF_R 4

/* Each check returns true if the structure is acceptable; otherwise it returns
   false and, if WHY is not NULL, points *WHY at a short static reason such as
   "not an ELF file" suitable for a `load: NAME: ...' line. FILE_SIZE is the
   executable's length in bytes. */

/* Checks the file header EHDR: magic, 32-bit little-endian version-1 i386
   executable, 32-byte program headers, 1..ELF_PHNUM_MAX of them, and the whole
   program header table inside the file. The entry point is checked by
   elf_check_program(), which sees the segments. */
bool elf_check_header (const struct elf32_ehdr *ehdr, uint32_t file_size,
                       const char **why);

/* Checks one program header PHDR on its own. Only PT_LOAD segments are
   examined closely (page-congruent offset and address, memsz >= filesz,
   memsz > 0, at or above the first page, wholly below the stack's reserved reach
   PHYS_BASE - STACK_MAX without wrapping, file bytes inside the file);
   PT_DYNAMIC, PT_INTERP and PT_SHLIB are rejected; every other type is accepted
   and ignored by the loader. Each rule has its own reason. */
bool elf_check_phdr (const struct elf32_phdr *phdr, uint32_t file_size,
                     const char **why);

/* True if PT_LOAD segments A and B touch a common page. */
bool elf_loads_share_page (const struct elf32_phdr *a, const struct elf32_phdr *b);

/* Checks a whole executable: EHDR with elf_check_header(), each of the
   EHDR->e_phnum headers in PHDRS with elf_check_phdr(), that no two PT_LOAD
   segments share a page, that there is at least one PT_LOAD, and that e_entry
   lies inside an executable PT_LOAD. */
bool elf_check_program (const struct elf32_ehdr *ehdr,
                        const struct elf32_phdr *phdrs, uint32_t file_size,
                        const char **why);

/* The pages [*FIRST, *END) that PT_LOAD segment PHDR (already checked) covers. */
void elf_load_pages (const struct elf32_phdr *phdr, uint32_t *first, uint32_t *end);

#endif /* userprog/elf.h */
