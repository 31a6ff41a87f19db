/* The initial user stack, exactly as the ABI lays it out: this program
   replaces lib/user/entry.c's _start with its own, which looks at the stack
   before any C code has touched it.  %esp must point at a fake return
   address 0, above it argc, then argv, which must point just above itself
   (argv[0] follows immediately); argv[argc] must be null, all of it below
   PHYS_BASE and %esp a multiple of 4. */

#include "tests/lib.h"
#include <stdint.h>
#include <string.h>
#include <syscall.h>
#include "threads/vaddr.h"

void _start (void) NO_RETURN;
void check_layout (uint32_t *initial_esp) NO_RETURN;

/* Entry point: passes the untouched initial %esp to check_layout. */
asm(".globl _start\n"
    "_start:\n"
    "  movl %esp, %eax\n"
    "  pushl %eax\n"
    "  call check_layout\n");

void
check_layout (uint32_t *esp)
{
  char **argv;
  int argc;

  test_name = "args-layout";
  msg ("begin");
  CHECK ((uintptr_t) esp % 4 == 0, "%%esp is a multiple of 4");
  CHECK ((void *) esp < PHYS_BASE && (char *) esp >= (char *) PHYS_BASE - PGSIZE,
         "%%esp is in the top page below PHYS_BASE");
  CHECK (esp[0] == 0, "[%%esp] is the fake return address 0");
  argc = esp[1];
  argv = (char **) esp[2];
  CHECK (argc == 2, "[%%esp + 4] is argc = %d", argc);
  CHECK (argv == (char **) (esp + 3), "[%%esp + 8] is argv = %%esp + 12");
  CHECK (!strcmp (argv[0], "args-layout") && !strcmp (argv[1], "xyzzy"),
         "argv[0] and argv[1] are 'args-layout' and 'xyzzy'");
  CHECK (argv[2] == NULL, "argv[2] is null");
  CHECK ((char *) argv[0] > (char *) (argv + 3)
             && (char *) argv[1] > (char *) (argv + 3),
         "the strings lie above the argv array");
  CHECK ((void *) (argv[0] + strlen (argv[0])) < PHYS_BASE
             && (void *) (argv[1] + strlen (argv[1])) < PHYS_BASE,
         "the strings end below PHYS_BASE");
  msg ("end");
  exit (0);
}
