/* Physical page allocator: two pools, each a bitmap of its pages under a lock.
   The pool's bitmap lives in the pool's own first pages. The memory handed out lies
   between the end of the kernel image and the top of RAM the boot map reported. */

#include "threads/palloc.h"
#include <bitmap.h>
#include <debug.h>
#include <round.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "threads/boot-info.h"
#include "threads/interrupt.h"
#include "threads/synch.h"
#include "threads/vaddr.h"

struct pool
{
  const char *name;
  struct lock lock;
  struct bitmap *used_map; /* Bit set: page in use. */
  uint8_t *base;           /* First page handed out. */
  size_t page_cnt;         /* Pages handed out from BASE on. */
  size_t free_cnt;
};

static struct pool kernel_pool, user_pool;

extern char kernel_end[]; /* Linker script: first page after the image. */

/* Sets POOL up over PAGE_CNT pages at BASE, carving its bitmap out of the front. */
static void
init_pool (struct pool *pool, const char *name, void *base, size_t page_cnt)
{
  size_t bm_pages = DIV_ROUND_UP (bitmap_buf_size (page_cnt), PGSIZE);

  ASSERT (bm_pages <= page_cnt); /* A pool may have no page to hand out. */
  page_cnt -= bm_pages;
  pool->name = name;
  lock_init (&pool->lock);
  pool->used_map = bitmap_create_in_buf (page_cnt, base, bm_pages * PGSIZE);
  pool->base = (uint8_t *) base + bm_pages * PGSIZE;
  pool->page_cnt = page_cnt;
  pool->free_cnt = page_cnt;
}

/* Splits free RAM between the pools: half to each, the user pool capped at
   USER_PAGE_LIMIT pages. */
void
palloc_init (size_t user_page_limit)
{
  uint8_t *free_start = (uint8_t *) kernel_end;
  uint8_t *free_end = ptov (boot_info.ram_top);
  size_t free_pages = (free_end - free_start) / PGSIZE;
  size_t user_pages = free_pages / 2;
  size_t kernel_pages;

  if (user_pages > user_page_limit)
    user_pages = user_page_limit;
  kernel_pages = free_pages - user_pages;
  init_pool (&kernel_pool, "kernel", free_start, kernel_pages);
  init_pool (&user_pool, "user", free_start + kernel_pages * PGSIZE, user_pages);
}

static bool
pool_contains (const struct pool *pool, const void *page)
{
  const uint8_t *p = page;
  return p >= pool->base && p < pool->base + pool->page_cnt * PGSIZE;
}

/* Gets PAGE_CNT contiguous free pages from the pool FLAGS names, zeroed with
   PAL_ZERO. Returns NULL if there are none (panics instead with PAL_ASSERT). */
void *
palloc_get_multiple (enum palloc_flags flags, size_t page_cnt)
{
  struct pool *pool = flags & PAL_USER ? &user_pool : &kernel_pool;
  size_t index;
  void *pages = NULL;

  if (page_cnt == 0)
    return NULL;
  lock_acquire (&pool->lock);
  index = bitmap_scan_and_flip (pool->used_map, 0, page_cnt, false);
  if (index != BITMAP_ERROR)
    {
      pool->free_cnt -= page_cnt;
      pages = pool->base + index * PGSIZE;
    }
  lock_release (&pool->lock);

  if (pages == NULL)
    {
      if (flags & PAL_ASSERT)
        PANIC ("palloc: out of %s pages", pool->name);
      return NULL;
    }
  if (flags & PAL_ZERO)
    memset (pages, 0, PGSIZE * page_cnt);
  return pages;
}

/* One page; see palloc_get_multiple(). */
void *
palloc_get_page (enum palloc_flags flags)
{
  return palloc_get_multiple (flags, 1);
}

/* Returns the PAGE_CNT pages at PAGES, which palloc_get_multiple() gave out. */
void
palloc_free_multiple (void *pages, size_t page_cnt)
{
  struct pool *pool;
  size_t index;

  ASSERT (pg_ofs (pages) == 0);
  if (pages == NULL || page_cnt == 0)
    return;
  pool = pool_contains (&kernel_pool, pages) ? &kernel_pool : &user_pool;
  ASSERT (pool_contains (pool, pages));
  index = ((uint8_t *) pages - pool->base) / PGSIZE;
#ifndef NDEBUG
  memset (pages, 0xcc, PGSIZE * page_cnt); /* Poison: use-after-free shows. */
#endif
  lock_acquire (&pool->lock);
  ASSERT (bitmap_all (pool->used_map, index, page_cnt));
  bitmap_set_multiple (pool->used_map, index, page_cnt, false);
  pool->free_cnt += page_cnt;
  lock_release (&pool->lock);
}

/* Returns the page at PAGE. */
void
palloc_free_page (void *page)
{
  palloc_free_multiple (page, 1);
}

/* Returns the page at PAGE, as palloc_free_page() does, for a caller that must
   not sleep and has interrupts off (a thread switch's tail, freeing a dead
   thread): no thread can then be inside the pool's lock unless it holds it, so
   with the lock free the bitmap is changed without taking it. False, with
   nothing done, if a thread holds it (perhaps the caller, preempted inside
   palloc): free the page later. */
bool
palloc_free_page_now (void *page)
{
  struct pool *pool;
  size_t index;

  ASSERT (intr_get_level () == INTR_OFF);
  ASSERT (pg_ofs (page) == 0);
  pool = pool_contains (&kernel_pool, page) ? &kernel_pool : &user_pool;
  ASSERT (pool_contains (pool, page));
  if (pool->lock.holder != NULL)
    return false;
  index = ((uint8_t *) page - pool->base) / PGSIZE;
#ifndef NDEBUG
  memset (page, 0xcc, PGSIZE); /* Poison: use-after-free shows. */
#endif
  ASSERT (bitmap_test (pool->used_map, index));
  bitmap_reset (pool->used_map, index);
  pool->free_cnt++;
  return true;
}

/* Free pages in both pools: compare at boot and at power-off to find leaks. */
size_t
palloc_free_count (void)
{
  return kernel_pool.free_cnt + user_pool.free_cnt;
}

/* Free pages in the kernel pool (a look without its lock: it may change at once). */
size_t
palloc_kernel_free_count (void)
{
  return kernel_pool.free_cnt;
}

/* Free pages in the user pool (a look without its lock: it may change at once). */
size_t
palloc_user_free_count (void)
{
  return user_pool.free_cnt;
}

/* True if PAGE belongs to the user pool. */
bool
palloc_is_user_page (const void *page)
{
  return pool_contains (&user_pool, page);
}

/* How many pages the user pool has: the frames user pages can live in. */
size_t
palloc_user_page_count (void)
{
  return user_pool.page_cnt;
}

/* The index of user-pool page PAGE, from 0 to palloc_user_page_count () - 1:
   its user frame number. */
size_t
palloc_user_index (const void *page)
{
  ASSERT (pool_contains (&user_pool, page) && pg_ofs (page) == 0);
  return ((const uint8_t *) page - user_pool.base) / PGSIZE;
}

/* The user-pool page whose user frame number is INDEX. */
void *
palloc_user_page (size_t index)
{
  ASSERT (index < user_pool.page_cnt);
  return user_pool.base + index * PGSIZE;
}

/* Prints each pool's free and total pages. */
void
palloc_print_stats (void)
{
  printf ("Pages: kernel pool %zu/%zu free, user pool %zu/%zu free\n",
          kernel_pool.free_cnt, kernel_pool.page_cnt, user_pool.free_cnt,
          user_pool.page_cnt);
}
