#include "bitmap.h"
#include <debug.h>
#include <stdlib.h>
#include <stdio.h>

/* Bits are stored little-endian within unsigned longs: bit IDX is bit
   IDX % WORD_BITS of word IDX / WORD_BITS.  Bits past BIT_CNT in the last
   word stay zero. */
typedef unsigned long bitmap_word;
#define WORD_BITS (sizeof (bitmap_word) * __CHAR_BIT__)
#define ALL_ONES ((bitmap_word) -1)

struct bitmap
{
  size_t bit_cnt;
  bitmap_word *words;
};

static size_t
word_cnt (size_t bit_cnt)
{
  return bit_cnt / WORD_BITS + (bit_cnt % WORD_BITS != 0);
}

/* Returns a word with bits [0, N) set, for N <= WORD_BITS. */
static bitmap_word
low_bits (size_t n)
{
  return n >= WORD_BITS ? ALL_ONES : ((bitmap_word) 1 << n) - 1;
}

/* Steps through the range [*POS, END) one word at a time.  Sets *WORD to the
   index of the word holding bit *POS and *MASK to the range's bits within
   it, then advances *POS to the next word.  Returns false once *POS reaches
   END. */
static bool
next_chunk (size_t *pos, size_t end, size_t *word, bitmap_word *mask)
{
  size_t first, last;

  if (*pos >= end)
    return false;
  first = *pos % WORD_BITS;
  last = end - *pos < WORD_BITS - first ? first + (end - *pos) : WORD_BITS;
  *word = *pos / WORD_BITS;
  *mask = low_bits (last) & ~low_bits (first);
  *pos += last - first;
  return true;
}

/* Returns the number of set bits in W. */
static size_t
popcount (bitmap_word w)
{
  size_t count = 0;

  for (; w != 0; w &= w - 1)
    count++;
  return count;
}

/* Returns the number of bytes bitmap_create_in_buf needs for BIT_CNT bits. */
size_t
bitmap_buf_size (size_t bit_cnt)
{
  return sizeof (struct bitmap) + word_cnt (bit_cnt) * sizeof (bitmap_word);
}

/* Builds a bitmap of BIT_CNT bits, all false, in the SIZE bytes at BUF, which
   must be at least bitmap_buf_size (BIT_CNT) bytes and suitably aligned for
   a pointer.  Never fails.  Such a bitmap must not be bitmap_destroy'ed. */
struct bitmap *
bitmap_create_in_buf (size_t bit_cnt, void *buf, size_t size)
{
  struct bitmap *b = buf;
  size_t i;

  ASSERT (buf != NULL);
  ASSERT (size >= bitmap_buf_size (bit_cnt));
  b->bit_cnt = bit_cnt;
  b->words = (bitmap_word *) (b + 1);
  for (i = 0; i < word_cnt (bit_cnt); i++)
    b->words[i] = 0;
  return b;
}

/* Allocates a bitmap of BIT_CNT bits, all false.  Returns NULL if memory is
   short.  Free it with bitmap_destroy. */
struct bitmap *
bitmap_create (size_t bit_cnt)
{
  void *buf = malloc (bitmap_buf_size (bit_cnt));

  if (buf == NULL)
    return NULL;
  return bitmap_create_in_buf (bit_cnt, buf, bitmap_buf_size (bit_cnt));
}

/* Frees B, which must come from bitmap_create.  B may be NULL. */
void
bitmap_destroy (struct bitmap *b)
{
  free (b);
}

/* Returns the number of bits in B. */
size_t
bitmap_size (const struct bitmap *b)
{
  return b->bit_cnt;
}

/* Sets bit IDX of B to VALUE. */
void
bitmap_set (struct bitmap *b, size_t idx, bool value)
{
  bitmap_set_multiple (b, idx, 1, value);
}

/* Sets bit IDX of B to true. */
void
bitmap_mark (struct bitmap *b, size_t idx)
{
  bitmap_set (b, idx, true);
}

/* Sets bit IDX of B to false. */
void
bitmap_reset (struct bitmap *b, size_t idx)
{
  bitmap_set (b, idx, false);
}

/* Inverts bit IDX of B. */
void
bitmap_flip (struct bitmap *b, size_t idx)
{
  ASSERT (idx < b->bit_cnt);
  b->words[idx / WORD_BITS] ^= (bitmap_word) 1 << (idx % WORD_BITS);
}

/* Returns the value of bit IDX of B. */
bool
bitmap_test (const struct bitmap *b, size_t idx)
{
  ASSERT (idx < b->bit_cnt);
  return (b->words[idx / WORD_BITS] >> (idx % WORD_BITS)) & 1;
}

/* Sets every bit of B to VALUE. */
void
bitmap_set_all (struct bitmap *b, bool value)
{
  bitmap_set_multiple (b, 0, b->bit_cnt, value);
}

/* Sets the CNT bits of B from START to VALUE. */
void
bitmap_set_multiple (struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t end = start + cnt, word;
  bitmap_word mask;

  ASSERT (start <= b->bit_cnt && cnt <= b->bit_cnt - start);
  while (next_chunk (&start, end, &word, &mask))
    {
      if (value)
        b->words[word] |= mask;
      else
        b->words[word] &= ~mask;
    }
}

/* Returns how many of the CNT bits of B from START equal VALUE. */
size_t
bitmap_count (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t end = start + cnt, ones = 0, word;
  bitmap_word mask;

  ASSERT (start <= b->bit_cnt && cnt <= b->bit_cnt - start);
  while (next_chunk (&start, end, &word, &mask))
    ones += popcount (b->words[word] & mask);
  return value ? ones : cnt - ones;
}

/* Returns true if any of the CNT bits of B from START equals VALUE. */
bool
bitmap_contains (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  bitmap_word invert = value ? 0 : ALL_ONES;
  size_t end = start + cnt, word;
  bitmap_word mask;

  ASSERT (start <= b->bit_cnt && cnt <= b->bit_cnt - start);
  while (next_chunk (&start, end, &word, &mask))
    if (((b->words[word] ^ invert) & mask) != 0)
      return true;
  return false;
}

/* Returns true if any of the CNT bits of B from START is true. */
bool
bitmap_any (const struct bitmap *b, size_t start, size_t cnt)
{
  return bitmap_contains (b, start, cnt, true);
}

/* Returns true if none of the CNT bits of B from START is true. */
bool
bitmap_none (const struct bitmap *b, size_t start, size_t cnt)
{
  return !bitmap_contains (b, start, cnt, true);
}

/* Returns true if all of the CNT bits of B from START are true. */
bool
bitmap_all (const struct bitmap *b, size_t start, size_t cnt)
{
  return !bitmap_contains (b, start, cnt, false);
}

/* Returns the index of the first bit of B at or after START that equals
   VALUE, or B's size if there is none. */
static size_t
find_next (const struct bitmap *b, size_t start, bool value)
{
  bitmap_word invert = value ? 0 : ALL_ONES;
  size_t word = start / WORD_BITS;
  bitmap_word bits;
  size_t idx;

  if (start >= b->bit_cnt)
    return b->bit_cnt;
  bits = (b->words[word] ^ invert) & ~low_bits (start % WORD_BITS);
  while (bits == 0)
    {
      if (++word >= word_cnt (b->bit_cnt))
        return b->bit_cnt;
      bits = b->words[word] ^ invert;
    }
  /* Inverted padding bits past the end can match: clamp. */
  idx = word * WORD_BITS + __builtin_ctzl (bits);
  return idx < b->bit_cnt ? idx : b->bit_cnt;
}

/* Returns the lowest index at or after START that begins a run of CNT bits of
   B all equal to VALUE, or BITMAP_ERROR if there is none.  CNT 0 finds
   START.  START must not exceed B's size.  Takes time proportional to the
   words searched, not the bits. */
size_t
bitmap_scan (const struct bitmap *b, size_t start, size_t cnt, bool value)
{
  ASSERT (start <= b->bit_cnt);
  if (cnt == 0)
    return start;
  while (cnt <= b->bit_cnt && start <= b->bit_cnt - cnt)
    {
      size_t run_start = find_next (b, start, value);
      size_t run_end;

      if (run_start > b->bit_cnt - cnt)
        break;
      run_end = find_next (b, run_start, !value);
      if (run_end - run_start >= cnt)
        return run_start;
      start = run_end;
    }
  return BITMAP_ERROR;
}

/* Like bitmap_scan, but also sets the CNT bits found to !VALUE: the way to
   allocate CNT consecutive slots.  Returns their first index, or
   BITMAP_ERROR (changing nothing) if there is no such run.  Not atomic: the
   caller must hold whatever lock protects B. */
size_t
bitmap_scan_and_flip (struct bitmap *b, size_t start, size_t cnt, bool value)
{
  size_t idx = bitmap_scan (b, start, cnt, value);

  if (idx != BITMAP_ERROR)
    bitmap_set_multiple (b, idx, cnt, !value);
  return idx;
}

/* Prints B's size and its bits, 64 to a line, bit 0 first. */
void
bitmap_dump (const struct bitmap *b)
{
  size_t i;

  printf ("bitmap of %zu bits:", b->bit_cnt);
  for (i = 0; i < b->bit_cnt; i++)
    {
      if (i % 64 == 0)
        printf ("\n%6zu: ", i);
      putchar (bitmap_test (b, i) ? '1' : '0');
    }
  putchar ('\n');
}
