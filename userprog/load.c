/* The ELF loader. It validates the executable completely (userprog/elf.c) before
   touching the address space, describes each PT_LOAD segment as regions, fills
   their pages through region_fill_page() (eagerly, for now), and builds the
   initial stack of shared/ABI.md "Process start". */

#include "userprog/load.h"
#include <console.h>
#include <round.h>
#include <stdio.h>
#include <string.h>
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "userprog/elf.h"
#include "userprog/pagedir.h"
#include "userprog/process.h"
#include "vm/region.h"

#define FILE_NAME_MAX 31        /* Longer first words cannot name a file anyway. */

/* Allocates a frame for every page of region R, fills it and maps it in P's page
   directory. Returns NULL on success, else the reason for failing; pages already
   mapped stay mapped (the caller's teardown frees them). */
static const char *load_region_pages (struct process *p, const struct region *r)
{
  uint8_t *upage;

  for (upage = r->start; upage < r->end; upage += PGSIZE)
    {
      void *kpage = palloc_get_page (PAL_USER);
      if (kpage == NULL)
        return "out of memory";
      if (!region_fill_page (r, upage, kpage))
        {
          palloc_free_page (kpage);
          return "read error";
        }
      if (!pagedir_set_page (p->pagedir, upage, kpage, r->writable))
        {
          palloc_free_page (kpage);
          return "out of memory";
        }
    }
  return NULL;
}

/* Adds region [START, END) to P and loads its pages. Returns NULL or a reason. */
static const char *add_region (struct process *p, uint32_t start, uint32_t end,
                               bool writable, bool executable,
                               const struct region_backing *backing, const char *kind)
{
  struct region *r = region_add (&p->regions, (void *) start, (void *) end,
                                 writable, executable, backing, kind);
  if (r == NULL)
    return "out of memory";
  return load_region_pages (p, r);
}

/* Describes PT_LOAD segment PH of FILE as regions of P and loads them: read-only
   segments as one "text" (executable) or "rodata" region, writable ones as a
   "data" region for the pages holding file bytes and a "bss" region for the pages
   that are all zeros. Returns NULL or a reason. */
static const char *load_segment (struct process *p, struct file *file,
                                 const struct elf32_phdr *ph)
{
  uint32_t first, end, data_end;
  uint32_t page_offset = ph->p_vaddr % PGSIZE;
  bool writable = (ph->p_flags & ELF_PF_W) != 0;
  bool executable = (ph->p_flags & ELF_PF_X) != 0;
  struct region_backing backing;
  const char *why;

  /* The segment's first page starts PAGE_OFFSET bytes before it, in memory and in
     the file alike (elf_check_phdr made the two congruent). */
  elf_load_pages (ph, &first, &end);
  backing.file_bytes = ph->p_filesz > 0 ? page_offset + ph->p_filesz : 0;
  backing.file = backing.file_bytes > 0 ? file : NULL;
  backing.offset = backing.file_bytes > 0 ? (off_t) (ph->p_offset - page_offset) : 0;

  if (!writable)
    return add_region (p, first, end, false, executable, &backing,
                       executable ? "text" : "rodata");

  data_end = first + ROUND_UP (backing.file_bytes, PGSIZE);
  if (data_end > first)
    {
      why = add_region (p, first, data_end, true, executable, &backing, "data");
      if (why != NULL)
        return why;
    }
  if (end > data_end)
    return add_region (p, data_end, end, true, executable, NULL, "bss");
  return NULL;
}

/* Counts the words of CMDLINE (runs of non-spaces). */
static size_t count_words (const char *cmdline)
{
  size_t n = 0;
  const char *c;

  for (c = cmdline; *c != '\0'; c++)
    if (*c != ' ' && (c == cmdline || c[-1] == ' '))
      n++;
  return n;
}

/* Builds the initial stack in the zeroed page KPAGE that will be mapped at
   PHYS_BASE - PGSIZE: from the top, the words of CMDLINE, padding to 4 bytes,
   argv[argc] = NULL, argv[argc - 1] ... argv[0], argv, argc and a fake return
   address 0. Sets *ESP to the user address of the fake return address. Returns
   false if it does not all fit in the page. */
static bool build_stack (uint8_t *kpage, const char *cmdline, void **esp)
{
  uint8_t *upage = (uint8_t *) PHYS_BASE - PGSIZE;
  size_t len = strlen (cmdline);
  size_t argc = count_words (cmdline);
  size_t pointer_bytes;
  char *strings, *word, *save;
  uint32_t *argv, *sp;
  size_t i = 0;

#define TO_USER(KADDR) ((uint32_t) (upage + ((uint8_t *) (KADDR) - kpage)))

  if (len + 1 > PGSIZE)
    return false;
  strings = (char *) kpage + PGSIZE - (len + 1);
  memcpy (strings, cmdline, len + 1);

  /* argv[0..argc], then argv, argc and the return address. */
  pointer_bytes = (argc + 1 + 3) * sizeof (uint32_t);
  sp = (uint32_t *) ROUND_DOWN ((uintptr_t) strings, sizeof (uint32_t));
  if ((size_t) ((uint8_t *) sp - kpage) < pointer_bytes)
    return false;
  argv = sp - (argc + 1);
  for (word = strtok_r (strings, " ", &save); word != NULL;
       word = strtok_r (NULL, " ", &save))
    argv[i++] = TO_USER (word);
  ASSERT (i == argc);
  argv[argc] = 0;

  sp = argv;
  *--sp = TO_USER (argv);
  *--sp = argc;
  *--sp = 0;
  *esp = (void *) TO_USER (sp);
  return true;
#undef TO_USER
}

/* Adds P's one-page "stack" region just below PHYS_BASE, maps a zeroed frame
   there and builds the initial stack for CMDLINE in it. Returns NULL or a reason. */
static const char *setup_stack (struct process *p, const char *cmdline, void **esp)
{
  uint8_t *upage = (uint8_t *) PHYS_BASE - PGSIZE;
  void *kpage;

  if (region_add (&p->regions, upage, PHYS_BASE, true, false, NULL, "stack") == NULL)
    return "out of memory";
  kpage = palloc_get_page (PAL_USER | PAL_ZERO);
  if (kpage == NULL)
    return "out of memory";
  if (!build_stack (kpage, cmdline, esp))
    {
      palloc_free_page (kpage);
      return "command line too long";
    }
  if (!pagedir_set_page (p->pagedir, upage, kpage, true))
    {
      palloc_free_page (kpage);
      return "out of memory";
    }
  return NULL;
}

/* Reads and checks FILE's headers, then loads its segments into P. Returns NULL,
   with *ENTRY set, or a reason. */
static const char *load_executable (struct process *p, struct file *file,
                                    uint32_t *entry)
{
  struct elf32_ehdr ehdr;
  struct elf32_phdr *phdrs;
  off_t length = file_length (file);
  size_t table_bytes;
  const char *why = NULL;
  int i;

  if (length < 0)
    return "cannot read file";
  if (file_read_at (file, &ehdr, sizeof ehdr, 0) != (off_t) sizeof ehdr)
    return "file too short for an ELF header";
  if (!elf_check_header (&ehdr, length, &why))
    return why;

  table_bytes = ehdr.e_phnum * sizeof *phdrs;
  phdrs = malloc (table_bytes);
  if (phdrs == NULL)
    return "out of memory";
  if (file_read_at (file, phdrs, table_bytes, ehdr.e_phoff) != (off_t) table_bytes)
    why = "cannot read program headers";
  else if (elf_check_program (&ehdr, phdrs, length, &why))
    for (i = 0; i < ehdr.e_phnum && why == NULL; i++)
      if (phdrs[i].p_type == ELF_PT_LOAD)
        why = load_segment (p, file, &phdrs[i]);
  free (phdrs);
  *entry = ehdr.e_entry;
  return why;
}

/* Copies the first word of CMDLINE into NAME (SIZE bytes), truncating it. */
static void first_word (const char *cmdline, char *name, size_t size)
{
  size_t n = 0;

  while (*cmdline == ' ')
    cmdline++;
  while (cmdline[n] != '\0' && cmdline[n] != ' ' && n + 1 < size)
    {
      name[n] = cmdline[n];
      n++;
    }
  name[n] = '\0';
}

/* Loads the program that CMDLINE's first word names into process P, whose page
   directory exists (and is active) and whose region set is empty, and builds its
   initial stack with CMDLINE's words as arguments. On success sets *EIP and *ESP
   to the user's entry point and stack pointer, leaves the executable open in
   P->executable with writes denied, and returns true. On failure prints
   `load: NAME: reason' and returns false; whatever was already added to P
   (regions, mapped frames, the open executable) is left for the caller's
   teardown to free. Sleeps on the disk; the caller holds no locks. */
bool load_program (struct process *p, const char *cmdline,
                   void (**eip) (void), void **esp)
{
  char file_name[FILE_NAME_MAX + 1];
  uint32_t entry = 0;
  const char *why;

  first_word (cmdline, file_name, sizeof file_name);
  if (strlen (file_name) == FILE_NAME_MAX)
    p->executable = NULL;       /* May have been cut: cannot name a file. */
  else
    p->executable = filesys_open (file_name);
  if (p->executable == NULL)
    {
      printf ("load: %s: open failed\n", p->name);
      return false;
    }
  file_deny_write (p->executable);

  why = load_executable (p, p->executable, &entry);
  if (why == NULL)
    why = setup_stack (p, cmdline, esp);
  if (why != NULL)
    {
      diag_printf ("load: %s: %s\n", p->name, why);
      return false;
    }
  *eip = (void (*) (void)) entry;
  return true;
}
