/* The block-device registry; see block.h. */

#include "devices/block.h"
#include <debug.h>
#include <list.h>
#include <stdio.h>
#include <string.h>
#include "devices/shutdown.h"
#include "threads/malloc.h"

#define BLOCK_NAME_MAX 15
#define BLOCK_DESCRIPTION_MAX 80

struct block
{
  struct list_elem elem;
  char name[BLOCK_NAME_MAX + 1];
  block_sector_t size;
  const struct block_operations *ops;
  void *aux;
  /* Traffic, for the statistics: sectors moved and device commands used. */
  unsigned long long sectors_read, read_commands;
  unsigned long long sectors_written, write_commands;
};

static struct list devices;
static bool devices_ready;
static struct block *by_role[BLOCK_ROLE_CNT];

/* The device playing ROLE, or NULL. */
struct block *
block_get_role (enum block_role role)
{
  ASSERT (role < BLOCK_ROLE_CNT);
  return by_role[role];
}

/* Makes BLOCK play ROLE. */
void
block_set_role (enum block_role role, struct block *block)
{
  ASSERT (role < BLOCK_ROLE_CNT);
  by_role[role] = block;
}

/* Gives each role that has no device yet its default: the file system the first
   device registered (the primary master, hd0:0, as Pintos has it), swap the
   first other one, wherever it is attached (QEMU's runner puts it on the
   secondary channel, hd1:0, so that paging and the file system each have a
   channel; an emulator with one channel, as v86, has it at hd0:1). */
void
block_default_roles (void)
{
  struct list_elem *e;

  if (!devices_ready)
    return;
  if (by_role[BLOCK_FILESYS] == NULL && !list_empty (&devices))
    by_role[BLOCK_FILESYS] = list_entry (list_begin (&devices), struct block, elem);
  for (e = list_begin (&devices);
       e != list_end (&devices) && by_role[BLOCK_SWAP] == NULL; e = list_next (e))
    {
      struct block *b = list_entry (e, struct block, elem);
      if (b != by_role[BLOCK_FILESYS])
        by_role[BLOCK_SWAP] = b;
    }
}

/* The device called NAME ("hd0:0" ...), or NULL. */
struct block *
block_get_by_name (const char *name)
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

/* A range past the end is a kernel bug: callers validate what users give. */
static void
check_range (struct block *block, block_sector_t first, size_t count)
{
  if (count == 0 || first >= block->size || count > block->size - first)
    PANIC ("access past end of %s: %zu sectors at %u of %u", block->name, count,
           first, block->size);
}

/* Reads SECTOR of BLOCK into BUF (BLOCK_SECTOR_SIZE bytes); sleeps until done.
   False if the device failed (BUF then holds nothing certain). */
bool
block_read (struct block *block, block_sector_t sector, void *buf)
{
  return block_read_sectors (block, sector, 1, buf);
}

/* Writes BUF (BLOCK_SECTOR_SIZE bytes) to SECTOR of BLOCK; returns once the
   device has it: true, or false if the device failed. */
bool
block_write (struct block *block, block_sector_t sector, const void *buf)
{
  return block_write_sectors (block, sector, 1, buf);
}

/* Moves COUNT sectors from FIRST between BLOCK and READ_BUF (a read) or
   WRITE_BUF (a write; the other is NULL), in commands of as many sectors as the
   driver allows, and counts them. Stops at the first command the device fails,
   returning false. */
static bool
transfer (struct block *block, block_sector_t first, size_t count, void *read_buf,
          const void *write_buf)
{
  size_t done, n;
  bool ok = true;

  check_range (block, first, count);
  for (done = 0; ok && done < count; done += n)
    {
      size_t offset = done * BLOCK_SECTOR_SIZE;
      n = count - done;
      if (n > block->ops->max_sectors)
        n = block->ops->max_sectors;
      if (read_buf != NULL)
        {
          ok = block->ops->read (block->aux, first + done, n,
                                 (uint8_t *) read_buf + offset);
          block->sectors_read += n;
          block->read_commands++;
        }
      else
        {
          ok = block->ops->write (block->aux, first + done, n,
                                  (const uint8_t *) write_buf + offset);
          block->sectors_written += n;
          block->write_commands++;
        }
    }
  return ok;
}

/* Reads COUNT (at least 1) consecutive sectors of BLOCK starting at FIRST into
   BUF (COUNT * BLOCK_SECTOR_SIZE bytes), in as few device commands as the driver
   allows; sleeps until done. The range must lie on BLOCK. False if the device
   failed a command (BUF then holds nothing certain). */
bool
block_read_sectors (struct block *block, block_sector_t first, size_t count,
                    void *buf)
{
  return transfer (block, first, count, buf, NULL);
}

/* Writes BUF (COUNT * BLOCK_SECTOR_SIZE bytes) to the COUNT (at least 1)
   consecutive sectors of BLOCK starting at FIRST, in as few device commands as
   the driver allows; returns once the device has them all: true, or false if
   it failed a command. The range must lie on BLOCK. */
bool
block_write_sectors (struct block *block, block_sector_t first, size_t count,
                     const void *buf)
{
  return transfer (block, first, count, NULL, buf);
}

/* Moves PAGE_CNT pages' worth of sectors from FIRST between BLOCK and PAGES (a
   write if WRITE), in commands of as many pages as the driver allows, or a page a
   command if it cannot gather, and counts them. Stops at the first command the
   device fails, returning false. */
static bool
transfer_pages (struct block *block, block_sector_t first, size_t page_cnt,
                void *const pages[], bool write)
{
  size_t per_command
      = block->ops->read_pages != NULL && block->ops->write_pages != NULL
            ? block->ops->max_sectors / BLOCK_PAGE_SECTORS
            : 1;
  size_t done, n;
  bool ok = true;

  ASSERT (per_command >= 1);
  check_range (block, first, page_cnt * BLOCK_PAGE_SECTORS);
  for (done = 0; ok && done < page_cnt; done += n)
    {
      block_sector_t at = first + done * BLOCK_PAGE_SECTORS;
      n = page_cnt - done < per_command ? page_cnt - done : per_command;
      if (per_command == 1)
        ok = write ? block->ops->write (block->aux, at, BLOCK_PAGE_SECTORS,
                                        pages[done])
                   : block->ops->read (block->aux, at, BLOCK_PAGE_SECTORS,
                                       pages[done]);
      else
        ok = write ? block->ops->write_pages (block->aux, at, n, pages + done)
                   : block->ops->read_pages (block->aux, at, n, pages + done);
      if (write)
        {
          block->sectors_written += n * BLOCK_PAGE_SECTORS;
          block->write_commands++;
        }
      else
        {
          block->sectors_read += n * BLOCK_PAGE_SECTORS;
          block->read_commands++;
        }
    }
  return ok;
}

/* Reads PAGE_CNT (at least 1) pages' worth of consecutive sectors of BLOCK from
   FIRST into the page-aligned kernel pages PAGES[0..PAGE_CNT), wherever they lie
   (a scatter list), in as few commands as the driver allows. False if the device
   failed a command (the pages then hold nothing certain). */
bool
block_read_pages (struct block *block, block_sector_t first, size_t page_cnt,
                  void *const pages[])
{
  return transfer_pages (block, first, page_cnt, pages, false);
}

/* Writes the page-aligned kernel pages PAGES[0..PAGE_CNT) (at least 1) to
   consecutive sectors of BLOCK from FIRST (a gather list), in as few commands
   as the driver allows; returns once the device has them all: true, or false if
   it failed a command. */
bool
block_write_pages (struct block *block, block_sector_t first, size_t page_cnt,
                   void *const pages[])
{
  return transfer_pages (block, first, page_cnt, pages, true);
}

/* Sectors in BLOCK. */
block_sector_t
block_size (struct block *block)
{
  return block->size;
}

const char *
block_name (struct block *block)
{
  return block->name;
}

/* Prints each device's traffic and, if its driver says, how it moved it (at
   power-off). */
static void
print_stats (void)
{
  struct list_elem *e;
  if (!devices_ready)
    return;
  for (e = list_begin (&devices); e != list_end (&devices); e = list_next (e))
    {
      struct block *b = list_entry (e, struct block, elem);
      char mode[BLOCK_DESCRIPTION_MAX] = "";
      if (b->ops->describe != NULL)
        b->ops->describe (b->aux, mode, sizeof mode);
      printf ("%s: read %llu sectors in %llu commands, "
              "wrote %llu sectors in %llu commands%s%s%s\n",
              b->name, b->sectors_read, b->read_commands, b->sectors_written,
              b->write_commands, *mode ? " (" : "", mode, *mode ? ")" : "");
    }
}

/* Adds a device NAME of SIZE sectors served by OPS (with AUX); returns it. */
struct block *
block_register (const char *name, block_sector_t size,
                const struct block_operations *ops, void *aux)
{
  struct block *b = malloc (sizeof *b);
  if (b == NULL)
    PANIC ("out of memory registering %s", name);
  strlcpy (b->name, name, sizeof b->name);
  b->size = size;
  b->ops = ops;
  b->aux = aux;
  ASSERT (ops->max_sectors >= 1);
  b->sectors_read = b->read_commands = 0;
  b->sectors_written = b->write_commands = 0;
  if (!devices_ready)
    {
      list_init (&devices);
      devices_ready = true;
      shutdown_register_hook (SHUTDOWN_STATISTICS, print_stats);
    }
  list_push_back (&devices, &b->elem);
  return b;
}
