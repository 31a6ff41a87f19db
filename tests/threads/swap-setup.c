/* Helpers for the swap and multi-sector disk tests: bringing swap up, and
   buffers whose every word says which buffer and which word it is. */

#include "tests/threads/swap-setup.h"
#include "vm/swap.h"
#include "tests/threads/tests.h"

/* Fails the test without a swap disk (boot brought swap up). */
void
swap_setup (void)
{
  if (!swap_present ())
    fail ("no swap disk (run with --swap-size=MB)");
}

/* The word at index I of the buffer made from SEED. */
static uint32_t
pattern_word (uint32_t seed, size_t i)
{
  return (seed * 2654435761u) ^ (i * 40503u) ^ (i << 20);
}

/* Fills the SIZE bytes at BUF (a multiple of 4) with the pattern of SEED. */
void
pattern_fill (void *buf, size_t size, uint32_t seed)
{
  uint32_t *word = buf;
  size_t i;

  for (i = 0; i < size / sizeof *word; i++)
    word[i] = pattern_word (seed, i);
}

/* The byte offset of the first word of BUF (SIZE bytes) that differs from the
   pattern of SEED, or SIZE if none does. */
size_t
pattern_mismatch (const void *buf, size_t size, uint32_t seed)
{
  const uint32_t *word = buf;
  size_t i;

  for (i = 0; i < size / sizeof *word; i++)
    if (word[i] != pattern_word (seed, i))
      return i * sizeof *word;
  return size;
}
