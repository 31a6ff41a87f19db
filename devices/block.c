/* The block-device registry; see block.h. */

#include "devices/block.h"
#include <debug.h>
#include <list.h>
#include <stdio.h>
#include <string.h>
#include "threads/malloc.h"

#define BLOCK_NAME_MAX 15

struct block
  {
    struct list_elem elem;
    char name[BLOCK_NAME_MAX + 1];
    block_sector_t size;
    const struct block_operations *ops;
    void *aux;
    unsigned long long reads, writes;   /* Sectors, for the statistics. */
  };

static struct list devices;
static bool devices_ready;
static struct block *by_role[BLOCK_ROLE_CNT];

/* The device playing ROLE, or NULL. */
struct block *block_get_role (enum block_role role)
{
  ASSERT (role < BLOCK_ROLE_CNT);
  return by_role[role];
}

/* Makes BLOCK play ROLE. */
void block_set_role (enum block_role role, struct block *block)
{
  ASSERT (role < BLOCK_ROLE_CNT);
  by_role[role] = block;
}

/* The device called NAME ("hd0:0" ...), or NULL. */
struct block *block_get_by_name (const char *name)
{
  struct list_elem *e;
  if (!devices_ready)
    return NULL;
  for (e = list_begin (&devices); e != list_end (&devices); e = list_next (e))
    {
      struct block *b = list_entry (e, struct block, elem);
      if (!strcmp (b->name, name))
        return b;
    }
  return NULL;
}

static void check_sector (struct block *block, block_sector_t sector)
{
  /* A sector past the end is a kernel bug: callers validate what users give. */
  if (sector >= block->size)
    PANIC ("access past end of %s: sector %u of %u", block->name, sector,
           block->size);
}

/* Reads SECTOR of BLOCK into BUF (BLOCK_SECTOR_SIZE bytes); sleeps until done. */
void block_read (struct block *block, block_sector_t sector, void *buf)
{
  check_sector (block, sector);
  block->ops->read (block->aux, sector, buf);
  block->reads++;
}

/* Writes BUF (BLOCK_SECTOR_SIZE bytes) to SECTOR of BLOCK; returns once the
   device has it. */
void block_write (struct block *block, block_sector_t sector, const void *buf)
{
  check_sector (block, sector);
  block->ops->write (block->aux, sector, buf);
  block->writes++;
}

/* Sectors in BLOCK. */
block_sector_t block_size (struct block *block)
{
  return block->size;
}

const char *block_name (struct block *block)
{
  return block->name;
}

/* Prints each device's traffic. */
void block_print_stats (void)
{
  struct list_elem *e;
  if (!devices_ready)
    return;
  for (e = list_begin (&devices); e != list_end (&devices); e = list_next (e))
    {
      struct block *b = list_entry (e, struct block, elem);
      printf ("%s: %llu reads, %llu writes\n", b->name, b->reads, b->writes);
    }
}

/* Adds a device NAME of SIZE sectors served by OPS (with AUX); returns it. */
struct block *block_register (const char *name, block_sector_t size,
                              const struct block_operations *ops, void *aux)
{
  struct block *b = malloc (sizeof *b);
  if (b == NULL)
    PANIC ("out of memory registering %s", name);
  strlcpy (b->name, name, sizeof b->name);
  b->size = size;
  b->ops = ops;
  b->aux = aux;
  b->reads = b->writes = 0;
  if (!devices_ready)
    {
      list_init (&devices);
      devices_ready = true;
    }
  list_push_back (&devices, &b->elem);
  return b;
}
