/* Swap slots' reference counts; see swap-slots.h. */

#include "vm/swap-slots.h"
#include <assert.h>
#include <debug.h>
#include <stdlib.h>

#define SLOT_BAD 0xffff
/* Set beside a slot's count once a read of it failed: when its last holder goes
   it is marked bad instead of freed. */
#define SLOT_DOOMED 0x8000
static_assert ((SLOT_REFS_MAX | SLOT_DOOMED) < SLOT_BAD,
               "a doomed slot's count cannot read as bad");

/* How many holders an entry REFS (not SLOT_BAD) counts. */
static unsigned
holders (uint16_t refs)
{
  return refs & ~SLOT_DOOMED;
}

/* Makes T a table of SIZE free slots. False if memory is short. */
bool
slot_table_init (struct slot_table *t, size_t size)
{
  t->refs = calloc (size > 0 ? size : 1, sizeof *t->refs);
  t->size = size;
  t->free = size;
  t->bad = 0;
  t->hint = 0;
  return t->refs != NULL;
}

/* Frees T's memory. */
void
slot_table_destroy (struct slot_table *t)
{
  free (t->refs);
  t->refs = NULL;
  t->size = t->free = 0;
}

/* Takes a free slot, with one holder, and stores it in *SLOT; false if none is
   free. Slots are handed out in order from after the last one taken, so that
   pages evicted one after another lie next to each other on the disk. */
bool
slot_table_take (struct slot_table *t, uint32_t *slot)
{
  size_t scanned;

  if (t->free == 0)
    return false;
  for (scanned = 0; scanned < t->size; scanned++)
    {
      size_t i = (t->hint + scanned) % t->size;
      if (t->refs[i] == 0)
        {
          t->refs[i] = 1;
          t->free--;
          t->hint = (i + 1) % t->size;
          *slot = i;
          return true;
        }
    }
  NOT_REACHED ();
}

/* Takes a run of free slots, each with one holder: the first free one from
   after the last one taken, and the free ones right after it, at most MAX in
   all. Stores the run's first slot in *FIRST and returns its length, 0 if no
   slot is free. (A run of pages evicted together then goes out in one disk
   command.) */
size_t
slot_table_take_run (struct slot_table *t, size_t max, uint32_t *first)
{
  size_t len;

  ASSERT (max >= 1);
  if (!slot_table_take (t, first))
    return 0;
  for (len = 1; len < max && *first + len < t->size && t->refs[*first + len] == 0;
       len++)
    {
      t->refs[*first + len] = 1;
      t->free--;
    }
  t->hint = (*first + len) % t->size;
  return len;
}

/* Adds MORE holders to SLOT, which is in use. False, changing nothing, if that
   would pass SLOT_REFS_MAX. */
bool
slot_table_share (struct slot_table *t, uint32_t slot, unsigned more)
{
  ASSERT (slot < t->size && t->refs[slot] != 0 && t->refs[slot] != SLOT_BAD);
  if (more > SLOT_REFS_MAX - holders (t->refs[slot]))
    return false;
  t->refs[slot] += more;
  return true;
}

/* Drops one holder of SLOT, which is in use; the slot is free again when the
   last one goes (bad, if a read of it failed meanwhile). Returns how many
   holders are left. */
unsigned
slot_table_release (struct slot_table *t, uint32_t slot)
{
  unsigned left;

  ASSERT (slot < t->size && holders (t->refs[slot]) != 0
          && t->refs[slot] != SLOT_BAD);
  left = holders (--t->refs[slot]);
  if (left == 0 && t->refs[slot] == SLOT_DOOMED)
    {
      t->refs[slot] = SLOT_BAD;
      t->bad++;
    }
  else if (left == 0)
    t->free++;
  return left;
}

/* Marks SLOT, which is in use (a read of it just failed), to go out of use for
   good once its last holder lets go, instead of being freed. */
void
slot_table_doom (struct slot_table *t, uint32_t slot)
{
  ASSERT (slot < t->size && holders (t->refs[slot]) != 0
          && t->refs[slot] != SLOT_BAD);
  t->refs[slot] |= SLOT_DOOMED;
}

/* Takes SLOT, which has exactly one holder (its write just failed), out of use
   for good: it is neither free nor handed out again. */
void
slot_table_mark_bad (struct slot_table *t, uint32_t slot)
{
  ASSERT (slot < t->size && t->refs[slot] == 1);
  t->refs[slot] = SLOT_BAD;
  t->bad++;
}

/* How many holders SLOT has (0 if it is free or bad). */
unsigned
slot_table_refs (const struct slot_table *t, uint32_t slot)
{
  ASSERT (slot < t->size);
  return t->refs[slot] == SLOT_BAD ? 0 : holders (t->refs[slot]);
}

/* True if SLOT has been marked bad. */
bool
slot_table_is_bad (const struct slot_table *t, uint32_t slot)
{
  ASSERT (slot < t->size);
  return t->refs[slot] == SLOT_BAD;
}
