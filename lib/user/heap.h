#ifndef LIB_USER_HEAP_H
#define LIB_USER_HEAP_H

/* The allocator behind malloc (lib/user/malloc.c), written against a
   `more core' function instead of the sbrk system call so that the host unit
   tests (tests/unit/umalloc.c) can run it over a fake break.  See
   lib/user/README.md for the design.

   Blocks are aligned to HEAP_ALIGN (two words: 8 bytes on i386), carry a
   boundary tag, and free ones sit in segregated lists by size and are merged
   with free neighbours at once.  Only one heap may use a given break, and
   nothing else may move that break while the heap uses it (reading it with
   an increment of 0 is fine). */

#include <abi.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define HEAP_ALIGN (2 * sizeof (size_t)) /* Alignment of every block. */
#define HEAP_GROW_MIN (16 * 1024)        /* Least the break grows by. */
/* A free top this big goes back. */
#define HEAP_TRIM_THRESHOLD (64 * 1024)
#define HEAP_BIN_COUNT 64 /* Free lists by size. */

/* Moves the break of the memory the heap lives in by INCREMENT bytes (which
   may be 0 or negative) and returns the old break, or (void *) -1 with the
   break unchanged: the contract of sbrk.  AUX is heap.aux. */
typedef void *heap_more_core_func (void *aux, intptr_t increment);

/* Called when free or realloc is handed POINTER that is not a block the heap
   handed out and still holds (a double free, a pointer into the middle of a
   block, a stray pointer), or finds the heap's tags overwritten.  FUNCTION is
   "free" or "realloc", PROBLEM a short description.  If it returns, the call
   does nothing (realloc returns NULL). */
typedef void heap_report_func (const char *function, const char *problem,
                               void *pointer);

/* A heap.  Set it up with heap_init; the members are private to heap.c. */
struct heap
{
  heap_more_core_func *more_core;
  void *aux;
  heap_report_func *report;
  uintptr_t base;  /* The break before the first block, or 0. */
  uintptr_t start; /* First block (base rounded up to HEAP_ALIGN). */
  uintptr_t brk;   /* The break as the heap last set it. */
  uint32_t bin_map[HEAP_BIN_COUNT / 32]; /* Bit B: bins[B] not empty. */
  struct heap_block *bins[HEAP_BIN_COUNT];
};

/* What heap_stats counts. */
struct heap_stats
{
  size_t heap_bytes;  /* From the first break to the current one. */
  size_t used_blocks; /* Blocks handed out and not freed. */
  size_t used_bytes;  /* Bytes they take, tags included. */
  size_t free_blocks; /* Free blocks (in the free lists). */
  size_t free_bytes;  /* Bytes they take. */
};

/* Makes HEAP an empty heap that takes memory from MORE_CORE (AUX is passed to
   it) and reports misuse to REPORT.  Takes no memory yet. */
void heap_init (struct heap *heap, heap_more_core_func *more_core, void *aux,
                heap_report_func *report);

/* Returns a block of at least SIZE bytes aligned to HEAP_ALIGN, or NULL if
   the break cannot grow enough.  SIZE 0 gives a distinct smallest block. */
void *heap_malloc (struct heap *heap, size_t size);

/* Gives back BLOCK (NULL does nothing).  A free area of at least
   HEAP_TRIM_THRESHOLD bytes at the top of the heap goes back to the break;
   once the whole heap is free, all of it goes back and the break is where
   the heap found it. */
void heap_free (struct heap *heap, void *block);

/* Returns a zeroed block for COUNT objects of SIZE bytes, or NULL if it
   cannot be had or COUNT * SIZE overflows. */
void *heap_calloc (struct heap *heap, size_t count, size_t size);

/* Resizes BLOCK to SIZE bytes, keeping its contents up to the smaller size:
   in place when it shrinks, when the next block is free and big enough, or
   at the top of the heap; else moves it.  Returns the block, or NULL (BLOCK
   untouched) if no memory.  BLOCK NULL is heap_malloc (SIZE); SIZE 0 frees
   BLOCK and returns NULL. */
void *heap_realloc (struct heap *heap, void *block, size_t size);

/* Returns how many bytes BLOCK, a live block of HEAP, may hold (at least what
   was asked for). */
size_t heap_usable_size (struct heap *heap, void *block);

/* Walks every block and free list checking every tag and link; returns true
   if all is well, else reports the first problem (function "heap_check") and
   returns false.  Fills STATS if it is not NULL. */
bool heap_check (struct heap *heap, struct heap_stats *stats);

#endif /* lib/user/heap.h */
