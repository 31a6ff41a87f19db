#ifndef TESTS_FUZZ_SRC_RNG_H
#define TESTS_FUZZ_SRC_RNG_H

/* The fuzzer's random numbers: a small generator (xoshiro128**) whose whole
   sequence follows from its seed, so that a run can be replayed. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct rng
{
  uint32_t s[4];
};

/* Starts R's sequence from SEED. */
void rng_seed (struct rng *r, uint32_t seed);

/* The next 32 random bits of R. */
uint32_t rng_next (struct rng *r);

/* A number in [0, N), N > 0. */
uint32_t rng_below (struct rng *r, uint32_t n);

/* True PER_MILLE times in a thousand. */
bool rng_chance (struct rng *r, unsigned per_mille);

/* One of the N words at WORDS. */
uint32_t rng_pick (struct rng *r, const uint32_t *words, size_t n);

/* A seed derived from SEED and STREAM that shares no run with SEED's own
   sequence: for a child's generator, or for batch STREAM of a run. */
uint32_t rng_derive (uint32_t seed, uint32_t stream);

#define RNG_PICK(R, ARRAY) rng_pick (R, ARRAY, sizeof (ARRAY) / sizeof *(ARRAY))

#endif /* tests/fuzz/src/rng.h */
