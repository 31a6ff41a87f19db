/* 64-bit division for i386.  GCC turns `/' and `%' on 64-bit operands into
   calls to these libgcc routines, and the kernel does not link libgcc.  They
   are called by the compiler, so there is no header.

   The i386 `divl' instruction divides the 64-bit EDX:EAX by a 32-bit divisor,
   provided the quotient fits in 32 bits.  A divisor that fits in 32 bits
   takes two such steps (high word, then remainder:low word).  A wider
   divisor leaves a quotient below 2^32 that is estimated from the divisor's
   normalised top 32 bits and then corrected by at most one (Hacker's Delight,
   section 9-5).  Nothing here may use 64-bit `/' or `%' itself. */

#include <stdint.h>

uint64_t __udivmoddi4 (uint64_t dividend, uint64_t divisor, uint64_t *remainder);
int64_t __divmoddi4 (int64_t dividend, int64_t divisor, int64_t *remainder);
uint64_t __udivdi3 (uint64_t dividend, uint64_t divisor);
uint64_t __umoddi3 (uint64_t dividend, uint64_t divisor);
int64_t __divdi3 (int64_t dividend, int64_t divisor);
int64_t __moddi3 (int64_t dividend, int64_t divisor);

/* Divides DIVIDEND by DIVISOR with one `divl'; the quotient must fit in 32
   bits (DIVIDEND's high word below DIVISOR).  A zero DIVISOR raises the
   divide-error exception, as a native division by zero would. */
static inline uint32_t
divl (uint64_t dividend, uint32_t divisor, uint32_t *remainder)
{
  uint32_t quotient, rem;

  asm("divl %4"
      : "=a"(quotient), "=d"(rem)
      : "a"((uint32_t) dividend), "d"((uint32_t) (dividend >> 32)), "rm"(divisor));
  *remainder = rem;
  return quotient;
}

/* Division by a divisor below 2^32. */
static uint64_t
divide_by_narrow (uint64_t dividend, uint32_t divisor, uint64_t *remainder)
{
  uint32_t high_rem, low_rem;
  uint32_t high = divl (dividend >> 32, divisor, &high_rem);
  uint32_t low
      = divl (((uint64_t) high_rem << 32) | (uint32_t) dividend, divisor, &low_rem);

  *remainder = low_rem;
  return ((uint64_t) high << 32) | low;
}

/* Division by a divisor of at least 2^32, so the quotient fits in 32 bits. */
static uint64_t
divide_by_wide (uint64_t dividend, uint64_t divisor, uint64_t *remainder)
{
  int shift = __builtin_clz ((uint32_t) (divisor >> 32));
  uint32_t divisor_top = (divisor << shift) >> 32;
  uint32_t unused_rem;
  /* Halving the dividend keeps its high word below DIVISOR_TOP (whose top
     bit is set), so divl cannot overflow. */
  uint32_t estimate = divl (dividend >> 1, divisor_top, &unused_rem);
  uint64_t quotient = ((uint64_t) estimate << shift) >> 31;

  /* QUOTIENT is now the true quotient or one more; step back, then fix up. */
  if (quotient != 0)
    quotient--;
  if (dividend - quotient * divisor >= divisor)
    quotient++;
  *remainder = dividend - quotient * divisor;
  return quotient;
}

/* Returns DIVIDEND / DIVISOR and stores DIVIDEND % DIVISOR in *REMAINDER if
   REMAINDER is not NULL. */
uint64_t
__udivmoddi4 (uint64_t dividend, uint64_t divisor, uint64_t *remainder)
{
  uint64_t quotient, rem;

  if (divisor >> 32 == 0)
    quotient = divide_by_narrow (dividend, divisor, &rem);
  else
    quotient = divide_by_wide (dividend, divisor, &rem);
  if (remainder != 0)
    *remainder = rem;
  return quotient;
}

/* Returns |N| as unsigned, which is exact even for INT64_MIN. */
static uint64_t
magnitude (int64_t n)
{
  return n < 0 ? -(uint64_t) n : (uint64_t) n;
}

/* Signed division truncating towards zero; the remainder takes the sign of
   the dividend.  INT64_MIN / -1 wraps to INT64_MIN. */
int64_t
__divmoddi4 (int64_t dividend, int64_t divisor, int64_t *remainder)
{
  uint64_t rem;
  uint64_t quotient = __udivmoddi4 (magnitude (dividend), magnitude (divisor), &rem);

  if ((dividend < 0) != (divisor < 0))
    quotient = -quotient;
  if (dividend < 0)
    rem = -rem;
  if (remainder != 0)
    *remainder = (int64_t) rem;
  return (int64_t) quotient;
}

/* Unsigned 64-bit quotient. */
uint64_t
__udivdi3 (uint64_t dividend, uint64_t divisor)
{
  return __udivmoddi4 (dividend, divisor, 0);
}

/* Unsigned 64-bit remainder. */
uint64_t
__umoddi3 (uint64_t dividend, uint64_t divisor)
{
  uint64_t remainder;

  __udivmoddi4 (dividend, divisor, &remainder);
  return remainder;
}

/* Signed 64-bit quotient, truncated towards zero. */
int64_t
__divdi3 (int64_t dividend, int64_t divisor)
{
  return __divmoddi4 (dividend, divisor, 0);
}

/* Signed 64-bit remainder, with the sign of DIVIDEND. */
int64_t
__moddi3 (int64_t dividend, int64_t divisor)
{
  int64_t remainder;

  __divmoddi4 (dividend, divisor, &remainder);
  return remainder;
}
