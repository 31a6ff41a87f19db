/* The shared files and one process's own state (see state.h). */

#include "tests/fuzz/src/state.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#define LINE_MAX 200    /* A log line, written as one write. */
#define MAP_TRIES 20    /* Attempts at mapping a shared file, */
#define MAP_RETRY_MS 10 /* this far apart. */

struct fuzz_self self;
struct fuzz_stats *stats;
uint8_t fuzz_scratch[FUZZ_SCRATCH_SIZE] __attribute__ ((aligned (PGSIZE)));

/* Counts for a process that could not map the shared page, so that nothing
   writes through a null pointer before it exits. */
static struct fuzz_stats private_stats;

/* Creates file NAME of SIZE zero bytes; true if it exists afterwards. */
static bool
create_file (const char *name, unsigned size)
{
  int fd;

  if (create (name, size))
    return true;
  fd = open (name);
  if (fd < 0)
    return false;
  close (fd);
  return true;
}

/* The name of LANE's scratch file, in NAME. */
static void
buf_name (unsigned lane, char name[16])
{
  snprintf (name, 16, "%s%u", FUZZ_BUF_PREFIX, lane);
}

bool
state_create_shared (unsigned lanes)
{
  char name[16];
  unsigned lane;

  for (lane = 0; lane < lanes; lane++)
    {
      buf_name (lane, name);
      if (!create_file (name, FUZZ_BUF_SIZE))
        return false;
    }
  return create_file (FUZZ_STAT_FILE, PGSIZE);
}

/* Opens NAME, closing inherited descriptors while the table is full (an
   exec_replace keeps them all); -1 if it cannot. */
static int
open_shared (const char *name)
{
  int fd = open (name);
  int victim;

  for (victim = 2; fd < 0 && victim < 1024; victim++)
    {
      close (victim);
      fd = open (name);
    }
  return fd;
}

/* Maps shared file NAME at ADDR; the mapping's id, or MAP_FAILED. Tries
   again a while: a fuzzer of another lane may be trying to run the file (exec
   of it fails, but mmap refuses a file being loaded meanwhile). */
static mapid_t
map_shared (const char *name, uintptr_t addr)
{
  mapid_t map = MAP_FAILED;
  int tries;

  for (tries = 0; map == MAP_FAILED && tries < MAP_TRIES; tries++)
    {
      int fd = open_shared (name);

      if (fd < 0)
        return MAP_FAILED;
      if (tries > 0)
        sleep (MAP_RETRY_MS);
      map = mmap (fd, (void *) addr);
      close (fd);
    }
  return map;
}

void
state_map_shared (bool buf)
{
  char name[16];

  if (stats == NULL || stats == &private_stats)
    {
      stats = &private_stats;
      self.stat_map = map_shared (FUZZ_STAT_FILE, FUZZ_STAT_ADDR);
      if (self.stat_map == MAP_FAILED)
        {
          state_fail ("cannot map %s", FUZZ_STAT_FILE);
          exit (-1);
        }
      stats = (struct fuzz_stats *) FUZZ_STAT_ADDR;
    }
  buf_name (self.lane, name);
  if (buf)
    {
      self.buf_map = map_shared (name, FUZZ_BUF_ADDR);
      if (self.buf_map == MAP_FAILED)
        {
          state_fail ("cannot map %s", name);
          exit (-1);
        }
    }
}

void
state_count (uint32_t *counter)
{
  __atomic_add_fetch (counter, 1, __ATOMIC_SEQ_CST);
}

void
state_become (const char *path, int depth, uint32_t seed, unsigned calls, int status)
{
  strlcpy (self.path, path, sizeof self.path);
  self.depth = depth;
  self.seed = seed;
  self.calls_left = calls;
  self.call_no = 0;
  self.status = status;
  rng_seed (&self.rng, seed);
}

void
state_init (unsigned lane, const char *path, int depth, uint32_t seed,
            unsigned calls, int status, bool verbose, uint8_t *stack_area)
{
  int i;

  self.lane = lane;
  self.buf_map = self.stat_map = MAP_FAILED;
  self.verbose = verbose;
  self.stack_area = stack_area;
  state_become (path, depth, seed, calls, status);
  self.heap_start = self.brk = (uintptr_t) sbrk (0);
  self.fd_slot = 0;
  for (i = 0; i < FUZZ_TRACKED; i++)
    {
      self.fds[i] = i + 2;
      self.maps[i] = i;
      self.map_addrs[i] = FUZZ_BUF_ADDR;
      self.pids[i] = i + 1;
    }
}

void
state_remember_fd (int fd)
{
  self.fds[self.fd_slot++ % FUZZ_TRACKED] = fd;
}

void
state_remember_map (mapid_t map, uintptr_t addr)
{
  int slot = self.call_no % FUZZ_TRACKED;

  self.maps[slot] = map;
  self.map_addrs[slot] = addr;
}

void
state_remember_pid (pid_t pid)
{
  self.pids[self.call_no % FUZZ_TRACKED] = pid;
}

/* Prints "(fuzz) " PREFIX FORMAT ARGS and a newline as one write. */
static void
print_line (const char *prefix, const char *format, va_list args)
{
  char line[LINE_MAX];
  int n = snprintf (line, sizeof line, "(%s) %s", FUZZ_PROGRAM, prefix);

  if (n < (int) sizeof line)
    n += vsnprintf (line + n, sizeof line - n, format, args);
  if (n > (int) sizeof line - 2)
    n = sizeof line - 2;
  line[n++] = '\n';
  write (STDOUT_FILENO, line, n);
}

void
state_log (const char *format, ...)
{
  char prefix[FUZZ_PATH_MAX + 4];
  va_list args;

  if (!self.verbose)
    return;
  snprintf (prefix, sizeof prefix, "[%s] ", self.path);
  va_start (args, format);
  print_line (prefix, format, args);
  va_end (args);
}

void
state_fail (const char *format, ...)
{
  char prefix[FUZZ_PATH_MAX + 10];
  va_list args;

  snprintf (prefix, sizeof prefix, "FAIL: %s: ", self.path);
  va_start (args, format);
  print_line (prefix, format, args);
  va_end (args);
  if (stats != NULL)
    state_count (&stats->failures);
}
