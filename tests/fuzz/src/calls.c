/* The fuzzer's calls that start or end no process (see calls.h). Each kind
   draws its arguments (args.h), is made, and what it returns is remembered
   where later calls can use it (a descriptor, a mapping, the break). */

#include "tests/fuzz/src/calls.h"
#include <meminfo.h>
#include <region-info.h>
#include <round.h>
#include <string.h>
#include <syscall-nr.h>
#include "tests/fuzz/src/args.h"
#include "tests/fuzz/src/state.h"

#define FRAME_WORDS 4        /* A call's number and its three arguments. */
#define REGIONS_GUESS_MAX 64 /* More regions than a fuzzer ever has. */
#define RAW_PER_MILLE 25     /* Calls made with a frame of their own. */
#define TOUCH_PER_MILLE 30   /* Loads and stores instead of a call. */

/* One call: its number, name (for the log) and arguments. */
struct call
{
  uint32_t number;
  const char *name;
  int argc;
  uint32_t args[FRAME_WORDS - 1];
};

typedef void make_func (struct call *);

static uint32_t
below (uint32_t n)
{
  return rng_below (&self.rng, n);
}

static void
make_create (struct call *c)
{
  c->args[0] = arg_name (0);
  c->args[1] = arg_offset ();
}

static void
make_remove (struct call *c)
{
  c->args[0] = arg_name (1);
}

static void
make_open (struct call *c)
{
  c->args[0] = arg_name (0);
}

static void
make_fd (struct call *c)
{
  c->args[0] = arg_fd ();
}

/* read: console input would wait for keys that never come, so descriptor 0
   gets a length of 0 or a pointer that must be refused before any wait. */
static void
make_read (struct call *c)
{
  c->args[0] = arg_fd ();
  c->args[2] = arg_len ();
  c->args[1] = arg_dest (c->args[2]);
  if (c->args[0] == STDIN_FILENO && c->args[2] > 0)
    {
      if (below (2))
        c->args[2] = 0;
      else
        c->args[1] = arg_unreadable ();
    }
}

/* write: the console's output stays what the run's expected output says, so
   descriptor 1 gets a length of 0 or a pointer that must be refused. */
static void
make_write (struct call *c)
{
  c->args[0] = arg_fd ();
  c->args[2] = arg_len ();
  c->args[1] = arg_src (c->args[2]);
  if (c->args[0] == STDOUT_FILENO && c->args[2] > 0)
    {
      if (below (2))
        c->args[2] = 0;
      else
        c->args[1] = arg_unreadable ();
    }
}

static void
make_seek (struct call *c)
{
  c->args[0] = arg_fd ();
  c->args[1] = arg_offset ();
}

static void
make_mmap (struct call *c)
{
  c->args[0] = arg_fd ();
  c->args[1] = arg_map_addr ();
}

static void
make_munmap (struct call *c)
{
  c->args[0] = arg_mapid ();
}

static void
make_wait (struct call *c)
{
  c->args[0] = arg_pid ();
}

static void
make_sbrk (struct call *c)
{
  c->args[0] = arg_increment ();
}

/* regions: the kernel writes as many entries as there are, up to the count. */
static void
make_regions (struct call *c)
{
  int32_t count = arg_count ();
  uint32_t entries = count < 0                   ? 0
                     : count > REGIONS_GUESS_MAX ? REGIONS_GUESS_MAX
                                                 : count;

  c->args[0] = arg_dest (entries * sizeof (struct region_info));
  c->args[1] = count;
}

static void
make_mincore (struct call *c)
{
  c->args[0] = arg_range_addr ();
  c->args[1] = arg_range_len (c->args[0]);
  c->args[2] = arg_dest (DIV_ROUND_UP ((uint64_t) c->args[1], PGSIZE));
}

static void
make_meminfo (struct call *c)
{
  c->args[0] = arg_dest (sizeof (struct meminfo));
}

static void
make_sleep (struct call *c)
{
  c->args[0] = arg_sleep_ms ();
}

/* The reserved directory calls, with any arguments. */
static void
make_reserved (struct call *c)
{
  int i;

  c->number = SYS_CHDIR + below (SYS_INUMBER - SYS_CHDIR + 1);
  for (i = 0; i < FRAME_WORDS - 1; i++)
    c->args[i] = arg_word ();
}

/* A number that is no call's. */
static void
make_unknown (struct call *c)
{
  static const uint32_t numbers[] = { SYS_EXEC_REPLACE + 1,
                                      SYS_EXEC_REPLACE + 2,
                                      31,
                                      32,
                                      64,
                                      100,
                                      255,
                                      256,
                                      1000,
                                      0x7fffffff,
                                      0x80000000,
                                      0xffffffff,
                                      -SYS_EXEC_REPLACE };
  int i;

  c->number = RNG_PICK (&self.rng, numbers);
  for (i = 0; i < FRAME_WORDS - 1; i++)
    c->args[i] = arg_word ();
}

/* The kinds of call, with how often each comes. */
static const struct kind
{
  const char *name;
  uint32_t number;
  int argc;
  make_func *make;
  unsigned weight;
} kinds[] = {
  { "create", SYS_CREATE, 2, make_create, 10 },
  { "remove", SYS_REMOVE, 1, make_remove, 6 },
  { "open", SYS_OPEN, 1, make_open, 16 },
  { "filesize", SYS_FILESIZE, 1, make_fd, 6 },
  { "read", SYS_READ, 3, make_read, 20 },
  { "write", SYS_WRITE, 3, make_write, 20 },
  { "seek", SYS_SEEK, 2, make_seek, 8 },
  { "tell", SYS_TELL, 1, make_fd, 6 },
  { "close", SYS_CLOSE, 1, make_fd, 5 },
  { "mmap", SYS_MMAP, 2, make_mmap, 12 },
  { "munmap", SYS_MUNMAP, 1, make_munmap, 8 },
  { "wait", SYS_WAIT, 1, make_wait, 4 },
  { "sbrk", SYS_SBRK, 1, make_sbrk, 10 },
  { "regions", SYS_REGIONS, 2, make_regions, 6 },
  { "mincore", SYS_MINCORE, 3, make_mincore, 8 },
  { "meminfo", SYS_MEMINFO, 1, make_meminfo, 6 },
  { "sleep", SYS_SLEEP, 1, make_sleep, 2 },
  { "reserved", 0, 3, make_reserved, 4 },
  { "unknown", 0, 3, make_unknown, 1 },
};

/* A kind, by weight. */
static const struct kind *
pick_kind (void)
{
  unsigned total = 0, r;
  size_t i;

  for (i = 0; i < sizeof kinds / sizeof *kinds; i++)
    total += kinds[i].weight;
  r = below (total);
  for (i = 0; r >= kinds[i].weight; i++)
    r -= kinds[i].weight;
  return &kinds[i];
}

/* Makes call C the way the library's stubs do; returns %eax. */
static uint32_t
issue (const struct call *c)
{
  uint32_t result;

  asm volatile("pushl %[a2]; pushl %[a1]; pushl %[a0]; pushl %[number]; "
               "int $0x30; addl $16, %%esp"
               : "=a"(result)
               : [number] "r"(c->number), [a0] "r"(c->args[0]), [a1] "r"(c->args[1]),
                 [a2] "r"(c->args[2])
               : "memory");
  return result;
}

/* Makes a call whose frame (number, then arguments) the kernel must read at
   FRAME: %esp points there for the `int'. */
static uint32_t
issue_at (uint32_t frame)
{
  uint32_t result;

  asm volatile("movl %%esp, %%esi; movl %[frame], %%esp; int $0x30; "
               "movl %%esi, %%esp"
               : "=a"(result)
               : [frame] "r"(frame)
               : "esi", "memory");
  return result;
}

/* Where a call's frame goes when it is not on the stack: its words written
   up to *LIMIT (none where *LIMIT is 0). Against fuzz.buf's guard page or the
   kernel, so that the number or an argument cannot be read; across two pages
   of fuzz.buf or misaligned, which must work; or where nothing can be read. */
static uint32_t
frame_place (uint32_t *limit)
{
  static const uint32_t nowhere[]
      = { 0,          PHYS_BASE_ADDR, PHYS_BASE_ADDR + 0x100000,
          0xfffffffc, FUZZ_BUF_END,   FUZZ_STAT_END };

  *limit = FUZZ_BUF_END;
  switch (below (6))
    {
    case 0:
      return FUZZ_BUF_END - 4 * (1 + below (FRAME_WORDS));
    case 1:
      return FUZZ_BUF_END - 1 - below (3);
    case 2:
      *limit = PHYS_BASE_ADDR;
      return PHYS_BASE_ADDR - 4 * (1 + below (FRAME_WORDS));
    case 3:
      return FUZZ_BUF_ADDR + PGSIZE * (1 + below (3))
             - 4 * (1 + below (FRAME_WORDS));
    case 4:
      return FUZZ_BUF_ADDR + 1 + below (PGSIZE);
    default:
      *limit = 0;
      return RNG_PICK (&self.rng, nowhere);
    }
}

/* Makes call C with its frame somewhere odd; returns %eax. */
static uint32_t
issue_raw (const struct call *c, uint32_t frame, uint32_t limit)
{
  uint32_t words[FRAME_WORDS];
  uint32_t i;

  words[0] = c->number;
  memcpy (words + 1, c->args, sizeof c->args);
  for (i = 0; i < sizeof words && frame + i < limit; i++)
    ((uint8_t *) frame)[i] = ((uint8_t *) words)[i];
  return issue_at (frame);
}

void
calls_announce (const char *name, int argc, const uint32_t *args)
{
  state_count (&stats->calls);
  self.call_no++;
  if (argc == 0)
    state_log ("#%u %s ()", self.call_no, name);
  else if (argc == 1)
    state_log ("#%u %s (%#x)", self.call_no, name, args[0]);
  else if (argc == 2)
    state_log ("#%u %s (%#x, %#x)", self.call_no, name, args[0], args[1]);
  else
    state_log ("#%u %s (%#x, %#x, %#x)", self.call_no, name, args[0], args[1],
               args[2]);
}

void
calls_result (uint32_t result)
{
  state_log ("#%u = %#x", self.call_no, result);
}

/* Remembers what call C's RESULT gives later calls. */
static void
remember (const struct call *c, uint32_t result)
{
  if (c->number == SYS_OPEN && (int) result >= 0)
    state_remember_fd (result);
  else if (c->number == SYS_MMAP && (int) result != MAP_FAILED)
    state_remember_map (result, c->args[1]);
  else if (c->number == SYS_SBRK && result != (uint32_t) -1)
    self.brk = result + c->args[0];
}

/* Loads or stores a byte in each of PAGES pages from ADDR. */
static void
touch_pages (uint32_t addr, uint32_t pages, bool store)
{
  uint32_t i;

  for (i = 0; i < pages; i++, addr += PGSIZE)
    if (store)
      *(volatile uint8_t *) addr = self.call_no;
    else
      (void) *(volatile uint8_t *) addr;
}

/* Loads or stores in memory the fuzzer has (or had: a mapping it may since
   have unmapped): a byte, or one in each of many pages of the heap, so that
   pages are dirty, shared by fork, evicted and swapped. */
static void
touch (void)
{
  uint32_t addr, pages = 1,
                 heap = self.brk > self.heap_start ? self.brk - self.heap_start : 0;
  bool store = below (2);

  switch (below (6))
    {
    case 0:
      addr = (uintptr_t) fuzz_scratch + below (FUZZ_SCRATCH_SIZE);
      break;
    case 1:
      addr = heap > 0 ? self.heap_start + below (heap) : FUZZ_BUF_ADDR;
      break;
    case 2:
      if (heap >= PGSIZE)
        {
          pages = 1 + below (heap / PGSIZE < 128 ? heap / PGSIZE : 128);
          addr = self.heap_start + PGSIZE * below (heap / PGSIZE - pages + 1);
        }
      else
        addr = FUZZ_BUF_ADDR;
      break;
    case 3:
      addr = self.map_addrs[below (FUZZ_TRACKED)] + below (PGSIZE);
      break;
    default:
      addr = FUZZ_BUF_ADDR + below (FUZZ_BUF_SIZE);
      break;
    }
  self.call_no++;
  state_log ("#%u %s %#x, %u pages", self.call_no, store ? "store" : "load", addr,
             pages);
  touch_pages (addr, pages, store);
}

void
calls_make_one (void)
{
  const struct kind *kind;
  struct call c;
  uint32_t result, frame = 0, limit = 0;
  bool raw;

  if (rng_chance (&self.rng, TOUCH_PER_MILLE))
    {
      touch ();
      return;
    }
  kind = pick_kind ();
  memset (&c, 0, sizeof c);
  c.number = kind->number;
  c.name = kind->name;
  c.argc = kind->argc;
  kind->make (&c);
  raw = rng_chance (&self.rng, RAW_PER_MILLE);
  if (raw)
    frame = frame_place (&limit);
  calls_announce (c.name, c.argc, c.args);
  if (raw)
    state_log ("#%u   number %#x, frame at %#x", self.call_no, c.number, frame);
  else if (c.number != kind->number)
    state_log ("#%u   number %#x", self.call_no, c.number);
  result = raw ? issue_raw (&c, frame, limit) : issue (&c);
  calls_result (result);
  remember (&c, result);
}
