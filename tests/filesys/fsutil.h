#ifndef TESTS_FILESYS_FSUTIL_H
#define TESTS_FILESYS_FSUTIL_H

/* Helpers shared by the file-system tests (header only: every .c in this
   folder is a program of its own).  Each helper fails the test, with a
   message naming the file, on any short or failed call. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <syscall.h>
#include "tests/lib.h"

/* The byte that region INDEX of a test file holds at offset POS within the
   region: varies with both, so a byte written in the wrong place, by the
   wrong writer, or shifted by one shows up. */
static inline uint8_t
fs_pattern (int index, size_t pos)
{
  return (uint8_t) (index * 37 + pos * 7 + pos / 256 + 11);
}

/* Fills the SIZE bytes at BUF with region INDEX's pattern from offset START. */
static inline void
fs_fill (void *buf, size_t size, int index, size_t start)
{
  uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i++)
    p[i] = fs_pattern (index, start + i);
}

/* Fails unless the SIZE bytes at BUF hold region INDEX's pattern from offset
   START; WHAT names the data. */
static inline void
fs_check_pattern (const void *buf, size_t size, int index, size_t start,
                  const char *what)
{
  const uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i++)
    if (p[i] != fs_pattern (index, start + i))
      fail ("%s: byte %zu is 0x%02x, expected 0x%02x", what, start + i, p[i],
            fs_pattern (index, start + i));
}

/* A deterministic pseudo-random generator (xorshift32), so that "random"
   offsets and sizes are the same in every run. */
static inline uint32_t
fs_random (uint32_t *state)
{
  uint32_t x = *state;

  x ^= x << 13;
  x ^= x >> 17;
  x ^= x << 5;
  return *state = x;
}

/* Opens NAME, failing unless a descriptor (>= 2) comes back. */
static inline int
fs_open (const char *name)
{
  int fd = open (name);

  if (fd < 2)
    fail ("open \"%s\" returned %d", name, fd);
  return fd;
}

/* Creates NAME with SIZE bytes, failing if create returns false. */
static inline void
fs_create (const char *name, unsigned size)
{
  if (!create (name, size))
    fail ("create \"%s\" (%u bytes) returned false", name, size);
}

/* Writes SIZE bytes from BUF to FD (file NAME), failing on a short write. */
static inline void
fs_write (int fd, const char *name, const void *buf, size_t size)
{
  int n = write (fd, buf, size);

  if (n != (int) size)
    fail ("write of %zu bytes to \"%s\" returned %d", size, name, n);
}

/* Reads SIZE bytes from FD (file NAME) into BUF, failing on a short read. */
static inline void
fs_read (int fd, const char *name, void *buf, size_t size)
{
  int n = read (fd, buf, size);

  if (n != (int) size)
    fail ("read of %zu bytes from \"%s\" returned %d", size, name, n);
}

/* Fails unless FD (file NAME) is SIZE bytes long. */
static inline void
fs_check_size (int fd, const char *name, int size)
{
  int actual = filesize (fd);

  if (actual != size)
    fail ("filesize of \"%s\" is %d, expected %d", name, actual, size);
}

/* Fails unless the SIZE bytes at BUF are all zero; WHAT names them, START is
   the offset of BUF[0] in the file, for the message. */
static inline void
fs_check_zero (const void *buf, size_t size, size_t start, const char *what)
{
  const uint8_t *p = buf;
  size_t i;

  for (i = 0; i < size; i++)
    if (p[i] != 0)
      fail ("%s: byte %zu is 0x%02x, expected 0", what, start + i, p[i]);
}

#endif /* tests/filesys/fsutil.h */
