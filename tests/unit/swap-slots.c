/* Host unit test for vm/swap-slots.c: the swap slots' reference counts that let
   fork's sharers hold one slot between them. Slots are handed out in order and
   reused once free; holders add and drop; a bad slot is never handed out again
   and counted apart; and random operations against a model of every slot. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "vm/swap-slots.h"

#include "tests/unit/check.h"

/* Slots come in order, from after the last one taken; a full table says no. */
static void
test_take_in_order (void)
{
  struct slot_table t;
  uint32_t slot, i;

  CHECK (slot_table_init (&t, 4));
  for (i = 0; i < 4; i++)
    CHECK (slot_table_take (&t, &slot) && slot == i && slot_table_refs (&t, i) == 1);
  CHECK (t.free == 0 && !slot_table_take (&t, &slot));
  CHECK (slot_table_release (&t, 1) == 0 && t.free == 1);
  CHECK (slot_table_take (&t, &slot) && slot == 1);
  CHECK (slot_table_release (&t, 3) == 0 && slot_table_release (&t, 0) == 0);
  CHECK (slot_table_take (&t, &slot) && slot == 3); /* From after slot 1. */
  CHECK (slot_table_take (&t, &slot) && slot == 0);
  slot_table_destroy (&t);
}

/* A shared slot stays in use until its last holder lets go. */
static void
test_share (void)
{
  struct slot_table t;
  uint32_t slot;

  CHECK (slot_table_init (&t, 8));
  CHECK (slot_table_take (&t, &slot));
  CHECK (slot_table_share (&t, slot, 2) && slot_table_refs (&t, slot) == 3);
  CHECK (slot_table_release (&t, slot) == 2 && t.free == 7);
  CHECK (slot_table_release (&t, slot) == 1 && t.free == 7);
  CHECK (slot_table_release (&t, slot) == 0 && t.free == 8);
  CHECK (slot_table_refs (&t, slot) == 0);
  /* A count that would overflow is refused, changing nothing. */
  CHECK (slot_table_take (&t, &slot));
  CHECK (slot_table_share (&t, slot, SLOT_REFS_MAX - 1));
  CHECK (!slot_table_share (&t, slot, 1)
         && slot_table_refs (&t, slot) == SLOT_REFS_MAX);
  slot_table_destroy (&t);
}

/* A run of slots comes from after the last one taken, as long as the free ones
   after the first last, and never wraps past the end. */
static void
test_runs (void)
{
  struct slot_table t;
  uint32_t first, one;

  CHECK (slot_table_init (&t, 10));
  CHECK (slot_table_take_run (&t, 4, &first) == 4 && first == 0 && t.free == 6);
  CHECK (slot_table_take (&t, &one) && one == 4);
  CHECK (slot_table_release (&t, 2) == 0 && slot_table_release (&t, 1) == 0);
  /* From 5 on: 5..9 are free, and the run stops at the end. */
  CHECK (slot_table_take_run (&t, 8, &first) == 5 && first == 5 && t.free == 2);
  /* Wrapped: 1 and 2 are free, 3 is not. */
  CHECK (slot_table_take_run (&t, 8, &first) == 2 && first == 1 && t.free == 0);
  CHECK (slot_table_take_run (&t, 8, &first) == 0);
  CHECK (slot_table_refs (&t, 1) == 1 && slot_table_refs (&t, 9) == 1);
  slot_table_destroy (&t);
}

/* A bad slot is neither free nor handed out again. */
static void
test_bad (void)
{
  struct slot_table t;
  uint32_t slot, other;
  int i;

  CHECK (slot_table_init (&t, 3));
  CHECK (slot_table_take (&t, &slot) && slot == 0);
  slot_table_mark_bad (&t, slot);
  CHECK (slot_table_is_bad (&t, 0) && slot_table_refs (&t, 0) == 0);
  CHECK (t.free == 2 && t.bad == 1);
  for (i = 0; i < 2; i++)
    CHECK (slot_table_take (&t, &other) && other != 0);
  CHECK (!slot_table_take (&t, &other));
  slot_table_destroy (&t);
}

/* A slot whose read failed stays in use while it has holders, then goes bad
   instead of free; the count beside the mark is the holders'. */
static void
test_doomed (void)
{
  struct slot_table t;
  uint32_t slot, other;

  CHECK (slot_table_init (&t, 2));
  CHECK (slot_table_take (&t, &slot) && slot_table_share (&t, slot, 1));
  slot_table_doom (&t, slot);
  CHECK (slot_table_refs (&t, slot) == 2 && !slot_table_is_bad (&t, slot));
  CHECK (slot_table_share (&t, slot, 1) && slot_table_refs (&t, slot) == 3);
  CHECK (slot_table_release (&t, slot) == 2 && slot_table_release (&t, slot) == 1);
  CHECK (t.free == 1 && t.bad == 0);
  CHECK (slot_table_release (&t, slot) == 0);
  CHECK (slot_table_is_bad (&t, slot) && slot_table_refs (&t, slot) == 0);
  CHECK (t.free == 1 && t.bad == 1);
  CHECK (slot_table_take (&t, &other) && other != slot);
  CHECK (!slot_table_take (&t, &other));
  /* The holders' count still stops at SLOT_REFS_MAX with the mark beside it. */
  slot_table_destroy (&t);
  CHECK (slot_table_init (&t, 1));
  CHECK (slot_table_take (&t, &slot));
  slot_table_doom (&t, slot);
  CHECK (slot_table_share (&t, slot, SLOT_REFS_MAX - 1));
  CHECK (!slot_table_share (&t, slot, 1)
         && slot_table_refs (&t, slot) == SLOT_REFS_MAX);
  slot_table_destroy (&t);
}

/* Random takes, shares, releases, dooms and bad marks, against a model. */
#define MODEL_SLOTS 37
static void
test_random (void)
{
  unsigned model[MODEL_SLOTS];
  bool bad[MODEL_SLOTS], doomed[MODEL_SLOTS];
  struct slot_table t;
  int step;

  rng_seed (777);
  memset (model, 0, sizeof model);
  memset (bad, 0, sizeof bad);
  memset (doomed, 0, sizeof doomed);
  CHECK (slot_table_init (&t, MODEL_SLOTS));
  for (step = 0; step < 50000 && fail_cnt == 0; step++)
    {
      uint32_t slot = rng () % MODEL_SLOTS;
      size_t i, free_cnt = 0, bad_cnt = 0;

      switch (rng () % 5)
        {
        case 0:
        case 1:
          if (slot_table_take (&t, &slot))
            {
              CHECK_DETAIL (model[slot] == 0 && !bad[slot], "step %d: took %u", step,
                            (unsigned) slot);
              model[slot] = 1;
              if (rng () % 16 == 0)
                {
                  slot_table_mark_bad (&t, slot);
                  model[slot] = 0;
                  bad[slot] = true;
                }
            }
          break;
        case 2:
          if (model[slot] != 0)
            {
              CHECK (slot_table_share (&t, slot, 1 + rng () % 3));
              model[slot] = slot_table_refs (&t, slot);
              if (rng () % 8 == 0)
                {
                  slot_table_doom (&t, slot);
                  doomed[slot] = true;
                }
            }
          break;
        default:
          if (model[slot] != 0)
            {
              CHECK_DETAIL (slot_table_release (&t, slot) == --model[slot],
                            "step %d: release %u", step, (unsigned) slot);
              if (model[slot] == 0 && doomed[slot])
                bad[slot] = true;
            }
          break;
        }
      for (i = 0; i < MODEL_SLOTS; i++)
        {
          CHECK_DETAIL (slot_table_refs (&t, i) == model[i], "step %d: slot %zu",
                        step, i);
          CHECK (slot_table_is_bad (&t, i) == bad[i]);
          free_cnt += model[i] == 0 && !bad[i];
          bad_cnt += bad[i];
        }
      CHECK_DETAIL (t.free == free_cnt && t.bad == bad_cnt, "step %d: counts", step);
    }
  slot_table_destroy (&t);
}

int
main (void)
{
  test_take_in_order ();
  test_share ();
  test_runs ();
  test_bad ();
  test_doomed ();
  test_random ();
  return check_summary ("swap-slots");
}
