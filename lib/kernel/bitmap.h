#ifndef LIB_KERNEL_BITMAP_H
#define LIB_KERNEL_BITMAP_H

/* A fixed-size array of bits, such as the free map of swap slots or pages.
   Bits are numbered from 0; every index or range passed in must lie within
   the bitmap (checked by ASSERT).  Range operations work a machine word at
   a time.  No locking: the owner serialises access. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct bitmap;

/* Returned by the scan functions when no suitable range exists. */
#define BITMAP_ERROR SIZE_MAX

/* Creation and destruction. */
struct bitmap *bitmap_create (size_t bit_cnt);
struct bitmap *bitmap_create_in_buf (size_t bit_cnt, void *buf, size_t size);
size_t bitmap_buf_size (size_t bit_cnt);
void bitmap_destroy (struct bitmap *);

size_t bitmap_size (const struct bitmap *);

/* Single bits. */
void bitmap_set (struct bitmap *, size_t idx, bool value);
void bitmap_mark (struct bitmap *, size_t idx);
void bitmap_reset (struct bitmap *, size_t idx);
void bitmap_flip (struct bitmap *, size_t idx);
bool bitmap_test (const struct bitmap *, size_t idx);

/* Ranges of CNT bits starting at START. */
void bitmap_set_all (struct bitmap *, bool value);
void bitmap_set_multiple (struct bitmap *, size_t start, size_t cnt, bool value);
size_t bitmap_count (const struct bitmap *, size_t start, size_t cnt, bool value);
bool bitmap_contains (const struct bitmap *, size_t start, size_t cnt, bool value);
bool bitmap_any (const struct bitmap *, size_t start, size_t cnt);
bool bitmap_none (const struct bitmap *, size_t start, size_t cnt);
bool bitmap_all (const struct bitmap *, size_t start, size_t cnt);

/* Finding free (or used) runs. */
size_t bitmap_scan (const struct bitmap *, size_t start, size_t cnt, bool value);
size_t bitmap_scan_and_flip (struct bitmap *, size_t start, size_t cnt, bool value);

/* Debugging. */
void bitmap_dump (const struct bitmap *);

#endif /* lib/kernel/bitmap.h */
