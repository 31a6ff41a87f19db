/* calloc() zeroes and refuses overflowing sizes; realloc() grows and shrinks a
   block across size classes and into multi-page blocks, keeping its contents;
   malloc(0) returns NULL; free(NULL) is harmless. */

#include <stdint.h>
#include <string.h>
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "tests/threads/tests.h"

void
test_malloc_realloc (void)
{
  size_t free_before = palloc_free_count ();
  static const size_t sizes[]
      = { 1, 15, 16, 17, 100, 1000, 2048, 2049, 5000, 3 * PGSIZE, 100, 3 };
  uint8_t *p = NULL;
  size_t i, j, prev = 0;
  uint32_t *z;

  if (malloc (0) != NULL)
    fail ("malloc (0) returned a block");
  free (NULL);
  if (calloc (SIZE_MAX / 2, 4) != NULL)
    fail ("calloc accepted an overflowing size");
  z = calloc (1000, sizeof *z);
  if (z == NULL)
    fail ("calloc failed");
  for (i = 0; i < 1000; i++)
    if (z[i] != 0)
      fail ("calloc left word %zu non-zero", i);
  free (z);
  msg ("calloc ok");

  for (i = 0; i < sizeof sizes / sizeof *sizes; i++)
    {
      size_t keep = prev < sizes[i] ? prev : sizes[i];
      p = realloc (p, sizes[i]);
      if (p == NULL)
        fail ("realloc to %zu failed", sizes[i]);
      for (j = 0; j < keep; j++)
        if (p[j] != (uint8_t) j)
          fail ("realloc to %zu lost byte %zu", sizes[i], j);
      for (j = 0; j < sizes[i]; j++)
        p[j] = (uint8_t) j;
      prev = sizes[i];
    }
  p = realloc (p, 0);
  if (p != NULL)
    fail ("realloc (p, 0) returned a block");
  msg ("realloc kept contents through %zu sizes", sizeof sizes / sizeof *sizes);
  if (palloc_free_count () != free_before)
    fail ("%zu pages free before, %zu after", free_before, palloc_free_count ());
  msg ("all pages returned");
}
