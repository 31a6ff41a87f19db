/* The classic picture of a C program's memory, checked on a live process.

   C puts each kind of object in a particular segment: code in text,
   constants and string literals in read-only data, initialised globals
   and statics in data, zero-initialised ones in bss, malloc'd blocks on
   the heap just above them, mapped files between the heap and the stack,
   locals and the arguments on the stack.  This program prints where a
   sample of each really lives, asks the kernel (the regions() system call)
   which region holds that address, and checks that the two agree.  It
   doubles as the `make run' demo, so its output is meant to be read; with
   the page-fault trace on, each page appears the first time it is used. */

#include "tests/lib.h"
#include <malloc.h>
#include <stdint.h>
#include <string.h>
#include <syscall.h>

#define REGIONS_MAX 16
#define MAP_ADDRESS ((void *) 0x10000000) /* Where the demo maps its file. */
#define MAPPED_TEXT "the contents of a memory-mapped file\n"

/* Where the linker script (lib/user/user.lds.in) says things end. */
extern char etext[], edata[], end[];

/* One of each kind of object. */
int initialised_global = 42;
int uninitialised_global;
static char
    big_uninitialised_array[3 * PGSIZE]; /* Spills .bss onto pages of its own. */
const int const_global = 7;

static struct region_info regions_found[REGIONS_MAX];
static int region_count;

/* The region holding ADDRESS, or NULL. */
static const struct region_info *
find_region (const void *address)
{
  uintptr_t a = (uintptr_t) address;
  int i;

  for (i = 0; i < region_count; i++)
    if (a >= regions_found[i].start && a < regions_found[i].end)
      return &regions_found[i];
  return NULL;
}

/* Names the segment ADDRESS lies in, from the kernel's region R: the text
   region also holds read-only data, after etext; the data region's pages
   hold file bytes (.data) and then zeros (.bss). */
static const char *
segment_of (const void *address, const struct region_info *r)
{
  if (r == NULL)
    return "(none)";
  if (!strcmp (r->kind, "text"))
    return (const char *) address < etext ? "text" : "rodata";
  if (!strcmp (r->kind, "data"))
    return (uintptr_t) address < r->start + r->file_bytes ? "data" : "bss";
  return r->kind;
}

/* "rwx" style rendering of region flags F into BUF. */
static const char *
flag_string (unsigned f, char buf[4])
{
  buf[0] = f & REGION_READ ? 'r' : '-';
  buf[1] = f & REGION_WRITE ? 'w' : '-';
  buf[2] = f & REGION_EXEC ? 'x' : '-';
  buf[3] = '\0';
  return buf;
}

/* Prints one table row for the object WHAT at ADDRESS, which C places in
   segment EXPECTED, and whether the kernel's regions agree.  Returns true
   if they do. */
static bool
show (const char *what, const void *address, const char *expected)
{
  const struct region_info *r = find_region (address);
  const char *segment = segment_of (address, r);
  bool ok = !strcmp (segment, expected);
  char flags[4];

  msg ("%-28s %p  %-6s %s  %-6s  %s", what, address, segment,
       r != NULL ? flag_string (r->flags, flags) : "---", expected,
       ok ? "OK" : "MISMATCH");
  return ok;
}

int
main (int argc, char *argv[])
{
  static int static_local = 5;
  static int static_local_zero;
  const char *literal = "a string literal";
  int local = 1;
  int i, mismatches = 0;
  char flags[4];
  char *block, *mapped;
  int fd;

  test_name = "memory-layout";
  msg ("begin");
  block = malloc (100);
  if (block == NULL)
    fail ("malloc (100) failed");
  if (!create ("mapped.txt", 0) || (fd = open ("mapped.txt")) < 2
      || write (fd, MAPPED_TEXT, sizeof MAPPED_TEXT - 1) != sizeof MAPPED_TEXT - 1
      || mmap (fd, MAP_ADDRESS) == MAP_FAILED)
    fail ("could not map a file");
  mapped = MAP_ADDRESS;
  region_count = regions (regions_found, REGIONS_MAX);
  if (region_count < 0)
    fail ("regions() returned %d", region_count);
  if (region_count > REGIONS_MAX)
    region_count = REGIONS_MAX;

  msg ("The regions of this process, lowest address first (regions() call):");
  for (i = 0; i < region_count; i++)
    {
      const struct region_info *r = &regions_found[i];

      msg ("  %p-%p  %s  %-6s  %6u bytes from the file", (void *) r->start,
           (void *) r->end, flag_string (r->flags, flags), r->kind,
           (unsigned) r->file_bytes);
    }
  msg ("The linker's markers: etext = %p, edata = %p, end = %p.", (void *) etext,
       (void *) edata, (void *) end);
  msg ("Read-only data follows the code inside the text region (past etext);");
  msg ("the data region's file bytes are .data, the zeros after them are .bss.");
  msg ("%-28s %-10s  %-6s %-3s  %-6s  %s", "object", "address", "found", "acc",
       "C says", "verdict");
  mismatches += !show ("main (a function)", (const void *) main, "text");
  mismatches += !show ("string literal", literal, "rodata");
  mismatches += !show ("const global", &const_global, "rodata");
  mismatches += !show ("initialised global", &initialised_global, "data");
  mismatches += !show ("static local = 5", &static_local, "data");
  mismatches += !show ("uninitialised global", &uninitialised_global, "bss");
  mismatches += !show ("static local = 0", &static_local_zero, "bss");
  mismatches += !show ("12 KB uninitialised array", big_uninitialised_array, "bss");
  mismatches += !show ("malloc'd block", block, "heap");
  mismatches += !show ("mapped file", mapped, "mmap");
  mismatches += !show ("local variable", &local, "stack");
  mismatches += !show ("argv (the array)", argv, "stack");
  mismatches += !show ("argv[0] (the string)", argv[0], "stack");
  msg ("The stack is at the top of user memory, just below PHYS_BASE = %p;",
       (void *) PHYS_BASE_ADDR);
  msg ("the code is at the bottom, at USER_BASE = %p.", (void *) USER_BASE_ADDR);
  msg ("The heap starts on the page after .bss and grows up (sbrk);");
  msg ("the file is mapped between the heap and the stack: \"%.20s...\"", mapped);
  if (argc != 1)
    fail ("argc = %d, expected 1", argc);
  if (mismatches > 0)
    fail ("%d object(s) are not where C puts them", mismatches);
  msg ("end");
  return 0;
}
