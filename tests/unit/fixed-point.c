/* Host unit test for threads/fixed-point.h, the 17.14 reals of the 4.4BSD
   scheduler: conversions and rounding at the edges and for negatives, the
   guide's worked numbers, every operation against double-precision arithmetic
   on random operands, and the load average's climb under one busy thread. */

#include <stdint.h>
#include <stdio.h>

#include "threads/fixed-point.h"
#include "tests/unit/check.h"

#define INT_LIMIT 131071 /* The largest integer a 17.14 real holds. */

static double
real (fixed_t x)
{
  return (double) x.raw / FIX_ONE;
}

/* |A - B|, without libm. */
static double
distance (double a, double b)
{
  return a > b ? a - b : b - a;
}

/* X rounded to the nearest integer, halves away from zero (C's round()). */
static int
round_half_away (double x)
{
  return x >= 0 ? (int) (x + 0.5) : -(int) (-x + 0.5);
}

/* A random real whose magnitude is below LIMIT. */
static fixed_t
random_real (int limit)
{
  int64_t span = (int64_t) limit * FIX_ONE;
  return (fixed_t){ (int32_t) ((int64_t) (rng () % (2 * span + 1)) - span) };
}

static void
test_conversions (void)
{
  int n;

  CHECK (FIX_ONE == 16384);
  for (n = -INT_LIMIT - 1; n <= INT_LIMIT; n += 7)
    CHECK_DETAIL (fix_trunc (fix_int (n)) == n && fix_round (fix_int (n)) == n,
                  "%d does not survive the round trip", n);
  CHECK (fix_int (INT_LIMIT).raw == INT_LIMIT * FIX_ONE);
  CHECK (fix_trunc (fix_ratio (27, 10)) == 2);
  CHECK (fix_trunc (fix_ratio (-27, 10)) == -2);
  CHECK (fix_round (fix_ratio (5, 2)) == 3);
  CHECK (fix_round (fix_ratio (-5, 2)) == -3);
  CHECK (fix_round ((fixed_t){ 5 * FIX_ONE / 2 - 1 }) == 2);
  CHECK (fix_round ((fixed_t){ -5 * FIX_ONE / 2 + 1 }) == -2);
  CHECK (fix_round (fix_ratio (1, 3)) == 0 && fix_round (fix_ratio (-1, 3)) == 0);
  CHECK (fix_trunc (fix_ratio (-1, 3)) == 0);
}

/* The numbers the Pintos guide works through. */
static void
test_guide_numbers (void)
{
  fixed_t almost_one = { 16111 }; /* 59/60, rounded up. */
  fixed_t sixty_four = fix_int (64);

  CHECK (fix_ratio (59, 60).raw == 16110);
  CHECK (fix_ratio (1, 60).raw == 273);
  CHECK (fix_mul (almost_one, almost_one).raw == 15842);
  CHECK (fix_trunc (fix_mul (sixty_four, sixty_four)) == 4096);
  CHECK (fix_trunc (fix_div (fix_int (4096), sixty_four)) == 64);
  CHECK (fix_round (fix_mul_int (fix_ratio (1, 60), 100)) == 2);
}

/* Each operation on random operands, against doubles: within one step of
   1/FIX_ONE, as truncation allows. */
static void
test_against_doubles (void)
{
  double step = 1.0 / FIX_ONE;
  int i;

  for (i = 0; i < 100000; i++)
    {
      fixed_t x = random_real (300), y = random_real (300);
      int n = (int) (rng () % 401) - 200;

      CHECK_DETAIL (real (fix_add (x, y)) == real (x) + real (y), "add");
      CHECK_DETAIL (real (fix_sub (x, y)) == real (x) - real (y), "sub");
      CHECK_DETAIL (real (fix_add_int (x, n)) == real (x) + n, "add_int");
      CHECK_DETAIL (real (fix_sub_int (x, n)) == real (x) - n, "sub_int");
      CHECK_DETAIL (real (fix_mul_int (x, n)) == real (x) * n, "mul_int");
      CHECK_DETAIL (distance (real (fix_mul (x, y)), real (x) * real (y)) < step,
                    "%f * %f = %f", real (x), real (y), real (fix_mul (x, y)));
      if (y.raw != 0 && distance (real (x) / real (y), 0) < INT_LIMIT)
        CHECK_DETAIL (distance (real (fix_div (x, y)), real (x) / real (y)) < step,
                      "%f / %f = %f", real (x), real (y), real (fix_div (x, y)));
      if (n != 0)
        CHECK_DETAIL (distance (real (fix_div_int (x, n)), real (x) / n) < step,
                      "%f / %d", real (x), n);
      CHECK_DETAIL (fix_trunc (x) == (int) real (x), "trunc %f", real (x));
      CHECK_DETAIL (fix_round (x) == round_half_away (real (x)), "round %f",
                    real (x));
    }
}

/* load_avg = (59 load_avg + 1) / 60 each second with one thread busy: it
   passes 0.5 after 42 s (the guide's mlfqs-load-1 figure), tracking the exact
   value to within 0.001 all the way. */
static void
test_load_average (void)
{
  fixed_t load = fix_int (0);
  double exact = 0;
  int second = 0;

  while (fix_round (fix_mul_int (load, 100)) <= 50)
    {
      load = fix_div_int (fix_add_int (fix_mul_int (load, 59), 1), 60);
      exact = (59 * exact + 1) / 60;
      second++;
      CHECK_DETAIL (distance (real (load), exact) < 0.001, "second %d: %f, not %f",
                    second, real (load), exact);
    }
  CHECK_DETAIL (second == 42, "load average passed 0.50 after %d s", second);
}

int
main (void)
{
  rng_seed (17);
  test_conversions ();
  test_guide_numbers ();
  test_against_doubles ();
  test_load_average ();
  return check_summary ("fixed-point");
}
