/* ATA (IDE) driver for the legacy channels QEMU's pc machine provides. Transfers
   are PIO with string port I/O, one sector per command, LBA28 addressing. A
   caller sleeps on a semaphore until the disk's interrupt says the command is
   done; nobody spins waiting for data. Each channel serves one command at a time
   under its lock. Register layout and commands: ATA/ATAPI-6, §7 and §8. */

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
#define CMD_IDENTIFY 0xec

#define IDENTIFY_WORDS 256
#define ID_MODEL_WORD 27          /* 40 characters, byte-swapped pairs. */
#define ID_MODEL_CHARS 40
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
      } disks[DEVICES_PER_CHANNEL];
  };

static struct channel channels[CHANNEL_CNT] =
  {
    { .name = "hd0", .base = 0x1f0, .ctl = 0x3f6, .vec = INTR_EXTERNAL_FIRST + 14 },
    { .name = "hd1", .base = 0x170, .ctl = 0x376, .vec = INTR_EXTERNAL_FIRST + 15 },
  };

static void interrupt_handler (struct intr_frame *);
static void read_sector (void *disk, block_sector_t, void *buf);
static void write_sector (void *disk, block_sector_t, const void *buf);

static const struct block_operations ide_operations = { read_sector, write_sector };

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
  printf ("%s: \"%s\", %u sectors (%u kB)\n", d->name, model, sectors,
          sectors / (1024 / BLOCK_SECTOR_SIZE));
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

/* Sets up the task-file registers for a one-sector command on SECTOR and issues
   COMMAND; the caller holds the channel lock. */
static void issue (struct disk *d, block_sector_t sector, uint8_t command)
{
  struct channel *c = d->channel;

  ASSERT (sector < LBA28_LIMIT);
  if (!wait_not_busy (c))
    PANIC ("%s: disk stays busy", d->name);
  select_device (d, (sector >> 24) & 0x0f);
  outb (c->base + REG_NSECT, 1);
  outb (c->base + REG_LBAL, sector & 0xff);
  outb (c->base + REG_LBAM, (sector >> 8) & 0xff);
  outb (c->base + REG_LBAH, (sector >> 16) & 0xff);
  c->expecting_interrupt = true;
  outb (c->base + REG_COMMAND, command);
}

static void check_error (struct disk *d, block_sector_t sector, const char *what)
{
  uint8_t status = inb (d->channel->ctl);
  if (status & STA_ERR)
    PANIC ("%s: %s of sector %u failed (error %02x)", d->name, what, sector,
           inb (d->channel->base + REG_ERROR));
}

/* block_operations.read: one sector into BUF; sleeps until the disk has it. */
static void read_sector (void *disk_, block_sector_t sector, void *buf)
{
  struct disk *d = disk_;
  struct channel *c = d->channel;

  lock_acquire (&c->lock);
  issue (d, sector, CMD_READ_SECTORS);
  sema_down (&c->done);
  check_error (d, sector, "read");
  insw (c->base + REG_DATA, buf, BLOCK_SECTOR_SIZE / 2);
  lock_release (&c->lock);
}

/* block_operations.write: one sector from BUF; returns once the disk has it. */
static void write_sector (void *disk_, block_sector_t sector, const void *buf)
{
  struct disk *d = disk_;
  struct channel *c = d->channel;

  lock_acquire (&c->lock);
  issue (d, sector, CMD_WRITE_SECTORS);
  if (!wait_not_busy (c))
    PANIC ("%s: disk stays busy", d->name);
  outsw (c->base + REG_DATA, buf, BLOCK_SECTOR_SIZE / 2);
  sema_down (&c->done);
  check_error (d, sector, "write");
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
