/* The check harness shared by the host unit tests (the .c files in tests/unit).

   Each test is one program that includes this header once:

     CHECK (COND)              counts a check; on failure prints
                               `FILE:LINE: check failed: COND`.
     CHECK_DETAIL (COND, ...)  the same, but prints a printf-style detail
                               instead of COND, and only for the first 50
                               failures so that a broken case cannot flood.
     check_summary (NAME)      prints `NAME: N checks, M failed` and returns
                               the exit status for main: non-zero on failure.
     rng_seed (SEED), rng ()   a deterministic xorshift32 generator.

   A test may define CHECK_FAILURE_NOTE() before including this header to
   print more after each failed CHECK (its expansion is used only inside
   CHECK, so it may name things the test declares later). */

#ifndef TESTS_UNIT_CHECK_H
#define TESTS_UNIT_CHECK_H

#include <stdint.h>
#include <stdio.h>

static int check_cnt, fail_cnt;

#ifndef CHECK_FAILURE_NOTE
#define CHECK_FAILURE_NOTE() ((void) 0)
#endif

#define CHECK(COND)                                                        \
  do                                                                       \
    {                                                                      \
      check_cnt++;                                                         \
      if (!(COND))                                                         \
        {                                                                  \
          fail_cnt++;                                                      \
          printf ("%s:%d: check failed: %s\n", __FILE__, __LINE__, #COND); \
          CHECK_FAILURE_NOTE ();                                           \
        }                                                                  \
    }                                                                      \
  while (0)

#define CHECK_DETAIL(COND, ...)                                 \
  do                                                            \
    {                                                           \
      check_cnt++;                                              \
      if (!(COND) && fail_cnt++ < 50)                           \
        {                                                       \
          printf ("%s:%d: check failed: ", __FILE__, __LINE__); \
          printf (__VA_ARGS__);                                 \
          putchar ('\n');                                       \
        }                                                       \
    }                                                           \
  while (0)

/* Prints the summary line for the test NAME; returns main's exit status. */
static inline int
check_summary (const char *name)
{
  printf ("%s: %d checks, %d failed\n", name, check_cnt, fail_cnt);
  return fail_cnt != 0;
}

static uint32_t rng_state = 2463534242u;

/* Restarts the generator at SEED, which must not be 0. */
static inline void
rng_seed (uint32_t seed)
{
  rng_state = seed;
}

/* Returns the next number from the xorshift32 generator. */
static inline uint32_t
rng (void)
{
  rng_state ^= rng_state << 13;
  rng_state ^= rng_state >> 17;
  rng_state ^= rng_state << 5;
  return rng_state;
}

#endif /* tests/unit/check.h */
