#ifndef TESTS_VM_MAPFILE_H
#define TESTS_VM_MAPFILE_H

/* Helpers for the memory-mapped file tests: files whose every byte says where it
   is, made and checked without the mapping under test. */

#include <stddef.h>
#include <syscall.h>
#include "tests/lib.h"

/* Where the tests map files: far above any program's .bss, far below the stack. */
#define MAP_ADDR ((char *) 0x10000000)

/* The byte at offset I of a file made with SEED. */
static inline char
map_pattern (size_t i, unsigned seed)
{
  return (char) ((i * 31 + seed) ^ (i >> 9));
}

/* Creates file NAME holding SIZE bytes of the pattern of SEED, written through
   write() in pieces, and returns it open. */
static inline int
map_make_file (const char *name, size_t size, unsigned seed)
{
  char buf[512];
  size_t done, i;
  int fd;

  if (!create (name, 0))
    fail ("create \"%s\" failed", name);
  fd = open (name);
  if (fd < 2)
    fail ("open \"%s\" failed", name);
  for (done = 0; done < size; done += sizeof buf)
    {
      size_t n = size - done < sizeof buf ? size - done : sizeof buf;
      for (i = 0; i < n; i++)
        buf[i] = map_pattern (done + i, seed);
      if (write (fd, buf, n) != (int) n)
        fail ("write to \"%s\" failed", name);
    }
  return fd;
}

/* Fails unless the SIZE bytes at P hold the pattern of SEED from offset 0. */
static inline void
map_check (const char *p, size_t size, unsigned seed, const char *what)
{
  size_t i;

  for (i = 0; i < size; i++)
    if (p[i] != map_pattern (i, seed))
      fail ("%s: byte %u is %d, not %d", what, (unsigned) i, p[i],
            map_pattern (i, seed));
}

/* Fails unless file NAME holds exactly SIZE bytes of the pattern of SEED, read
   through read() (not a mapping). */
static inline void
map_check_file (const char *name, size_t size, unsigned seed)
{
  char buf[512];
  size_t done, i;
  int fd = open (name);

  if (fd < 2)
    fail ("open \"%s\" failed", name);
  if (filesize (fd) != (int) size)
    fail ("\"%s\" is %d bytes, not %u", name, filesize (fd), (unsigned) size);
  for (done = 0; done < size; done += sizeof buf)
    {
      size_t n = size - done < sizeof buf ? size - done : sizeof buf;
      if (read (fd, buf, n) != (int) n)
        fail ("read of \"%s\" failed", name);
      for (i = 0; i < n; i++)
        if (buf[i] != map_pattern (done + i, seed))
          fail ("\"%s\" byte %u is %d, not %d", name, (unsigned) (done + i), buf[i],
                map_pattern (done + i, seed));
    }
  close (fd);
}

#endif /* tests/vm/mapfile.h */
