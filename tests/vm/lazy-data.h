/* A 1 MB initialised array for the laziness tests: every word of page N
   holds PAGE_VALUE (N), so a page read from the wrong file offset shows. */

#include <stdint.h>

#define PAGE_WORDS 1024 /* 32-bit words in a page. */
#define DATA_PAGES 256  /* 1 MB. */
#define PAGE_VALUE(N) (0x9e3779b9u * ((N) + 1u))

#define PAGE_INIT(N) \
  [PAGE_WORDS * (N)... PAGE_WORDS * (N) + PAGE_WORDS - 1] = PAGE_VALUE (N)
#define PAGE_INIT4(N) \
  PAGE_INIT (N), PAGE_INIT ((N) + 1), PAGE_INIT ((N) + 2), PAGE_INIT ((N) + 3)
#define PAGE_INIT16(N) \
  PAGE_INIT4 (N), PAGE_INIT4 ((N) + 4), PAGE_INIT4 ((N) + 8), PAGE_INIT4 ((N) + 12)
#define PAGE_INIT64(N)                                             \
  PAGE_INIT16 (N), PAGE_INIT16 ((N) + 16), PAGE_INIT16 ((N) + 32), \
      PAGE_INIT16 ((N) + 48)
#define PAGE_INIT256(N)                                             \
  PAGE_INIT64 (N), PAGE_INIT64 ((N) + 64), PAGE_INIT64 ((N) + 128), \
      PAGE_INIT64 ((N) + 192)
