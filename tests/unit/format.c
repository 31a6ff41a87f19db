/* Host unit test for Kestrel's freestanding C library: vsnprintf and
   hex_dump (lib/stdio.c), the string functions, strtol/qsort/bsearch,
   ctype, the PRNG, and the 64-bit division helpers (lib/arithmetic.c),
   mostly by comparison with the host's C library on many inputs.

   The library sources are included directly, with every public name
   renamed to k_NAME, so that they sit beside the host's functions. */

#include <ctype.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define memcpy k_memcpy
#define memmove k_memmove
#define memset k_memset
#define memcmp k_memcmp
#define memchr k_memchr
#define strlen k_strlen
#define strnlen k_strnlen
#define strcmp k_strcmp
#define strncmp k_strncmp
#define strchr k_strchr
#define strrchr k_strrchr
#define strstr k_strstr
#define strspn k_strspn
#define strcspn k_strcspn
#define strpbrk k_strpbrk
#define strlcpy k_strlcpy
#define strlcat k_strlcat
#define strtok_r k_strtok_r
#define format_output k_format_output
#define vsnprintf k_vsnprintf
#define snprintf k_snprintf
#define hex_dump k_hex_dump
#define atoi k_atoi
#define strtol k_strtol
#define qsort k_qsort
#define bsearch k_bsearch
#define abs k_abs
#undef isdigit
#undef isupper
#undef islower
#undef isalpha
#undef isalnum
#undef isxdigit
#undef isspace
#undef isprint
#undef toupper
#undef tolower
#define isdigit k_isdigit
#define isupper k_isupper
#define islower k_islower
#define isalpha k_isalpha
#define isalnum k_isalnum
#define isxdigit k_isxdigit
#define isspace k_isspace
#define isprint k_isprint
#define toupper k_toupper
#define tolower k_tolower

#include "lib/ctype.h"
#include "lib/string.c"
#include "lib/stdio.c"
#include "lib/stdlib.c"
#include "lib/random.c"

#undef memcpy
#undef memmove
#undef memset
#undef memcmp
#undef memchr
#undef strlen
#undef strnlen
#undef strcmp
#undef strncmp
#undef strchr
#undef strrchr
#undef strstr
#undef strspn
#undef strcspn
#undef strpbrk
#undef strlcpy
#undef strlcat
#undef strtok_r
#undef format_output
#undef vsnprintf
#undef snprintf
#undef hex_dump
#undef atoi
#undef strtol
#undef qsort
#undef bsearch
#undef abs
#undef isdigit
#undef isupper
#undef islower
#undef isalpha
#undef isalnum
#undef isxdigit
#undef isspace
#undef isprint
#undef toupper
#undef tolower

/* lib/arithmetic.c, linked separately: called by name as the compiler
   would on i386. */
uint64_t __udivmoddi4 (uint64_t, uint64_t, uint64_t *);
int64_t __divmoddi4 (int64_t, int64_t, int64_t *);
uint64_t __udivdi3 (uint64_t, uint64_t);
uint64_t __umoddi3 (uint64_t, uint64_t);
int64_t __divdi3 (int64_t, int64_t);
int64_t __moddi3 (int64_t, int64_t);

#include "tests/unit/check.h"

/* A 64-bit xorshift generator: the test inputs want 64-bit values, which
   check.h's 32-bit rng () does not give. */
static uint64_t rng64_state = 0x9e3779b97f4a7c15ull;

static uint64_t
rng64 (void)
{
  rng64_state ^= rng64_state << 13;
  rng64_state ^= rng64_state >> 7;
  rng64_state ^= rng64_state << 17;
  return rng64_state;
}

static int
sign_of (int x)
{
  return (x > 0) - (x < 0);
}

/* ---------------------------------------------------------------- printf */

/* Formats with both vsnprintf implementations and compares result and
   return value. */
static void
check_format (const char *fmt, ...)
{
  char ours[512], theirs[512];
  va_list a, b;
  int our_len, their_len;

  va_start (a, fmt);
  va_copy (b, a);
  our_len = k_vsnprintf (ours, sizeof ours, fmt, a);
  their_len = vsnprintf (theirs, sizeof theirs, fmt, b);
  va_end (a);
  va_end (b);
  CHECK_DETAIL (our_len == their_len
                    && memcmp (ours, theirs,
                               (size_t) their_len < sizeof ours
                                   ? (size_t) their_len + 1
                                   : sizeof ours)
                           == 0,
                "format \"%s\": ours \"%s\" (%d), host \"%s\" (%d)", fmt, ours,
                our_len, theirs, their_len);
}

/* Calls check_format with optional `*' width and precision arguments. */
#define CHECK_FORMAT_STARS(FMT, STAR_W, W, STAR_P, P, VALUE) \
  do                                                         \
    {                                                        \
      if ((STAR_W) && (STAR_P))                              \
        check_format (FMT, W, P, VALUE);                     \
      else if (STAR_W)                                       \
        check_format (FMT, W, VALUE);                        \
      else if (STAR_P)                                       \
        check_format (FMT, P, VALUE);                        \
      else                                                   \
        check_format (FMT, VALUE);                           \
    }                                                        \
  while (0)

static const long long interesting[] = {
  0,
  1,
  -1,
  7,
  -8,
  9,
  10,
  42,
  -42,
  127,
  128,
  -128,
  -129,
  255,
  256,
  4095,
  32767,
  -32768,
  65535,
  65536,
  123456789,
  INT_MAX,
  INT_MIN,
  UINT_MAX,
  0x100000000ll,
  0x7fffffffffffffffll,
  -0x7fffffffffffffffll - 1,
  -1234567890123ll,
  01234567012345670ll,
};
#define INTERESTING_CNT (sizeof interesting / sizeof *interesting)

/* Checks one integer conversion with one length modifier on every
   interesting value, passing each with the type the modifier expects. */
static void
check_integer_spec (const char *fmt, const char *length, char conv, bool star_w,
                    int w, bool star_p, int p)
{
  bool is_signed = conv == 'd' || conv == 'i';
  size_t i;

  for (i = 0; i < INTERESTING_CNT + 4; i++)
    {
      long long v = i < INTERESTING_CNT ? interesting[i] : (long long) rng64 ();
      if (i == INTERESTING_CNT)
        v >>= rng64 () % 64;

      if (!strcmp (length, "l") && is_signed)
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (long) v);
      else if (!strcmp (length, "l"))
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (unsigned long) v);
      else if (!strcmp (length, "ll") && is_signed)
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, v);
      else if (!strcmp (length, "ll"))
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (unsigned long long) v);
      else if (!strcmp (length, "j") && is_signed)
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (intmax_t) v);
      else if (!strcmp (length, "j"))
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (uintmax_t) v);
      else if (!strcmp (length, "z") && is_signed)
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (ptrdiff_t) v);
      else if (!strcmp (length, "z"))
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (size_t) v);
      else if (!strcmp (length, "t"))
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (ptrdiff_t) v);
      else if (is_signed)
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (int) v);
      else
        CHECK_FORMAT_STARS (fmt, star_w, w, star_p, p, (unsigned) v);
    }
}

/* Every combination of flags, width, precision, length and conversion. */
static void
test_integer_formats (void)
{
  static const char flag_chars[] = "-0+ #";
  static const char *widths[] = { "", "1", "5", "12", "*", "*" };
  static const int star_widths[] = { 0, 0, 0, 0, 7, -9 };
  static const char *precisions[] = { "", ".", ".0", ".1", ".5", ".21", ".*", ".*" };
  static const int star_precisions[] = { 0, 0, 0, 0, 0, 0, 3, -3 };
  static const char *lengths[] = { "", "hh", "h", "l", "ll", "j", "z", "t" };
  static const char conversions[] = "diuoxX";
  unsigned flags;
  size_t w, p, l, c;

  for (flags = 0; flags < 32; flags++)
    for (w = 0; w < sizeof widths / sizeof *widths; w++)
      for (p = 0; p < sizeof precisions / sizeof *precisions; p++)
        for (l = 0; l < sizeof lengths / sizeof *lengths; l++)
          for (c = 0; conversions[c] != '\0'; c++)
            {
              char fmt[64], *f = fmt;
              int bit;

              *f++ = '[';
              *f++ = '%';
              for (bit = 0; bit < 5; bit++)
                if (flags & (1u << bit))
                  *f++ = flag_chars[bit];
              f += sprintf (f, "%s%s%s%c]", widths[w], precisions[p], lengths[l],
                            conversions[c]);
              check_integer_spec (fmt, lengths[l], conversions[c],
                                  widths[w][0] == '*', star_widths[w],
                                  !strcmp (precisions[p], ".*"), star_precisions[p]);
            }
}

static void
test_string_and_char_formats (void)
{
  static const char *specs[] = { "%s",     "%10s",   "%-10s", "%.3s", "%.0s",
                                 "%10.2s", "%-7.5s", "%*s",   "%.*s", "%1s" };
  static const char *strings[] = { "", "a", "hello", "hello, world", "\xe9t\xe9" };
  static const char *char_specs[] = { "%c", "%5c", "%-5c", "%1c", "[%c%c]" };
  static const int chars[] = { 'a', ' ', 'Z', 0xe9, '%' };
  size_t i, j;

  for (i = 0; i < sizeof specs / sizeof *specs; i++)
    for (j = 0; j < sizeof strings / sizeof *strings; j++)
      {
        if (strchr (specs[i], '*'))
          check_format (specs[i], 6, strings[j]);
        else
          check_format (specs[i], strings[j]);
      }
  for (i = 0; i < sizeof char_specs / sizeof *char_specs; i++)
    for (j = 0; j < sizeof chars / sizeof *chars; j++)
      check_format (char_specs[i], chars[j], chars[j]);
  /* A null character is part of the output. */
  check_format ("a%cb", 0);
  check_format ("%-3c|", 0);
}

/* Checks that k_snprintf of FMT, ARG gives EXPECTED. */
static void
expect_format (const char *expected, const char *fmt, ...)
{
  char buf[128];
  va_list args;
  int len;

  va_start (args, fmt);
  len = k_vsnprintf (buf, sizeof buf, fmt, args);
  va_end (args);
  CHECK_DETAIL (len == (int) strlen (expected) && !strcmp (buf, expected),
                "format \"%s\": got \"%s\" (%d), want \"%s\"", fmt, buf, len,
                expected);
}

static void
test_special_formats (void)
{
  char big[64];

  expect_format ("0x00000000", "%p", (void *) NULL);
  expect_format ("0x00001234", "%p", (void *) 0x1234);
  expect_format ("0xc0001000", "%p", (void *) 0xc0001000u);
  snprintf (big, sizeof big, "0x%jx", (uintmax_t) (uintptr_t) &big);
  expect_format (big, "%p", (void *) &big);
  expect_format ("  0x0000abcd|", "%12p|", (void *) 0xabcd);
  expect_format ("0x0000abcd  |", "%-12p|", (void *) 0xabcd);
  expect_format ("(null)", "%s", (char *) NULL);
  expect_format ("100%", "100%%");
  expect_format ("a%yb", "a%yb");
  expect_format ("abc%", "abc%");
  expect_format ("abc%5", "abc%5");
  expect_format ("x%5.3ky", "x%5.3ky");
  expect_format ("", "");
  expect_format ("      a", "%*c", 7, 'a');
  expect_format ("a      |", "%*c|", -7, 'a');
}

/* Truncation: every buffer size gives the host's bytes and return value. */
static void
test_truncation (void)
{
  const char *fmt = "%s=%d (%#x)";
  char expected[64];
  int full = snprintf (expected, sizeof expected, fmt, "answer", -42, 42u);
  size_t size;

  for (size = 0; size <= (size_t) full + 2; size++)
    {
      char ours[64], theirs[64];
      memset (ours, '@', sizeof ours);
      memset (theirs, '@', sizeof theirs);
      CHECK (k_snprintf (ours, size, fmt, "answer", -42, 42u) == full);
      snprintf (theirs, size, fmt, "answer", -42, 42u);
      CHECK (memcmp (ours, theirs, sizeof ours) == 0);
    }
  CHECK (k_snprintf (NULL, 0, "%d", 12345) == 5);
}

/* format_output calls EMIT once per character, in order. */
static void
count_and_copy (char c, void *aux)
{
  char **cursor = aux;

  *(*cursor)++ = c;
}

static void
call_format_output (char *buf, const char *fmt, ...)
{
  va_list args;
  char *cursor = buf;

  va_start (args, fmt);
  k_format_output (fmt, args, count_and_copy, &cursor);
  va_end (args);
  *cursor = '\0';
}

static void
test_format_output (void)
{
  char buf[64];

  call_format_output (buf, "<%5d|%-3s|%c>", 42, "ab", 'z');
  CHECK (!strcmp (buf, "<   42|ab |z>"));
}

/* hex_dump's output, captured through a temporary file. */
static void
test_hex_dump (void)
{
  static const char data[] = "Hello, world!\n\x01\x7f\x80\xff"
                             "ABCDEFGHIJKLMNOP";
  const char *expected
      = "00001000           48 65 6c 6c 6f  2c 20 77 6f 72 6c 64 21  |   Hello, world!|\n"
        "00001010  0a 01 7f 80 ff 41 42 43  44 45 46 47 48 49 4a 4b  |.....ABCDEFGHIJK|\n"
        "00001020  4c 4d 4e 4f                                       |LMNO            |\n"
        "000000f0                                             61 62\n";
  FILE *capture = tmpfile ();
  int saved_stdout = dup (STDOUT_FILENO);
  char text[512] = "";

  fflush (stdout);
  dup2 (fileno (capture), STDOUT_FILENO);
  k_hex_dump (0x1003, data, 33, true);
  k_hex_dump (0xfe, "ab", 2, false);
  k_hex_dump (0x2000, "", 0, true);
  fflush (stdout);
  dup2 (saved_stdout, STDOUT_FILENO);
  close (saved_stdout);
  rewind (capture);
  CHECK (fread (text, 1, sizeof text - 1, capture) == strlen (expected));
  CHECK_DETAIL (!strcmp (text, expected), "hex_dump gave:\n%s", text);
  fclose (capture);
}

/* --------------------------------------------------------------- strings */

static void
random_bytes_for_test (unsigned char *buf, size_t size, const char *alphabet)
{
  size_t i, n = strlen (alphabet);

  for (i = 0; i < size; i++)
    buf[i] = alphabet[rng64 () % n];
}

static void
test_memory_functions (void)
{
  enum
  {
    SIZE = 96
  };
  unsigned char src[SIZE], ours[SIZE], theirs[SIZE];
  size_t dst_ofs, src_ofs, len;

  random_bytes_for_test (src, SIZE, "abc\x80\xff");
  for (dst_ofs = 0; dst_ofs < 9; dst_ofs++)
    for (src_ofs = 0; src_ofs < 9; src_ofs++)
      for (len = 0; len + 9 <= SIZE; len += 1 + len / 8)
        {
          /* memcpy between distinct buffers. */
          memset (ours, 0, SIZE);
          memset (theirs, 0, SIZE);
          CHECK (k_memcpy (ours + dst_ofs, src + src_ofs, len) == ours + dst_ofs);
          memcpy (theirs + dst_ofs, src + src_ofs, len);
          CHECK (memcmp (ours, theirs, SIZE) == 0);

          /* memmove within one buffer, both directions. */
          memcpy (ours, src, SIZE);
          memcpy (theirs, src, SIZE);
          CHECK (k_memmove (ours + dst_ofs, ours + src_ofs, len) == ours + dst_ofs);
          memmove (theirs + dst_ofs, theirs + src_ofs, len);
          CHECK (memcmp (ours, theirs, SIZE) == 0);

          /* memset, with values that must be truncated to a byte. */
          CHECK (k_memset (ours + dst_ofs, 0x1a5 + (int) src_ofs, len)
                 == ours + dst_ofs);
          memset (theirs + dst_ofs, 0x1a5 + (int) src_ofs, len);
          CHECK (memcmp (ours, theirs, SIZE) == 0);

          /* memcmp sign and memchr. */
          CHECK (sign_of (k_memcmp (src + dst_ofs, src + src_ofs, len))
                 == sign_of (memcmp (src + dst_ofs, src + src_ofs, len)));
          CHECK (k_memchr (src + dst_ofs, src[src_ofs], len)
                 == memchr (src + dst_ofs, src[src_ofs], len));
          CHECK (k_memchr (src + dst_ofs, 0x100 + src[src_ofs], len)
                 == memchr (src + dst_ofs, 0x100 + src[src_ofs], len));
        }
}

/* Fills BUF with a random null-terminated string of at most MAX chars over
   ALPHABET, so that matches and near-matches are common. */
static char *
random_string (char *buf, size_t max, const char *alphabet)
{
  size_t len = rng64 () % (max + 1);

  random_bytes_for_test ((unsigned char *) buf, len, alphabet);
  buf[len] = '\0';
  return buf;
}

static void
test_string_functions (void)
{
  int round;

  for (round = 0; round < 20000; round++)
    {
      char a[24], b[24], set[5];
      size_t n = rng64 () % 26;
      int ch = "ab\xe9\0z"[rng64 () % 5];

      random_string (a, 20, "aab\xe9");
      random_string (b, rng64 () % 2 ? 3 : 20, "aab\xe9");
      random_string (set, 4, "ab\xe9z");

      CHECK (k_strlen (a) == strlen (a));
      CHECK (k_strnlen (a, n) == strnlen (a, n));
      CHECK (sign_of (k_strcmp (a, b)) == sign_of (strcmp (a, b)));
      CHECK (sign_of (k_strncmp (a, b, n)) == sign_of (strncmp (a, b, n)));
      CHECK (k_strchr (a, ch) == strchr (a, ch));
      CHECK (k_strrchr (a, ch) == strrchr (a, ch));
      CHECK (k_strstr (a, b) == strstr (a, b));
      CHECK (k_strspn (a, set) == strspn (a, set));
      CHECK (k_strcspn (a, set) == strcspn (a, set));
      CHECK (k_strpbrk (a, set) == strpbrk (a, set));
    }
}

/* strlcpy and strlcat against their definition, for every buffer size. */
static void
test_strlcpy_strlcat (void)
{
  static const char *sources[] = { "", "x", "hello", "a longer source string" };
  static const char *prefixes[] = { "", "ab", "abcdefgh" };
  size_t s, p, size;

  for (s = 0; s < 4; s++)
    for (size = 0; size < 30; size++)
      {
        char buf[32], expected[32];
        memset (buf, '#', sizeof buf);
        memset (expected, '#', sizeof expected);
        if (size > 0)
          {
            size_t copy
                = strlen (sources[s]) < size - 1 ? strlen (sources[s]) : size - 1;
            memcpy (expected, sources[s], copy);
            expected[copy] = '\0';
          }
        CHECK (k_strlcpy (buf, sources[s], size) == strlen (sources[s]));
        CHECK (memcmp (buf, expected, sizeof buf) == 0);
      }

  for (s = 0; s < 4; s++)
    for (p = 0; p < 3; p++)
      for (size = 0; size < 30; size++)
        {
          char buf[32], expected[32], joined[64];
          size_t prefix_len = strlen (prefixes[p]);
          size_t want;

          memset (buf, '#', sizeof buf);
          memcpy (buf, prefixes[p], prefix_len + 1);
          memcpy (expected, buf, sizeof buf);
          snprintf (joined, sizeof joined, "%s%s", prefixes[p], sources[s]);
          if (prefix_len < size)
            {
              size_t keep = strlen (joined) < size - 1 ? strlen (joined) : size - 1;
              memcpy (expected, joined, keep);
              expected[keep] = '\0';
              want = strlen (joined);
            }
          else
            want = size + strlen (sources[s]);
          CHECK (k_strlcat (buf, sources[s], size) == want);
          CHECK (memcmp (buf, expected, sizeof buf) == 0);
        }
}

static void
test_strtok_r (void)
{
  static const char *inputs[]
      = { "", "   ", "a", " a ", "a  b,c", ",,a,,b,,", "echo hello   world", "x" };
  size_t i;

  for (i = 0; i < sizeof inputs / sizeof *inputs; i++)
    {
      char ours[32], theirs[32];
      char *our_save = NULL, *their_save = NULL;
      char *our_token, *their_token;

      strcpy (ours, inputs[i]);
      strcpy (theirs, inputs[i]);
      our_token = k_strtok_r (ours, " ,", &our_save);
      their_token = strtok_r (theirs, " ,", &their_save);
      for (;;)
        {
          CHECK ((our_token == NULL) == (their_token == NULL));
          if (our_token == NULL || their_token == NULL)
            break;
          CHECK (our_token - ours == their_token - theirs);
          CHECK (!strcmp (our_token, their_token));
          our_token = k_strtok_r (NULL, " ,", &our_save);
          their_token = strtok_r (NULL, " ,", &their_save);
        }
      /* Once exhausted, it stays exhausted. */
      CHECK (k_strtok_r (NULL, " ,", &our_save) == NULL);
      CHECK (memcmp (ours, theirs, strlen (inputs[i]) + 1) == 0);
    }
}

/* ---------------------------------------------------------------- stdlib */

static void
test_strtol (void)
{
  static const char *inputs[] = {
    "0",
    "1",
    "-1",
    "+7",
    "  42",
    "\t\n -17xyz",
    "",
    "+",
    "-",
    " ",
    "x",
    "0x",
    "0x1f",
    "0X1F",
    "-0x10",
    "0xg",
    "0x 1",
    "077",
    "08",
    "09",
    "0b101",
    "101",
    "zz",
    "ZZ",
    "123abc",
    "2147483647",
    "2147483648",
    "-2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "-9223372036854775808",
    "-9223372036854775809",
    "99999999999999999999999999",
    "-99999999999999999999999999",
    "0xffffffffffffffff",
    "0x7fffffffffffffff",
    "777777777777777777777",
  };
  static const int bases[] = { 0, 2, 8, 10, 16, 36 };
  size_t i, b;

  for (i = 0; i < sizeof inputs / sizeof *inputs; i++)
    for (b = 0; b < sizeof bases / sizeof *bases; b++)
      {
        char *our_end, *their_end;
        long ours = k_strtol (inputs[i], &our_end, bases[b]);
        long theirs = strtol (inputs[i], &their_end, bases[b]);
        CHECK_DETAIL (ours == theirs && our_end == their_end,
                      "strtol (\"%s\", %d): ours %ld end+%td, host %ld end+%td",
                      inputs[i], bases[b], ours, our_end - inputs[i], theirs,
                      their_end - inputs[i]);
      }
  CHECK (k_strtol ("12", NULL, 10) == 12);
  CHECK (k_atoi ("  -123x") == -123);
  CHECK (k_atoi ("junk") == 0);
  CHECK (k_atoi ("99999999999") == INT_MAX);
  CHECK (k_atoi ("-99999999999") == INT_MIN);
  CHECK (k_abs (-5) == 5 && k_abs (5) == 5 && k_abs (0) == 0);
  CHECK (k_abs (INT_MIN + 1) == INT_MAX);
}

static int compare_cnt;

static int
compare_ints (const void *a_, const void *b_)
{
  int a = *(const int *) a_, b = *(const int *) b_;

  compare_cnt++;
  return (a > b) - (a < b);
}

struct record
{
  unsigned char key;
  char payload[11]; /* An odd element size. */
};

static int
compare_records (const void *a, const void *b)
{
  return ((const struct record *) a)->key - ((const struct record *) b)->key;
}

static void
test_qsort_bsearch (void)
{
  enum
  {
    MAX = 3000
  };
  static int ours[MAX], theirs[MAX];
  size_t n;
  int kind;

  for (n = 0; n < MAX; n = n < 40 ? n + 1 : n * 3 / 2)
    for (kind = 0; kind < 4; kind++)
      {
        size_t i;
        for (i = 0; i < n; i++)
          ours[i] = kind == 0   ? (int) (rng64 () % 1000000)
                    : kind == 1 ? (int) (rng64 () % 4)
                    : kind == 2 ? (int) i
                                : (int) (n - i);
        memcpy (theirs, ours, n * sizeof *ours);
        k_qsort (ours, n, sizeof *ours, compare_ints);
        qsort (theirs, n, sizeof *theirs, compare_ints);
        CHECK (memcmp (ours, theirs, n * sizeof *ours) == 0);

        /* Every present key is found; a probe is found iff present. */
        for (i = 0; i < n; i++)
          {
            int key = ours[i], probe = (int) (rng64 () % 1000000);
            int *hit = k_bsearch (&key, ours, n, sizeof *ours, compare_ints);
            CHECK (hit != NULL && *hit == key);
            hit = k_bsearch (&probe, ours, n, sizeof *ours, compare_ints);
            CHECK ((hit != NULL)
                   == (bsearch (&probe, theirs, n, sizeof *theirs, compare_ints)
                       != NULL));
            CHECK (hit == NULL || *hit == probe);
          }
      }

  /* Sorted input must not go quadratic. */
  {
    size_t i;
    for (i = 0; i < MAX; i++)
      ours[i] = i;
    compare_cnt = 0;
    k_qsort (ours, MAX, sizeof *ours, compare_ints);
    CHECK (compare_cnt < 3 * MAX * 12);
  }

  /* Odd element sizes. */
  {
    struct record records[200];
    size_t i;
    for (i = 0; i < 200; i++)
      {
        records[i].key = rng64 () % 256;
        memset (records[i].payload, records[i].key, sizeof records[i].payload);
      }
    k_qsort (records, 200, sizeof *records, compare_records);
    for (i = 0; i < 200; i++)
      {
        CHECK (i == 0 || records[i - 1].key <= records[i].key);
        CHECK (records[i].payload[10] == (char) records[i].key);
      }
  }
  CHECK (k_bsearch (&n, NULL, 0, sizeof n, compare_ints) == NULL);
}

static void
test_ctype (void)
{
  int c;

  for (c = -1; c < 256; c++)
    {
      CHECK (!k_isdigit (c) == !isdigit (c));
      CHECK (!k_isupper (c) == !isupper (c));
      CHECK (!k_islower (c) == !islower (c));
      CHECK (!k_isalpha (c) == !isalpha (c));
      CHECK (!k_isalnum (c) == !isalnum (c));
      CHECK (!k_isxdigit (c) == !isxdigit (c));
      CHECK (!k_isspace (c) == !isspace (c));
      CHECK (!k_isprint (c) == !isprint (c));
      CHECK (k_toupper (c) == toupper (c));
      CHECK (k_tolower (c) == tolower (c));
    }
}

/* ---------------------------------------------------------------- random */

static void
test_random (void)
{
  unsigned long first[8];
  unsigned char bytes[65536];
  size_t i, ones = 0;
  unsigned long high_bits = 0;

  random_init (5);
  for (i = 0; i < 8; i++)
    first[i] = random_ulong ();
  random_init (5);
  for (i = 0; i < 8; i++)
    CHECK (random_ulong () == first[i]);
  random_init (6);
  CHECK (random_ulong () != first[0]);

  random_bytes (bytes, sizeof bytes);
  for (i = 0; i < sizeof bytes; i++)
    ones += __builtin_popcount (bytes[i]);
  /* 524288 fair bits: 8 standard deviations is about 2900. */
  CHECK (ones > 262144 - 2900 && ones < 262144 + 2900);
  for (i = 0; i < 64; i++)
    high_bits |= random_ulong ();
  CHECK (high_bits == ULONG_MAX);
  random_bytes (bytes, 0);
  random_bytes (bytes, 3);
}

/* ------------------------------------------------------------ arithmetic */

static void
check_division (uint64_t a, uint64_t b)
{
  uint64_t remainder;
  int64_t signed_remainder;
  int64_t sa = (int64_t) a, sb = (int64_t) b;

  if (b == 0)
    return;
  CHECK_DETAIL (__udivdi3 (a, b) == a / b && __umoddi3 (a, b) == a % b,
                "unsigned %#llx / %#llx", (unsigned long long) a,
                (unsigned long long) b);
  CHECK (__udivmoddi4 (a, b, &remainder) == a / b && remainder == a % b);
  if (sa == INT64_MIN && sb == -1)
    {
      /* Overflows natively; ours wraps. */
      CHECK (__divdi3 (sa, sb) == INT64_MIN && __moddi3 (sa, sb) == 0);
      return;
    }
  CHECK_DETAIL (__divdi3 (sa, sb) == sa / sb && __moddi3 (sa, sb) == sa % sb,
                "signed %lld / %lld", (long long) sa, (long long) sb);
  CHECK (__divmoddi4 (sa, sb, &signed_remainder) == sa / sb
         && signed_remainder == sa % sb);
}

static void
test_arithmetic (void)
{
  static const uint64_t edges[] = {
    0,
    1,
    2,
    3,
    7,
    10,
    0x7fffffff,
    0x80000000,
    0xffffffff,
    0x100000000ull,
    0x100000001ull,
    0x1ffffffffull,
    0xfffffffffull,
    0x8000000000000000ull,
    0x7fffffffffffffffull,
    0xffffffffffffffffull,
    0xfffffffffffffffeull,
    0x8000000080000000ull,
    0xffffffff00000000ull,
    1000000007ull,
    0x123456789abcdefull,
  };
  size_t n = sizeof edges / sizeof *edges;
  size_t i, j;
  int round;

  for (i = 0; i < n; i++)
    for (j = 0; j < n; j++)
      {
        check_division (edges[i], edges[j]);
        check_division (-edges[i], edges[j]);
        check_division (edges[i], -edges[j]);
      }
  /* Random operands of random bit lengths, so every path is taken. */
  for (round = 0; round < 300000; round++)
    {
      uint64_t a = rng64 () >> (rng64 () % 64);
      uint64_t b = rng64 () >> (rng64 () % 64);
      check_division (a, b);
      check_division (a, b | 1);
      check_division (a, (a >> (rng64 () % 8)) + (rng64 () % 3) - 1);
    }
}

int
main (void)
{
  test_integer_formats ();
  test_string_and_char_formats ();
  test_special_formats ();
  test_truncation ();
  test_format_output ();
  test_hex_dump ();
  test_memory_functions ();
  test_string_functions ();
  test_strlcpy_strlcat ();
  test_strtok_r ();
  test_strtol ();
  test_qsort_bsearch ();
  test_ctype ();
  test_random ();
  test_arithmetic ();
  return check_summary ("format");
}
