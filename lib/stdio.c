#include "stdio.h"
#include <assert.h>
#include <ctype.h>
#include <string.h>

/* The toolchain's <limits.h> needs a C library behind it. */
#define INT_MAX_VALUE __INT_MAX__
#define INT_MIN_VALUE (-__INT_MAX__ - 1)
#define BITS_PER_BYTE __CHAR_BIT__

/* Conversion flags, as bits of struct conversion's FLAGS. */
enum
{
  FLAG_MINUS = 1 << 0, /* '-': pad on the right. */
  FLAG_PLUS = 1 << 1,  /* '+': always show a sign. */
  FLAG_SPACE = 1 << 2, /* ' ': space instead of a '+' sign. */
  FLAG_ALT = 1 << 3,   /* '#': 0x prefix, or octal leading zero. */
  FLAG_ZERO = 1 << 4,  /* '0': pad numbers with zeros. */
};

/* The type of an integer argument, from its length modifier. */
enum length_modifier
{
  LENGTH_INT,
  LENGTH_CHAR,
  LENGTH_SHORT,
  LENGTH_LONG,
  LENGTH_LONG_LONG,
  LENGTH_INTMAX,
  LENGTH_SIZE,
  LENGTH_PTRDIFF,
};

/* Everything between a '%' and its conversion character. */
struct conversion
{
  unsigned flags;
  int width;     /* Minimum field width, 0 if none. */
  int precision; /* -1 if none. */
  enum length_modifier length;
};

/* Where formatted characters go. */
struct output
{
  format_emit_func *emit;
  void *aux;
};

/* %p shows at least this many hex digits (a full 32-bit address). */
#define POINTER_MIN_DIGITS 8

/* %zd reads a ptrdiff_t as the signed counterpart of size_t. */
static_assert (sizeof (size_t) == sizeof (ptrdiff_t),
               "size_t and ptrdiff_t differ in size");

static void
emit_chars (const struct output *out, const char *s, size_t len)
{
  for (; len > 0; len--)
    out->emit (*s++, out->aux);
}

static void
emit_repeated (const struct output *out, char c, int count)
{
  for (; count > 0; count--)
    out->emit (c, out->aux);
}

static unsigned
flag_bit (char c)
{
  switch (c)
    {
    case '-':
      return FLAG_MINUS;
    case '+':
      return FLAG_PLUS;
    case ' ':
      return FLAG_SPACE;
    case '#':
      return FLAG_ALT;
    case '0':
      return FLAG_ZERO;
    default:
      return 0;
    }
}

/* Parses a decimal number at *FMT, saturating at INT_MAX_VALUE. */
static int
parse_decimal (const char **fmt)
{
  int value = 0;

  for (; isdigit ((unsigned char) **fmt); (*fmt)++)
    {
      int digit = **fmt - '0';
      if (value > (INT_MAX_VALUE - digit) / 10)
        value = INT_MAX_VALUE;
      else
        value = value * 10 + digit;
    }
  return value;
}

static const char *
parse_length (const char *fmt, enum length_modifier *length)
{
  *length = LENGTH_INT;
  switch (*fmt)
    {
    case 'h':
      *length = fmt[1] == 'h' ? LENGTH_CHAR : LENGTH_SHORT;
      return fmt + (fmt[1] == 'h' ? 2 : 1);
    case 'l':
      *length = fmt[1] == 'l' ? LENGTH_LONG_LONG : LENGTH_LONG;
      return fmt + (fmt[1] == 'l' ? 2 : 1);
    case 'j':
      *length = LENGTH_INTMAX;
      return fmt + 1;
    case 'z':
      *length = LENGTH_SIZE;
      return fmt + 1;
    case 't':
      *length = LENGTH_PTRDIFF;
      return fmt + 1;
    default:
      return fmt;
    }
}

/* Parses flags, width, precision and length after a '%' into C, taking any
   `*' values from ARGS.  Returns a pointer to the conversion character. */
static const char *
parse_conversion (const char *fmt, struct conversion *c, va_list *args)
{
  unsigned flag;

  c->flags = 0;
  while ((flag = flag_bit (*fmt)) != 0)
    {
      c->flags |= flag;
      fmt++;
    }

  if (*fmt == '*')
    {
      /* A negative `*' width means '-' with the absolute width. */
      int width = va_arg (*args, int);
      fmt++;
      if (width < 0)
        c->flags |= FLAG_MINUS;
      if (width < 0)
        width = width == INT_MIN_VALUE ? INT_MAX_VALUE : -width;
      c->width = width;
    }
  else
    c->width = parse_decimal (&fmt);

  c->precision = -1;
  if (*fmt == '.')
    {
      fmt++;
      if (*fmt == '*')
        {
          /* A negative `*' precision counts as none. */
          int precision = va_arg (*args, int);
          fmt++;
          c->precision = precision >= 0 ? precision : -1;
        }
      else
        c->precision = parse_decimal (&fmt);
    }

  if (c->flags & FLAG_MINUS)
    c->flags &= ~FLAG_ZERO;
  if (c->flags & FLAG_PLUS)
    c->flags &= ~FLAG_SPACE;
  return parse_length (fmt, &c->length);
}

static intmax_t
read_signed (va_list *args, enum length_modifier length)
{
  switch (length)
    {
    case LENGTH_CHAR:
      return (signed char) va_arg (*args, int);
    case LENGTH_SHORT:
      return (short) va_arg (*args, int);
    case LENGTH_LONG:
      return va_arg (*args, long);
    case LENGTH_LONG_LONG:
      return va_arg (*args, long long);
    case LENGTH_INTMAX:
      return va_arg (*args, intmax_t);
    case LENGTH_SIZE:
    case LENGTH_PTRDIFF:
      return va_arg (*args, ptrdiff_t);
    default:
      return va_arg (*args, int);
    }
}

static uintmax_t
read_unsigned (va_list *args, enum length_modifier length)
{
  switch (length)
    {
    case LENGTH_CHAR:
      return (unsigned char) va_arg (*args, unsigned);
    case LENGTH_SHORT:
      return (unsigned short) va_arg (*args, unsigned);
    case LENGTH_LONG:
      return va_arg (*args, unsigned long);
    case LENGTH_LONG_LONG:
      return va_arg (*args, unsigned long long);
    case LENGTH_INTMAX:
      return va_arg (*args, uintmax_t);
    case LENGTH_SIZE:
      return va_arg (*args, size_t);
    case LENGTH_PTRDIFF:
      return (size_t) va_arg (*args, ptrdiff_t);
    default:
      return va_arg (*args, unsigned);
    }
}

/* Writes VALUE's digits in BASE so that they end just before END; returns
   how many were written (none for 0). */
static int
convert_digits (uintmax_t value, unsigned base, bool upper, char *end)
{
  const char *digit_chars = upper ? "0123456789ABCDEF" : "0123456789abcdef";
  char *p = end;
  uint32_t small;

  /* 64-bit division is a library call on i386, so finish in 32 bits. */
  for (; value > UINT32_MAX; value /= base)
    *--p = digit_chars[value % base];
  for (small = value; small != 0; small /= base)
    *--p = digit_chars[small % base];
  return end - p;
}

/* Prints MAGNITUDE in BASE with SIGN (0 for none) and PREFIX (such as "0x")
   in front, honouring C's width, precision and flags. */
static void
format_integer (const struct output *out, uintmax_t magnitude, char sign,
                const char *prefix, unsigned base, bool upper,
                const struct conversion *c)
{
  char digits[sizeof (uintmax_t) * BITS_PER_BYTE / 3 + 1];
  char *end = digits + sizeof digits;
  int digit_cnt = convert_digits (magnitude, base, upper, end);
  int precision = c->precision >= 0 ? c->precision : 1;
  int prefix_len = (sign != 0) + strlen (prefix);
  int zeros, field;

  /* '#' with %o: the first digit printed must be a 0. */
  if ((c->flags & FLAG_ALT) && base == 8 && precision <= digit_cnt
      && (digit_cnt == 0 || end[-digit_cnt] != '0'))
    precision = digit_cnt + 1;
  zeros = precision > digit_cnt ? precision - digit_cnt : 0;
  if ((c->flags & FLAG_ZERO) && c->precision < 0
      && c->width > prefix_len + digit_cnt + zeros)
    zeros = c->width - prefix_len - digit_cnt;

  field = prefix_len + zeros + digit_cnt;
  if (!(c->flags & FLAG_MINUS))
    emit_repeated (out, ' ', c->width - field);
  if (sign != 0)
    out->emit (sign, out->aux);
  emit_chars (out, prefix, strlen (prefix));
  emit_repeated (out, '0', zeros);
  emit_chars (out, end - digit_cnt, digit_cnt);
  if (c->flags & FLAG_MINUS)
    emit_repeated (out, ' ', c->width - field);
}

static void
format_signed (const struct output *out, const struct conversion *c, va_list *args)
{
  intmax_t value = read_signed (args, c->length);
  uintmax_t magnitude = value < 0 ? -(uintmax_t) value : (uintmax_t) value;
  char sign = value < 0               ? '-'
              : c->flags & FLAG_PLUS  ? '+'
              : c->flags & FLAG_SPACE ? ' '
                                      : 0;

  format_integer (out, magnitude, sign, "", 10, false, c);
}

static void
format_unsigned (const struct output *out, const struct conversion *c,
                 char conversion, va_list *args)
{
  uintmax_t value = read_unsigned (args, c->length);
  unsigned base = conversion == 'u' ? 10 : conversion == 'o' ? 8 : 16;
  const char *prefix = "";

  if ((c->flags & FLAG_ALT) && base == 16 && value != 0)
    prefix = conversion == 'X' ? "0X" : "0x";
  format_integer (out, value, 0, prefix, base, conversion == 'X', c);
}

static void
format_pointer (const struct output *out, const struct conversion *c, va_list *args)
{
  struct conversion pointer = *c;
  uintptr_t value = (uintptr_t) va_arg (*args, void *);

  if (pointer.precision < POINTER_MIN_DIGITS)
    pointer.precision = POINTER_MIN_DIGITS;
  format_integer (out, value, 0, "0x", 16, false, &pointer);
}

/* Prints LEN bytes of S padded to the field width. */
static void
format_chars (const struct output *out, const struct conversion *c, const char *s,
              size_t len)
{
  int padding = (size_t) c->width > len ? c->width - (int) len : 0;

  if (!(c->flags & FLAG_MINUS))
    emit_repeated (out, ' ', padding);
  emit_chars (out, s, len);
  if (c->flags & FLAG_MINUS)
    emit_repeated (out, ' ', padding);
}

static void
format_string (const struct output *out, const struct conversion *c, va_list *args)
{
  const char *s = va_arg (*args, const char *);

  if (s == NULL)
    s = "(null)";
  format_chars (out, c, s,
                c->precision >= 0 ? strnlen (s, c->precision) : strlen (s));
}

/* Formats the conversion that starts with the '%' at START.  Returns the
   position just after it. */
static const char *
format_one (const struct output *out, const char *start, va_list *args)
{
  struct conversion c;
  const char *p = parse_conversion (start + 1, &c, args);
  char ch;

  switch (*p)
    {
    case 'd':
    case 'i':
      format_signed (out, &c, args);
      break;
    case 'u':
    case 'o':
    case 'x':
    case 'X':
      format_unsigned (out, &c, *p, args);
      break;
    case 'p':
      format_pointer (out, &c, args);
      break;
    case 'c':
      ch = (char) va_arg (*args, int);
      format_chars (out, &c, &ch, 1);
      break;
    case 's':
      format_string (out, &c, args);
      break;
    case '%':
      out->emit ('%', out->aux);
      break;
    case '\0':
      /* A lone '%' at the end: show it and stop at the terminator. */
      emit_chars (out, start, p - start);
      return p;
    default:
      emit_chars (out, start, p + 1 - start);
      break;
    }
  return p + 1;
}

/* Formats FMT with ARGS, handing each character to EMIT (C, AUX).  The
   conversions supported are listed in stdio.h. */
void
format_output (const char *fmt, va_list args, format_emit_func *emit, void *aux)
{
  struct output out = { emit, aux };
  va_list ap;

  /* A copy gives us a va_list we may pass by address on every ABI. */
  va_copy (ap, args);
  while (*fmt != '\0')
    {
      if (*fmt == '%')
        fmt = format_one (&out, fmt, &ap);
      else
        emit (*fmt++, aux);
    }
  va_end (ap);
}

/* A bounded buffer for vsnprintf; LENGTH counts every character, including
   those that did not fit. */
struct buffer_output
{
  char *buf;
  size_t size;
  size_t length;
};

static void
emit_to_buffer (char c, void *aux)
{
  struct buffer_output *b = aux;

  if (b->length + 1 < b->size)
    b->buf[b->length] = c;
  b->length++;
}

/* Formats into the SIZE bytes at BUF, always null-terminated when SIZE > 0;
   returns the untruncated length. */
int
vsnprintf (char *buf, size_t size, const char *fmt, va_list args)
{
  struct buffer_output b = { buf, size, 0 };

  format_output (fmt, args, emit_to_buffer, &b);
  if (size > 0)
    buf[b.length < size ? b.length : size - 1] = '\0';
  return b.length > INT_MAX_VALUE ? INT_MAX_VALUE : (int) b.length;
}

/* printf over the side's own vprintf (the kernel console or the user's write),
   so the variadic wrapper is written once. */
int
printf (const char *fmt, ...)
{
  va_list args;
  int count;

  va_start (args, fmt);
  count = vprintf (fmt, args);
  va_end (args);
  return count;
}

/* vsnprintf with variadic arguments. */
int
snprintf (char *buf, size_t size, const char *fmt, ...)
{
  va_list args;
  int length;

  va_start (args, fmt);
  length = vsnprintf (buf, size, fmt, args);
  va_end (args);
  return length;
}

#define HEX_DUMP_WIDTH 16

/* Prints one hex_dump line, whose first column has offset LINE_OFS; columns
   [FIRST, LAST) show BYTES[0] onwards, the others are blank. */
static void
hex_dump_line (uintmax_t line_ofs, const unsigned char *bytes, int first, int last,
               bool ascii)
{
  int i;

  printf ("%08jx ", line_ofs);
  for (i = 0; i < HEX_DUMP_WIDTH; i++)
    {
      /* An extra space between the two halves eases counting. */
      if (i == HEX_DUMP_WIDTH / 2)
        putchar (' ');
      if (i >= first && i < last)
        printf (" %02x", bytes[i - first]);
      else
        printf ("   ");
    }
  if (ascii)
    {
      printf ("  |");
      for (i = 0; i < HEX_DUMP_WIDTH; i++)
        putchar (i < first || i >= last       ? ' '
                 : isprint (bytes[i - first]) ? bytes[i - first]
                                              : '.');
      putchar ('|');
    }
  putchar ('\n');
}

/* Prints SIZE bytes at BUF as hex (and ASCII if ASCII) through printf,
   labelled with offsets starting at OFS. */
void
hex_dump (uintptr_t ofs, const void *buf_, size_t size, bool ascii)
{
  const unsigned char *buf = buf_;
  int first = ofs % HEX_DUMP_WIDTH;

  while (size > 0)
    {
      int last = size < (size_t) (HEX_DUMP_WIDTH - first) ? first + (int) size
                                                          : HEX_DUMP_WIDTH;

      hex_dump_line (ofs - first, buf, first, last, ascii);
      buf += last - first;
      ofs += last - first;
      size -= last - first;
      first = 0;
    }
}
