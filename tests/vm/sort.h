/* Sorting for the merge-sort tests: a merge sort of bytes (with a scratch
   buffer the caller provides), and the checks the parents make. */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* Sorts the SIZE bytes at DATA in ascending order, using SCRATCH (SIZE
   bytes) as the merge buffer: bottom-up, runs of 1, 2, 4... bytes. */
static inline void
merge_sort_bytes (uint8_t *data, uint8_t *scratch, size_t size)
{
  size_t width;

  for (width = 1; width < size; width *= 2)
    {
      size_t start;

      for (start = 0; start < size; start += 2 * width)
        {
          size_t mid = start + width < size ? start + width : size;
          size_t end = start + 2 * width < size ? start + 2 * width : size;
          size_t i = start, j = mid, k = start;

          while (i < mid && j < end)
            scratch[k++] = data[i] <= data[j] ? data[i++] : data[j++];
          while (i < mid)
            scratch[k++] = data[i++];
          while (j < end)
            scratch[k++] = data[j++];
        }
      memcpy (data, scratch, size);
    }
}
