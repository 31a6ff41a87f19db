#include "string.h"
#include <stdbool.h>
#include <stdint.h>

/* memcpy and memset move a machine word at a time over the aligned middle of a
   block, because the kernel zeroes and copies whole pages through them.
   may_alias lets a word access touch memory of any declared type. */
typedef unsigned long __attribute__ ((__may_alias__)) memory_word;
#define WORD_SIZE sizeof (memory_word)

static bool
is_word_aligned (const void *p)
{
  return ((uintptr_t) p & (WORD_SIZE - 1)) == 0;
}

/* Copies SIZE bytes from SRC to DST and returns DST.  The blocks must not
   overlap, except that DST < SRC is allowed (memmove relies on that). */
void *
memcpy (void *dst_, const void *src_, size_t size)
{
  unsigned char *dst = dst_;
  const unsigned char *src = src_;

  /* Words are only usable when both pointers share the same misalignment.
     Each word is read before it is written, so a forward copy stays correct
     when DST lies below an overlapping SRC. */
  if ((((uintptr_t) dst ^ (uintptr_t) src) & (WORD_SIZE - 1)) == 0)
    {
      for (; size > 0 && !is_word_aligned (dst); size--)
        *dst++ = *src++;
      for (; size >= WORD_SIZE; size -= WORD_SIZE)
        {
          *(memory_word *) dst = *(const memory_word *) src;
          dst += WORD_SIZE;
          src += WORD_SIZE;
        }
    }
  for (; size > 0; size--)
    *dst++ = *src++;
  return dst_;
}

/* Copies SIZE bytes from SRC to DST, which may overlap, and returns DST. */
void *
memmove (void *dst_, const void *src_, size_t size)
{
  unsigned char *dst = dst_;
  const unsigned char *src = src_;

  if (dst <= src || dst >= src + size)
    return memcpy (dst, src, size);
  /* DST overlaps the tail of SRC: copy from the end backwards. */
  while (size-- > 0)
    dst[size] = src[size];
  return dst_;
}

/* Sets SIZE bytes at DST to (unsigned char) VALUE and returns DST. */
void *
memset (void *dst_, int value, size_t size)
{
  unsigned char *dst = dst_;
  unsigned char byte = (unsigned char) value;
  memory_word pattern = (memory_word) -1 / 0xff * byte;

  for (; size > 0 && !is_word_aligned (dst); size--)
    *dst++ = byte;
  for (; size >= WORD_SIZE; size -= WORD_SIZE)
    {
      *(memory_word *) dst = pattern;
      dst += WORD_SIZE;
    }
  for (; size > 0; size--)
    *dst++ = byte;
  return dst_;
}

/* Compares SIZE bytes of A and B as unsigned chars.  Returns a negative,
   zero or positive value as A is less than, equal to or greater than B. */
int
memcmp (const void *a_, const void *b_, size_t size)
{
  const unsigned char *a = a_;
  const unsigned char *b = b_;

  for (; size > 0; size--, a++, b++)
    if (*a != *b)
      return *a < *b ? -1 : 1;
  return 0;
}

/* Returns the first of the SIZE bytes at BLOCK equal to (unsigned char) CH,
   or NULL if there is none. */
void *
memchr (const void *block, int ch, size_t size)
{
  const unsigned char *p = block;

  for (; size > 0; size--, p++)
    if (*p == (unsigned char) ch)
      return (void *) p;
  return NULL;
}

/* Returns the length of the null-terminated string S. */
size_t
strlen (const char *s)
{
  const char *p = s;

  while (*p != '\0')
    p++;
  return p - s;
}

/* Returns the length of S, but at most MAX_LEN; reads no further than that,
   so S need not be terminated within MAX_LEN bytes. */
size_t
strnlen (const char *s, size_t max_len)
{
  size_t len = 0;

  while (len < max_len && s[len] != '\0')
    len++;
  return len;
}

/* Compares strings A and B as unsigned chars; result as for memcmp. */
int
strcmp (const char *a, const char *b)
{
  return strncmp (a, b, SIZE_MAX);
}

/* Compares at most MAX_LEN leading characters of A and B; result as memcmp. */
int
strncmp (const char *a_, const char *b_, size_t max_len)
{
  const unsigned char *a = (const unsigned char *) a_;
  const unsigned char *b = (const unsigned char *) b_;

  for (; max_len > 0; max_len--, a++, b++)
    {
      if (*a != *b)
        return *a < *b ? -1 : 1;
      if (*a == '\0')
        break;
    }
  return 0;
}

/* Returns the first occurrence of (char) CH in S, or NULL.  CH may be '\0',
   which finds the terminator. */
char *
strchr (const char *s, int ch)
{
  for (;; s++)
    {
      if (*s == (char) ch)
        return (char *) s;
      if (*s == '\0')
        return NULL;
    }
}

/* Returns the last occurrence of (char) CH in S, or NULL. */
char *
strrchr (const char *s, int ch)
{
  const char *last = NULL;

  for (;; s++)
    {
      if (*s == (char) ch)
        last = s;
      if (*s == '\0')
        return (char *) last;
    }
}

/* Returns the first occurrence of NEEDLE within HAYSTACK, or NULL.  An empty
   NEEDLE matches at the start of HAYSTACK. */
char *
strstr (const char *haystack, const char *needle)
{
  size_t needle_len = strlen (needle);

  for (; *haystack != '\0' || needle_len == 0; haystack++)
    if (strncmp (haystack, needle, needle_len) == 0)
      return (char *) haystack;
  return NULL;
}

/* Returns the length of the leading run of S made only of bytes in ACCEPT. */
size_t
strspn (const char *s, const char *accept)
{
  size_t len = 0;

  while (s[len] != '\0' && strchr (accept, s[len]) != NULL)
    len++;
  return len;
}

/* Returns the length of the leading run of S containing no byte of REJECT. */
size_t
strcspn (const char *s, const char *reject)
{
  size_t len = 0;

  while (s[len] != '\0' && strchr (reject, s[len]) == NULL)
    len++;
  return len;
}

/* Returns the first byte of S that is in ACCEPT, or NULL. */
char *
strpbrk (const char *s, const char *accept)
{
  s += strcspn (s, accept);
  return *s != '\0' ? (char *) s : NULL;
}

/* Copies SRC into the SIZE-byte buffer DST, truncating so that DST is always
   null-terminated when SIZE > 0.  Returns strlen (SRC): a result >= SIZE
   means the copy was truncated. */
size_t
strlcpy (char *dst, const char *src, size_t size)
{
  size_t src_len = strlen (src);

  if (size > 0)
    {
      size_t copy_len = src_len < size - 1 ? src_len : size - 1;
      memcpy (dst, src, copy_len);
      dst[copy_len] = '\0';
    }
  return src_len;
}

/* Appends SRC to the string in the SIZE-byte buffer DST, truncating so that
   DST stays null-terminated.  Returns the length the full concatenation
   would have had; a result >= SIZE means truncation.  If DST holds no
   terminator within SIZE bytes, DST is left alone and SIZE + strlen (SRC)
   is returned. */
size_t
strlcat (char *dst, const char *src, size_t size)
{
  size_t dst_len = strnlen (dst, size);

  if (dst_len == size)
    return size + strlen (src);
  return dst_len + strlcpy (dst + dst_len, src, size - dst_len);
}

/* Splits a string into tokens separated by runs of DELIMITERS.  The first
   call passes the string as S; later calls pass NULL to continue.  SAVE_PTR
   holds the position between calls.  Each token is null-terminated in
   place (the string is modified); returns NULL when no tokens remain. */
char *
strtok_r (char *s, const char *delimiters, char **save_ptr)
{
  char *token;

  if (s == NULL)
    s = *save_ptr;
  s += strspn (s, delimiters);
  if (*s == '\0')
    {
      *save_ptr = s;
      return NULL;
    }
  token = s;
  s += strcspn (s, delimiters);
  if (*s != '\0')
    *s++ = '\0';
  *save_ptr = s;
  return token;
}
