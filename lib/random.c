#include "random.h"
#include <stdbool.h>
#include <stdint.h>

/* xoshiro128** (Blackman and Vigna, 2018): 128 bits of state, period
   2^128 - 1, and only 32-bit operations, which suits i386. */
static uint32_t state[4];
static bool initialised;

static uint32_t
rotate_left (uint32_t x, int bits)
{
  return (x << bits) | (x >> (32 - bits));
}

static uint32_t
next_word (void)
{
  uint32_t result, t;

  if (!initialised)
    random_init (0);
  result = rotate_left (state[1] * 5, 7) * 9;
  t = state[1] << 9;

  state[2] ^= state[0];
  state[3] ^= state[1];
  state[1] ^= state[2];
  state[0] ^= state[3];
  state[2] ^= t;
  state[3] = rotate_left (state[3], 11);
  return result;
}

/* Scrambles successive counter values into well-mixed seed words (the
   "splitmix" finaliser), so that similar seeds give unrelated states. */
static uint32_t
seed_word (uint32_t *counter)
{
  uint32_t z = (*counter += 0x9e3779b9);

  z = (z ^ (z >> 16)) * 0x85ebca6b;
  z = (z ^ (z >> 13)) * 0xc2b2ae35;
  return z ^ (z >> 16);
}

/* Seeds the generator from SEED; equal seeds give equal sequences. */
void
random_init (unsigned seed)
{
  uint32_t counter = seed;
  int i;

  for (i = 0; i < 4; i++)
    state[i] = seed_word (&counter);
  /* The all-zero state is a fixed point of the generator. */
  if ((state[0] | state[1] | state[2] | state[3]) == 0)
    state[0] = 1;
  initialised = true;
}

/* Fills SIZE bytes at BUF with pseudo-random bytes. */
void
random_bytes (void *buf_, size_t size)
{
  unsigned char *buf = buf_;

  while (size > 0)
    {
      uint32_t word = next_word ();
      int i;

      for (i = 0; i < 4 && size > 0; i++, size--)
        {
          *buf++ = (unsigned char) word;
          word >>= 8;
        }
    }
}

/* Returns a pseudo-random unsigned long (two words on 64-bit hosts). */
unsigned long
random_ulong (void)
{
  unsigned long value = next_word ();

  if (sizeof value > sizeof (uint32_t))
    value = (value << 16 << 16) | next_word ();
  return value;
}
