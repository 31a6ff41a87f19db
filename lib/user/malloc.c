/* malloc and friends for user programs: the allocator of heap.c over the
   sbrk system call, with misuse ending the process. */

#include <malloc.h>
#include <debug.h>
#include <syscall.h>
#include "heap.h"

static struct heap user_heap;
static bool user_heap_ready;

/* sbrk, in the shape heap.c wants. */
static void *
more_core (void *aux UNUSED, intptr_t increment)
{
  return sbrk (increment);
}

/* Misuse of the heap is the program's bug: stop it with a message. */
static void
report (const char *function, const char *problem, void *pointer)
{
  PANIC ("%s (%p): %s", function, pointer, problem);
}

/* The heap, set up on first use. */
static struct heap *
get_heap (void)
{
  if (!user_heap_ready)
    {
      heap_init (&user_heap, more_core, NULL, report);
      user_heap_ready = true;
    }
  return &user_heap;
}

void *
malloc (size_t size)
{
  return heap_malloc (get_heap (), size);
}

void
free (void *block)
{
  heap_free (get_heap (), block);
}

void *
calloc (size_t count, size_t size)
{
  return heap_calloc (get_heap (), count, size);
}

void *
realloc (void *block, size_t size)
{
  return heap_realloc (get_heap (), block, size);
}

size_t
malloc_usable_size (void *block)
{
  return heap_usable_size (get_heap (), block);
}

bool
malloc_check (void)
{
  return heap_check (get_heap (), NULL);
}
