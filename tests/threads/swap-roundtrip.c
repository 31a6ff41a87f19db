/* Writes distinct pages to swap, reads them back in another order and checks
   them; frees every slot and checks the free count is back where it started;
   fills the swap disk until swap_out() says no, and checks that a full disk
   keeps saying no and that a freed slot can be taken again. */

#include <stdbool.h>
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "vm/swap.h"
#include "tests/threads/swap-setup.h"
#include "tests/threads/tests.h"

#define PAGE_CNT 32    /* Pages in the round trip. */
#define SEED_BASE 1000 /* Seeds of the pages: SEED_BASE + index. */

/* Swaps PAGE_CNT patterned pages out and back in through PAGE. */
static void
round_trip (void *page, swap_slot_t slots[])
{
  size_t free_start = swap_free_count ();
  int i, j;

  for (i = 0; i < PAGE_CNT; i++)
    {
      pattern_fill (page, PGSIZE, SEED_BASE + i);
      if (!swap_out (page, &slots[i]))
        fail ("swap_out of page %d failed with %zu slots free", i,
              swap_free_count ());
      for (j = 0; j < i; j++)
        if (slots[j] == slots[i])
          fail ("pages %d and %d both got slot %u", j, i, slots[i]);
    }
  if (swap_free_count () != free_start - PAGE_CNT)
    fail ("%zu slots free after %d swap_outs, expected %zu", swap_free_count (),
          PAGE_CNT, free_start - PAGE_CNT);
  msg ("%d pages swapped out to distinct slots", PAGE_CNT);

  /* Back to front, twice: swap_in leaves the slot in use. */
  for (j = 0; j < 2; j++)
    for (i = PAGE_CNT - 1; i >= 0; i--)
      {
        size_t bad;
        pattern_fill (page, PGSIZE, 0);
        swap_in (slots[i], page);
        bad = pattern_mismatch (page, PGSIZE, SEED_BASE + i);
        if (bad != PGSIZE)
          fail ("page %d (slot %u) differs at byte %zu after swap_in", i, slots[i],
                bad);
      }
  if (swap_free_count () != free_start - PAGE_CNT)
    fail ("swap_in changed the free count");
  msg ("every page read back intact, twice");

  for (i = 0; i < PAGE_CNT; i++)
    swap_free (slots[i]);
  if (swap_free_count () != free_start)
    fail ("%zu slots free after swap_free, expected %zu", swap_free_count (),
          free_start);
  msg ("all slots free again");
}

/* Takes every slot, then checks a full swap disk refuses and recovers. */
static void
fill_up (void *page)
{
  size_t slot_cnt = swap_slot_count ();
  swap_slot_t slot, last = 0;
  size_t taken = 0;

  pattern_fill (page, PGSIZE, 7);
  while (swap_out (page, &slot))
    {
      if (slot >= slot_cnt)
        fail ("slot %u is out of range (%zu slots)", slot, slot_cnt);
      last = slot;
      if (++taken > slot_cnt)
        fail ("took more slots than there are");
    }
  if (taken != slot_cnt || swap_free_count () != 0)
    fail ("took %zu slots of %zu, %zu still free", taken, slot_cnt,
          swap_free_count ());
  if (swap_out (page, &slot))
    fail ("swap_out succeeded on a full swap disk");
  msg ("swap full: swap_out returns false");

  swap_free (last);
  if (!swap_out (page, &slot) || slot != last)
    fail ("the freed slot %u was not taken again", last);
  for (slot = 0; slot < slot_cnt; slot++)
    swap_free (slot);
  if (swap_free_count () != slot_cnt)
    fail ("%zu slots free after freeing all %zu", swap_free_count (), slot_cnt);
  msg ("a freed slot is taken again; all slots free");
}

void
test_swap_roundtrip (void)
{
  swap_slot_t slots[PAGE_CNT];
  void *page;

  swap_setup ();
  if (swap_free_count () != swap_slot_count ())
    fail ("%zu of %zu slots free at the start", swap_free_count (),
          swap_slot_count ());
  msg ("%zu slots, all free", swap_slot_count ());
  page = palloc_get_page (0);
  if (page == NULL)
    fail ("no page for the buffer");
  round_trip (page, slots);
  fill_up (page);
  palloc_free_page (page);
}
