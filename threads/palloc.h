#ifndef THREADS_PALLOC_H
#define THREADS_PALLOC_H

/* The physical page allocator. Free memory is split into a kernel pool (for the
   kernel's own data) and a user pool (for user pages), so user programs can exhaust
   theirs without starving the kernel. Pages are returned as kernel virtual
   addresses in the direct map. */

#include <stdbool.h>
#include <stddef.h>

enum palloc_flags
{
  PAL_ASSERT = 001, /* Panic on failure (kernel-internal needs only). */
  PAL_ZERO = 002,   /* Zero the pages. */
  PAL_USER = 004    /* From the user pool. */
};

void palloc_init (size_t user_page_limit);
void *palloc_get_page (enum palloc_flags);
void *palloc_get_multiple (enum palloc_flags, size_t page_cnt);
void palloc_free_page (void *);
bool palloc_free_page_now (void *);
void palloc_free_multiple (void *, size_t page_cnt);
size_t palloc_free_count (void);
size_t palloc_kernel_free_count (void);
size_t palloc_user_free_count (void);
bool palloc_is_user_page (const void *);
size_t palloc_user_page_count (void);
size_t palloc_user_index (const void *);
void *palloc_user_page (size_t index);
void palloc_print_stats (void);

#endif /* threads/palloc.h */
