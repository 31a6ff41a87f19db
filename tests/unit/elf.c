/* Host unit test for userprog/elf.c: a well-formed two-segment program, then one
   broken field at a time, each rule of shared/ABI.md "Executables" in turn. */

#include "userprog/elf.h"
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tests/unit/check.h"
#include "threads/vaddr.h"

#define PAGE 4096u
#define TOP 0xc0000000u
/* The stack's reserved reach starts here. */
#define STACK_BOTTOM (TOP - STACK_MAX)
#define FILE_SIZE 0x3000u
#define MAX_PH 1100

static struct elf32_ehdr eh;
static struct elf32_phdr ph[MAX_PH];

/* A typical program: text R+X at 0x08048000 from offset 0 (headers included), data
   R+W with .bss at 0x0804a0xx, a PT_NOTE and a PT_GNU_STACK. */
static void
build_good (void)
{
  memset (&eh, 0, sizeof eh);
  memset (ph, 0, sizeof ph);
  memcpy (eh.e_ident, "\177ELF", 4);
  eh.e_ident[ELF_EI_CLASS] = ELF_CLASS32;
  eh.e_ident[ELF_EI_DATA] = ELF_DATA2LSB;
  eh.e_ident[ELF_EI_VERSION] = ELF_EV_CURRENT;
  eh.e_type = ELF_ET_EXEC;
  eh.e_machine = ELF_EM_386;
  eh.e_version = ELF_EV_CURRENT;
  eh.e_entry = 0x080480a0;
  eh.e_phoff = 52;
  eh.e_ehsize = 52;
  eh.e_phentsize = 32;
  eh.e_phnum = 4;

  ph[0].p_type = ELF_PT_LOAD;
  ph[0].p_offset = 0;
  ph[0].p_vaddr = 0x08048000;
  ph[0].p_filesz = 0x1234;
  ph[0].p_memsz = 0x1234;
  ph[0].p_flags = ELF_PF_R | ELF_PF_X;

  ph[1].p_type = ELF_PT_LOAD;
  ph[1].p_offset = 0x2040;
  ph[1].p_vaddr = 0x0804a040;
  ph[1].p_filesz = 0x100;
  ph[1].p_memsz = 0x5000;
  ph[1].p_flags = ELF_PF_R | ELF_PF_W;

  ph[2].p_type = ELF_PT_NOTE;
  ph[2].p_offset = 0xffffff00; /* Nonsense, but ignored. */
  ph[2].p_vaddr = 0;
  ph[2].p_memsz = 0xffffffff;

  ph[3].p_type = ELF_PT_GNU_STACK;
  ph[3].p_flags = ELF_PF_R | ELF_PF_W;
}

static bool
program_ok (void)
{
  const char *why = NULL;
  bool ok = elf_check_program (&eh, ph, FILE_SIZE, &why);
  if (!ok && why == NULL)
    {
      printf ("rejected without a reason\n");
      fail_cnt++;
    }
  if (ok && why != NULL)
    printf ("accepted but reason set: %s\n", why);
  return ok;
}

/* True if the program is refused for exactly REASON; prints what it got if not. */
static bool
refused_for (const char *reason)
{
  const char *why = NULL;

  if (elf_check_program (&eh, ph, FILE_SIZE, &why))
    why = "(accepted)";
  if (why == NULL || strcmp (why, reason))
    {
      printf ("expected \"%s\", got \"%s\"\n", reason, why ? why : "(no reason)");
      return false;
    }
  return true;
}

/* True if program header P alone is refused for exactly REASON. */
static bool
phdr_refused_for (const struct elf32_phdr *p, const char *reason)
{
  const char *why = NULL;

  if (elf_check_phdr (p, 0, &why))
    why = "(accepted)";
  if (why == NULL || strcmp (why, reason))
    {
      printf ("expected \"%s\", got \"%s\"\n", reason, why ? why : "(no reason)");
      return false;
    }
  return true;
}

static void
test_header (void)
{
  const char *why;

  build_good ();
  CHECK (program_ok ());
  CHECK (elf_check_header (&eh, FILE_SIZE, NULL));

  build_good ();
  eh.e_ident[0] = 0x7e;
  CHECK (!program_ok ());
  build_good ();
  eh.e_ident[3] = 'G';
  CHECK (!program_ok ());
  build_good ();
  eh.e_ident[ELF_EI_CLASS] = 2;
  CHECK (!program_ok ());
  build_good ();
  eh.e_ident[ELF_EI_DATA] = 2;
  CHECK (!program_ok ());
  build_good ();
  eh.e_ident[ELF_EI_VERSION] = 0;
  CHECK (!program_ok ());
  build_good ();
  eh.e_version = 2;
  CHECK (!program_ok ());
  build_good ();
  eh.e_type = 3;
  CHECK (!program_ok ()); /* ET_DYN */
  build_good ();
  eh.e_type = 1;
  CHECK (!program_ok ()); /* ET_REL */
  build_good ();
  eh.e_machine = 62;
  CHECK (!program_ok ()); /* x86-64 */
  build_good ();
  eh.e_phentsize = 56;
  CHECK (!program_ok ());
  build_good ();
  eh.e_phentsize = 0;
  CHECK (!program_ok ());
  build_good ();
  eh.e_phnum = 0;
  CHECK (!program_ok ());

  /* Short files. */
  build_good ();
  CHECK (!elf_check_header (&eh, 51, &why));
  CHECK (!elf_check_header (&eh, 0, NULL));
  /* The table must fit: 52 + 4 * 32 = 180 bytes. */
  CHECK (elf_check_header (&eh, 180, NULL));
  CHECK (!elf_check_header (&eh, 179, NULL));
  /* Offsets that would wrap in 32 bits. */
  eh.e_phoff = 0xffffffe0;
  CHECK (!elf_check_header (&eh, 0xffffffff, NULL));
  eh.e_phoff = 0xffffffff;
  eh.e_phnum = 1;
  CHECK (!elf_check_header (&eh, 0xffffffff, NULL));
}

static void
test_phnum_limit (void)
{
  int i;

  /* 1024 headers: legal, if the file is long enough; 1025: not. */
  build_good ();
  for (i = 4; i < MAX_PH; i++)
    ph[i].p_type = ELF_PT_NOTE;
  eh.e_phnum = 1024;
  CHECK (elf_check_header (&eh, 52 + 1024 * 32, NULL));
  CHECK (elf_check_program (&eh, ph, 52 + 1024 * 32, NULL));
  CHECK (!elf_check_header (&eh, 52 + 1024 * 32 - 1, NULL));
  eh.e_phnum = 1025;
  CHECK (!elf_check_header (&eh, 1u << 20, NULL));
  eh.e_phnum = 0xffff;
  CHECK (!elf_check_header (&eh, 0xffffffff, NULL));
}

static void
test_segment_types (void)
{
  build_good ();
  ph[2].p_type = ELF_PT_DYNAMIC;
  CHECK (!program_ok ());
  build_good ();
  ph[2].p_type = ELF_PT_INTERP;
  CHECK (!program_ok ());
  build_good ();
  ph[2].p_type = ELF_PT_SHLIB;
  CHECK (!program_ok ());
  build_good ();
  ph[2].p_type = ELF_PT_PHDR;
  CHECK (program_ok ());
  build_good ();
  ph[2].p_type = ELF_PT_NULL;
  CHECK (program_ok ());
  build_good ();
  ph[2].p_type = 0x70000000;
  CHECK (program_ok ());
  build_good ();
  ph[3].p_type = 0x6fffffff;
  CHECK (program_ok ());
  /* No PT_LOAD at all. */
  build_good ();
  ph[0].p_type = ELF_PT_NOTE;
  ph[1].p_type = ELF_PT_NOTE;
  CHECK (!program_ok ());
}

static void
test_load_rules (void)
{
  struct elf32_phdr p;

  /* Offset and address must agree within the page. */
  build_good ();
  ph[1].p_offset = 0x2044;
  CHECK (!program_ok ());
  build_good ();
  ph[1].p_offset = 0x1040;
  CHECK (program_ok ()); /* Other page: fine. */
  build_good ();
  ph[1].p_vaddr = 0x0804a000;
  CHECK (!program_ok ());

  /* memsz >= filesz, memsz > 0. */
  build_good ();
  ph[1].p_filesz = 0x5001;
  CHECK (!program_ok ());
  build_good ();
  ph[1].p_filesz = 0x5000;
  ph[1].p_offset = 0x40;
  CHECK (!program_ok ());
  build_good ();
  ph[1].p_filesz = 0;
  CHECK (program_ok ()); /* All bss. */
  build_good ();
  ph[1].p_filesz = 0;
  ph[1].p_memsz = 0;
  CHECK (!program_ok ());

  /* Page 0 is never mapped. */
  build_good ();
  ph[1].p_vaddr = 0x40;
  ph[1].p_offset = 0x40;
  CHECK (!program_ok ());
  build_good ();
  ph[1].p_vaddr = 0xfff;
  ph[1].p_offset = 0xfff;
  CHECK (!program_ok ());
  build_good ();
  ph[1].p_vaddr = 0x1040;
  CHECK (program_ok ());

  /* Wholly below the stack's reserved reach, PHYS_BASE - STACK_MAX, without
     wrapping; each way out has its own reason. */
  memset (&p, 0, sizeof p);
  p.p_type = ELF_PT_LOAD;
  p.p_vaddr = STACK_BOTTOM - PAGE;
  p.p_memsz = PAGE;
  CHECK (elf_check_phdr (&p, 0, NULL));
  p.p_memsz = PAGE + 1;
  CHECK (phdr_refused_for (&p, "segment reaches the stack's reserved reach"));
  p.p_vaddr = TOP - PAGE;
  p.p_memsz = PAGE;
  CHECK (phdr_refused_for (&p, "segment reaches the stack's reserved reach"));
  p.p_memsz = PAGE + 1;
  CHECK (phdr_refused_for (&p, "segment reaches kernel space"));
  p.p_vaddr = TOP;
  p.p_memsz = 1;
  CHECK (phdr_refused_for (&p, "segment reaches kernel space"));
  p.p_vaddr = 0x08048000;
  p.p_memsz = 0xffffffff; /* Wraps to below the start in 32 bits. */
  CHECK (phdr_refused_for (&p, "segment wraps around the address space"));
  p.p_vaddr = 0xfffff000;
  p.p_memsz = 0x2000;
  CHECK (phdr_refused_for (&p, "segment wraps around the address space"));

  /* File bytes inside the file, without wrapping. */
  memset (&p, 0, sizeof p);
  p.p_type = ELF_PT_LOAD;
  p.p_vaddr = 0x08048000;
  p.p_offset = 0x1000;
  p.p_filesz = 0x2000;
  p.p_memsz = 0x2000;
  CHECK (elf_check_phdr (&p, 0x3000, NULL));
  CHECK (!elf_check_phdr (&p, 0x2fff, NULL));
  p.p_offset = 0xfffff000;
  CHECK (!elf_check_phdr (&p, 0xffffffff, NULL));
  /* A segment with no file bytes may have any offset that fits the page rule. */
  p.p_filesz = 0;
  p.p_offset = 0;
  CHECK (elf_check_phdr (&p, 0, NULL));
}

static void
test_overlap (void)
{
  struct elf32_phdr a, b;

  /* Text ends at 0x08049234; data starting in that page shares it. */
  build_good ();
  ph[1].p_vaddr = 0x08049240;
  ph[1].p_offset = 0x1240;
  CHECK (!program_ok ());
  /* Starting on the next page is fine. */
  build_good ();
  ph[1].p_vaddr = 0x0804a000;
  ph[1].p_offset = 0x2000;
  CHECK (program_ok ());
  /* Data wholly inside text. */
  build_good ();
  ph[1].p_vaddr = 0x08048040;
  ph[1].p_offset = 0x40;
  ph[1].p_memsz = 4;
  CHECK (!program_ok ());
  /* Data before text, its .bss running into text's first page. */
  build_good ();
  ph[1].p_vaddr = 0x08040040;
  ph[1].p_offset = 0x40;
  ph[1].p_memsz = 0x8000 - 0x40 + 1;
  CHECK (!program_ok ());
  ph[1].p_memsz = 0x8000 - 0x40;
  CHECK (program_ok ());
  /* The same segment twice. */
  build_good ();
  ph[1] = ph[0];
  CHECK (!program_ok ());
  /* Ignored types never conflict. */
  build_good ();
  ph[2].p_vaddr = 0x08048000;
  ph[2].p_memsz = 0x1000;
  CHECK (program_ok ());

  memset (&a, 0, sizeof a);
  a.p_type = b.p_type = ELF_PT_LOAD;
  a.p_vaddr = 0x1fff;
  a.p_memsz = 1; /* Page 0x1000 only. */
  b = a;
  b.p_vaddr = 0x2000;
  CHECK (!elf_loads_share_page (&a, &b));
  b.p_vaddr = 0x1000;
  CHECK (elf_loads_share_page (&a, &b));
  CHECK (elf_loads_share_page (&b, &a));
  a.p_memsz = 2; /* Now touches 0x2000 too. */
  b.p_vaddr = 0x2fff;
  CHECK (elf_loads_share_page (&a, &b));
}

static void
test_entry (void)
{
  build_good ();
  eh.e_entry = 0x08048000;
  CHECK (program_ok ());
  build_good ();
  eh.e_entry = 0x08049233;
  CHECK (program_ok ());
  build_good ();
  eh.e_entry = 0x08049234;
  CHECK (!program_ok ()); /* Just past. */
  build_good ();
  eh.e_entry = 0x08047fff;
  CHECK (!program_ok ());
  build_good ();
  eh.e_entry = 0;
  CHECK (!program_ok ());
  build_good ();
  eh.e_entry = 0x0804a040;
  CHECK (!program_ok ()); /* Data: not X. */
  build_good ();
  ph[1].p_flags |= ELF_PF_X;
  eh.e_entry = 0x0804a040;
  CHECK (program_ok ());
  build_good ();
  ph[0].p_flags = ELF_PF_R;
  CHECK (!program_ok ());
  /* Inside an ignored segment only. */
  build_good ();
  ph[2].p_vaddr = 0x10000000;
  ph[2].p_flags = ELF_PF_X;
  eh.e_entry = 0x10000000;
  CHECK (!program_ok ());
}

/* Each rule of shared/ABI.md "Executables" is refused with its own reason (the
   reason goes to the diagnostic stream as `load: NAME: REASON'). */
static void
test_reasons (void)
{
  build_good ();
  eh.e_ident[3] = 'G';
  CHECK (refused_for ("not an ELF file"));
  build_good ();
  eh.e_ident[ELF_EI_CLASS] = 2;
  CHECK (refused_for ("not a 32-bit ELF file"));
  build_good ();
  eh.e_ident[ELF_EI_DATA] = 2;
  CHECK (refused_for ("not little-endian"));
  build_good ();
  eh.e_version = 2;
  CHECK (refused_for ("unknown ELF version"));
  build_good ();
  eh.e_type = 3;
  CHECK (refused_for ("not an executable"));
  build_good ();
  eh.e_machine = 62;
  CHECK (refused_for ("not an i386 program"));
  build_good ();
  eh.e_phentsize = 56;
  CHECK (refused_for ("bad program header size"));
  build_good ();
  eh.e_phnum = 0;
  CHECK (refused_for ("no program headers"));
  build_good ();
  eh.e_phnum = ELF_PHNUM_MAX + 1;
  CHECK (refused_for ("too many program headers"));
  build_good ();
  eh.e_phoff = FILE_SIZE;
  CHECK (refused_for ("program headers beyond end of file"));
  build_good ();
  ph[2].p_type = ELF_PT_DYNAMIC;
  CHECK (refused_for ("dynamically linked (PT_DYNAMIC)"));
  build_good ();
  ph[2].p_type = ELF_PT_INTERP;
  CHECK (refused_for ("needs an interpreter (PT_INTERP)"));
  build_good ();
  ph[2].p_type = ELF_PT_SHLIB;
  CHECK (refused_for ("PT_SHLIB segment"));
  build_good ();
  ph[1].p_offset = 0x2044;
  CHECK (refused_for ("segment offset and address differ within a page"));
  build_good ();
  ph[1].p_filesz = 0x5001;
  CHECK (refused_for ("segment memory size below file size"));
  build_good ();
  ph[1].p_filesz = 0;
  ph[1].p_memsz = 0;
  CHECK (refused_for ("empty segment"));
  build_good ();
  ph[1].p_vaddr = 0x40;
  ph[1].p_offset = 0x40;
  CHECK (refused_for ("segment in page 0"));
  build_good ();
  ph[1].p_vaddr = STACK_BOTTOM - PAGE + 0x40;
  CHECK (refused_for ("segment reaches the stack's reserved reach"));
  build_good ();
  ph[1].p_vaddr = TOP + 0x40;
  CHECK (refused_for ("segment reaches kernel space"));
  build_good ();
  ph[1].p_memsz = 0xfffff000;
  CHECK (refused_for ("segment wraps around the address space"));
  build_good ();
  ph[1].p_filesz = FILE_SIZE;
  CHECK (refused_for ("segment beyond end of file"));
  build_good ();
  ph[1].p_vaddr = 0x08049240;
  ph[1].p_offset = 0x1240;
  CHECK (refused_for ("segments share a page"));
  build_good ();
  ph[0].p_type = ELF_PT_NOTE;
  ph[1].p_type = ELF_PT_NOTE;
  CHECK (refused_for ("no loadable segment"));
  build_good ();
  eh.e_entry = 0x0804a040;
  CHECK (refused_for ("entry point outside executable code"));
}

static void
test_load_pages (void)
{
  uint32_t first, end;

  build_good ();
  elf_load_pages (&ph[0], &first, &end);
  CHECK (first == 0x08048000 && end == 0x0804a000);
  elf_load_pages (&ph[1], &first, &end);
  CHECK (first == 0x0804a000 && end == 0x08050000);
  ph[1].p_vaddr = TOP - 1;
  ph[1].p_memsz = 1;
  elf_load_pages (&ph[1], &first, &end);
  CHECK (first == TOP - PAGE && end == TOP);
}

int
main (void)
{
  test_header ();
  test_phnum_limit ();
  test_segment_types ();
  test_load_rules ();
  test_overlap ();
  test_entry ();
  test_reasons ();
  test_load_pages ();
  return check_summary ("elf");
}
