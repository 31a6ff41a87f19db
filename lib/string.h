#ifndef LIB_STRING_H
#define LIB_STRING_H

/* Freestanding string and memory functions shared by kernel and user programs.
   They behave as the C standard (and, for strlcpy/strlcat, OpenBSD) specify.
   Every pointer argument must be valid for the bytes the function touches,
   even when a size is involved: NULL is never accepted. */

#include <stddef.h>

void *memcpy (void *dst, const void *src, size_t size);
void *memmove (void *dst, const void *src, size_t size);
void *memset (void *dst, int value, size_t size);
int memcmp (const void *a, const void *b, size_t size);
void *memchr (const void *block, int ch, size_t size);

size_t strlen (const char *s);
size_t strnlen (const char *s, size_t max_len);
int strcmp (const char *a, const char *b);
int strncmp (const char *a, const char *b, size_t max_len);
char *strchr (const char *s, int ch);
char *strrchr (const char *s, int ch);
char *strstr (const char *haystack, const char *needle);
size_t strspn (const char *s, const char *accept);
size_t strcspn (const char *s, const char *reject);
char *strpbrk (const char *s, const char *accept);
size_t strlcpy (char *dst, const char *src, size_t size);
size_t strlcat (char *dst, const char *src, size_t size);
char *strtok_r (char *s, const char *delimiters, char **save_ptr);

#endif /* lib/string.h */
