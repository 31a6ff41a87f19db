#ifndef TESTS_VM_VMLIB_H
#define TESTS_VM_VMLIB_H

/* Helpers for the virtual-memory tests, header-only so that every program in
   tests/vm/ gets them without a build rule of its own (each program is linked
   with tests/lib.c only).  Every function is static inline: a program that
   does not use one pays nothing for it.

   Page states come from the mincore() system call: one byte a page, the
   MINCORE_* bits of lib/region-info.h.  Regions come from regions(). */

#include <region-info.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"
#include "threads/vaddr.h"

/* Most regions a test process has (text, rodata, data, bss, stack...). */
#define VM_REGIONS_MAX 16

/* The lowest address the stack may ever reach, by the ABI: 8 MB below
   PHYS_BASE. */
#define STACK_FLOOR ((uint8_t *) PHYS_BASE - STACK_MAX)

/* An address no region ever covers in a test program: far above .bss (and
   any heap) and far below the stack's reach. */
#define BETWEEN_REGIONS ((uint8_t *) 0x10000000)

/* The mincore() byte of the page holding ADDR; fails the test if the call
   fails. */
static inline unsigned
page_state (const void *addr)
{
  unsigned char state;

  if (mincore (pg_round_down (addr), PGSIZE, &state) != 0)
    fail ("mincore (%p) failed", pg_round_down (addr));
  return state;
}

/* True if the page holding ADDR is in a frame now. */
static inline bool
page_resident (const void *addr)
{
  return (page_state (addr) & MINCORE_RESIDENT) != 0;
}

/* Of the pages that the SIZE bytes from START overlap, counts those whose
   mincore() byte has any bit of MASK set.  Asks mincore a chunk at a time,
   into a buffer on the caller's stack page. */
static inline size_t
count_pages (const void *start, size_t size, unsigned mask)
{
  enum
  {
    CHUNK = 64
  };
  unsigned char vec[CHUNK];
  const uint8_t *p = pg_round_down (start);
  size_t pages
      = ((uintptr_t) pg_round_up ((const uint8_t *) start + size) - (uintptr_t) p)
        / PGSIZE;
  size_t done, count = 0;

  asm("" : "+r"(p)); /* Only its address matters, not its bytes. */
  for (done = 0; done < pages; done += CHUNK)
    {
      size_t n = pages - done < CHUNK ? pages - done : CHUNK;
      size_t i;

      if (mincore (p + done * PGSIZE, n * PGSIZE, vec) != 0)
        fail ("mincore (%p, %zu pages) failed", p + done * PGSIZE, n);
      for (i = 0; i < n; i++)
        if (vec[i] & mask)
          count++;
    }
  return count;
}

/* Copies the caller's region list into INFO (room for VM_REGIONS_MAX) and
   returns how many there are. */
static inline int
get_regions (struct region_info info[VM_REGIONS_MAX])
{
  int n = regions (info, VM_REGIONS_MAX);

  if (n < 1 || n > VM_REGIONS_MAX)
    fail ("regions() returned %d", n);
  return n;
}

/* The caller's region of kind KIND ("text", "stack"...), copied to *R;
   fails if there is none. */
static inline void
find_region_kind (const char *kind, struct region_info *r)
{
  struct region_info info[VM_REGIONS_MAX];
  int n = get_regions (info);
  int i;

  for (i = 0; i < n; i++)
    if (!strcmp (info[i].kind, kind))
      {
        *r = info[i];
        return;
      }
  fail ("no \"%s\" region", kind);
}

/* The lowest address of the stack region now: it moves down as the stack
   grows. */
static inline uint8_t *
stack_bottom (void)
{
  struct region_info r;

  find_region_kind ("stack", &r);
  return (uint8_t *) r.start;
}

/* True if ADDR lies in some region of the caller. */
static inline bool
in_some_region (const void *addr)
{
  struct region_info info[VM_REGIONS_MAX];
  int n = get_regions (info);
  int i;

  for (i = 0; i < n; i++)
    if ((uintptr_t) addr >= info[i].start && (uintptr_t) addr < info[i].end)
      return true;
  return false;
}

/* The current stack pointer. */
static inline uint8_t *
current_esp (void)
{
  uint8_t *esp;

  asm volatile("movl %%esp, %0" : "=g"(esp));
  return esp;
}

/* A deterministic pseudo-random generator (a 32-bit linear congruential
   generator, top bits out) so that runs repeat exactly. */
struct prng
{
  uint32_t state;
};

static inline void
prng_seed (struct prng *g, uint32_t seed)
{
  g->state = seed;
}

static inline uint32_t
prng_next (struct prng *g)
{
  g->state = g->state * 1664525u + 1013904223u;
  return (g->state >> 16) | (g->state << 16);
}

/* A byte that depends on INDEX and SEED, for filling and checking buffers
   without storing the expected copy. */
static inline uint8_t
pattern_byte (size_t index, unsigned seed)
{
  uint32_t x = (uint32_t) index * 2654435761u + seed * 40503u;

  return (uint8_t) (x ^ (x >> 13) ^ (x >> 24));
}

/* Fills SIZE bytes at BUF with pattern SEED from byte OFFSET of the
   pattern on. */
static inline void
pattern_fill (void *buf, size_t size, size_t offset, unsigned seed)
{
  uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i++)
    p[i] = pattern_byte (offset + i, seed);
}

/* Returns the index of the first byte of the SIZE at BUF that differs from
   pattern SEED (from OFFSET on), or SIZE if none does. */
static inline size_t
pattern_check (const void *buf, size_t size, size_t offset, unsigned seed)
{
  const uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i++)
    if (p[i] != pattern_byte (offset + i, seed))
      return i;
  return size;
}

/* Fails unless the SIZE bytes at BUF hold pattern SEED from OFFSET on;
   WHAT names the data. */
static inline void
pattern_verify (const void *buf, size_t size, size_t offset, unsigned seed,
                const char *what)
{
  size_t bad = pattern_check (buf, size, offset, seed);

  if (bad != size)
    fail ("%s: byte %zu is 0x%02x, expected 0x%02x", what, bad,
          ((const uint8_t *) buf)[bad], pattern_byte (offset + bad, seed));
}

/* Writes SIZE bytes of pattern SEED to a new file NAME, a chunk at a time
   from a small buffer on the stack. */
static inline void
pattern_file (const char *name, size_t size, unsigned seed)
{
  uint8_t chunk[512];
  size_t done;
  int fd;

  if (!create (name, 0))
    fail ("create \"%s\" failed", name);
  fd = open (name);
  if (fd < 2)
    fail ("open \"%s\" returned %d", name, fd);
  for (done = 0; done < size; done += sizeof chunk)
    {
      size_t n = size - done < sizeof chunk ? size - done : sizeof chunk;

      pattern_fill (chunk, n, done, seed);
      if (write (fd, chunk, n) != (int) n)
        fail ("write to \"%s\" at offset %zu failed", name, done);
    }
  close (fd);
}

/* Writes one byte in each page of the SIZE bytes at BUF (from its first
   byte on), so that every page there is touched. */
static inline void
touch_pages (void *buf, size_t size)
{
  volatile uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i += PGSIZE)
    p[i] = (uint8_t) (i / PGSIZE);
}

/* Defines `void never_run (void)': a whole page of code (4095 nops and a ret) on
   a page of its own, for tests about code that has never run, so is not
   resident. Use once, at file scope. */
#define NEVER_RUN_PAGE()        \
  asm(".text\n"                 \
      ".p2align 12\n"           \
      "never_run:\n\t"          \
      ".fill 4095, 1, 0x90\n\t" \
      "ret\n");                 \
  void never_run (void)

#endif /* tests/vm/vmlib.h */
