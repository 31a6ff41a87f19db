/* Host unit test for lib/kernel/bitmap.c: every operation against a plain
   bool-array model, on sizes around word boundaries. */

#include <bitmap.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "tests/unit/check.h"

/* Returns a random number in [0, LIMIT]. */
static size_t
rng_upto (size_t limit)
{
  return rng () % (limit + 1);
}

static size_t
model_count (const bool *model, size_t start, size_t cnt, bool value)
{
  size_t i, count = 0;

  for (i = start; i < start + cnt; i++)
    count += model[i] == value;
  return count;
}

static size_t
model_scan (const bool *model, size_t size, size_t start, size_t cnt, bool value)
{
  size_t i;

  for (i = start; cnt <= size && i <= size - cnt; i++)
    if (model_count (model, i, cnt, value) == cnt)
      return i;
  return BITMAP_ERROR;
}

static bool
matches_model (const struct bitmap *b, const bool *model, size_t size)
{
  size_t i;

  if (bitmap_size (b) != size)
    return false;
  for (i = 0; i < size; i++)
    if (bitmap_test (b, i) != model[i])
      return false;
  return true;
}

/* One random operation on B and MODEL, checking any result. */
static void
random_step (struct bitmap *b, bool *model, size_t size)
{
  size_t start = rng_upto (size);
  /* Favour short ranges but sometimes run to the end. */
  size_t cnt = rng () % 4 == 0 ? size - start : rng_upto ((size - start) % 70);
  bool value = rng () % 2;
  size_t idx = size > 0 ? rng () % size : 0;
  size_t i, found;

  switch (rng () % 9)
    {
    case 0:
      if (size > 0)
        {
          int kind = rng () % 4;
          if (kind == 0)
            bitmap_set (b, idx, value), model[idx] = value;
          else if (kind == 1)
            bitmap_mark (b, idx), model[idx] = true;
          else if (kind == 2)
            bitmap_reset (b, idx), model[idx] = false;
          else
            bitmap_flip (b, idx), model[idx] = !model[idx];
        }
      break;
    case 1:
    case 2:
      bitmap_set_multiple (b, start, cnt, value);
      for (i = start; i < start + cnt; i++)
        model[i] = value;
      break;
    case 3:
      CHECK (bitmap_count (b, start, cnt, value)
             == model_count (model, start, cnt, value));
      break;
    case 4:
      CHECK (bitmap_contains (b, start, cnt, value)
             == (model_count (model, start, cnt, value) > 0));
      CHECK (bitmap_any (b, start, cnt)
             == (model_count (model, start, cnt, true) > 0));
      CHECK (bitmap_none (b, start, cnt)
             == (model_count (model, start, cnt, true) == 0));
      CHECK (bitmap_all (b, start, cnt)
             == (model_count (model, start, cnt, true) == cnt));
      break;
    case 5:
    case 6:
      cnt = rng_upto (rng () % 2 ? 5 : 40);
      CHECK (bitmap_scan (b, start, cnt, value)
             == model_scan (model, size, start, cnt, value));
      break;
    case 7:
      cnt = rng_upto (8);
      found = bitmap_scan_and_flip (b, start, cnt, value);
      CHECK (found == model_scan (model, size, start, cnt, value));
      if (found != BITMAP_ERROR)
        for (i = found; i < found + cnt; i++)
          model[i] = !value;
      break;
    case 8:
      if (rng () % 8 == 0)
        {
          bitmap_set_all (b, value);
          for (i = 0; i < size; i++)
            model[i] = value;
        }
      break;
    }
}

static void
test_random (size_t size, bool in_buf)
{
  static unsigned long storage[1024];
  struct bitmap *b;
  bool *model = calloc (size + 1, sizeof *model);
  int step;

  if (in_buf)
    {
      CHECK (bitmap_buf_size (size) <= sizeof storage);
      memset (storage, 0xa5, sizeof storage);
      b = bitmap_create_in_buf (size, storage, bitmap_buf_size (size));
    }
  else
    b = bitmap_create (size);
  CHECK (b != NULL);
  CHECK (matches_model (b, model, size));
  CHECK (bitmap_none (b, 0, size));
  CHECK (bitmap_all (b, 0, size) == (size == 0));
  CHECK (bitmap_count (b, 0, size, false) == size);

  for (step = 0; step < 4000; step++)
    {
      random_step (b, model, size);
      if (!matches_model (b, model, size))
        {
          CHECK (!"bitmap diverged from model");
          break;
        }
    }
  if (!in_buf)
    bitmap_destroy (b);
  free (model);
}

/* Filling a bitmap one slot at a time, then freeing and reusing holes, as
   a swap-slot or frame allocator does. */
static void
test_allocator_pattern (void)
{
  struct bitmap *b = bitmap_create (100);
  size_t i;

  for (i = 0; i < 100; i++)
    CHECK (bitmap_scan_and_flip (b, 0, 1, false) == i);
  CHECK (bitmap_scan_and_flip (b, 0, 1, false) == BITMAP_ERROR);
  CHECK (bitmap_all (b, 0, 100));
  bitmap_set_multiple (b, 40, 3, false);
  bitmap_reset (b, 10);
  CHECK (bitmap_scan_and_flip (b, 0, 2, false) == 40);
  CHECK (bitmap_scan_and_flip (b, 0, 2, false) == BITMAP_ERROR);
  CHECK (bitmap_scan (b, 0, 1, false) == 10);
  CHECK (bitmap_scan (b, 11, 1, false) == 42);
  CHECK (bitmap_scan (b, 0, 0, false) == 0);
  CHECK (bitmap_scan (b, 100, 0, true) == 100);
  CHECK (bitmap_scan (b, 100, 1, true) == BITMAP_ERROR);
  CHECK (bitmap_scan (b, 0, 101, true) == BITMAP_ERROR);
  CHECK (bitmap_count (b, 0, 100, true) == 98);
  bitmap_destroy (b);
}

/* Size 0 must be harmless everywhere. */
static void
test_empty (void)
{
  struct bitmap *b = bitmap_create (0);

  CHECK (b != NULL);
  CHECK (bitmap_size (b) == 0);
  bitmap_set_all (b, true);
  bitmap_set_multiple (b, 0, 0, true);
  CHECK (bitmap_count (b, 0, 0, true) == 0);
  CHECK (!bitmap_any (b, 0, 0));
  CHECK (bitmap_none (b, 0, 0));
  CHECK (bitmap_all (b, 0, 0));
  CHECK (bitmap_scan (b, 0, 1, false) == BITMAP_ERROR);
  CHECK (bitmap_scan_and_flip (b, 0, 0, false) == 0);
  bitmap_destroy (b);
  bitmap_destroy (NULL);
}

/* bitmap_dump's output, captured through a temporary file. */
static void
test_dump (void)
{
  struct bitmap *b = bitmap_create (66);
  FILE *capture = tmpfile ();
  int saved_stdout = dup (STDOUT_FILENO);
  char text[256] = "";
  const char *expected
      = "bitmap of 66 bits:\n"
        "     0: 1000000000000000000000000000000000000000000000000000000000000001\n"
        "    64: 01\n";

  bitmap_mark (b, 0);
  bitmap_mark (b, 63);
  bitmap_mark (b, 65);
  fflush (stdout);
  dup2 (fileno (capture), STDOUT_FILENO);
  bitmap_dump (b);
  fflush (stdout);
  dup2 (saved_stdout, STDOUT_FILENO);
  close (saved_stdout);
  rewind (capture);
  CHECK (fread (text, 1, sizeof text - 1, capture) == strlen (expected));
  CHECK (strcmp (text, expected) == 0);
  fclose (capture);
  bitmap_destroy (b);
}

int
main (void)
{
  static const size_t sizes[] = { 0, 1, 2, 31, 32, 33, 63, 64, 65, 127, 128, 1000 };
  size_t i;

  rng_seed (2463534242u);
  test_empty ();
  test_allocator_pattern ();
  test_dump ();
  for (i = 0; i < sizeof sizes / sizeof *sizes; i++)
    {
      test_random (sizes[i], false);
      test_random (sizes[i], true);
    }
  return check_summary ("bitmap");
}
