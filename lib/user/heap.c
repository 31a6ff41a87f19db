/* The allocator behind malloc; see heap.h for the contract and
   lib/user/README.md for the design.

   The heap is one run of blocks from heap.start up to an end tag just below
   heap.brk.  Each block starts with a two-word tag: its size (a multiple of
   HEAP_ALIGN, which leaves the low bits for flags) and a guard word that says
   whether it is in use and that it really is a tag.  A free block also ends
   with its size and holds its free-list links, so that its successor can find
   it and merge; a used block has no footer, its successor's PREV_FREE flag
   saying that there is nothing to find. */

#include "heap.h"
#include <string.h>

#define WORD sizeof (size_t)
#define TAG_SIZE HEAP_ALIGN        /* Head and guard words. */
#define MIN_BLOCK (3 * HEAP_ALIGN) /* Tag, two links, footer. */

/* Bits in heap_block.head below the size. */
#define BLOCK_USED ((size_t) 1)      /* Handed out (or end tag). */
#define BLOCK_PREV_FREE ((size_t) 2) /* The block below is free. */
#define BLOCK_FLAGS (BLOCK_USED | BLOCK_PREV_FREE)

/* The guard word is the block's address mixed with one of these, so that a
   stray pointer or a freed block is told apart from a live one. */
#define GUARD_USED ((uintptr_t) 0x5ca1ab1e)
#define GUARD_FREE ((uintptr_t) 0xf3eeb10c)

/* Free lists: one per size for the small blocks, one per power of two above. */
#define SMALL_BIN_COUNT 32
#define SMALL_LIMIT (SMALL_BIN_COUNT * HEAP_ALIGN)

/* Largest request served: leaves room for rounding without overflow, and an
   increment that fits in intptr_t. */
#define REQUEST_MAX ((size_t) INTPTR_MAX - 2 * HEAP_GROW_MIN)

/* A block's tag; the links exist only while it is free. */
struct heap_block
{
  size_t head;                    /* Size | BLOCK_* flags. */
  uintptr_t guard;                /* Address ^ GUARD_USED or GUARD_FREE. */
  struct heap_block *next, *prev; /* In its free list. */
};

static uintptr_t
round_up (uintptr_t x, uintptr_t step)
{
  return (x + step - 1) / step * step;
}

static size_t
block_size (const struct heap_block *b)
{
  return b->head & ~BLOCK_FLAGS;
}

static bool
block_used (const struct heap_block *b)
{
  return (b->head & BLOCK_USED) != 0;
}

static struct heap_block *
block_at (uintptr_t address)
{
  return (struct heap_block *) address;
}

static struct heap_block *
next_block (const struct heap_block *b)
{
  return block_at ((uintptr_t) b + block_size (b));
}

/* The footer of free block B: its last word. */
static size_t *
block_footer (const struct heap_block *b)
{
  return (size_t *) ((uintptr_t) b + block_size (b) - WORD);
}

/* The free block just below B, which must have BLOCK_PREV_FREE. */
static struct heap_block *
prev_block (const struct heap_block *b)
{
  return block_at ((uintptr_t) b - ((size_t *) b)[-1]);
}

static void *
block_payload (struct heap_block *b)
{
  return (char *) b + TAG_SIZE;
}

/* The end tag: a used block of size 0 just below the break. */
static struct heap_block *
end_tag (const struct heap *heap)
{
  return block_at (heap->brk - TAG_SIZE);
}

/* The highest bit set in X, which is not 0. */
#define FLOOR_LOG2(X) \
  ((unsigned) (8 * sizeof (unsigned long) - 1 - __builtin_clzl (X)))

/* Which free list holds blocks of SIZE bytes. */
static unsigned
bin_index (size_t size)
{
  unsigned bits, small_bits;

  if (size < SMALL_LIMIT)
    return size / HEAP_ALIGN;
  bits = FLOOR_LOG2 (size);
  small_bits = FLOOR_LOG2 (SMALL_LIMIT);
  return bits - small_bits + SMALL_BIN_COUNT < HEAP_BIN_COUNT
             ? bits - small_bits + SMALL_BIN_COUNT
             : HEAP_BIN_COUNT - 1;
}

static void
bin_insert (struct heap *heap, struct heap_block *b)
{
  unsigned bin = bin_index (block_size (b));

  b->prev = NULL;
  b->next = heap->bins[bin];
  if (b->next != NULL)
    b->next->prev = b;
  heap->bins[bin] = b;
  heap->bin_map[bin / 32] |= (uint32_t) 1 << bin % 32;
}

static void
bin_remove (struct heap *heap, struct heap_block *b)
{
  unsigned bin = bin_index (block_size (b));

  if (b->prev != NULL)
    b->prev->next = b->next;
  else
    heap->bins[bin] = b->next;
  if (b->next != NULL)
    b->next->prev = b->prev;
  if (heap->bins[bin] == NULL)
    heap->bin_map[bin / 32] &= ~((uint32_t) 1 << bin % 32);
}

/* Tags B as a used block of SIZE bytes and tells its successor. */
static void
mark_used (struct heap_block *b, size_t size)
{
  b->head = size | BLOCK_USED | (b->head & BLOCK_PREV_FREE);
  b->guard = (uintptr_t) b ^ GUARD_USED;
  next_block (b)->head &= ~BLOCK_PREV_FREE;
}

/* Tags B as a free block of SIZE bytes (whose predecessor is used), tells its
   successor, and files it in its free list. */
static void
mark_free (struct heap *heap, struct heap_block *b, size_t size)
{
  b->head = size;
  b->guard = (uintptr_t) b ^ GUARD_FREE;
  *block_footer (b) = size;
  next_block (b)->head |= BLOCK_PREV_FREE;
  bin_insert (heap, b);
}

/* Writes the end tag just below the break; PREV_FREE as given. */
static void
mark_end (struct heap *heap, bool prev_free)
{
  struct heap_block *end = end_tag (heap);

  end->head = BLOCK_USED | (prev_free ? BLOCK_PREV_FREE : 0);
  end->guard = (uintptr_t) end ^ GUARD_USED;
}

/* The block size that holds a request of SIZE bytes, or 0 if too big. */
static size_t
request_to_block (size_t size)
{
  size_t block;

  if (size > REQUEST_MAX)
    return 0;
  block = round_up (size + TAG_SIZE, HEAP_ALIGN);
  return block < MIN_BLOCK ? MIN_BLOCK : block;
}

void
heap_init (struct heap *heap, heap_more_core_func *more_core, void *aux,
           heap_report_func *report)
{
  memset (heap, 0, sizeof *heap);
  heap->more_core = more_core;
  heap->aux = aux;
  heap->report = report;
}

/* Merges free block B with a free successor and a free predecessor, files
   the result, and gives the top of the heap back if it is big enough or the
   whole heap is free. */
static void release_block (struct heap *heap, struct heap_block *b);

/* Frees the tail of used block B beyond its first SIZE bytes, if the tail is
   big enough to be a block. */
static void
split_off (struct heap *heap, struct heap_block *b, size_t size)
{
  size_t whole = block_size (b);
  struct heap_block *rest;

  if (whole - size < MIN_BLOCK)
    return;
  rest = block_at ((uintptr_t) b + size);
  b->head = size | (b->head & BLOCK_FLAGS);
  rest->head = (whole - size) | BLOCK_USED;
  release_block (heap, rest);
}

/* Returns the first free block in the lists from FIRST up, or NULL. */
static struct heap_block *
first_listed (struct heap *heap, unsigned first)
{
  unsigned word;

  for (word = first / 32; word < HEAP_BIN_COUNT / 32; word++)
    {
      uint32_t bits = heap->bin_map[word];

      if (word == first / 32)
        bits &= ~(uint32_t) 0 << first % 32;
      if (bits != 0)
        return heap->bins[word * 32 + __builtin_ctz (bits)];
    }
  return NULL;
}

/* Returns a free block of at least SIZE bytes from the free lists, or NULL.
   A small size's own list holds only exact fits; a large size's list is
   searched first-fit; any block of a higher list fits. */
static struct heap_block *
find_fit (struct heap *heap, size_t size)
{
  unsigned bin = bin_index (size);
  struct heap_block *b;

  for (b = heap->bins[bin]; b != NULL; b = b->next)
    if (block_size (b) >= size)
      return b;
  return bin + 1 < HEAP_BIN_COUNT ? first_listed (heap, bin + 1) : NULL;
}

/* Moves the break up so that the top of the heap is a free block of at least
   SIZE bytes, merged with the free block that was on top, if any; returns
   that block (still in its free list), or NULL if the break cannot move. */
static struct heap_block *
grow (struct heap *heap, size_t size)
{
  struct heap_block *top = NULL;
  uintptr_t first, new_brk, old;
  intptr_t increment;

  if (heap->base == 0)
    {
      old = (uintptr_t) heap->more_core (heap->aux, 0);
      if (old == (uintptr_t) -1)
        return NULL;
      heap->base = heap->brk = old;
      heap->start = round_up (old, HEAP_ALIGN);
      first = heap->start;
    }
  else
    {
      top = end_tag (heap);
      if (top->head & BLOCK_PREV_FREE)
        top = prev_block (top);
      first = (uintptr_t) top;
    }
  if (size > UINTPTR_MAX - first - TAG_SIZE - HEAP_GROW_MIN - PGSIZE)
    return NULL;
  new_brk = first + size + TAG_SIZE;
  if (new_brk < heap->brk + HEAP_GROW_MIN)
    new_brk = heap->brk + HEAP_GROW_MIN;
  new_brk = round_up (new_brk, PGSIZE);
  if (new_brk - heap->brk > INTPTR_MAX)
    return NULL;
  increment = new_brk - heap->brk;
  old = (uintptr_t) heap->more_core (heap->aux, increment);
  if (old != heap->brk)
    {
      /* Someone else moved the break: put theirs back and refuse. */
      if (old != (uintptr_t) -1)
        heap->more_core (heap->aux, -increment);
      if (heap->brk == heap->base)
        heap->base = 0;
      return NULL;
    }
  heap->brk = new_brk;

  if (top != NULL && !block_used (top))
    bin_remove (heap, top);
  else
    {
      /* A new block where the end tag was (or at the start); what is below
         it is used. */
      top = block_at (first);
      top->head = 0;
    }
  mark_end (heap, false);
  mark_free (heap, top, new_brk - TAG_SIZE - first);
  return top;
}

/* Gives the pages of free block B, the top block, back to the break, leaving
   the break on a page boundary; all of the heap's memory when B is the whole
   heap.  Does nothing if the break refuses, or is not where the heap left it. */
static void
trim (struct heap *heap, struct heap_block *b)
{
  uintptr_t new_brk, rest;

  if ((uintptr_t) heap->more_core (heap->aux, 0) != heap->brk)
    return; /* Someone else moved the break: keep all. */
  if ((uintptr_t) b == heap->start)
    {
      if (heap->more_core (heap->aux, -(intptr_t) (heap->brk - heap->base))
          == (void *) -1)
        return;
      heap->base = heap->start = heap->brk = 0;
      memset (heap->bin_map, 0, sizeof heap->bin_map);
      memset (heap->bins, 0, sizeof heap->bins);
      return;
    }
  new_brk = round_up ((uintptr_t) b + TAG_SIZE, PGSIZE);
  rest = new_brk - TAG_SIZE - (uintptr_t) b;
  if (rest != 0 && rest < MIN_BLOCK)
    {
      new_brk += PGSIZE;
      rest += PGSIZE;
    }
  if (new_brk >= heap->brk)
    return;
  bin_remove (heap, b); /* Its links may lie past the new break. */
  if (heap->more_core (heap->aux, -(intptr_t) (heap->brk - new_brk)) == (void *) -1)
    {
      bin_insert (heap, b);
      return;
    }
  heap->brk = new_brk;
  mark_end (heap, false);
  if (rest != 0)
    mark_free (heap, b, rest);
}

static void
release_block (struct heap *heap, struct heap_block *b)
{
  size_t size = block_size (b);
  struct heap_block *next = next_block (b);

  if (!block_used (next))
    {
      bin_remove (heap, next);
      size += block_size (next);
    }
  if (b->head & BLOCK_PREV_FREE)
    {
      b = prev_block (b);
      bin_remove (heap, b);
      size += block_size (b);
    }
  mark_free (heap, b, size);
  if (next_block (b) == end_tag (heap)
      && (size >= HEAP_TRIM_THRESHOLD || (uintptr_t) b == heap->start))
    trim (heap, b);
}

void *
heap_malloc (struct heap *heap, size_t size)
{
  size_t need = request_to_block (size);
  struct heap_block *b;

  if (need == 0)
    return NULL;
  b = find_fit (heap, need);
  if (b == NULL)
    b = grow (heap, need);
  if (b == NULL)
    return NULL;
  bin_remove (heap, b);
  mark_used (b, block_size (b));
  split_off (heap, b, need);
  return block_payload (b);
}

/* Returns the block whose payload is POINTER if it is a live block of HEAP;
   else reports it for FUNCTION and returns NULL.  Reads nothing outside the
   heap. */
static struct heap_block *
checked_block (struct heap *heap, void *pointer, const char *function)
{
  uintptr_t address = (uintptr_t) pointer;
  struct heap_block *b;
  size_t size;

  if (heap->base == 0 || address < heap->start + TAG_SIZE || address >= heap->brk)
    {
      /* A freed block's pages may have gone back to the kernel. */
      heap->report (function,
                    "pointer outside the heap (not from malloc, "
                    "or already freed)",
                    pointer);
      return NULL;
    }
  if (address % HEAP_ALIGN != 0)
    {
      heap->report (function, "misaligned pointer (not from malloc)", pointer);
      return NULL;
    }
  b = block_at (address - TAG_SIZE);
  if (b->guard == ((uintptr_t) b ^ GUARD_FREE) && !block_used (b))
    {
      heap->report (function, "block already freed", pointer);
      return NULL;
    }
  size = block_size (b);
  if (b->guard != ((uintptr_t) b ^ GUARD_USED) || !block_used (b) || size < MIN_BLOCK
      || size % HEAP_ALIGN != 0 || size > heap->brk - TAG_SIZE - (uintptr_t) b
      || (next_block (b)->head & BLOCK_PREV_FREE))
    {
      heap->report (function, "not a live block, or its tag was overwritten",
                    pointer);
      return NULL;
    }
  return b;
}

void
heap_free (struct heap *heap, void *pointer)
{
  struct heap_block *b;

  if (pointer == NULL)
    return;
  b = checked_block (heap, pointer, "free");
  if (b != NULL)
    release_block (heap, b);
}

void *
heap_calloc (struct heap *heap, size_t count, size_t size)
{
  void *block;

  if (size != 0 && count > SIZE_MAX / size)
    return NULL;
  block = heap_malloc (heap, count * size);
  if (block != NULL)
    memset (block, 0, count * size);
  return block;
}

/* Tries to make used block B at least SIZE bytes without moving it, by
   taking in the free block after it, first growing the heap if B is on top.
   Returns success. */
static bool
grow_in_place (struct heap *heap, struct heap_block *b, size_t size)
{
  struct heap_block *next = next_block (b);
  size_t have = block_size (b);

  if (block_used (next) && next != end_tag (heap))
    return false;
  if (!block_used (next))
    have += block_size (next);
  if (have < size)
    {
      /* Only the top of the heap can grow, and then into the free top. */
      if (next_block (block_used (next) ? b : next) != end_tag (heap)
          || grow (heap, size - block_size (b)) == NULL)
        return false;
      next = next_block (b);
    }
  bin_remove (heap, next);
  b->head += block_size (next);
  next_block (b)->head &= ~BLOCK_PREV_FREE;
  return true;
}

void *
heap_realloc (struct heap *heap, void *pointer, size_t size)
{
  struct heap_block *b;
  size_t need;
  void *moved;

  if (pointer == NULL)
    return heap_malloc (heap, size);
  b = checked_block (heap, pointer, "realloc");
  if (b == NULL)
    return NULL;
  if (size == 0)
    {
      release_block (heap, b);
      return NULL;
    }
  need = request_to_block (size);
  if (need == 0)
    return NULL;
  if (need <= block_size (b) || grow_in_place (heap, b, need))
    {
      split_off (heap, b, need);
      return pointer;
    }
  moved = heap_malloc (heap, size);
  if (moved == NULL)
    return NULL;
  memcpy (moved, pointer, block_size (b) - TAG_SIZE);
  release_block (heap, b);
  return moved;
}

size_t
heap_usable_size (struct heap *heap, void *pointer)
{
  struct heap_block *b = checked_block (heap, pointer, "heap_usable_size");

  return b != NULL ? block_size (b) - TAG_SIZE : 0;
}

/* Reports PROBLEM about block B for heap_check; returns false. */
static bool
check_failed (struct heap *heap, const char *problem, const void *b)
{
  heap->report ("heap_check", problem, (void *) b);
  return false;
}

bool
heap_check (struct heap *heap, struct heap_stats *stats)
{
  struct heap_stats count = { 0, 0, 0, 0, 0 };
  struct heap_block *b;
  bool prev_free = false;
  size_t listed = 0;
  unsigned bin;

  if (heap->base != 0)
    {
      count.heap_bytes = heap->brk - heap->base;
      for (b = block_at (heap->start); b != end_tag (heap); b = next_block (b))
        {
          size_t size = block_size (b);

          if ((uintptr_t) b > heap->brk - TAG_SIZE - MIN_BLOCK || size < MIN_BLOCK
              || size % HEAP_ALIGN != 0
              || size > heap->brk - TAG_SIZE - (uintptr_t) b)
            return check_failed (heap, "block size out of bounds", b);
          if (((b->head & BLOCK_PREV_FREE) != 0) != prev_free)
            return check_failed (heap, "PREV_FREE flag wrong", b);
          if (b->guard
              != ((uintptr_t) b ^ (block_used (b) ? GUARD_USED : GUARD_FREE)))
            return check_failed (heap, "guard word overwritten", b);
          if (block_used (b))
            {
              count.used_blocks++;
              count.used_bytes += size;
            }
          else
            {
              if (prev_free)
                return check_failed (heap, "two free blocks in a row", b);
              if (*block_footer (b) != size)
                return check_failed (heap, "footer overwritten", b);
              count.free_blocks++;
              count.free_bytes += size;
            }
          prev_free = !block_used (b);
        }
      if (b->head != (BLOCK_USED | (prev_free ? BLOCK_PREV_FREE : 0))
          || b->guard != ((uintptr_t) b ^ GUARD_USED))
        return check_failed (heap, "end tag overwritten", b);
    }
  for (bin = 0; bin < HEAP_BIN_COUNT; bin++)
    {
      struct heap_block *prev = NULL;
      bool mapped = (heap->bin_map[bin / 32] >> bin % 32) & 1;

      if ((heap->bins[bin] != NULL) != mapped)
        return check_failed (heap, "free-list map wrong", heap->bins[bin]);
      for (b = heap->bins[bin]; b != NULL; prev = b, b = b->next)
        {
          if ((uintptr_t) b < heap->start || (uintptr_t) b >= heap->brk
              || (uintptr_t) b % HEAP_ALIGN != 0 || block_used (b)
              || b->guard != ((uintptr_t) b ^ GUARD_FREE))
            return check_failed (heap, "free list holds a non-free block", b);
          if (b->prev != prev || bin_index (block_size (b)) != bin)
            return check_failed (heap, "free list links wrong", b);
          if (++listed > count.free_blocks)
            return check_failed (heap, "free list has extra blocks", b);
        }
    }
  if (listed != count.free_blocks)
    return check_failed (heap, "free block missing from the free lists", NULL);
  if (count.used_bytes + count.free_bytes + TAG_SIZE + (heap->start - heap->base)
          != count.heap_bytes
      && heap->base != 0)
    return check_failed (heap, "blocks do not cover the heap", NULL);
  if (stats != NULL)
    *stats = count;
  return true;
}
