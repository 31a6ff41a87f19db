/* 20000 random malloc/free operations over 200 live slots with sizes from 1 byte
   to 3 pages; each block is filled with a pattern derived from its slot and
   checked before it is freed. Every page must be back at the end. */

#include <random.h>
#include <stdint.h>
#include <string.h>
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "tests/threads/tests.h"

#define SLOTS 200
#define OPERATIONS 20000
#define MAX_SIZE (3 * PGSIZE)

static uint8_t *block[SLOTS];
static size_t size[SLOTS];

static uint8_t
pattern (int slot, size_t i)
{
  return (uint8_t) (slot * 31 + i * 7);
}

static void
check_and_free (int slot)
{
  size_t i;
  for (i = 0; i < size[slot]; i++)
    if (block[slot][i] != pattern (slot, i))
      fail ("slot %d byte %zu of %zu corrupted", slot, i, size[slot]);
  free (block[slot]);
  block[slot] = NULL;
}

void
test_malloc_stress (void)
{
  size_t free_before = palloc_free_count ();
  int op, slot, allocated = 0;

  random_init (42);
  for (op = 0; op < OPERATIONS; op++)
    {
      slot = random_ulong () % SLOTS;
      if (block[slot] != NULL)
        check_and_free (slot);
      else
        {
          size_t i;
          /* Mostly small blocks, sometimes large ones. */
          size[slot] = random_ulong () % 8 == 0 ? 1 + random_ulong () % MAX_SIZE
                                                : 1 + random_ulong () % 256;
          block[slot] = malloc (size[slot]);
          if (block[slot] == NULL)
            fail ("malloc (%zu) failed", size[slot]);
          for (i = 0; i < size[slot]; i++)
            block[slot][i] = pattern (slot, i);
          allocated++;
        }
    }
  for (slot = 0; slot < SLOTS; slot++)
    if (block[slot] != NULL)
      check_and_free (slot);
  msg ("%s", allocated > OPERATIONS / 4 ? "many blocks allocated and verified"
                                        : "too few allocations");
  if (palloc_free_count () != free_before)
    fail ("%zu pages free before, %zu after", free_before, palloc_free_count ());
  msg ("all pages returned");
}
