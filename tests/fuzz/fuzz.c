/* A system-call fuzzer: random calls with random and hostile arguments, the
   whole run replayable from its seed.

     fuzz [-v] SEED [BATCHES [CALLS]]

   The first process forks a child per batch. The child makes CALLS random
   calls (src/calls.c, arguments from src/args.c) and, more rarely, the calls
   that start and end processes (fork, exec, exec_replace, exit: here), then
   exits with a status of its own. A call the kernel must refuse by killing the
   caller (a bad pointer, an unknown number) ends a batch early, so each parent
   checks that its child ended with its own status or -1, and the first
   process prints how many calls were made and how many processes were killed.

   Every process the fuzzer starts is waited for before the next call, so only
   one runs at a time and the run, console included, follows from the seed.
   -v logs each call before it is made and its result after (the last line of
   a killed process names the call that killed it), so a seed that fails can be
   replayed and bisected. A process started by exec runs the fuzzer as a
   worker: fuzz -w PATH DEPTH SEED CALLS STATUS -v|-q. */

#include <stdio.h>
#include <string.h>
#include <syscall.h>
#include "tests/fuzz/src/args.h"
#include "tests/fuzz/src/calls.h"
#include "tests/fuzz/src/state.h"

#define BATCHES_DEFAULT 30
#define CALLS_DEFAULT 40
#define DEPTH_MAX 3                /* Batches, their children, grandchildren. */
#define CHILD_CALLS_MIN 4          /* Calls of a process a batch starts, */
#define CHILD_CALLS_SPREAD 12      /* up to this many more. */
#define CMDLINE_MAX (PGSIZE + 256) /* A command line one too long, and more. */
#define WORDS_MAX 8

/* Per mille of a worker's steps: the calls it needs to keep going are rare. */
#define EXIT_PER_MILLE 3
#define REPLACE_PER_MILLE 9
#define FORK_PER_MILLE 18
#define EXEC_PER_MILLE 18

static char cmdline[CMDLINE_MAX];

static uint32_t
below (uint32_t n)
{
  return rng_below (&self.rng, n);
}

/* Parses decimal S into *N; false if S is not a number that fits. */
static bool
parse_u32 (const char *s, uint32_t *n)
{
  uint64_t value = 0;

  if (*s == '\0')
    return false;
  for (; *s != '\0'; s++)
    {
      if (*s < '0' || *s > '9')
        return false;
      value = value * 10 + (*s - '0');
      if (value > UINT32_MAX)
        return false;
    }
  *n = value;
  return true;
}

static void NO_RETURN
usage (void)
{
  printf ("(fuzz) usage: fuzz [-v] SEED [BATCHES [CALLS]]\n");
  exit (2);
}

/* Waits for child PID, which was to end with STATUS (any status, if ANY), and
   checks and counts how it ended: its own status, -1, or what it said it
   would end with (the shared claim). */
static void
reap (pid_t pid, int status, bool any)
{
  int got = wait (pid);

  state_log ("  child %d ended: %d", pid, got);
  if (got == -1)
    stats->killed++;
  else
    stats->exited++;
  if (!(any || got == status || got == -1 || stats->claim == CLAIM_ANY
        || (stats->claim == CLAIM_STATUS && got == stats->claim_status)))
    state_fail ("child %d ended with %d, not %d or -1", pid, got, status);
  stats->claim = CLAIM_NONE;
}

/* Starts the life of a process at PATH (below SELF) that makes CALLS calls
   from SEED and exits with STATUS, keeping what SELF remembers. */
static void
become (const char *path, int depth, uint32_t seed, unsigned calls, int status)
{
  strlcpy (self.path, path, sizeof self.path);
  self.depth = depth;
  self.seed = seed;
  self.calls_left = calls;
  self.call_no = 0;
  self.status = status;
  rng_seed (&self.rng, seed);
  state_log ("begins: seed %u, %u calls, then exit (%d)", seed, calls, status);
}

/* fork: the child becomes a process of its own below this one, and this one
   waits for it. */
static void
fork_step (void)
{
  char path[FUZZ_PATH_MAX + 12];
  unsigned calls = CHILD_CALLS_MIN + below (CHILD_CALLS_SPREAD);
  int status = 100 + below (50);
  uint32_t seed = rng_next (&self.rng);
  pid_t pid;

  calls_announce ("fork", 0, NULL);
  stats->claim = CLAIM_NONE;
  pid = fork ();
  if (pid == 0)
    {
      snprintf (path, sizeof path, "%s.%u", self.path, self.call_no);
      become (path, self.depth + 1, seed, calls, status);
      return;
    }
  if (pid != PID_ERROR)
    {
      stats->processes++;
      state_remember_pid (pid);
      reap (pid, status, false);
    }
  calls_result (pid); /* Only now: the child's log comes first. */
}

/* Joins the N WORDS into CMDLINE with runs of spaces (around them too, now
   and then); returns the length. */
static size_t
join (const char *const words[], int n)
{
  size_t len = 0;
  int i;

  cmdline[0] = '\0';
  for (i = 0; i < n; i++)
    {
      int spaces = (i > 0) + (below (8) == 0 ? below (4) : 0);
      while (spaces-- > 0 && len + 1 < sizeof cmdline)
        cmdline[len++] = ' ';
      len += strlcpy (cmdline + len, words[i], sizeof cmdline - len);
      if (len >= sizeof cmdline)
        len = sizeof cmdline - 1;
    }
  return len;
}

/* Appends words of padding to CMDLINE (of LEN bytes) up to about TOTAL bytes;
   returns the new length. A worker ignores its extra arguments. */
static size_t
pad (size_t len, size_t total)
{
  while (len + 4 < total && len + 4 < sizeof cmdline)
    len += strlcpy (cmdline + len, " pad", sizeof cmdline - len);
  return len;
}

/* The kinds of command line a new program is given. */
enum cmdline_kind
{
  CMDLINE_WORKER, /* The fuzzer as a worker. */
  CMDLINE_OTHER,  /* Anything else: a missing or odd program, or none. */
};

/* Writes into CMDLINE a command line for a worker at PATH and DEPTH that makes
   CALLS calls from SEED and exits with STATUS, or (less often) another: of a
   missing program, a data file, a mapped file, the fuzzer without its
   arguments, an empty one. Stores its length in *LEN and returns its kind. */
static enum cmdline_kind
make_cmdline (const char *path, int depth, uint32_t seed, unsigned calls, int status,
              size_t *len)
{
  static const char *const others[] = {
    "nosuch",     "nosuch arg",      "", "   ", "f0", "f1 x", "f3", FUZZ_BUF_FILE,
    FUZZ_PROGRAM, FUZZ_PROGRAM " -w"
  };
  char numbers[4][12];
  const char *words[WORDS_MAX];
  uint32_t r = below (100);
  int n = 0;

  if (r >= 75)
    {
      *len = strlcpy (cmdline, others[below (sizeof others / sizeof *others)],
                      sizeof cmdline);
      return CMDLINE_OTHER;
    }
  snprintf (numbers[0], sizeof numbers[0], "%d", depth);
  snprintf (numbers[1], sizeof numbers[1], "%u", seed);
  snprintf (numbers[2], sizeof numbers[2], "%u", calls);
  snprintf (numbers[3], sizeof numbers[3], "%d", status);
  words[n++] = FUZZ_PROGRAM;
  words[n++] = "-w";
  words[n++] = path;
  words[n++] = numbers[0];
  words[n++] = numbers[1];
  words[n++] = numbers[2];
  words[n++] = numbers[3];
  /* As long either way, so that logging changes nothing else. */
  words[n++] = self.verbose ? "-v" : "-q";
  *len = join (words, n);
  if (r < 5)
    *len = pad (*len, PGSIZE + below (200)); /* Too long for the kernel. */
  else if (r < 12)
    *len = pad (*len, *len + below (PGSIZE - 200)); /* Many arguments. */
  return CMDLINE_WORKER;
}

/* exec: a new process, waited for at once. */
static void
exec_step (void)
{
  char path[FUZZ_PATH_MAX + 12];
  unsigned calls = CHILD_CALLS_MIN + below (CHILD_CALLS_SPREAD);
  int status = 100 + below (50);
  uint32_t seed = rng_next (&self.rng), arg;
  enum cmdline_kind kind;
  size_t len;
  pid_t pid;

  snprintf (path, sizeof path, "%s.%u", self.path, self.call_no + 1);
  kind = make_cmdline (path, self.depth + 1, seed, calls, status, &len);
  arg = arg_string (cmdline, len);
  calls_announce ("exec", 1, &arg);
  state_log ("  \"%.60s\"%s", cmdline, len > 60 ? "..." : "");
  stats->claim = CLAIM_NONE;
  pid = exec ((const char *) arg);
  if (pid != PID_ERROR)
    {
      stats->processes++;
      state_remember_pid (pid);
      reap (pid, status, kind != CMDLINE_WORKER);
    }
  calls_result (pid);
}

/* exec_replace: usually the fuzzer again, with a new seed, for the calls this
   process has left, ending with its status; if another program could take its
   place, the parent is told to accept any status. */
static void
replace_step (void)
{
  char path[FUZZ_PATH_MAX + 2];
  uint32_t seed = rng_next (&self.rng), arg;
  enum cmdline_kind kind;
  size_t len;
  int result;

  snprintf (path, sizeof path, "%sr", self.path);
  kind = make_cmdline (path, self.depth, seed, self.calls_left, self.status, &len);
  arg = arg_string (cmdline, len);
  calls_announce ("exec_replace", 1, &arg);
  state_log ("  \"%.60s\"%s", cmdline, len > 60 ? "..." : "");
  if (kind != CMDLINE_WORKER)
    stats->claim = CLAIM_ANY;
  result = exec_replace ((const char *) arg);
  stats->claim = CLAIM_NONE;
  calls_result (result);
  if (result != -1)
    state_fail ("exec_replace returned %d", result);
}

/* exit, with an odd status now and then; the parent is told which. */
static void NO_RETURN
exit_step (void)
{
  static const uint32_t odd[] = { 0, 1, -1, 2, 255, 256, INT32_MAX, INT32_MIN };
  uint32_t status = below (2) ? RNG_PICK (&self.rng, odd) : below (1000);

  calls_announce ("exit", 1, &status);
  stats->claim = CLAIM_STATUS;
  stats->claim_status = status;
  exit (status);
}

/* Makes the calls this process has left, then returns. */
static void
run_calls (void)
{
  while (self.calls_left > 0)
    {
      uint32_t r = below (1000);

      self.calls_left--;
      if (r < EXIT_PER_MILLE)
        exit_step ();
      r -= EXIT_PER_MILLE;
      if (r < REPLACE_PER_MILLE)
        {
          replace_step ();
          continue;
        }
      r -= REPLACE_PER_MILLE;
      if (self.depth < DEPTH_MAX && r < FORK_PER_MILLE)
        {
          fork_step ();
          continue;
        }
      r -= FORK_PER_MILLE;
      if (self.depth < DEPTH_MAX && r < EXEC_PER_MILLE)
        {
          exec_step ();
          continue;
        }
      calls_make_one ();
    }
}

/* Creates files for the batches to find and opens them, with the fuzzer's
   own executable: every batch starts with these descriptors (fork copies
   them). */
static void
open_files (void)
{
  static const struct
  {
    const char *name;
    unsigned size;
  } files[] = { { "f0", 0 }, { "f1", 100 }, { "f2", 5000 }, { "f3", 70000 } };
  size_t i;

  for (i = 0; i < sizeof files / sizeof *files; i++)
    if (!create (files[i].name, files[i].size))
      state_fail ("cannot create %s", files[i].name);
  for (i = 0; i < sizeof files / sizeof *files; i++)
    state_remember_fd (open (files[i].name));
  state_remember_fd (open (FUZZ_PROGRAM));
}

/* The first process: BATCHES children of CALLS calls each; returns its exit
   status (1 if anything failed). */
static int
run_batches (uint32_t seed, unsigned batches, unsigned calls)
{
  unsigned b;

  printf ("(fuzz) seed %u: %u batches of %u calls\n", seed, batches, calls);
  if (!state_create_shared ())
    {
      printf ("(fuzz) FAIL: cannot create %s and %s\n", FUZZ_BUF_FILE,
              FUZZ_STAT_FILE);
      return 1;
    }
  state_map_shared ();
  memset (stats, 0, sizeof *stats);
  stats->processes = 1;
  open_files ();
  for (b = 1; b <= batches; b++)
    {
      int status = b % 100;
      pid_t pid = fork ();
      char path[12];

      if (pid == 0)
        {
          snprintf (path, sizeof path, "%u", b);
          become (path, 1, rng_derive (seed, b), calls, status);
          run_calls ();
          exit (self.status);
        }
      if (pid == PID_ERROR)
        {
          state_fail ("batch %u: fork failed", b);
          continue;
        }
      stats->processes++;
      reap (pid, status, false);
    }
  printf ("(fuzz) %u calls, %u processes: %u killed, %u exited\n", stats->calls,
          stats->processes, stats->killed, stats->exited);
  if (stats->killed + stats->exited + 1 != stats->processes)
    state_fail ("%u processes started but %u ended", stats->processes - 1,
                stats->killed + stats->exited);
  return stats->failures > 0;
}

int
main (int argc, char *argv[])
{
  uint8_t stack_area[FUZZ_STACK_AREA_SIZE];
  uint32_t seed, batches = BATCHES_DEFAULT, calls = CALLS_DEFAULT;
  uint32_t depth, worker_calls, status;
  bool verbose = false;
  int i, first = 1;

  if (argc >= 7 && !strcmp (argv[1], "-w"))
    {
      for (i = 7; i < argc; i++)
        verbose |= !strcmp (argv[i], "-v");
      if (!parse_u32 (argv[3], &depth) || !parse_u32 (argv[4], &seed)
          || !parse_u32 (argv[5], &worker_calls) || !parse_u32 (argv[6], &status))
        usage ();
      state_init (argv[2], depth, seed, 0, status, verbose, stack_area);
      state_map_shared ();
      become (argv[2], depth, seed, worker_calls, status);
      run_calls ();
      return self.status;
    }
  if (argc > first && !strcmp (argv[first], "-v"))
    verbose = true, first++;
  if (argc <= first || argc > first + 3 || !parse_u32 (argv[first], &seed)
      || (argc > first + 1 && !parse_u32 (argv[first + 1], &batches))
      || (argc > first + 2 && !parse_u32 (argv[first + 2], &calls)))
    usage ();
  state_init ("root", 0, seed, 0, 0, verbose, stack_area);
  return run_batches (seed, batches, calls);
}
