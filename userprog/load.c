/* The ELF loader. It validates the executable completely (userprog/elf.c) before
   touching the address space, describes each PT_LOAD segment as regions of the
   process's address space (vm/addrspace.h), and builds the initial stack of
   shared/ABI.md "Process start". It fills no page but the stack's top one: every
   other page comes in from the file or as zeros when the program first touches
   it. */

#include "userprog/load.h"
#include <round.h>
#include <stdio.h>
#include <string.h>
#include "devices/console.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "userprog/elf.h"
#include "userprog/process.h"
#include "userprog/uaccess.h"
#include "vm/addrspace.h"

/* Describes PT_LOAD segment PH of FILE (named NAME) as regions of AS: read-only
   segments as one "text" (executable) or "rodata" region, writable ones as a
   "data" region for the pages holding file bytes and a "bss" region for the pages
   that are all zeros. Returns NULL or the reason for failing. */
static const char *
load_segment (struct addrspace *as, struct file *file, const char *name,
              const struct elf32_phdr *ph)
{
  uint32_t first, end, data_end;
  uint32_t page_offset = ph->p_vaddr % PGSIZE;
  bool writable = (ph->p_flags & ELF_PF_W) != 0;
  bool executable = (ph->p_flags & ELF_PF_X) != 0;
  uint32_t file_bytes = ph->p_filesz > 0 ? page_offset + ph->p_filesz : 0;
  off_t offset = (off_t) (ph->p_offset - page_offset);
  const char *why;

  /* The segment's first page starts PAGE_OFFSET bytes before it, in memory and in
     the file alike (elf_check_phdr made the two congruent). */
  elf_load_pages (ph, &first, &end);
  data_end = first + ROUND_UP (file_bytes, PGSIZE);

  if (!writable)
    {
      enum region_kind kind = executable ? REGION_TEXT : REGION_RODATA;
      return file_bytes > 0 ? addrspace_map_file (as, (void *) first, (void *) end,
                                                  false, executable, file, name,
                                                  offset, file_bytes, kind)
                            : addrspace_map_anon (as, (void *) first, (void *) end,
                                                  false, kind);
    }
  if (data_end > first
      && (why = addrspace_map_file (as, (void *) first, (void *) data_end, true,
                                    executable, file, name, offset, file_bytes,
                                    REGION_DATA))
             != NULL)
    return why;
  if (end > data_end)
    return addrspace_map_anon (as, (void *) data_end, (void *) end, true,
                               REGION_BSS);
  return NULL;
}

#ifndef STARTER_USERPROG /* BEGIN SOLUTION userprog */
/* Counts the words of CMDLINE (runs of non-spaces). */
static size_t
count_words (const char *cmdline)
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
static bool
build_stack (uint8_t *kpage, const char *cmdline, void **esp)
{
  uint8_t *upage = (uint8_t *) PHYS_BASE - PGSIZE;
  size_t len = strlen (cmdline);
  size_t argc = count_words (cmdline);
  size_t pointer_bytes;
  char *strings, *word, *save;
  uint32_t *argv, *sp;
  size_t i = 0;

#define TO_USER(KADDR) ((uint32_t) (upage + (((uint8_t *) (KADDR)) - kpage)))

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
#else  /* STARTER userprog */
/* Builds the initial stack in the zeroed page KPAGE that will be mapped at
   PHYS_BASE - PGSIZE. Passing CMDLINE's words as arguments (shared/ABI.md
   "Process start") is yours to write; this stack has none: argv[0] = NULL,
   argv, argc = 0 and a fake return address. Sets *ESP to the user address of the
   fake return address. */
static bool
build_stack (uint8_t *kpage, const char *cmdline, void **esp)
{
  uint32_t *sp = (uint32_t *) (kpage + PGSIZE);

  (void) cmdline;
  *--sp = 0;                                  /* argv[0] */
  sp[-1] = (uint32_t) PHYS_BASE - sizeof *sp; /* argv */
  sp -= 3;                                    /* argv, argc, return address */
  *esp = (uint8_t *) PHYS_BASE - 4 * sizeof *sp;
  return true;
}
#endif /* END SOLUTION userprog */

/* Adds AS's stack region and builds the initial stack for CMDLINE in its top
   page, through the same path a system call writes user memory by. Returns NULL or
   the reason for failing. */
static const char *
setup_stack (struct addrspace *as, const char *cmdline, void **esp)
{
  uint8_t *kpage;
  const char *why = NULL;
  size_t used;

  if (!addrspace_init_stack (as))
    return "out of memory";
  kpage = palloc_get_page (PAL_ZERO);
  if (kpage == NULL)
    return "out of memory";
  if (!build_stack (kpage, cmdline, esp))
    why = "command line too long";
  else
    {
      used = (uint8_t *) PHYS_BASE - (uint8_t *) *esp;
      if (!user_copy_out (*esp, kpage + PGSIZE - used, used))
        why = "out of memory";
    }
  palloc_free_page (kpage);
  return why;
}

/* Reads and checks FILE's headers (FILE is named NAME), then describes its
   segments in AS. Returns NULL, with *ENTRY set, or a reason. */
static const char *
load_executable (struct addrspace *as, struct file *file, const char *name,
                 uint32_t *entry)
{
  struct elf32_ehdr ehdr;
  struct elf32_phdr *phdrs;
  off_t length = file_length (file);
  size_t table_bytes;
  const char *why = NULL;
  uint32_t heap_start = 0;
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
        {
          uint32_t first, end;
          why = load_segment (as, file, name, &phdrs[i]);
          elf_load_pages (&phdrs[i], &first, &end);
          if (end > heap_start)
            heap_start = end;
        }
  if (why == NULL)
    addrspace_init_heap (as, (void *) heap_start);
  free (phdrs);
  *entry = ehdr.e_entry;
  return why;
}

/* Loads the program that CMDLINE's first word names into process P, run by the
   current thread, whose address space exists (and is active) and is empty, and
   builds its initial stack with CMDLINE's words as arguments. On success sets *EIP
   and *ESP to the user's entry point and stack pointer, leaves the executable
   open in P->executable with writes denied, and returns true. On failure says why
   (`load: NAME: open failed' on the console when there is no such file, any other
   reason on the diagnostic stream) and returns false; whatever was already added
   (regions, pages, the open executable) is left for the caller's teardown to
   free. Sleeps on the disk; the caller holds no locks. */
bool
load_program (struct process *p, const char *cmdline, void (**eip) (void),
              void **esp)
{
  uint32_t entry = 0;
  const char *why;

  /* P's name is CMDLINE's first word, cut to PROCESS_NAME_MAX characters: one
     longer than FILE_NAME_MAX names no file. */
  if (strlen (p->name) > FILE_NAME_MAX)
    p->executable = NULL;
  else
    p->executable = filesys_open (p->name);
  if (p->executable == NULL)
    {
      /* The console's line is for a program that is not there (ABI.md); one
         that is, but could not be opened, failed for want of memory. */
      if (strlen (p->name) <= FILE_NAME_MAX && filesys_exists (p->name))
        diag_printf ("load: %s: out of memory\n", p->name);
      else
        printf ("load: %s: open failed\n", p->name);
      return false;
    }
  file_deny_write (p->executable);

  why = load_executable (thread_current ()->addrspace, p->executable, p->name,
                         &entry);
  if (why == NULL)
    why = setup_stack (thread_current ()->addrspace, cmdline, esp);
  if (why != NULL)
    {
      diag_printf ("load: %s: %s\n", p->name, why);
      return false;
    }
  *eip = (void (*) (void)) entry;
  return true;
}
