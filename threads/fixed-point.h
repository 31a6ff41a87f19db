#ifndef THREADS_FIXED_POINT_H
#define THREADS_FIXED_POINT_H

/* 17.14 fixed-point reals for the 4.4BSD scheduler (threads/mlfqs.c), which needs
   fractions but may not use the FPU: a real x is kept as the integer x * FIX_ONE
   in 32 bits (a sign bit, 17 integer bits, 14 fraction bits), so it ranges over
   about -131072 to 131071.99994 in steps of 1/16384.

   fixed_t is a struct so that mixing a plain int into a real by mistake (`x + 1'
   for `x plus one') is a compile error: every operation names whether its other
   operand is a real or an int. A product or quotient of two reals is computed in
   64 bits, so it overflows only if the result does not fit. Division truncates
   toward zero, as C's does; fix_round() rounds to the nearest integer. */

#include <stdint.h>

#define FIX_FRACTION_BITS 14
#define FIX_ONE (1 << FIX_FRACTION_BITS) /* The real 1. */

typedef struct
{
  int32_t raw; /* The real times FIX_ONE. */
} fixed_t;

/* The integer N as a real. */
static inline fixed_t
fix_int (int n)
{
  return (fixed_t){ n * FIX_ONE };
}

/* The real N / D (D nonzero), truncated toward zero to the nearest 1/FIX_ONE. */
static inline fixed_t
fix_ratio (int n, int d)
{
  return (fixed_t){ (int32_t) ((int64_t) n * FIX_ONE / d) };
}

/* X with its fraction dropped: toward zero (2.7 -> 2, -2.7 -> -2). */
static inline int
fix_trunc (fixed_t x)
{
  return x.raw / FIX_ONE;
}

/* X rounded to the nearest integer, halves away from zero (2.5 -> 3,
   -2.5 -> -3); in 64 bits, so that no real is too close to the ends for it. */
static inline int
fix_round (fixed_t x)
{
  int64_t half = x.raw >= 0 ? FIX_ONE / 2 : -FIX_ONE / 2;
  return (int) ((x.raw + half) / FIX_ONE);
}

static inline fixed_t
fix_add (fixed_t x, fixed_t y)
{
  return (fixed_t){ x.raw + y.raw };
}

static inline fixed_t
fix_sub (fixed_t x, fixed_t y)
{
  return (fixed_t){ x.raw - y.raw };
}

static inline fixed_t
fix_add_int (fixed_t x, int n)
{
  return (fixed_t){ x.raw + n * FIX_ONE };
}

static inline fixed_t
fix_sub_int (fixed_t x, int n)
{
  return (fixed_t){ x.raw - n * FIX_ONE };
}

/* X * Y, through 64 bits (64 * 64 fits; its 32-bit intermediate would not). */
static inline fixed_t
fix_mul (fixed_t x, fixed_t y)
{
  return (fixed_t){ (int32_t) ((int64_t) x.raw * y.raw / FIX_ONE) };
}

static inline fixed_t
fix_mul_int (fixed_t x, int n)
{
  return (fixed_t){ x.raw * n };
}

/* X / Y (Y nonzero), through 64 bits. */
static inline fixed_t
fix_div (fixed_t x, fixed_t y)
{
  return (fixed_t){ (int32_t) ((int64_t) x.raw * FIX_ONE / y.raw) };
}

/* X / N (N nonzero). */
static inline fixed_t
fix_div_int (fixed_t x, int n)
{
  return (fixed_t){ x.raw / n };
}

#endif /* threads/fixed-point.h */
