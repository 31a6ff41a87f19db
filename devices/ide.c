/* ATA (IDE) driver for the legacy channels QEMU's pc machine provides. Transfers
   are PIO with 32-bit string port I/O and LBA28 addressing; one command moves up
   to 256 consecutive sectors. The data goes in DRQ blocks, one interrupt each:
   READ/WRITE MULTIPLE with the largest block the disk allows (SET MULTIPLE MODE
   at probe time), else READ/WRITE SECTORS with one-sector blocks. A caller
   sleeps on a semaphore until the disk's interrupt says a block is ready or
   taken; nobody spins waiting for data. Each channel serves one command at a
   time under its lock. Register layout and commands: ATA/ATAPI-6, §7 and §8; the
   PIO data-in and data-out protocols: §9.5 and §9.6. */

#include "devices/ide.h"
#include <debug.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "devices/block.h"
#include "devices/timer.h"
#include "threads/interrupt.h"
#include "threads/io.h"
#include "threads/synch.h"

#define CHANNEL_CNT 2
#define DEVICES_PER_CHANNEL 2

/* Command-block registers, as offsets from the channel's base port. */
#define REG_DATA 0
#define REG_ERROR 1
#define REG_NSECT 2
#define REG_LBAL 3
#define REG_LBAM 4
#define REG_LBAH 5
#define REG_DEVICE 6
#define REG_STATUS 7              /* Reading it acknowledges the interrupt. */
#define REG_COMMAND 7
/* The control-block register (its own port) reads as alternate status and
   writes as device control, where 0 enables interrupts. */

#define STA_BSY 0x80
#define STA_DRDY 0x40
#define STA_DRQ 0x08
#define STA_ERR 0x01
#define DEV_LBA 0xe0              /* Device register: LBA mode, obsolete bits set. */
#define DEV_SLAVE 0x10

#define CMD_READ_SECTORS 0x20
#define CMD_WRITE_SECTORS 0x30
#define CMD_READ_MULTIPLE 0xc4
#define CMD_WRITE_MULTIPLE 0xc5
#define CMD_SET_MULTIPLE_MODE 0xc6
#define CMD_IDENTIFY 0xec
#define COMMAND_MAX_SECTORS 256   /* A sector count of 0 means 256. */

#define IDENTIFY_WORDS 256
#define ID_MODEL_WORD 27          /* 40 characters, byte-swapped pairs. */
#define ID_MODEL_CHARS 40
#define ID_MULTIPLE_WORD 47       /* Low byte: largest DRQ block for READ/WRITE
                                     MULTIPLE, in sectors; 0 if unsupported. */
#define ID_LBA28_SECTORS_WORD 60  /* Two words, low first. */

#define LBA28_LIMIT (1u << 28)
#define FAST_POLLS 1000           /* Status polls before we start sleeping between them. */
#define BUSY_TIMEOUT (5 * TIMER_FREQ)   /* Ticks a busy device gets before it is dead. */

struct channel
  {
    const char *name;
    uint16_t base;                /* Command-block ports. */
    uint16_t ctl;                 /* Device-control port. */
    uint8_t vec;                  /* Interrupt vector. */
    struct lock lock;             /* One command at a time. */
    struct semaphore done;        /* Upped by the interrupt handler. */
    bool expecting_interrupt;
    struct disk
      {
        char name[8];             /* "hd0:0" */
        struct channel *channel;
        int index;                /* 0 master, 1 slave. */
        bool present;
        size_t block_sectors;     /* Sectors per DRQ block (per interrupt). */
        uint8_t read_command;     /* READ MULTIPLE, or READ SECTORS if the disk */
        uint8_t write_command;    /* cannot; WRITE likewise. */
      } disks[DEVICES_PER_CHANNEL];
  };

static struct channel channels[CHANNEL_CNT] =
  {
    { .name = "hd0", .base = 0x1f0, .ctl = 0x3f6, .vec = INTR_EXTERNAL_FIRST + 14 },
    { .name = "hd1", .base = 0x170, .ctl = 0x376, .vec = INTR_EXTERNAL_FIRST + 15 },
  };

static void interrupt_handler (struct intr_frame *);

/* Reads SIZE bytes (a multiple of 4) from C's data port into BUF. 32-bit
   accesses halve the port operations of 16-bit ones, and under QEMU each
   operation, not each byte, is what costs. */
static void data_in (const struct channel *c, void *buf, size_t size)
{
  size_t dwords = size / 4;
  asm volatile ("rep insl" : "+D" (buf), "+c" (dwords) : "d" (c->base + REG_DATA)
                : "memory");
}

/* Writes SIZE bytes (a multiple of 4) from BUF to C's data port. */
static void data_out (const struct channel *c, const void *buf, size_t size)
{
  size_t dwords = size / 4;
  asm volatile ("rep outsl" : "+S" (buf), "+c" (dwords) : "d" (c->base + REG_DATA)
                : "memory");
}

static void read_sectors (void *disk, block_sector_t, size_t count, void *buf);
static void write_sectors (void *disk, block_sector_t, size_t count,
                           const void *buf);

static const struct block_operations ide_operations =
  { read_sectors, write_sectors, COMMAND_MAX_SECTORS };

/* The 400 ns a device may take to show a new status: four alternate-status reads. */
static void settle (const struct channel *c)
{
  int i;
  for (i = 0; i < 4; i++)
    inb (c->ctl);
}

/* Waits until BSY clears; false if it does not within BUSY_TIMEOUT (a dead
   device) or the bus floats (nothing attached). The wait is measured in timer
   ticks, not polls, so a slow or loaded host (where QEMU may finish a reset late)
   gets the same time as a fast one; after a few quick polls the caller sleeps
   between polls instead of spinning. */
static bool wait_not_busy (const struct channel *c)
{
  int64_t start = timer_ticks ();
  int polls;

  for (polls = 0; ; polls++)
    {
      uint8_t status = inb (c->ctl);
      if (status == 0xff)
        return false;
      if (!(status & STA_BSY))
        return true;
      if (timer_elapsed (start) > BUSY_TIMEOUT)
        return false;
      if (polls >= FAST_POLLS)
        timer_sleep (1);
    }
}

static void select_device (const struct disk *d, uint8_t lba_high_bits)
{
  const struct channel *c = d->channel;
  outb (c->base + REG_DEVICE, DEV_LBA | (d->index ? DEV_SLAVE : 0) | lba_high_bits);
  settle (c);
}

/* Sets D up for READ/WRITE MULTIPLE with the largest power-of-two block of at
   most MOST sectors (what IDENTIFY DEVICE reported), by polling like identify();
   falls back to one-sector READ/WRITE SECTORS if the disk cannot or refuses. */
static void choose_transfer_mode (struct disk *d, size_t most)
{
  struct channel *c = d->channel;
  size_t block = 1;

  d->block_sectors = 1;
  d->read_command = CMD_READ_SECTORS;
  d->write_command = CMD_WRITE_SECTORS;
  if (most == 0)
    return;
  while (block * 2 <= most)
    block *= 2;
  if (!wait_not_busy (c))
    return;
  select_device (d, 0);
  outb (c->base + REG_NSECT, block);
  outb (c->base + REG_COMMAND, CMD_SET_MULTIPLE_MODE);
  settle (c);
  if (!wait_not_busy (c) || (inb (c->base + REG_STATUS) & STA_ERR))
    return;
  d->block_sectors = block;
  d->read_command = CMD_READ_MULTIPLE;
  d->write_command = CMD_WRITE_MULTIPLE;
}

/* Issues IDENTIFY DEVICE to D by polling (interrupts are ignored while nobody
   expects one) and registers it as a block device if it is an ATA disk. */
static void identify (struct disk *d)
{
  struct channel *c = d->channel;
  uint16_t id[IDENTIFY_WORDS];
  char model[ID_MODEL_CHARS + 1];
  uint32_t sectors;
  int i;

  select_device (d, 0);
  if (inb (c->base + REG_STATUS) == 0 || !wait_not_busy (c))
    return;
  outb (c->base + REG_COMMAND, CMD_IDENTIFY);
  settle (c);
  if (inb (c->base + REG_STATUS) == 0 || !wait_not_busy (c))
    return;
  /* ATAPI devices abort IDENTIFY DEVICE and show a signature instead. */
  if (inb (c->base + REG_LBAM) != 0 || inb (c->base + REG_LBAH) != 0
      || (inb (c->base + REG_STATUS) & (STA_ERR | STA_DRQ)) != STA_DRQ)
    return;
  insw (c->base + REG_DATA, id, IDENTIFY_WORDS);

  for (i = 0; i < ID_MODEL_CHARS; i += 2)
    {
      model[i] = id[ID_MODEL_WORD + i / 2] >> 8;
      model[i + 1] = id[ID_MODEL_WORD + i / 2] & 0xff;
    }
  model[ID_MODEL_CHARS] = '\0';
  for (i = ID_MODEL_CHARS - 1; i >= 0 && model[i] == ' '; i--)
    model[i] = '\0';
  sectors = id[ID_LBA28_SECTORS_WORD] | (uint32_t) id[ID_LBA28_SECTORS_WORD + 1] << 16;
  if (sectors == 0)
    return;
  d->present = true;
  choose_transfer_mode (d, id[ID_MULTIPLE_WORD] & 0xff);
  printf ("%s: \"%s\", %u sectors (%u kB), %zu-sector blocks\n", d->name, model,
          sectors, sectors / (1024 / BLOCK_SECTOR_SIZE), d->block_sectors);
  block_register (d->name, sectors, &ide_operations, d);
}


/* Finds the disks on both channels and registers them. hd0:0 becomes the file
   system's disk and hd0:1 the swap disk unless set otherwise. */
void ide_init (void)
{
  struct channel *c;
  int i;

  for (c = channels; c < channels + CHANNEL_CNT; c++)
    {
      lock_init (&c->lock);
      sema_init (&c->done, 0);
      c->expecting_interrupt = false;
      intr_register_ext (c->vec, interrupt_handler, c->name);
      /* No software reset: the firmware leaves the channels reset and idle, and
         QEMU completes a reset asynchronously, so resetting here would race with
         the probe (a disk then reads as absent on a loaded host). */
      outb (c->ctl, 0);           /* nIEN clear: the disk may interrupt. */
      for (i = 0; i < DEVICES_PER_CHANNEL; i++)
        {
          struct disk *d = &c->disks[i];
          snprintf (d->name, sizeof d->name, "%s:%d", c->name, i);
          d->channel = c;
          d->index = i;
          identify (d);
        }
    }
  if (block_get_role (BLOCK_FILESYS) == NULL)
    block_set_role (BLOCK_FILESYS, block_get_by_name ("hd0:0"));
  if (block_get_role (BLOCK_SWAP) == NULL)
    block_set_role (BLOCK_SWAP, block_get_by_name ("hd0:1"));
}

/* Sets up the task-file registers for a command on COUNT sectors from FIRST and
   issues COMMAND, expecting an interrupt; the caller holds the channel lock. */
static void issue (struct disk *d, block_sector_t first, size_t count,
                   uint8_t command)
{
  struct channel *c = d->channel;

  ASSERT (count >= 1 && count <= COMMAND_MAX_SECTORS);
  ASSERT (first < LBA28_LIMIT && count <= LBA28_LIMIT - first);
  if (!wait_not_busy (c))
    PANIC ("%s: disk stays busy", d->name);
  select_device (d, (first >> 24) & 0x0f);
  outb (c->base + REG_NSECT, count % COMMAND_MAX_SECTORS);
  outb (c->base + REG_LBAL, first & 0xff);
  outb (c->base + REG_LBAM, (first >> 8) & 0xff);
  outb (c->base + REG_LBAH, (first >> 16) & 0xff);
  c->expecting_interrupt = true;
  outb (c->base + REG_COMMAND, command);
}

/* Panics if D reports an error; SECTOR and WHAT (the transfer) go in the
   message. Returns the status. */
static uint8_t check_error (struct disk *d, block_sector_t sector, const char *what)
{
  uint8_t status = inb (d->channel->ctl);
  if (status & STA_ERR)
    PANIC ("%s: %s of sector %u failed (error %02x)", d->name, what, sector,
           inb (d->channel->base + REG_ERROR));
  return status;
}

/* Panics unless D is ready to move the DRQ block at SECTOR: no error, data
   requested. */
static void check_data_ready (struct disk *d, block_sector_t sector,
                              const char *what)
{
  uint8_t status = check_error (d, sector, what);
  if (!(status & STA_DRQ))
    PANIC ("%s: %s of sector %u: disk asks for no data (status %02x)", d->name,
           what, sector, status);
}

/* block_operations.read: COUNT sectors from FIRST into BUF, one command. The disk
   interrupts when each DRQ block is ready; we sleep until it does, then copy the
   block out. No interrupt follows the last block. */
static void read_sectors (void *disk_, block_sector_t first, size_t count,
                          void *buf_)
{
  struct disk *d = disk_;
  struct channel *c = d->channel;
  uint8_t *buf = buf_;

  lock_acquire (&c->lock);
  issue (d, first, count, d->read_command);
  while (count > 0)
    {
      size_t n = count < d->block_sectors ? count : d->block_sectors;
      sema_down (&c->done);
      check_data_ready (d, first, "read");
      count -= n;
      /* The next block's interrupt may come as soon as this one is read. */
      c->expecting_interrupt = count > 0;
      data_in (c, buf, n * BLOCK_SECTOR_SIZE);
      buf += n * BLOCK_SECTOR_SIZE;
      first += n;
    }
  lock_release (&c->lock);
}

/* block_operations.write: COUNT sectors from BUF to FIRST, one command; returns
   once the disk has them. The disk asks for the first DRQ block without an
   interrupt and interrupts after taking each block, the last one included. */
static void write_sectors (void *disk_, block_sector_t first, size_t count,
                           const void *buf_)
{
  struct disk *d = disk_;
  struct channel *c = d->channel;
  const uint8_t *buf = buf_;

  lock_acquire (&c->lock);
  issue (d, first, count, d->write_command);
  if (!wait_not_busy (c))
    PANIC ("%s: disk stays busy", d->name);
  while (count > 0)
    {
      size_t n = count < d->block_sectors ? count : d->block_sectors;
      check_data_ready (d, first, "write");
      c->expecting_interrupt = true;
      data_out (c, buf, n * BLOCK_SECTOR_SIZE);
      sema_down (&c->done);
      count -= n;
      buf += n * BLOCK_SECTOR_SIZE;
      first += n;
    }
  check_error (d, first - 1, "write");
  lock_release (&c->lock);
}

static void interrupt_handler (struct intr_frame *f)
{
  struct channel *c;

  for (c = channels; c < channels + CHANNEL_CNT; c++)
    if (f->vec_no == c->vec)
      {
        inb (c->base + REG_STATUS);      /* Acknowledge. */
        if (c->expecting_interrupt)
          {
            c->expecting_interrupt = false;
            sema_up (&c->done);
          }
        return;
      }
}
