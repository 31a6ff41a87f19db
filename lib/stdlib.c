#include "stdlib.h"
#include <ctype.h>
#include <stdbool.h>

/* The toolchain's <limits.h> needs a C library behind it. */
#define INT_MAX_VALUE __INT_MAX__
#define INT_MIN_VALUE (-__INT_MAX__ - 1)
#define LONG_MAX_VALUE __LONG_MAX__
#define LONG_MIN_VALUE (-__LONG_MAX__ - 1L)

/* Returns the decimal number at the start of S, saturated to int. */
int
atoi (const char *s)
{
  long value = strtol (s, NULL, 10);

  if (value > INT_MAX_VALUE)
    return INT_MAX_VALUE;
  return value < INT_MIN_VALUE ? INT_MIN_VALUE : (int) value;
}

/* Returns C's value as a digit in bases up to 36, or 36 if it is none. */
static int
digit_value (char c)
{
  if (isdigit ((unsigned char) c))
    return c - '0';
  if (isalpha ((unsigned char) c))
    return tolower ((unsigned char) c) - 'a' + 10;
  return 36;
}

/* Returns where the digits start after an optional "0x" that BASE allows,
   updating *BASE when it was 0. */
static const char *
skip_radix_prefix (const char *p, int *base)
{
  bool hex_prefix
      = p[0] == '0' && (p[1] == 'x' || p[1] == 'X') && digit_value (p[2]) < 16;

  if ((*base == 0 || *base == 16) && hex_prefix)
    {
      *base = 16;
      return p + 2;
    }
  if (*base == 0)
    *base = p[0] == '0' ? 8 : 10;
  return p;
}

/* Parses a long in BASE from S; see stdlib.h for the full contract. */
long
strtol (const char *s, char **end, int base)
{
  const char *p = s;
  bool negative = false;
  /* Accumulate the magnitude as unsigned so LONG_MIN is reachable. */
  unsigned long limit, magnitude = 0;
  bool overflow = false, any_digits = false;
  int digit;

  while (isspace ((unsigned char) *p))
    p++;
  if (*p == '+' || *p == '-')
    negative = *p++ == '-';
  if (base == 1 || base < 0 || base > 36)
    base = 10;
  p = skip_radix_prefix (p, &base);
  limit
      = negative ? -(unsigned long) LONG_MIN_VALUE : (unsigned long) LONG_MAX_VALUE;

  for (; (digit = digit_value (*p)) < base; p++)
    {
      any_digits = true;
      if (magnitude > (limit - digit) / base)
        overflow = true;
      else
        magnitude = magnitude * base + digit;
    }

  if (end != NULL)
    *end = (char *) (any_digits ? p : s);
  if (overflow)
    return negative ? LONG_MIN_VALUE : LONG_MAX_VALUE;
  return negative ? (long) -magnitude : (long) magnitude;
}

static void
swap_bytes (unsigned char *a, unsigned char *b, size_t size)
{
  for (; size > 0; size--, a++, b++)
    {
      unsigned char t = *a;
      *a = *b;
      *b = t;
    }
}

/* Moves element I of the binary max-heap in the first COUNT elements of
   ARRAY down until both its children are no greater. */
static void
sift_down (unsigned char *array, size_t i, size_t count, size_t size,
           int (*compare) (const void *, const void *))
{
  for (;;)
    {
      size_t largest = i, left = 2 * i + 1, right = left + 1;

      if (left < count && compare (array + left * size, array + largest * size) > 0)
        largest = left;
      if (right < count
          && compare (array + right * size, array + largest * size) > 0)
        largest = right;
      if (largest == i)
        return;
      swap_bytes (array + i * size, array + largest * size, size);
      i = largest;
    }
}

/* Sorts COUNT elements of SIZE bytes by COMPARE with heapsort, which needs
   no recursion or memory and is never quadratic. */
void
qsort (void *array_, size_t count, size_t size,
       int (*compare) (const void *, const void *))
{
  unsigned char *array = array_;
  size_t i;

  for (i = count / 2; i-- > 0;)
    sift_down (array, i, count, size, compare);
  for (i = count; i-- > 1;)
    {
      swap_bytes (array, array + i * size, size);
      sift_down (array, 0, i, size, compare);
    }
}

/* Returns an element of sorted ARRAY equal to KEY by COMPARE, or NULL. */
void *
bsearch (const void *key, const void *array_, size_t count, size_t size,
         int (*compare) (const void *, const void *))
{
  const unsigned char *array = array_;
  size_t low = 0, high = count;

  /* Invariant: a match, if any, lies in [LOW, HIGH). */
  while (low < high)
    {
      size_t middle = low + (high - low) / 2;
      int order = compare (key, array + middle * size);

      if (order == 0)
        return (void *) (array + middle * size);
      if (order < 0)
        high = middle;
      else
        low = middle + 1;
    }
  return NULL;
}

/* Returns |N|; N must not be INT_MIN. */
int
abs (int n)
{
  return n < 0 ? -n : n;
}
