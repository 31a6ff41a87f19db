/* Swap slots: a table of page-sized slots on the swap disk, each with the count
   of page-table entries that hold it (vm/swap-slots.c), under a lock. The lock
   guards only the table: a slot, once taken, belongs to its holders, so
   transfers run without it and several can be in flight (the disk driver orders
   them). */

#include "vm/swap.h"
#include <debug.h>
#include <stdio.h>
#include "devices/block.h"
#include "devices/console.h"
#include "devices/shutdown.h"
#include "threads/interrupt.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "vm/swap-slots.h"

#define SLOT_BITS 20 /* Room for a slot in a PTE. */
#define SLOT_COUNT_MAX ((1u << SLOT_BITS) - 1)

static struct block *swap_disk; /* NULL: no swap. */
static struct slot_table slots; /* Empty until there is a swap disk. */
static struct lock swap_lock;   /* Guards SLOTS. */
static bool initialized;

/* The swap slots' leak check at power-off: every slot free at boot is free again
   (utils/expect.py compares the two). A slot marked bad after a failed write
   is no leak: it is left out of both counts and said apart. */
static void
print_leak_check (void)
{
  if (slots.bad > 0)
    printf ("Free swap slots: %zu at boot, %zu at power-off (%zu bad, left out)%s\n",
            slots.size - slots.bad, swap_free_count (), slots.bad,
            shutdown_leak_note ());
  else
    printf ("Free swap slots: %zu at boot, %zu at power-off%s\n", slots.size,
            swap_free_count (), shutdown_leak_note ());
}

/* Finds the swap disk (the block device playing BLOCK_SWAP) and makes all its
   whole pages free slots, at most 2^20 - 1 of them; with no swap disk there are
   no slots and swap_out() always fails. Registers the leak check for power-off.
   Call after ide_init() and after the disk roles are assigned; a second call
   does nothing. Panics if the slot table cannot be allocated. */
void
swap_init (void)
{
  size_t count;

  if (initialized)
    return;
  initialized = true;
  lock_init (&swap_lock);
  swap_disk = block_get_role (BLOCK_SWAP);
  if (swap_disk == NULL)
    return;
  count = block_size (swap_disk) / BLOCK_PAGE_SECTORS;
  if (count > SLOT_COUNT_MAX)
    count = SLOT_COUNT_MAX;
  if (!slot_table_init (&slots, count))
    PANIC ("swap: no memory for a table of %zu slots", count);
  shutdown_register_hook (SHUTDOWN_LEAK_CHECK, print_leak_check);
}

/* The first sector of SLOT on the swap disk. */
static block_sector_t
slot_sector (swap_slot_t slot)
{
  ASSERT (slot < slots.size);
  return slot * BLOCK_PAGE_SECTORS;
}

/* Writes the page at KPAGE to SLOT, just taken, as one command. False if the disk
   refused it (the driver said why): the slot is then never handed out again,
   and the page stays where it is. */
static bool
write_slot (const void *kpage, uint32_t slot)
{
  if (block_write_sectors (swap_disk, slot_sector (slot), BLOCK_PAGE_SECTORS, kpage))
    return true;
  lock_acquire (&swap_lock);
  slot_table_mark_bad (&slots, slot);
  lock_release (&swap_lock);
  diag_printf ("swap: slot %u could not be written: out of use from now on\n",
               (unsigned) slot);
  return false;
}

/* Takes a free slot, writes the page at KPAGE (a kernel address, PGSIZE bytes)
   there as one multi-sector transfer and stores the slot, with one holder, in
   *SLOT. Returns false, storing nothing, if there is no swap disk, every slot
   is in use, or the disk refused the write (that slot is then marked bad). May
   sleep; must not be called with interrupts off or from an interrupt handler. */
bool
swap_out (const void *kpage, swap_slot_t *slot)
{
  uint32_t taken;
  bool ok;

  ASSERT (!intr_context ());
  ASSERT (initialized);
  if (swap_disk == NULL)
    return false;
  lock_acquire (&swap_lock);
  ok = slot_table_take (&slots, &taken);
  lock_release (&swap_lock);
  if (!ok || !write_slot (kpage, taken))
    return false;
  *slot = taken;
  return true;
}

/* Writes the N pages at KPAGES (kernel addresses, anywhere) to swap, in runs of
   consecutive slots that each go out as one disk command (clustered swap
   writes), and stores each page's slot, with one holder, in GOT, or
   SWAP_NO_SLOT for a page that could not go (no slot free, or the disk refused
   it: a failed run is tried again a page at a time, so that only the bad slots
   are marked bad). Returns how many went. May sleep. */
size_t
swap_out_pages (void *const kpages[], size_t n, swap_slot_t got[])
{
  size_t done = 0, written = 0, i;

  ASSERT (!intr_context ());
  ASSERT (initialized);
  for (i = 0; i < n; i++)
    got[i] = SWAP_NO_SLOT;
  while (swap_disk != NULL && done < n)
    {
      uint32_t first;
      size_t run;

      lock_acquire (&swap_lock);
      run = slot_table_take_run (&slots, n - done, &first);
      lock_release (&swap_lock);
      if (run == 0)
        break;
      if (block_write_pages (swap_disk, slot_sector (first), run, kpages + done))
        for (i = 0; i < run; i++)
          got[done + i] = first + i;
      else
        /* The driver said why. Which slot is bad is unknown: each page goes
           again on its own to its own slot, and only the bad ones are marked. */
        for (i = 0; i < run; i++)
          if (write_slot (kpages[done + i], first + i))
            got[done + i] = first + i;
      done += run;
    }
  for (i = 0; i < n; i++)
    written += got[i] != SWAP_NO_SLOT;
  return written;
}

/* Reads SLOT into the page at KPAGE as one multi-sector transfer. The slot
   keeps its holders: each lets go with swap_free() when it no longer needs the
   copy. The caller need not hold the slot: it may be let go and taken again
   while the read is on its way, and the caller then throws the page away (a
   fault whose entry moved meanwhile). Returns false if the disk could not read
   it: the slot, if it is in use, is then never handed out again once its
   holders let it go. May sleep. */
bool
swap_in (swap_slot_t slot, void *kpage)
{
  ASSERT (!intr_context ());
  ASSERT (slot < slots.size);
  if (block_read_sectors (swap_disk, slot_sector (slot), BLOCK_PAGE_SECTORS, kpage))
    return true;
  /* The driver said why. The slot goes out of use once its holders let go. */
  lock_acquire (&swap_lock);
  if (slot_table_refs (&slots, slot) > 0)
    slot_table_doom (&slots, slot);
  lock_release (&swap_lock);
  return false;
}

/* Reads the N consecutive slots from FIRST into the pages at KPAGES (kernel
   addresses, anywhere) as one disk command (read-ahead of a page's neighbours).
   False if the disk failed it: the pages then hold nothing certain, and the
   caller reads what it needs on its own (swap_in()). May sleep. */
bool
swap_in_pages (swap_slot_t first, void *const kpages[], size_t n)
{
  ASSERT (!intr_context ());
  ASSERT (n >= 1 && first < slots.size && n <= slots.size - first);
  return block_read_pages (swap_disk, slot_sector (first), n, kpages);
}

/* Adds MORE holders to SLOT, which is in use (a fork copying the entries that
   hold it). False, changing nothing, if the slot cannot count that many. */
bool
swap_share (swap_slot_t slot, unsigned more)
{
  bool ok;

  lock_acquire (&swap_lock);
  ok = slot_table_share (&slots, slot, more);
  lock_release (&swap_lock);
  return ok;
}

/* Drops one holder of SLOT, which must be in use; the slot is free once the last
   one has. Returns how many holders are left. */
unsigned
swap_free (swap_slot_t slot)
{
  unsigned left;

  lock_acquire (&swap_lock);
  left = slot_table_release (&slots, slot);
  lock_release (&swap_lock);
  return left;
}

/* How many page-table entries hold SLOT (0: free). */
unsigned
swap_refs (swap_slot_t slot)
{
  unsigned refs;

  lock_acquire (&swap_lock);
  refs = slot_table_refs (&slots, slot);
  lock_release (&swap_lock);
  return refs;
}

/* How many slots are free now (0 without a swap disk). */
size_t
swap_free_count (void)
{
  size_t count;

  lock_acquire (&swap_lock);
  count = slots.free;
  lock_release (&swap_lock);
  return count;
}

/* How many slots the swap disk holds (0 without one). */
size_t
swap_slot_count (void)
{
  return slots.size;
}

/* How many slots are out of use for good after a failed write. */
size_t
swap_bad_count (void)
{
  return slots.bad;
}

/* True if swap_init() found a swap disk. */
bool
swap_present (void)
{
  return swap_disk != NULL;
}
