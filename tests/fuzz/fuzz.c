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
#define WORDS_MAX 10

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
  printf ("(fuzz) usage: fuzz [-v] [-c LANES] SEED [BATCHES [CALLS]]\n");
  exit (2);
}

/* Says in LANE's slot of the shared page how the process will end: KIND,
   and STATUS for CLAIM_STATUS. */
static void
claim (unsigned lane, enum fuzz_claim kind, int status)
{
  stats->claims[lane].status = status;
  stats->claims[lane].kind = kind;
}

/* Waits for child PID of LANE, which was to end with STATUS (any status, if
   ANY), and checks and counts how it ended: its own status, -1, or what it
   said it would end with (its lane's claim). */
static void
reap (pid_t pid, unsigned lane, int status, bool any)
{
  int got = wait (pid);
  enum fuzz_claim kind = stats->claims[lane].kind;

  state_log ("  child %d ended: %d", pid, got);
  state_count (got == -1 ? &stats->killed : &stats->exited);
  if (!(any || got == status || got == -1 || kind == CLAIM_ANY
        || (kind == CLAIM_STATUS && got == stats->claims[lane].status)))
    state_fail ("child %d ended with %d, not %d or -1", pid, got, status);
  claim (lane, CLAIM_NONE, 0);
}

/* Starts the life of a process at PATH (below SELF) that makes CALLS calls
   from SEED and exits with STATUS, keeping what SELF remembers. */
static void
become (const char *path, int depth, uint32_t seed, unsigned calls, int status)
{
  state_become (path, depth, seed, calls, status);
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
  claim (self.lane, CLAIM_NONE, 0);
  pid = fork ();
  if (pid == 0)
    {
      snprintf (path, sizeof path, "%s.%u", self.path, self.call_no);
      become (path, self.depth + 1, seed, calls, status);
      return;
    }
  if (pid != PID_ERROR)
    {
      state_count (&stats->processes);
      state_remember_pid (pid);
      reap (pid, self.lane, status, false);
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
    "nosuch",     "nosuch arg",       "",  "   ", "f0", "f1 x", "f3", FUZZ_STAT_FILE,
    FUZZ_PROGRAM, FUZZ_PROGRAM " -w", NULL
  };
  char numbers[5][12];
  const char *words[WORDS_MAX];
  uint32_t r = below (100);
  int n = 0;

  if (r >= 75)
    {
      const char *other = others[below (sizeof others / sizeof *others)];
      /* NULL: this lane's scratch file, which this process maps (another
         lane's may be mapped by nobody for a moment, and a copy of an
         executable in it would run). */
      if (other != NULL)
        *len = strlcpy (cmdline, other, sizeof cmdline);
      else
        *len
            = snprintf (cmdline, sizeof cmdline, "%s%u", FUZZ_BUF_PREFIX, self.lane);
      return CMDLINE_OTHER;
    }
  snprintf (numbers[0], sizeof numbers[0], "%u", self.lane);
  snprintf (numbers[1], sizeof numbers[1], "%d", depth);
  snprintf (numbers[2], sizeof numbers[2], "%u", seed);
  snprintf (numbers[3], sizeof numbers[3], "%u", calls);
  snprintf (numbers[4], sizeof numbers[4], "%d", status);
  words[n++] = FUZZ_PROGRAM;
  words[n++] = "-w";
  words[n++] = numbers[0];
  words[n++] = path;
  words[n++] = numbers[1];
  words[n++] = numbers[2];
  words[n++] = numbers[3];
  words[n++] = numbers[4];
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
  claim (self.lane, CLAIM_NONE, 0);
  pid = exec ((const char *) arg);
  if (pid != PID_ERROR)
    {
      state_count (&stats->processes);
      state_remember_pid (pid);
      reap (pid, self.lane, status, kind != CMDLINE_WORKER);
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
    claim (self.lane, CLAIM_ANY, 0);
  result = exec_replace ((const char *) arg);
  claim (self.lane, CLAIM_NONE, 0);
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
  claim (self.lane, CLAIM_STATUS, status);
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

/* Batches whose fork failed. */
static unsigned refused;

/* Forks batch B (of CALLS calls from SEED) in LANE; returns its pid, or
   PID_ERROR. The child never returns. */
static pid_t
start_batch (unsigned b, unsigned lane, uint32_t seed, unsigned calls)
{
  pid_t pid = fork ();
  char path[12];

  if (pid == 0)
    {
      snprintf (path, sizeof path, "%u", b);
      self.lane = lane;
      state_map_shared (true);
      become (path, 1, rng_derive (seed, b), calls, b % 100);
      run_calls ();
      exit (self.status);
    }
  if (pid == PID_ERROR)
    refused++; /* Memory is short: the kernel may say so. */
  else
    state_count (&stats->processes);
  return pid;
}

/* The first process: BATCHES children of CALLS calls each, LANES at once (a
   lane's next batch starts when its last has ended); returns its exit status
   (1 if anything failed). */
static int
run_batches (uint32_t seed, unsigned batches, unsigned calls, unsigned lanes)
{
  pid_t running[FUZZ_LANES_MAX];
  unsigned b, lane;

  printf ("(fuzz) seed %u: %u batches of %u calls", seed, batches, calls);
  printf (lanes > 1 ? ", %u at once\n" : "\n", lanes);
  if (!state_create_shared (lanes))
    {
      printf ("(fuzz) FAIL: cannot create the shared files\n");
      return 1;
    }
  state_map_shared (false);
  memset (stats, 0, sizeof *stats);
  stats->processes = 1;
  open_files ();
  for (lane = 0; lane < lanes; lane++)
    running[lane] = PID_ERROR;
  for (b = 1; b <= batches + lanes; b++)
    {
      lane = (b - 1) % lanes;
      if (running[lane] != PID_ERROR)
        reap (running[lane], lane, (b - lanes) % 100, false);
      running[lane] = b <= batches ? start_batch (b, lane, seed, calls) : PID_ERROR;
    }
  printf ("(fuzz) %u calls, %u processes: %u killed, %u exited", stats->calls,
          stats->processes, stats->killed, stats->exited);
  printf (refused > 0 ? "; %u batches not started\n" : "\n", refused);
  if (stats->killed + stats->exited + 1 != stats->processes)
    state_fail ("%u processes started but %u ended", stats->processes - 1,
                stats->killed + stats->exited);
  return stats->failures > 0;
}

int
main (int argc, char *argv[])
{
  uint8_t stack_area[FUZZ_STACK_AREA_SIZE];
  uint32_t seed, batches = BATCHES_DEFAULT, calls = CALLS_DEFAULT, lanes = 1;
  uint32_t lane, depth, worker_calls, status;
  bool verbose = false;
  int i, first = 1;

  if (argc >= 8 && !strcmp (argv[1], "-w"))
    {
      for (i = 8; i < argc; i++)
        verbose |= !strcmp (argv[i], "-v");
      if (!parse_u32 (argv[2], &lane) || lane >= FUZZ_LANES_MAX
          || !parse_u32 (argv[4], &depth) || !parse_u32 (argv[5], &seed)
          || !parse_u32 (argv[6], &worker_calls) || !parse_u32 (argv[7], &status))
        usage ();
      state_init (lane, argv[3], depth, seed, 0, status, verbose, stack_area);
      state_map_shared (true);
      become (argv[3], depth, seed, worker_calls, status);
      run_calls ();
      return self.status;
    }
  if (argc > first && !strcmp (argv[first], "-v"))
    verbose = true, first++;
  if (argc > first + 1 && !strcmp (argv[first], "-c"))
    {
      if (!parse_u32 (argv[first + 1], &lanes) || lanes < 1
          || lanes > FUZZ_LANES_MAX)
        usage ();
      first += 2;
    }
  if (argc <= first || argc > first + 3 || !parse_u32 (argv[first], &seed)
      || (argc > first + 1 && !parse_u32 (argv[first + 1], &batches))
      || (argc > first + 2 && !parse_u32 (argv[first + 2], &calls)))
    usage ();
  state_init (0, "root", 0, seed, 0, 0, verbose, stack_area);
  return run_batches (seed, batches, calls, lanes);
}
