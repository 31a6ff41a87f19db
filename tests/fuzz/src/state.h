#ifndef TESTS_FUZZ_SRC_STATE_H
#define TESTS_FUZZ_SRC_STATE_H

/* What the fuzzer's processes share, and what one of them knows of itself.

   Every fuzzing process maps two files at fixed addresses, each followed by a
   page that is never mapped: its lane's scratch file "fuzz.bN", memory the
   kernel may write into (a buffer that runs past its end runs into the guard
   page, so a call can be made to kill without harming the fuzzer), and
   "fuzz.stat", the counts of the whole run (a shared mapping, so that a
   process killed by the kernel has still counted its calls).

   Batches run one at a time, or in several lanes at once (fuzz -c LANES): the
   processes of one lane run one at a time and share only the lane's scratch
   and its slot of the counts page; the lanes share the counts (added to
   atomically), the files and the machine. */

#include <abi.h>
#include <stdbool.h>
#include <stdint.h>
#include <syscall.h>
#include "tests/fuzz/src/rng.h"

#define FUZZ_PROGRAM "fuzz"
#define FUZZ_BUF_PREFIX "fuzz.b" /* A lane's scratch file: fuzz.b0... */
#define FUZZ_STAT_FILE "fuzz.stat"

#define FUZZ_BUF_ADDR 0x70000000u
#define FUZZ_BUF_SIZE (4 * PGSIZE)
#define FUZZ_BUF_END (FUZZ_BUF_ADDR + FUZZ_BUF_SIZE) /* A guard page. */
#define FUZZ_STAT_ADDR (FUZZ_BUF_END + PGSIZE)
#define FUZZ_STAT_END (FUZZ_STAT_ADDR + PGSIZE) /* Another guard page. */

#define FUZZ_SCRATCH_SIZE (3 * PGSIZE) /* Private scratch in .bss. */
#define FUZZ_STACK_AREA_SIZE 1024      /* Scratch in main's frame. */
#define FUZZ_PATH_MAX 23               /* Characters of a process's path. */
#define FUZZ_TRACKED 8                 /* Descriptors, mappings, pids remembered. */
#define FUZZ_LANES_MAX 8               /* Batches running at once. */

/* What a child said about how it would end, for the parent that waits. */
enum fuzz_claim
{
  CLAIM_NONE,   /* Its own status, or -1 if killed. */
  CLAIM_STATUS, /* It called exit (claim_status). */
  CLAIM_ANY,    /* It replaced itself with a program that is not the fuzzer. */
};

/* The counts of a run, in the shared page. */
struct fuzz_stats
{
  uint32_t calls;     /* System calls made, each counted before it is made. */
  uint32_t processes; /* Processes started, the first one included. */
  uint32_t killed;    /* Children that ended with -1. */
  uint32_t exited;    /* Children that ended with a status of their own. */
  uint32_t failures;  /* FAIL lines printed. */
  struct
  {
    uint32_t kind; /* enum fuzz_claim of the lane's child last waited for. */
    int32_t status;
  } claims[FUZZ_LANES_MAX];
};

/* One fuzzing process. */
struct fuzz_self
{
  char path[FUZZ_PATH_MAX + 1]; /* "3.1.2": batch 3's first child's second. */
  int depth;                    /* 0 for the first process, 1 for a batch. */
  unsigned lane;                /* Its lane (0 for the first process). */
  bool verbose;                 /* Log every call on the console. */
  int status;                   /* The status it exits with at the end. */
  uint32_t seed;                /* Its generator's seed, for the log. */
  unsigned calls_left;          /* Calls still to make. */
  unsigned call_no;             /* Calls made so far, for the log. */
  struct rng rng;
  mapid_t buf_map, stat_map;  /* Its mappings of the shared files. */
  uint8_t *stack_area;        /* FUZZ_STACK_AREA_SIZE bytes in main's frame. */
  uintptr_t heap_start, brk;  /* The heap as sbrk's results say. */
  int fds[FUZZ_TRACKED];      /* Descriptors open returned lately, */
  unsigned fd_slot;           /* the next slot to fill. */
  mapid_t maps[FUZZ_TRACKED]; /* Mappings mmap returned lately, */
  uintptr_t map_addrs[FUZZ_TRACKED]; /* and where. */
  pid_t pids[FUZZ_TRACKED];          /* Children's pids. */
};

extern struct fuzz_self self;
extern struct fuzz_stats *stats;
extern uint8_t fuzz_scratch[FUZZ_SCRATCH_SIZE];

/* Creates the shared files for LANES lanes (the first process does, once).
   False if it cannot. */
bool state_create_shared (unsigned lanes);

/* Maps the counts page and points STATS at it; maps SELF's lane's scratch file
   too if BUF. Prints a FAIL line and exits with -1 if it cannot. */
void state_map_shared (bool buf);

/* Starts SELF for a process of LANE at PATH and DEPTH that makes CALLS calls
   from SEED and then exits with STATUS; STACK_AREA is scratch in main's
   frame. */
void state_init (unsigned lane, const char *path, int depth, uint32_t seed,
                 unsigned calls, int status, bool verbose, uint8_t *stack_area);

/* Makes SELF the process at PATH and DEPTH that makes CALLS calls from SEED and
   then exits with STATUS, keeping the rest of SELF (what it remembers, its lane
   and its mappings): a fork's child, a new batch, a lane's worker. */
void state_become (const char *path, int depth, uint32_t seed, unsigned calls,
                   int status);

/* Adds 1 to *COUNTER in the shared page, atomically: lanes run at once. */
void state_count (uint32_t *counter);

/* Remember a descriptor (in turn), a mapping at ADDR and a child's pid (in
   the slot the current call's number picks), so that a result never draws a
   random number: the calls a seed makes depend on the kernel's answers only
   through what is remembered. */
void state_remember_fd (int fd);
void state_remember_map (mapid_t map, uintptr_t addr);
void state_remember_pid (pid_t pid);

/* Prints "(fuzz) [PATH] " and FORMAT as one line, when verbose. */
void state_log (const char *format, ...) PRINTF_FORMAT (1, 2);

/* Prints "(fuzz) FAIL: PATH: " and FORMAT as one line, and counts it. */
void state_fail (const char *format, ...) PRINTF_FORMAT (1, 2);

#endif /* tests/fuzz/src/state.h */
