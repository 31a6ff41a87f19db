/* Swap slots: a bitmap of page-sized slots on the swap disk, one bit per slot
   (set = in use), under a lock. The lock guards only the bitmap: a slot, once
   taken, belongs to its caller, so transfers run without it and several can be
   in flight (the disk driver orders them). */

#include "vm/swap.h"
#include <bitmap.h>
#include <debug.h>
#include <stdio.h>
#include "devices/block.h"
#include "devices/shutdown.h"
#include "threads/interrupt.h"
#include "threads/synch.h"
#include "threads/vaddr.h"

#define SECTORS_PER_PAGE (PGSIZE / BLOCK_SECTOR_SIZE)
#define SLOT_BITS 20 /* Room for a slot in a PTE. */
#define SLOT_COUNT_MAX ((1u << SLOT_BITS) - 1)

static struct block *swap_disk;   /* NULL: no swap. */
static struct bitmap *used_slots; /* NULL until there is a swap disk. */
static struct lock swap_lock;     /* Guards USED_SLOTS. */
static bool initialized;

/* The swap slots' leak check at power-off: every slot free at boot is free again
   (utils/expect.py compares the two). */
static void
print_leak_check (void)
{
  printf ("Free swap slots: %zu at boot, %zu at power-off%s\n",
          bitmap_size (used_slots), swap_free_count (), shutdown_leak_note ());
}

/* Finds the swap disk (the block device playing BLOCK_SWAP) and makes all its
   whole pages free slots, at most 2^20 - 1 of them; with no swap disk there are
   no slots and swap_out() always fails. Records the free count for the leak
   check at power-off. Call after ide_init() and after the disk roles are
   assigned; a second call does nothing. Panics if the slot bitmap cannot be
   allocated. */
void
swap_init (void)
{
  size_t slots;

  if (initialized)
    return;
  initialized = true;
  lock_init (&swap_lock);
  swap_disk = block_get_role (BLOCK_SWAP);
  if (swap_disk == NULL)
    return;
  slots = block_size (swap_disk) / SECTORS_PER_PAGE;
  if (slots > SLOT_COUNT_MAX)
    slots = SLOT_COUNT_MAX;
  used_slots = bitmap_create (slots);
  if (used_slots == NULL)
    PANIC ("swap: no memory for a bitmap of %zu slots", slots);
  shutdown_register_hook (SHUTDOWN_LEAK_CHECK, print_leak_check);
}

/* The first sector of SLOT on the swap disk. */
static block_sector_t
slot_sector (swap_slot_t slot)
{
  ASSERT (used_slots != NULL && slot < bitmap_size (used_slots));
  return slot * SECTORS_PER_PAGE;
}

/* True if SLOT is in use. */
static bool
slot_in_use (swap_slot_t slot)
{
  bool in_use;

  ASSERT (used_slots != NULL && slot < bitmap_size (used_slots));
  lock_acquire (&swap_lock);
  in_use = bitmap_test (used_slots, slot);
  lock_release (&swap_lock);
  return in_use;
}

/* Takes a free slot, writes the page at KPAGE (a kernel address, PGSIZE bytes)
   there as one multi-sector transfer and stores the slot in *SLOT. Returns
   false, storing nothing, if there is no swap disk or every slot is in use. May
   sleep; must not be called with interrupts off or from an interrupt handler. */
bool
swap_out (const void *kpage, swap_slot_t *slot)
{
  size_t free_slot;

  ASSERT (!intr_context ());
  ASSERT (initialized);
  if (used_slots == NULL)
    return false;
  lock_acquire (&swap_lock);
  free_slot = bitmap_scan_and_flip (used_slots, 0, 1, false);
  lock_release (&swap_lock);
  if (free_slot == BITMAP_ERROR)
    return false;
  block_write_sectors (swap_disk, slot_sector (free_slot), SECTORS_PER_PAGE, kpage);
  *slot = free_slot;
  return true;
}

/* Reads SLOT (which must be in use) into the page at KPAGE as one multi-sector
   transfer. The slot stays in use: the caller frees it with swap_free() when it
   no longer needs the copy. May sleep. */
void
swap_in (swap_slot_t slot, void *kpage)
{
  ASSERT (!intr_context ());
  ASSERT (slot_in_use (slot));
  block_read_sectors (swap_disk, slot_sector (slot), SECTORS_PER_PAGE, kpage);
}

/* Returns SLOT, which must be in use, to the free slots. */
void
swap_free (swap_slot_t slot)
{
  ASSERT (used_slots != NULL && slot < bitmap_size (used_slots));
  lock_acquire (&swap_lock);
  ASSERT (bitmap_test (used_slots, slot));
  bitmap_reset (used_slots, slot);
  lock_release (&swap_lock);
}

/* How many slots are free now (0 without a swap disk). */
size_t
swap_free_count (void)
{
  size_t count;

  if (used_slots == NULL)
    return 0;
  lock_acquire (&swap_lock);
  count = bitmap_count (used_slots, 0, bitmap_size (used_slots), false);
  lock_release (&swap_lock);
  return count;
}

/* How many slots the swap disk holds (0 without one). */
size_t
swap_slot_count (void)
{
  return used_slots != NULL ? bitmap_size (used_slots) : 0;
}

/* True if swap_init() found a swap disk. */
bool
swap_present (void)
{
  return used_slots != NULL;
}
