/* Kernel heap; see malloc.h.

   Every arena is one page that starts with a struct arena. A small-block arena
   holds blocks of one size class; its free blocks sit on the class's free list,
   and when all of an arena's blocks are free again the page goes back to palloc,
   so an idle kernel holds no heap pages. A big block is a run of pages whose
   first page starts with a struct arena whose class is NULL. */

#include "threads/malloc.h"
#include <debug.h>
#include <list.h>
#include <round.h>
#include <stdint.h>
#include <string.h>
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"

#define ARENA_MAGIC 0x9a548eed
#define MIN_BLOCK 16 /* Smallest size class. */
#define CLASS_CNT 8  /* 16, 32, ..., 2048 bytes. */

struct size_class
{
  size_t block_size;
  size_t blocks_per_arena;
  struct list free_list;
  struct lock lock;
};

struct arena
{
  unsigned magic;
  struct size_class *class; /* NULL for a big block. */
  size_t count;             /* Free blocks, or pages of a big block. */
};

struct free_block
{
  struct list_elem elem;
};

static struct size_class classes[CLASS_CNT];

/* Sets up the size classes. Call once, after palloc_init(). */
void
malloc_init (void)
{
  size_t i, size = MIN_BLOCK;

  for (i = 0; i < CLASS_CNT; i++, size *= 2)
    {
      struct size_class *c = &classes[i];
      c->block_size = size;
      c->blocks_per_arena = (PGSIZE - sizeof (struct arena)) / size;
      list_init (&c->free_list);
      lock_init (&c->lock);
    }
}

static struct free_block *
arena_block (struct arena *a, size_t idx)
{
  return (struct free_block *) ((uint8_t *) (a + 1) + idx * a->class->block_size);
}

static struct arena *
block_arena (void *block)
{
  struct arena *a = pg_round_down (block);
  ASSERT (a->magic == ARENA_MAGIC);
  ASSERT (a->class == NULL
              ? (uint8_t *) block == (uint8_t *) (a + 1)
              : ((uint8_t *) block - (uint8_t *) (a + 1)) % a->class->block_size
                    == 0);
  return a;
}

static void *
malloc_big (size_t size)
{
  size_t page_cnt = DIV_ROUND_UP (size + sizeof (struct arena), PGSIZE);
  struct arena *a = palloc_get_multiple (0, page_cnt);

  if (a == NULL)
    return NULL;
  a->magic = ARENA_MAGIC;
  a->class = NULL;
  a->count = page_cnt;
  return a + 1;
}

/* Returns a block of at least SIZE bytes, or NULL if memory is exhausted (or SIZE
   is 0). */
void *
malloc (size_t size)
{
  struct size_class *c;
  struct free_block *b;
  struct arena *a;

  if (size == 0)
    return NULL;
  for (c = classes; c < classes + CLASS_CNT; c++)
    if (c->block_size >= size)
      break;
  if (c == classes + CLASS_CNT)
    return malloc_big (size);

  lock_acquire (&c->lock);
  if (list_empty (&c->free_list))
    {
      size_t i;
      a = palloc_get_page (0);
      if (a == NULL)
        {
          lock_release (&c->lock);
          return NULL;
        }
      a->magic = ARENA_MAGIC;
      a->class = c;
      a->count = c->blocks_per_arena;
      for (i = 0; i < c->blocks_per_arena; i++)
        list_push_back (&c->free_list, &arena_block (a, i)->elem);
    }
  b = list_entry (list_pop_front (&c->free_list), struct free_block, elem);
  block_arena (b)->count--;
  lock_release (&c->lock);
  return b;
}

/* Returns A*B zeroed bytes, or NULL on exhaustion or overflow. */
void *
calloc (size_t a, size_t b)
{
  size_t size = a * b;
  void *p;

  if (b != 0 && size / b != a)
    return NULL;
  p = malloc (size);
  if (p != NULL)
    memset (p, 0, size);
  return p;
}

static size_t
block_size (void *block)
{
  struct arena *a = block_arena (block);
  return a->class != NULL ? a->class->block_size : a->count * PGSIZE - sizeof *a;
}

/* Resizes OLD to NEW_SIZE bytes, keeping its contents; frees it if NEW_SIZE is 0.
   Returns the new block, or NULL (leaving OLD alone) when memory is exhausted. */
void *
realloc (void *old, size_t new_size)
{
  void *new;
  size_t old_size;

  if (new_size == 0)
    {
      free (old);
      return NULL;
    }
  if (old == NULL)
    return malloc (new_size);
  old_size = block_size (old);
  if (new_size <= old_size && new_size > old_size / 2)
    return old;
  new = malloc (new_size);
  if (new != NULL)
    {
      memcpy (new, old, old_size < new_size ? old_size : new_size);
      free (old);
    }
  return new;
}

/* Frees BLOCK from malloc(), calloc() or realloc(); NULL is ignored. */
void
free (void *block)
{
  struct arena *a;
  struct size_class *c;

  if (block == NULL)
    return;
  a = block_arena (block);
  c = a->class;
  if (c == NULL)
    {
      palloc_free_multiple (a, a->count);
      return;
    }
#ifndef NDEBUG
  memset (block, 0xcc, c->block_size); /* Poison: use-after-free shows. */
#endif
  lock_acquire (&c->lock);
  list_push_front (&c->free_list, &((struct free_block *) block)->elem);
  if (++a->count == c->blocks_per_arena)
    {
      size_t i;
      for (i = 0; i < c->blocks_per_arena; i++)
        list_remove (&arena_block (a, i)->elem);
      palloc_free_page (a);
    }
  lock_release (&c->lock);
}
