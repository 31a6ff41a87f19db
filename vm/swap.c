/* Placeholder until the swap module lands. */
#include "vm/swap.h"
#include <bitmap.h>
#include <debug.h>
#include "devices/block.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#define SECTORS_PER_PAGE (PGSIZE / BLOCK_SECTOR_SIZE)
static struct block *swap_disk;
static struct bitmap *used;
static struct lock swap_lock;
void swap_init (void)
{
  lock_init (&swap_lock);
  swap_disk = block_get_role (BLOCK_SWAP);
  if (swap_disk != NULL)
    used = bitmap_create (block_size (swap_disk) / SECTORS_PER_PAGE);
}
bool swap_out (const void *kpage, swap_slot_t *slot)
{
  size_t i, s;
  if (used == NULL) return false;
  lock_acquire (&swap_lock);
  s = bitmap_scan_and_flip (used, 0, 1, false);
  lock_release (&swap_lock);
  if (s == BITMAP_ERROR) return false;
  for (i = 0; i < SECTORS_PER_PAGE; i++)
    block_write (swap_disk, s * SECTORS_PER_PAGE + i, (const uint8_t *) kpage + i * BLOCK_SECTOR_SIZE);
  *slot = s;
  return true;
}
void swap_in (swap_slot_t slot, void *kpage)
{
  size_t i;
  for (i = 0; i < SECTORS_PER_PAGE; i++)
    block_read (swap_disk, slot * SECTORS_PER_PAGE + i, (uint8_t *) kpage + i * BLOCK_SECTOR_SIZE);
}
void swap_free (swap_slot_t slot)
{
  lock_acquire (&swap_lock);
  bitmap_reset (used, slot);
  lock_release (&swap_lock);
}
size_t swap_free_count (void) { return used ? bitmap_count (used, 0, bitmap_size (used), false) : 0; }
size_t swap_slot_count (void) { return used ? bitmap_size (used) : 0; }
bool swap_present (void) { return used != NULL; }
