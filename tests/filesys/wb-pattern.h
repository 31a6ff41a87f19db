#ifndef TESTS_FILESYS_WB_PATTERN_H
#define TESTS_FILESYS_WB_PATTERN_H

/* The bytes the write-back tests (wb-*) give their files, generation by
   generation, as plain arithmetic: a test, its child processes and the host
   (tests/unit/fs-stop.c, which reads the disk image after the machine has
   stopped) all compute the same ones. No system calls here. */

#include <stddef.h>
#include <stdint.h>

#define WB_SIZE (300 * 1024)       /* Generations 0 and 1: ten times the cache. */
#define WB_GROWN (WB_SIZE + 10240) /* Generations 2 and 3. */
#define WB_BLOCK 700               /* Generation 1 rewrites every third block */
#define WB_BLOCK_START 100         /* of this size, from this byte on. */
#define WB_HALT_OVER 5000          /* wb-halt: generation 3 over generation 2 */
#define WB_HALT_SMALL 700          /* and a small file of generation 0. */

/* The length of generation GEN. */
static inline size_t
wb_size (int gen)
{
  return gen < 2 ? WB_SIZE : WB_GROWN;
}

/* True if generation 1 rewrote byte POS (else it holds generation 0's). */
static inline int
wb_rewritten_by_1 (size_t pos)
{
  return pos >= WB_BLOCK_START && (pos - WB_BLOCK_START) / WB_BLOCK % 3 == 0;
}

/* The byte generation GEN holds at POS (POS < wb_size (GEN)):
   0  the file written whole, 4 kB a write;
   1  generation 0 with every third WB_BLOCK-byte block from WB_BLOCK_START on
      written again, with bytes of its own;
   2  all of it written again, 1000 bytes a write, and WB_GROWN bytes long;
   3  all of generation 2 written over, 512 bytes a write, from the end to the
      start and off the sector boundaries. */
static inline uint8_t
wb_byte (int gen, size_t pos)
{
  if (gen == 1 && !wb_rewritten_by_1 (pos))
    gen = 0;
  return (uint8_t) (gen * 53 + pos * 11 + pos / 509 + 7);
}

#endif /* tests/filesys/wb-pattern.h */
