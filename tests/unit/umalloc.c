/* Host tests for the user allocator (lib/user/heap.c) over a fake break in a
   static arena.  Memory past the fake break is poisoned for AddressSanitizer,
   so the allocator touching anything it does not own is caught; memory the
   break hands out is filled with junk, so nothing may rely on it being zero. */

#include "lib/user/heap.h"
#include "tests/unit/check.h"
#include <sanitizer/asan_interface.h>
#include <string.h>

#define ARENA_SIZE (32 * 1024 * 1024)
#define PAGE PGSIZE

static _Alignas(PAGE) unsigned char arena[ARENA_SIZE];

/* A fake break over ARENA: [origin, brk) is the heap's, up to limit. */
struct fake_core
{
  size_t origin;  /* Where the break starts. */
  size_t brk;     /* The break, as an offset into ARENA. */
  size_t limit;   /* The break never passes this. */
  unsigned calls; /* Calls that moved the break. */
};

static void *
fake_more_core (void *aux, intptr_t increment)
{
  struct fake_core *core = aux;

  if (increment > 0 && (size_t) increment > core->limit - core->brk)
    return (void *) -1;
  if (increment < 0 && (size_t) -increment > core->brk - core->origin)
    return (void *) -1;
  if (increment > 0)
    {
      ASAN_UNPOISON_MEMORY_REGION (arena + core->brk, increment);
      memset (arena + core->brk, 0xcd, increment);
    }
  else if (increment < 0)
    ASAN_POISON_MEMORY_REGION (arena + core->brk + increment, -increment);
  if (increment != 0)
    core->calls++;
  core->brk += increment;
  return arena + core->brk - increment;
}

/* What the heap reported last. */
static unsigned report_count;
static const char *report_function, *report_problem;
static void *report_pointer;

static void
record_report (const char *function, const char *problem, void *pointer)
{
  report_count++;
  report_function = function;
  report_problem = problem;
  report_pointer = pointer;
}

static struct heap heap;
static struct fake_core core;

/* A fresh heap over a fresh break at ORIGIN that may grow LIMIT bytes. */
static void
reset (size_t origin, size_t limit)
{
  ASAN_POISON_MEMORY_REGION (arena, sizeof arena);
  core.origin = core.brk = origin;
  core.limit = origin + limit;
  core.calls = 0;
  report_count = 0;
  heap_init (&heap, fake_more_core, &core, record_report);
}

static struct heap_stats
stats (void)
{
  struct heap_stats s;

  memset (&s, 0, sizeof s);
  CHECK (heap_check (&heap, &s));
  return s;
}

/* The byte at I of a block filled for SEED. */
static unsigned char
pattern (uint32_t seed, size_t i)
{
  return (unsigned char) (seed + i * 131 + (i >> 8));
}

static void
fill (void *block, size_t size, uint32_t seed)
{
  unsigned char *bytes = block;
  size_t i;

  for (i = 0; i < size; i++)
    bytes[i] = pattern (seed, i);
}

/* Whether the first SIZE bytes of BLOCK are as fill (BLOCK, ., SEED) left them. */
static bool
holds (const void *block, size_t size, uint32_t seed)
{
  const unsigned char *bytes = block;
  size_t i;

  for (i = 0; i < size; i++)
    if (bytes[i] != pattern (seed, i))
      return false;
  return true;
}

static bool
aligned (const void *p)
{
  return (uintptr_t) p % HEAP_ALIGN == 0;
}

/* The heap is empty and the break back where it started. */
static void
check_released (void)
{
  CHECK (stats ().heap_bytes == 0);
  CHECK (core.brk == core.origin);
}

static void
test_basic (void)
{
  void *one, *zero1, *zero2;

  reset (0, ARENA_SIZE);
  CHECK (core.calls == 0);
  one = heap_malloc (&heap, 1);
  CHECK (one != NULL && aligned (one));
  CHECK (heap_usable_size (&heap, one) >= 1);
  CHECK ((unsigned char *) one >= arena && (unsigned char *) one < arena + core.brk);
  CHECK (core.brk % PAGE == 0 && core.brk >= HEAP_GROW_MIN);

  /* malloc (0): a distinct, freeable block. */
  zero1 = heap_malloc (&heap, 0);
  zero2 = heap_malloc (&heap, 0);
  CHECK (zero1 != NULL && zero2 != NULL && zero1 != zero2 && zero1 != one);
  CHECK (aligned (zero1) && aligned (zero2));
  CHECK (stats ().used_blocks == 3);
  heap_free (&heap, zero1);
  heap_free (&heap, zero2);
  heap_free (&heap, one);
  heap_free (&heap, NULL);
  CHECK (report_count == 0);
  check_released (); /* All free: all goes back. */
}

/* Random sizes (mostly small, some page-sized, a few large), random
   operations, every block's contents checked, everything freed at the end. */
static void
test_random (uint32_t seed, size_t origin)
{
  enum
  {
    SLOTS = 1500,
    OPS = 40000
  };
  static void *block[SLOTS];
  static size_t size[SLOTS];
  static uint32_t fill_seed[SLOTS];
  size_t peak = 0;
  int op, i, bad = 0;

  reset (origin, ARENA_SIZE - origin);
  rng_seed (seed);
  memset (block, 0, sizeof block);
  for (op = 0; op < OPS; op++)
    {
      int slot = rng () % SLOTS;
      uint32_t kind = rng () % 100;
      size_t want = kind < 60   ? rng () % 129
                    : kind < 95 ? rng () % 4096 + 129
                                : rng () % 200000 + 4096;

      if (block[slot] == NULL)
        {
          block[slot] = heap_malloc (&heap, want);
          size[slot] = want;
          fill_seed[slot] = rng ();
          CHECK_DETAIL (block[slot] != NULL && aligned (block[slot]),
                        "malloc (%zu) gave %p", want, block[slot]);
          if (block[slot] == NULL)
            continue;
          CHECK (heap_usable_size (&heap, block[slot]) >= want);
          fill (block[slot], want, fill_seed[slot]);
        }
      else if (rng () % 3 == 0)
        {
          size_t keep = want < size[slot] ? want : size[slot];
          void *moved = heap_realloc (&heap, block[slot], want);

          if (want == 0)
            {
              /* realloc (p, 0) frees p. */
              CHECK (moved == NULL);
              block[slot] = NULL;
              continue;
            }
          CHECK_DETAIL (moved != NULL && aligned (moved)
                            && holds (moved, keep, fill_seed[slot]),
                        "realloc to %zu of a %zu-byte block", want, size[slot]);
          if (moved == NULL)
            continue;
          block[slot] = moved;
          size[slot] = want;
          fill_seed[slot] = rng ();
          fill (moved, want, fill_seed[slot]);
        }
      else
        {
          CHECK_DETAIL (holds (block[slot], size[slot], fill_seed[slot]),
                        "a %zu-byte block changed", size[slot]);
          heap_free (&heap, block[slot]);
          block[slot] = NULL;
        }
      if (core.brk > peak)
        peak = core.brk;
      if (op % 2000 == 0 && !heap_check (&heap, NULL) && bad++ == 0)
        CHECK (!"heap_check during the random run");
    }
  CHECK (report_count == 0);
  CHECK (peak - origin > 4 * HEAP_TRIM_THRESHOLD);
  for (i = 0; i < SLOTS; i++)
    if (block[i] != NULL)
      {
        CHECK (holds (block[i], size[i], fill_seed[i]));
        heap_free (&heap, block[i]);
      }
  check_released ();
}

static void
test_calloc (void)
{
  unsigned char *keep, *dirty, *zeroed;
  size_t i;
  bool all_zero = true;

  reset (0, ARENA_SIZE);
  keep = heap_malloc (&heap, 10); /* So that the heap stays. */
  dirty = heap_malloc (&heap, 1000);
  memset (dirty, 0xff, 1000);
  heap_free (&heap, dirty);
  zeroed = heap_calloc (&heap, 250, 4);
  CHECK (zeroed == dirty); /* The same memory, zeroed again. */
  for (i = 0; i < 1000; i++)
    all_zero &= zeroed[i] == 0;
  CHECK (all_zero);
  heap_free (&heap, zeroed);

  /* COUNT * SIZE overflows: NULL, not a short block. */
  CHECK (heap_calloc (&heap, SIZE_MAX / 2 + 1, 2) == NULL);
  CHECK (heap_calloc (&heap, 2, SIZE_MAX / 2 + 1) == NULL);
  CHECK (heap_calloc (&heap, SIZE_MAX / 16 + 1, 16) == NULL);
  CHECK (heap_calloc (&heap, SIZE_MAX, SIZE_MAX) == NULL);
  CHECK (heap_calloc (&heap, 1, SIZE_MAX) == NULL);

  /* Zero objects, or objects of zero bytes: like malloc (0). */
  zeroed = heap_calloc (&heap, 0, 5);
  CHECK (zeroed != NULL);
  heap_free (&heap, zeroed);
  zeroed = heap_calloc (&heap, 5, 0);
  CHECK (zeroed != NULL);
  heap_free (&heap, zeroed);
  heap_free (&heap, keep);
  CHECK (report_count == 0);
  check_released ();
}

static void
test_realloc (void)
{
  unsigned char *a, *b, *c, *moved;
  struct heap_stats before;

  reset (0, ARENA_SIZE);
  a = heap_realloc (&heap, NULL, 100); /* NULL: malloc. */
  CHECK (a != NULL && stats ().used_blocks == 1);
  fill (a, 100, 1);

  /* Growing at the top of the heap: in place, the break moves. */
  moved = heap_realloc (&heap, a, 100000);
  CHECK (moved == a && holds (a, 100, 1));
  CHECK (core.brk >= 100000);
  fill (a, 100000, 2);

  /* Shrinking: in place, contents kept, the tail freed (and, being at the top
     and big, given back). */
  moved = heap_realloc (&heap, a, 1000);
  CHECK (moved == a && holds (a, 1000, 2));
  CHECK (core.brk < HEAP_TRIM_THRESHOLD);

  /* Growing into a free next block: in place. */
  b = heap_malloc (&heap, 2000);
  c = heap_malloc (&heap, 100);
  fill (b, 2000, 3);
  heap_free (&heap, b);
  moved = heap_realloc (&heap, a, 2900);
  CHECK (moved == a && holds (a, 1000, 2));
  fill (a, 2900, 4);

  /* Growing with a used block after it: moves, contents kept, old freed. */
  before = stats ();
  moved = heap_realloc (&heap, a, 10000);
  CHECK (moved != NULL && moved != a && aligned (moved));
  CHECK (holds (moved, 2900, 4));
  CHECK (stats ().used_blocks == before.used_blocks);
  a = moved;

  /* No memory: NULL, and the block is untouched. */
  core.limit = core.brk;
  CHECK (heap_realloc (&heap, a, 5000000) == NULL);
  CHECK (holds (a, 2900, 4) && heap_usable_size (&heap, a) >= 10000);
  CHECK (heap_realloc (&heap, a, SIZE_MAX) == NULL);
  CHECK (heap_realloc (&heap, a, SIZE_MAX - 100) == NULL);
  CHECK (holds (a, 2900, 4));
  core.limit = ARENA_SIZE;

  /* SIZE 0 frees. */
  CHECK (heap_realloc (&heap, a, 0) == NULL);
  CHECK (stats ().used_blocks == 1);
  heap_free (&heap, c);
  CHECK (report_count == 0);
  check_released ();
}

/* Frees three neighbours in ORDER (indices 0-2) with growth refused and no
   other free space, then asks for one block that fits only if they merged. */
static void
test_coalescing (const int order[3])
{
  enum
  {
    SIZE = 1000
  };
  unsigned char *block[3], *guard, *rest, *merged;
  int i;

  reset (0, ARENA_SIZE);
  for (i = 0; i < 3; i++)
    block[i] = heap_malloc (&heap, SIZE);
  guard = heap_malloc (&heap, SIZE);
  rest = heap_malloc (&heap, stats ().free_bytes - HEAP_ALIGN);
  CHECK (rest != NULL && stats ().free_blocks == 0);
  core.limit = core.brk;

  for (i = 0; i < 3; i++)
    heap_free (&heap, block[order[i]]);
  CHECK (stats ().free_blocks == 1);
  CHECK (stats ().free_bytes == 3 * (size_t) (guard - block[2]));
  merged = heap_malloc (&heap, 3 * heap_usable_size (&heap, guard));
  CHECK (merged == block[0]);
  CHECK (heap_malloc (&heap, 1) == NULL); /* Nothing else is left. */
  heap_free (&heap, merged);
  heap_free (&heap, guard);
  heap_free (&heap, rest);
  CHECK (report_count == 0);
  check_released ();
}

enum
{
  PAIRS = 300
};
static void *small_block[PAIRS], *large_block[PAIRS];

static size_t
small_size (int i)
{
  return 8 + i % 200;
}

static size_t
large_size (int i)
{
  return 20000 + 300 * (size_t) i;
}

/* Checks and frees small block I (LARGE false) or large block I. */
static void
free_checked (bool large, int i)
{
  void *block = large ? large_block[i] : small_block[i];

  CHECK (holds (block, large ? large_size (i) : small_size (i),
                large ? ~(uint32_t) i : (uint32_t) i));
  heap_free (&heap, block);
}

/* Many small and many large blocks, interleaved, freed small-first (in
   order) and then large-first (in reverse). */
static void
test_interleaved (void)
{
  int round, i;

  for (round = 0; round < 2; round++)
    {
      reset (0, ARENA_SIZE);
      for (i = 0; i < PAIRS; i++)
        {
          small_block[i] = heap_malloc (&heap, small_size (i));
          large_block[i] = heap_malloc (&heap, large_size (i));
          CHECK (small_block[i] != NULL && large_block[i] != NULL);
          fill (small_block[i], small_size (i), i);
          fill (large_block[i], large_size (i), ~(uint32_t) i);
        }
      CHECK (stats ().used_blocks == 2 * PAIRS);
      for (i = 0; i < PAIRS; i++)
        free_checked (round == 1, round == 0 ? i : PAIRS - 1 - i);
      CHECK (stats ().free_blocks <= PAIRS + 1);
      for (i = 0; i < PAIRS; i++)
        free_checked (round == 0, round == 0 ? i : PAIRS - 1 - i);
      CHECK (report_count == 0);
      check_released ();
    }
}

/* A free top of HEAP_TRIM_THRESHOLD or more goes back to the break; a smaller
   one stays, unless it is the whole heap. */
static void
test_trim (void)
{
  unsigned char *low, *big, *mid;
  size_t top;

  reset (0, ARENA_SIZE);
  low = heap_malloc (&heap, 100);
  fill (low, 100, 5);
  big = heap_malloc (&heap, 500000);
  CHECK (core.brk > 500000);
  heap_free (&heap, big);
  CHECK (core.brk <= 2 * PAGE && core.brk % PAGE == 0);
  CHECK (holds (low, 100, 5));

  mid = heap_malloc (&heap, HEAP_TRIM_THRESHOLD / 2);
  top = core.brk;
  heap_free (&heap, mid);
  CHECK (core.brk == top); /* Too small to give back. */
  CHECK (stats ().free_blocks == 1);
  mid = heap_malloc (&heap, HEAP_TRIM_THRESHOLD / 4);
  CHECK (core.brk == top); /* The free top, reused. */
  heap_free (&heap, mid);
  heap_free (&heap, low); /* Now all of it is free. */
  check_released ();

  /* The break may refuse to shrink: the memory stays usable. */
  big = heap_malloc (&heap, 200000);
  core.origin = core.brk;
  heap_free (&heap, big);
  CHECK (core.brk == core.origin && stats ().free_blocks == 1);
  CHECK (heap_malloc (&heap, 100000) == big);
  CHECK (report_count == 0);
}

/* A break that cannot grow: NULL, and the heap stays sound. */
static void
test_refused (void)
{
  void *block[64];
  int i, got = 0;

  reset (0, 0);
  CHECK (heap_malloc (&heap, 1) == NULL);
  CHECK (heap_calloc (&heap, 1, 1) == NULL);
  CHECK (heap_realloc (&heap, NULL, 10) == NULL);
  CHECK (core.brk == 0);
  CHECK (stats ().heap_bytes == 0);

  reset (0, 64 * 1024);
  CHECK (heap_malloc (&heap, 100000) == NULL);
  for (i = 0; i < 64; i++)
    {
      block[i] = heap_malloc (&heap, 4000);
      got += block[i] != NULL;
    }
  CHECK (got == 16); /* 64 KB of 4 KB blocks, less tags. */
  CHECK (heap_malloc (&heap, 4000) == NULL);
  CHECK (heap_malloc (&heap, 100) != NULL); /* Small ones still fit. */
  for (i = 0; i < 64; i++)
    heap_free (&heap, block[i]);
  CHECK (heap_malloc (&heap, 40000) != NULL);
  CHECK (report_count == 0);
}

/* Some other code moved the break: the heap cannot grow, and puts the
   other's break back as it found it. */
static void
test_foreign_break (void)
{
  void *small;
  size_t foreign;

  reset (0, ARENA_SIZE);
  small = heap_malloc (&heap, 100);
  CHECK (fake_more_core (&core, PAGE) != (void *) -1);
  foreign = core.brk;
  CHECK (heap_malloc (&heap, 100000) == NULL);
  CHECK (core.brk == foreign);
  CHECK (heap_malloc (&heap, 100) != NULL); /* Room below still used. */
  heap_free (&heap, small);
  CHECK (report_count == 0 && heap_check (&heap, NULL));
}

static void
test_huge (void)
{
  void *block;

  reset (0, ARENA_SIZE);
  CHECK (heap_malloc (&heap, SIZE_MAX) == NULL);
  CHECK (heap_malloc (&heap, SIZE_MAX - 2 * HEAP_ALIGN) == NULL);
  CHECK (heap_malloc (&heap, (size_t) INTPTR_MAX) == NULL);
  CHECK (heap_malloc (&heap, (size_t) INTPTR_MAX / 2) == NULL);
  CHECK (heap_malloc (&heap, ARENA_SIZE) == NULL);
  block = heap_malloc (&heap, ARENA_SIZE / 2);
  CHECK (block != NULL);
  heap_free (&heap, block);
  check_released ();
  CHECK (report_count == 0);
}

/* A break that does not start on an alignment boundary. */
static void
test_unaligned_break (void)
{
  void *a, *b;

  reset (4, ARENA_SIZE - PAGE);
  a = heap_malloc (&heap, 10);
  b = heap_malloc (&heap, 300000);
  CHECK (aligned (a) && aligned (b));
  CHECK ((unsigned char *) a >= arena + 4);
  heap_free (&heap, a);
  heap_free (&heap, b);
  check_released ();
  CHECK (report_count == 0);
}

/* Misuse is reported, and the call then does nothing. */
static void
test_misuse (void)
{
  unsigned char *a, *b, *c;
  int local;

  reset (0, ARENA_SIZE);
  heap_free (&heap, &local); /* Before any block. */
  CHECK (report_count == 1 && report_pointer == &local);

  a = heap_malloc (&heap, 100);
  b = heap_malloc (&heap, 100);
  c = heap_malloc (&heap, 100);
  heap_free (&heap, b);
  heap_free (&heap, b);
  CHECK (report_count == 2 && report_pointer == b
         && strcmp (report_function, "free") == 0
         && strcmp (report_problem, "block already freed") == 0);
  CHECK (heap_realloc (&heap, b, 10) == NULL && report_count == 3
         && strcmp (report_function, "realloc") == 0);

  heap_free (&heap, a + HEAP_ALIGN); /* Inside a block. */
  CHECK (report_count == 4 && report_pointer == a + HEAP_ALIGN);
  heap_free (&heap, a + 1); /* Misaligned. */
  CHECK (report_count == 5);
  heap_free (&heap, &local); /* Not in the heap. */
  CHECK (report_count == 6);
  heap_free (&heap, arena + core.brk); /* Just past the heap. */
  CHECK (report_count == 7);
  CHECK (stats ().used_blocks == 2 && report_count == 7);

  /* An overrun of A that runs over C's tag (B is free in between, so the
     overrun goes through B's tag too). */
  memset (a, 0x41, (size_t) (c - a));
  heap_free (&heap, c);
  CHECK (report_count == 8 && report_pointer == c);
  CHECK (!heap_check (&heap, NULL) && report_count == 9);
}

int
main (void)
{
  static const int orders[][3] = {
    { 0, 2, 1 }, { 0, 1, 2 }, { 2, 1, 0 }, { 1, 0, 2 }, { 1, 2, 0 },
  };
  size_t i;

  test_basic ();
  test_random (12345, 0);
  test_random (987654321, 8);
  test_calloc ();
  test_realloc ();
  for (i = 0; i < sizeof orders / sizeof *orders; i++)
    test_coalescing (orders[i]);
  test_interleaved ();
  test_trim ();
  test_refused ();
  test_foreign_break ();
  test_huge ();
  test_unaligned_break ();
  test_misuse ();
  return check_summary ("umalloc");
}
