/* xoshiro128** (Blackman and Vigna), seeded through splitmix32 so that
   neighbouring seeds give unrelated sequences. */

#include "tests/fuzz/src/rng.h"

/* One step of splitmix32 on *STATE. */
static uint32_t
splitmix32 (uint32_t *state)
{
  uint32_t z = (*state += 0x9e3779b9);

  z = (z ^ (z >> 16)) * 0x85ebca6b;
  z = (z ^ (z >> 13)) * 0xc2b2ae35;
  return z ^ (z >> 16);
}

static uint32_t
rotl (uint32_t x, int k)
{
  return (x << k) | (x >> (32 - k));
}

void
rng_seed (struct rng *r, uint32_t seed)
{
  int i;

  for (i = 0; i < 4; i++)
    r->s[i] = splitmix32 (&seed);
  if ((r->s[0] | r->s[1] | r->s[2] | r->s[3]) == 0)
    r->s[0] = 1; /* The all-zero state never leaves zero. */
}

uint32_t
rng_next (struct rng *r)
{
  uint32_t *s = r->s;
  uint32_t result = rotl (s[1] * 5, 7) * 9;
  uint32_t t = s[1] << 9;

  s[2] ^= s[0];
  s[3] ^= s[1];
  s[1] ^= s[2];
  s[0] ^= s[3];
  s[2] ^= t;
  s[3] = rotl (s[3], 11);
  return result;
}

uint32_t
rng_below (struct rng *r, uint32_t n)
{
  return (uint32_t) (((uint64_t) rng_next (r) * n) >> 32);
}

bool
rng_chance (struct rng *r, unsigned per_mille)
{
  return rng_below (r, 1000) < per_mille;
}

uint32_t
rng_pick (struct rng *r, const uint32_t *words, size_t n)
{
  return words[rng_below (r, n)];
}

uint32_t
rng_derive (uint32_t seed, uint32_t stream)
{
  uint32_t state = seed ^ (stream * 0x632be5ab);

  splitmix32 (&state);
  return splitmix32 (&state) ^ stream;
}
