/* System-call arguments (see args.h). Each generator mixes valid values, the
   edges of what is valid, and hostile values; how often each comes is tuned so
   that a batch of calls usually runs for a few dozen calls before one of them
   gets its process killed. */

#include "tests/fuzz/src/args.h"
#include <round.h>
#include <string.h>
#include "tests/fuzz/src/state.h"

/* From lib/user/user.lds.in: the start of the text segment and the end of
   its code (read-only data follows). */
extern char __executable_start[], etext[];

#define HOSTILE_PER_MILLE 15 /* A pointer that the kernel must refuse. */
#define LONG_NAME_LEN 300    /* Far longer than any file name. */

static uint32_t
below (uint32_t n)
{
  return rng_below (&self.rng, n);
}

static bool
chance (unsigned per_mille)
{
  return rng_chance (&self.rng, per_mille);
}

static uint32_t
min_u32 (uint32_t a, uint32_t b)
{
  return a < b ? a : b;
}

/* The heap's size as sbrk's results say (0 if it is empty, or if the break
   went below where it began). */
static uint32_t
heap_size (void)
{
  return self.brk > self.heap_start ? self.brk - self.heap_start : 0;
}

/* A start in [START, START + SIZE] for LEN bytes: one where they fit, if they
   can, unless WILD allows one that runs past the end (rarely). */
static uint32_t
place (uintptr_t start, uint32_t size, uint32_t len, bool wild)
{
  if (len <= size && !(wild && chance (30)))
    return start + below (size - len + 1);
  return start + below (size + 1);
}

/* An address that is never mapped: null, low, a guard page, the kernel. */
static uint32_t
never_mapped (void)
{
  static const uint32_t words[] = {
    0,
    1,
    PGSIZE - 1,
    0x04000000,
    FUZZ_BUF_END,
    FUZZ_STAT_END + 0x10,
    PHYS_BASE_ADDR,
    PHYS_BASE_ADDR + 0x100000,
    0xfffff000,
    0xfffffffc,
    0xffffffff,
  };
  return RNG_PICK (&self.rng, words);
}

/* A pointer for LEN bytes that the kernel must refuse: one never mapped, one
   just below the user base, or one whose range runs off the end of mapped
   memory into a guard page or the kernel; if WRITE, also one into read-only
   code. (Not for strings: the bytes before the end may hold a null.) */
static uint32_t
hostile (uint32_t len, bool write)
{
  uint32_t reach = len > 1 ? min_u32 (len - 1, 64) : 1;

  switch (below (write ? 6 : 5))
    {
    case 0:
      return FUZZ_BUF_END - 1 - below (reach); /* Into the guard page. */
    case 1:
      return PHYS_BASE_ADDR - 1 - below (reach); /* Into the kernel. */
    case 2:
      return FUZZ_STAT_END - 1 - below (reach); /* Past the counts. */
    case 3:
      return USER_BASE_ADDR - 4; /* mmap may have put a file below it. */
    case 5:
      return (uintptr_t) __executable_start + below (etext - __executable_start);
    default:
      return never_mapped ();
    }
}

uint32_t
arg_unreadable (void)
{
  static const uint32_t words[]
      = { 0, PHYS_BASE_ADDR, PHYS_BASE_ADDR + 0x100000, 0xfffff000, 0xffffffff };
  return RNG_PICK (&self.rng, words);
}

uint32_t
arg_src (uint32_t len)
{
  if (chance (HOSTILE_PER_MILLE))
    return hostile (len, false);
  switch (below (10))
    {
    case 0:
    case 1:
    case 2:
      return place (FUZZ_BUF_ADDR, FUZZ_BUF_SIZE, len, true);
    case 3:
    case 4:
      return place ((uintptr_t) fuzz_scratch, FUZZ_SCRATCH_SIZE, len, true);
    case 5:
      return place ((uintptr_t) self.stack_area, FUZZ_STACK_AREA_SIZE, len, true);
    case 6:
      if (heap_size () > 0)
        return place (self.heap_start, heap_size (), len, true);
      return place (FUZZ_BUF_ADDR, FUZZ_BUF_SIZE, len, true);
    case 7:
      return place ((uintptr_t) __executable_start, etext - __executable_start, len,
                    true);
    case 8:
      return self.map_addrs[below (FUZZ_TRACKED)] + below (PGSIZE);
    default:
      return place (FUZZ_STAT_ADDR, PGSIZE, len, true);
    }
}

uint32_t
arg_dest (uint32_t len)
{
  if (chance (HOSTILE_PER_MILLE))
    return hostile (len, true);
  switch (below (8))
    {
    case 4:
      if (len <= FUZZ_SCRATCH_SIZE)
        return place ((uintptr_t) fuzz_scratch, FUZZ_SCRATCH_SIZE, len, false);
      break;
    case 5:
      if (len <= FUZZ_STACK_AREA_SIZE)
        return place ((uintptr_t) self.stack_area, FUZZ_STACK_AREA_SIZE, len, false);
      break;
    case 6:
      /* Past the heap's last page lies a guard, a scratch mapping or
         fuzz.buf: never anything of the fuzzer's. */
      if (heap_size () > 0)
        return place (self.heap_start, heap_size (), len, true);
      break;
    case 7:
      /* A file the fuzzer mapped (or did: then the kernel must refuse). */
      return self.map_addrs[below (FUZZ_TRACKED)] + below (PGSIZE);
    default:
      break;
    }
  return place (FUZZ_BUF_ADDR, FUZZ_BUF_SIZE, len, true);
}

uint32_t
arg_len (void)
{
  static const uint32_t edges[] = { 0,
                                    1,
                                    2,
                                    4,
                                    PGSIZE - 1,
                                    PGSIZE,
                                    PGSIZE + 1,
                                    2 * PGSIZE,
                                    FUZZ_BUF_SIZE,
                                    FUZZ_BUF_SIZE + 1 };
  static const uint32_t huge[]
      = { 0x7fffffff, 0x80000000, 0xffffffff, 0xfffffff0, 0x10000000, 0x00100000 };
  uint32_t r = below (100);

  if (r < 45)
    return below (65);
  if (r < 75)
    return below (PGSIZE + 1);
  if (r < 90)
    return RNG_PICK (&self.rng, edges);
  if (r < 98)
    return below (FUZZ_BUF_SIZE + 1);
  return RNG_PICK (&self.rng, huge);
}

uint32_t
arg_offset (void)
{
  static const uint32_t edges[] = {
    0,     1,      511,     512,        4095,       4096,       4097,
    65536, 200000, 1 << 20, 0x7fffffff, 0x80000000, 0xffffffff,
  };
  uint32_t r = below (100);

  if (r < 40)
    return below (8193);
  if (r < 50)
    return below (1 << 18);
  return RNG_PICK (&self.rng, edges);
}

uint32_t
arg_fd (void)
{
  static const uint32_t odd[]
      = { -1, INT32_MIN, 0, 1, 128, 129, 130, 131, 1000, INT32_MAX, 0xffff };
  uint32_t r = below (100);

  if (r < 35)
    return self.fds[(self.fd_slot + FUZZ_TRACKED - 1) % FUZZ_TRACKED];
  if (r < 60)
    return self.fds[below (FUZZ_TRACKED)];
  if (r < 80)
    return below (12);
  return RNG_PICK (&self.rng, odd);
}

/* A string of LONG_NAME_LEN letters. */
static const char *
long_name (void)
{
  static char name[LONG_NAME_LEN + 1];

  if (name[0] == '\0')
    memset (name, 'L', LONG_NAME_LEN);
  return name;
}

uint32_t
arg_name (int for_remove)
{
  static const char *const pool[] = { "f0", "f1", "f2", "f3", "f4", "f5" };
  /* 14 characters is the longest name, 15 one too many. */
  static const char *const odd[]
      = { "",    "abcdefghijklmn", "abcdefghijklmno", "a b", " ", "f0 ",
          "x/y", "nosuch",         FUZZ_PROGRAM };
  const char *name;

  if (below (100) < 80)
    name = pool[below (sizeof pool / sizeof *pool)];
  else if (chance (100))
    name = long_name ();
  else
    name = odd[below (sizeof odd / sizeof *odd - (for_remove ? 1 : 0))];
  return arg_string (name, strlen (name));
}

/* Copies the LEN bytes of TEXT and a null to P. */
static uint32_t
put_string (uint32_t p, const char *text, size_t len)
{
  memcpy ((void *) p, text, len);
  ((char *) p)[len] = '\0';
  return p;
}

/* N bytes of TEXT (or 'x's where TEXT has none) ending at END, without a
   null: a string whose reader runs into whatever follows END. */
static uint32_t
unterminated (uint32_t end, const char *text, size_t len, size_t n)
{
  char *p = (char *) end - n;
  size_t i;

  for (i = 0; i < n; i++)
    p[i] = i < len ? text[i] : 'x';
  return (uint32_t) p;
}

uint32_t
arg_string (const char *text, size_t len)
{
  uint32_t r = below (1000), size = len + 1, boundary;

  if (r < 10)
    return never_mapped ();
  if (r < 17)
    return unterminated (FUZZ_BUF_END, text, len, 1 + below (min_u32 (size, 64)));
  if (r < 22)
    return unterminated (PHYS_BASE_ADDR, text, len, 1 + below (16));
  switch (below (7))
    {
    case 0:
      return (uint32_t) text;
    case 1:
      /* Across one of fuzz.buf's page boundaries. */
      if (size <= PGSIZE)
        {
          boundary
              = FUZZ_BUF_ADDR + PGSIZE * (1 + below (FUZZ_BUF_SIZE / PGSIZE - 1));
          return put_string (boundary - 1 - below (size), text, len);
        }
      break;
    case 2:
      if (size <= FUZZ_SCRATCH_SIZE)
        return put_string (
            place ((uintptr_t) fuzz_scratch, FUZZ_SCRATCH_SIZE, size, false), text,
            len);
      break;
    case 3:
      if (size <= FUZZ_STACK_AREA_SIZE)
        return put_string (
            place ((uintptr_t) self.stack_area, FUZZ_STACK_AREA_SIZE, size, false),
            text, len);
      break;
    case 4:
      if (size <= heap_size ())
        return put_string (place (self.heap_start, heap_size (), size, false), text,
                           len);
      break;
    default:
      break;
    }
  if (size <= FUZZ_BUF_SIZE)
    return put_string (place (FUZZ_BUF_ADDR, FUZZ_BUF_SIZE, size, false), text, len);
  return (uint32_t) text;
}

uint32_t
arg_pid (void)
{
  static const uint32_t odd[] = { 0, -1, 1, 2, 3, INT32_MAX, INT32_MIN };
  uint32_t r = below (100);

  if (r < 50)
    return self.pids[below (FUZZ_TRACKED)];
  if (r < 75)
    return below (100);
  return RNG_PICK (&self.rng, odd);
}

uint32_t
arg_mapid (void)
{
  static const uint32_t odd[] = { -1, 0, 1, 2, 3, 50, INT32_MAX, INT32_MIN };
  uint32_t r = below (100), id;

  if (r < 55)
    id = self.maps[below (FUZZ_TRACKED)];
  else if (r < 80)
    id = below (20);
  else
    id = RNG_PICK (&self.rng, odd);
  /* The shared files stay mapped: the fuzzer needs them. */
  return (int) id == self.buf_map || (int) id == self.stat_map ? (uint32_t) -1 : id;
}

uint32_t
arg_map_addr (void)
{
  /* Never a guard page (FUZZ_BUF_END, FUZZ_STAT_END): they stay unmapped. */
  static const uint32_t fixed[] = {
    0,
    0x10000001,
    0x10000800,
    PGSIZE,
    USER_BASE_ADDR - PGSIZE,
    USER_BASE_ADDR,
    FUZZ_BUF_ADDR - PGSIZE,
    FUZZ_BUF_ADDR,
    FUZZ_STAT_ADDR,
    0x30000000,
    0x5ffff000,
    PHYS_BASE_ADDR - STACK_MAX - PGSIZE,
    PHYS_BASE_ADDR - STACK_MAX,
    PHYS_BASE_ADDR - 0x100000,
    PHYS_BASE_ADDR - PGSIZE,
    PHYS_BASE_ADDR,
    0xfffff000,
  };
  uint32_t r = below (100);

  if (r < 40)
    return 0x10000000 + below (16) * PGSIZE;
  if (r < 55)
    return ROUND_UP (self.brk, PGSIZE) + below (4) * PGSIZE;
  if (r < 62)
    return (uintptr_t) fuzz_scratch;
  return RNG_PICK (&self.rng, fixed);
}

uint32_t
arg_increment (void)
{
  static const uint32_t fixed[] = {
    0,          1,          -1,         4095,       4096,       4097,
    -4096,      65536,      -65536,     0x100000,   -0x100000,  0x1000000,
    0x10000000, 0x40000000, 0x7fffffff, 0x80000000, 0x80000001, 0xfffff000,
  };
  uint32_t r = below (100);

  if (r < 35)
    return below (3 * PGSIZE) - PGSIZE;
  if (r < 45)
    return below (2 << 20); /* Up to half of RAM. */
  if (r < 55)
    return self.heap_start - self.brk - below (2); /* Back to the start, or below. */
  if (r < 60)
    return FUZZ_BUF_ADDR - self.brk + below (2); /* Up to fuzz.buf, or into it. */
  return RNG_PICK (&self.rng, fixed);
}

uint32_t
arg_sleep_ms (void)
{
  static const uint32_t ms[] = { 0, 1, 2, 5, 10 };
  return RNG_PICK (&self.rng, ms);
}

uint32_t
arg_range_addr (void)
{
  uint32_t fixed[] = {
    0,
    PGSIZE,
    USER_BASE_ADDR,
    USER_BASE_ADDR + 1,
    (uintptr_t) fuzz_scratch,
    ROUND_DOWN (self.heap_start, PGSIZE),
    ROUND_DOWN (self.brk, PGSIZE),
    0x10000000,
    FUZZ_BUF_ADDR,
    FUZZ_BUF_END,
    FUZZ_STAT_ADDR,
    PHYS_BASE_ADDR - STACK_MAX,
    PHYS_BASE_ADDR - PGSIZE,
    PHYS_BASE_ADDR,
    0xfffff000,
  };

  if (below (100) < 20)
    return self.map_addrs[below (FUZZ_TRACKED)];
  return RNG_PICK (&self.rng, fixed);
}

uint32_t
arg_range_len (uint32_t addr)
{
  uint32_t fixed[] = {
    0,
    1,
    PGSIZE,
    PGSIZE + 1,
    16 * PGSIZE,
    PHYS_BASE_ADDR - addr,
    PHYS_BASE_ADDR - addr + 1,
    0x10000000,
    0x80000000,
    0xffffffff,
  };

  if (below (100) < 40)
    return below (64 * PGSIZE);
  return RNG_PICK (&self.rng, fixed);
}

uint32_t
arg_count (void)
{
  static const uint32_t fixed[] = { -1, INT32_MIN, 0, 1, 2, 5, 16, 64, INT32_MAX };

  if (below (100) < 40)
    return below (32);
  return RNG_PICK (&self.rng, fixed);
}

uint32_t
arg_word (void)
{
  switch (below (8))
    {
    case 0:
      return arg_fd ();
    case 1:
      return arg_src (16);
    case 2:
      return arg_len ();
    case 3:
      return never_mapped ();
    case 4:
      return arg_name (0);
    case 5:
      return arg_offset ();
    case 6:
      return arg_map_addr ();
    default:
      return rng_next (&self.rng);
    }
}
