/* ATA (IDE) driver for the legacy channels QEMU's pc machine provides, with
   LBA28 addressing; one command moves up to 256 consecutive sectors. Transfers
   are bus-master DMA when the PCI IDE function (PIIX3/PIIX4, 00:01.1 on QEMU's
   i440FX) masters the bus for us: the driver lists the buffer's physical
   memory in the channel's PRD table, issues READ/WRITE DMA and sleeps until the
   one interrupt at the end. Otherwise, and under the -pio option, they are PIO
   with 32-bit string port I/O, one DRQ block per interrupt: reads by READ
   MULTIPLE with the largest block the disk allows (SET MULTIPLE MODE at probe
   time), else READ SECTORS; writes by WRITE SECTORS, whose DRQ block is one
   sector on every disk (some, v86's among them, take a WRITE MULTIPLE's blocks
   after the first one sector at a time, so a driver that sends whole blocks
   gets ahead of the disk and hangs). A disk whose DMA fails
   (at the boot-time probe or later) goes on by PIO. A command the disk itself
   refuses (a bad sector: the status's ERR bit with the controller idle) is tried
   TRANSFER_TRIES times, then the caller is told (the block layer returns false)
   and what the disk said goes to the diagnostic stream; nothing here panics for a
   device's error. A caller sleeps on a
   semaphore until the disk's interrupt; nobody spins waiting for data. Each
   channel serves one command at a time under its lock. Register layout and
   commands: ATA/ATAPI-6, §7 and §8; the PIO data-in and data-out protocols:
   §9.5 and §9.6, the DMA protocol §9.10; the bus-master registers and PRD
   format: Intel 82371AB (PIIX4) datasheet, §5.2 and §9.4. */

#include "devices/ide.h"
#include <assert.h>
#include <debug.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include "devices/block.h"
#include "devices/console.h"
#include "devices/pci.h"
#include "devices/timer.h"
#include "threads/interrupt.h"
#include "threads/io.h"
#include "threads/palloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"

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
#define REG_STATUS 7 /* Reading it acknowledges the interrupt. */
#define REG_COMMAND 7
/* The control-block register (its own port) reads as alternate status and
   writes as device control, where 0 enables interrupts. */

/* Device control: software reset of both devices. */
#define CTL_SRST 0x04

#define STA_BSY 0x80
#define STA_DRDY 0x40
#define STA_DF 0x20 /* Device fault. */
#define STA_DRQ 0x08
#define STA_ERR 0x01
/* Device register: LBA mode, obsolete bits set. */
#define DEV_LBA 0xe0
#define DEV_SLAVE 0x10

#define CMD_READ_SECTORS 0x20
#define CMD_WRITE_SECTORS 0x30
#define CMD_READ_MULTIPLE 0xc4
#define CMD_SET_MULTIPLE_MODE 0xc6
#define CMD_READ_DMA 0xc8
#define CMD_WRITE_DMA 0xca
#define CMD_IDENTIFY 0xec
#define COMMAND_MAX_SECTORS 256 /* A sector count of 0 means 256. */

#define IDENTIFY_WORDS 256
#define ID_MODEL_WORD 27 /* 40 characters, byte-swapped pairs. */
#define ID_MODEL_CHARS 40
/* What says a disk does DMA (ATA/ATAPI-6, 8.15): word 49 bit 8; the multiword
   DMA modes it supports, word 63 bits 2:0; its Ultra DMA modes, word 88 bits
   6:0, valid when word 53 bit 2 is set. A disk may report its modes without
   bit 8 (v86's does), so any of them counts. */
#define ID_CAPABILITIES_WORD 49
#define ID_CAP_DMA 0x0100
#define ID_VALID_WORD 53
#define ID_VALID_WORD_88 0x0004
#define ID_MULTIWORD_DMA_WORD 63
#define ID_MULTIWORD_DMA_MODES 0x0007
#define ID_ULTRA_DMA_WORD 88
#define ID_ULTRA_DMA_MODES 0x007f
/* Low byte: largest DRQ block for READ/WRITE MULTIPLE, in sectors; 0 if
   unsupported. */
#define ID_MULTIPLE_WORD 47
#define ID_LBA28_SECTORS_WORD 60 /* Two words, low first. */

#define LBA28_LIMIT (1u << 28)
/* Status polls before we start sleeping between them. */
#define FAST_POLLS 1000
/* Ticks a busy device gets before it is dead. */
#define BUSY_TIMEOUT (5 * TIMER_FREQ)
/* Times a command the disk refused (a media error, say) is tried in all before
   its caller is told it failed; a one-time error is survived. */
#define TRANSFER_TRIES 2

/* The PCI IDE function: mass storage (class 1), IDE (subclass 1). In its
   programming interface, bit 7 says it can master the bus and bits 0 and 2
   put the channels in native mode (ports from BARs 0-3, not the legacy ones
   this driver uses). BAR4 holds the bus-master ports, 8 per channel. */
#define PCI_CLASS_STORAGE 0x01
#define PCI_SUBCLASS_IDE 0x01
#define PROG_IF_BUS_MASTER 0x80
#define PROG_IF_NATIVE 0x05
#define PCI_REG_BUS_MASTER_BAR (PCI_REG_BAR0 + 4 * 4)
#define BM_PORTS_PER_CHANNEL 8

/* Bus-master registers, as offsets from the channel's bus-master base. */
#define BM_COMMAND 0
#define BM_STATUS 2
#define BM_PRDT 4 /* Physical address of the PRD table. */
#define BM_CMD_START 0x01
/* Direction: the controller writes memory (a disk read). */
#define BM_CMD_TO_MEMORY 0x08
#define BM_STA_ACTIVE 0x01    /* Still transferring (or PRDs left over). */
#define BM_STA_ERROR 0x02     /* Write 1 to clear. */
#define BM_STA_INTERRUPT 0x04 /* The disk interrupted; write 1 to clear. */

/* A physical region descriptor: one piece of the buffer, which may not cross a
   64 kB boundary; a byte count of 0 means 64 kB. The last has PRD_END set. */
struct prd
{
  uint32_t address;
  uint16_t byte_count;
  uint16_t flags;
};
#define PRD_END 0x8000
#define PRD_BOUNDARY 0x10000
/* Enough for the largest command on any buffer (one more than the boundaries
   it can cross), and on a gather list of pages (one each: an aligned page
   crosses no boundary), rounded to a power of two so that a table aligned to
   its size crosses no 64 kB boundary either. */
#define PRDT_ENTRIES 32
#define PRDT_BYTES (PRDT_ENTRIES * 8)
/* Buffers start on a dword for the controller. */
#define DMA_ALIGN 4

struct channel
{
  const char *name;
  uint16_t base;         /* Command-block ports. */
  uint16_t ctl;          /* Device-control port. */
  uint8_t vec;           /* Interrupt vector. */
  uint16_t bus_master;   /* Bus-master ports, or 0: PIO only. */
  struct lock lock;      /* One command at a time. */
  struct semaphore done; /* Upped by the interrupt handler, or the watchdog. */
  bool expecting_interrupt;
  int64_t deadline; /* The tick by which the expected interrupt must come. */
  bool timed_out;   /* The watchdog gave up on it. */
  struct prd prdt[PRDT_ENTRIES] __attribute__ ((aligned (PRDT_BYTES)));
  struct disk
  {
    char name[8]; /* "hd0:0" */
    struct channel *channel;
    int index; /* 0 master, 1 slave. */
    bool present;
    size_t multiple_most; /* Largest DRQ block IDENTIFY reported. */
    size_t block_sectors; /* Sectors per DRQ block of a read. */
    uint8_t read_command; /* READ MULTIPLE, or READ SECTORS if the disk cannot. */
    bool dma;             /* Transfers go by DMA when the buffer allows. */
    const char *no_dma;   /* Why not, if not. */
    unsigned long long dma_commands, pio_commands;
    unsigned long long failed_commands; /* Given up on after TRANSFER_TRIES. */
    uint8_t status, error;              /* Of the last command that failed. */
  } disks[DEVICES_PER_CHANNEL];
};

static struct channel channels[CHANNEL_CNT] = {
  { .name = "hd0", .base = 0x1f0, .ctl = 0x3f6, .vec = INTR_EXTERNAL_FIRST + 14 },
  { .name = "hd1", .base = 0x170, .ctl = 0x376, .vec = INTR_EXTERNAL_FIRST + 15 },
};

static_assert (sizeof (struct prd) * PRDT_ENTRIES == PRDT_BYTES, "a PRD is 8 bytes");
static_assert (PRDT_ENTRIES > COMMAND_MAX_SECTORS * BLOCK_SECTOR_SIZE / PRD_BOUNDARY,
               "the PRD table holds the largest command");
static_assert (PRDT_ENTRIES >= COMMAND_MAX_SECTORS / BLOCK_PAGE_SECTORS,
               "the PRD table holds the largest command on a list of pages");

/* Set by -pio: every transfer goes by PIO, and no disk is set up for DMA. */
bool ide_force_pio;

static void interrupt_handler (struct intr_frame *);

/* Reads SIZE bytes (a multiple of 4) from C's data port into BUF. 32-bit
   accesses halve the port operations of 16-bit ones, and under QEMU each
   operation, not each byte, is what costs. */
static void
data_in (const struct channel *c, void *buf, size_t size)
{
  size_t dwords = size / 4;
  asm volatile("rep insl"
               : "+D"(buf), "+c"(dwords)
               : "d"(c->base + REG_DATA)
               : "memory");
}

/* Writes SIZE bytes (a multiple of 4) from BUF to C's data port. */
static void
data_out (const struct channel *c, const void *buf, size_t size)
{
  size_t dwords = size / 4;
  asm volatile("rep outsl"
               : "+S"(buf), "+c"(dwords)
               : "d"(c->base + REG_DATA)
               : "memory");
}

/* Where a transfer's sectors are in memory: one run of bytes, or whole pages of
   BLOCK_PAGE_SECTORS sectors each (a gather list: swap's clustered writes). */
struct memory
{
  uint8_t *run;       /* The run, or NULL. */
  void *const *pages; /* Else the pages, in the order of the sectors. */
};

/* The kernel address of the I-th sector of the transfer into or out of M. */
static uint8_t *
sector_at (const struct memory *m, size_t i)
{
  if (m->run != NULL)
    return m->run + i * BLOCK_SECTOR_SIZE;
  return (uint8_t *) m->pages[i / BLOCK_PAGE_SECTORS]
         + i % BLOCK_PAGE_SECTORS * BLOCK_SECTOR_SIZE;
}

static bool read_sectors (void *disk, block_sector_t, size_t count, void *buf);
static bool write_sectors (void *disk, block_sector_t, size_t count,
                           const void *buf);
static bool read_pages (void *disk, block_sector_t, size_t page_cnt,
                        void *const pages[]);
static bool write_pages (void *disk, block_sector_t, size_t page_cnt,
                         void *const pages[]);

static void describe (void *disk, char *buf, size_t size);

static const struct block_operations ide_operations = {
  .read = read_sectors,
  .write = write_sectors,
  .read_pages = read_pages,
  .write_pages = write_pages,
  .max_sectors = COMMAND_MAX_SECTORS,
  .describe = describe,
};

/* The 400 ns a device may take to show a new status: four alternate-status reads. */
static void
settle (const struct channel *c)
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
static bool
wait_not_busy (const struct channel *c)
{
  int64_t start = timer_ticks ();
  int polls;

  for (polls = 0;; polls++)
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

static void
select_device (const struct disk *d, uint8_t lba_high_bits)
{
  const struct channel *c = d->channel;
  outb (c->base + REG_DEVICE, DEV_LBA | (d->index ? DEV_SLAVE : 0) | lba_high_bits);
  settle (c);
}

/* Sets D up for READ MULTIPLE with the largest power-of-two block of at most
   D->multiple_most sectors (what IDENTIFY DEVICE reported), by polling like
   identify(); falls back to one-sector READ SECTORS if the disk cannot or
   refuses. */
static void
choose_transfer_mode (struct disk *d)
{
  struct channel *c = d->channel;
  size_t block = 1;

  d->block_sectors = 1;
  d->read_command = CMD_READ_SECTORS;
  if (d->multiple_most == 0)
    return;
  while (block * 2 <= d->multiple_most)
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
}

/* From now on C waits for an interrupt, due within BUSY_TIMEOUT: any stale one
   (a disk that aborted a command at once, unasked) is forgotten first. Call
   before the port write that makes the disk interrupt. */
static void
expect_interrupt (struct channel *c)
{
  enum intr_level old = intr_disable ();

  while (sema_try_down (&c->done))
    continue;
  c->timed_out = false;
  c->deadline = timer_ticks () + BUSY_TIMEOUT;
  c->expecting_interrupt = true;
  intr_set_level (old);
}

/* Waits for the interrupt C expects; false if the watchdog gave up on it (the
   disk never answered: the caller resets the channel). */
static bool
wait_interrupt (struct channel *c)
{
  sema_down (&c->done);
  return !c->timed_out;
}

/* The timer's watcher: an interrupt a channel has waited for past its deadline
   is not coming; wakes the waiter, saying so. */
static void
watchdog (int64_t now)
{
  struct channel *c;

  for (c = channels; c < channels + CHANNEL_CNT; c++)
    if (c->expecting_interrupt && now >= c->deadline)
      {
        c->expecting_interrupt = false;
        c->timed_out = true;
        sema_up (&c->done);
      }
}

/* Sets up the task-file registers for a command on COUNT sectors from FIRST and
   issues COMMAND, expecting an interrupt if EXPECT (PIO's WRITE SECTORS asks for
   its first sector without one); the caller holds the channel lock. False,
   issuing nothing, if the channel stays busy. */
static bool
issue (struct disk *d, block_sector_t first, size_t count, uint8_t command,
       bool expect)
{
  struct channel *c = d->channel;

  ASSERT (count >= 1 && count <= COMMAND_MAX_SECTORS);
  ASSERT (first < LBA28_LIMIT && count <= LBA28_LIMIT - first);
  if (!wait_not_busy (c))
    return false;
  select_device (d, (first >> 24) & 0x0f);
  outb (c->base + REG_NSECT, count % COMMAND_MAX_SECTORS);
  outb (c->base + REG_LBAL, first & 0xff);
  outb (c->base + REG_LBAM, (first >> 8) & 0xff);
  outb (c->base + REG_LBAH, (first >> 16) & 0xff);
  if (expect)
    expect_interrupt (c);
  outb (c->base + REG_COMMAND, command);
  return true;
}

/* True unless D reports an error (or a device fault) now; else keeps the status
   and error registers for the report. */
static bool
device_ok (struct disk *d)
{
  uint8_t status = inb (d->channel->ctl);

  if (!(status & (STA_ERR | STA_DF)))
    return true;
  d->status = status;
  d->error = inb (d->channel->base + REG_ERROR);
  return false;
}

/* True if D is ready to move a DRQ block: no error, data requested. */
static bool
data_ready (struct disk *d)
{
  if (!device_ok (d))
    return false;
  d->status = inb (d->channel->ctl);
  d->error = 0;
  return (d->status & STA_DRQ) != 0;
}

/* COUNT sectors from FIRST on D into BUF by PIO, one command; the caller holds
   the channel lock. The disk interrupts when each DRQ block is ready; we sleep
   until it does, then copy the block out. No interrupt follows the last block.
   False if the disk refused the command or stopped with an error (it then ends
   the command: no more interrupts come). */
static bool
pio_read (struct disk *d, block_sector_t first, size_t count, const struct memory *m)
{
  struct channel *c = d->channel;
  size_t done = 0, i;

  if (!issue (d, first, count, d->read_command, true))
    return false;
  while (count > 0)
    {
      size_t n = count < d->block_sectors ? count : d->block_sectors;
      if (!wait_interrupt (c) || !data_ready (d))
        return false;
      count -= n;
      /* The next block's interrupt may come as soon as this one is read. */
      if (count > 0)
        expect_interrupt (c);
      if (m->run != NULL)
        data_in (c, sector_at (m, done), n * BLOCK_SECTOR_SIZE);
      else
        for (i = 0; i < n; i++)
          data_in (c, sector_at (m, done + i), BLOCK_SECTOR_SIZE);
      done += n;
    }
  return true;
}

/* COUNT sectors from BUF to FIRST on D by PIO, one WRITE SECTORS command;
   returns once the disk has them; the caller holds the channel lock. The disk
   asks for the first sector without an interrupt and interrupts after taking
   each one, the last one included: one sector goes per DRQ. False if the disk
   refused the command or stopped with an error. */
static bool
pio_write (struct disk *d, block_sector_t first, size_t count,
           const struct memory *m)
{
  struct channel *c = d->channel;
  size_t done = 0;

  if (!issue (d, first, count, CMD_WRITE_SECTORS, false) || !wait_not_busy (c))
    return false;
  while (count > 0)
    {
      if (!data_ready (d))
        return false;
      expect_interrupt (c);
      data_out (c, sector_at (m, done++), BLOCK_SECTOR_SIZE);
      if (!wait_interrupt (c))
        return false;
      count--;
    }
  return device_ok (d);
}

/* Lists the SIZE bytes at BUF in C's PRD table from descriptor P on, one
   descriptor per piece that stays between two 64 kB boundaries; returns the
   descriptor after the last. BUF's pages lie one after another in physical
   memory, as everything in the kernel's direct map does. */
static struct prd *
fill_prds (struct channel *c, struct prd *p, const void *buf, size_t size)
{
  uintptr_t address = vtop (buf);

  ASSERT (size > 0);
  for (; size > 0; p++)
    {
      size_t piece = PRD_BOUNDARY - address % PRD_BOUNDARY;
      if (piece > size)
        piece = size;
      ASSERT (p < c->prdt + PRDT_ENTRIES);
      p->address = address;
      p->byte_count = piece % PRD_BOUNDARY;
      p->flags = 0;
      address += piece;
      size -= piece;
    }
  return p;
}

/* Lists COUNT sectors of M in C's PRD table: the run, or each page. */
static void
fill_prdt (struct channel *c, const struct memory *m, size_t count)
{
  struct prd *end;
  size_t i;

  if (m->run != NULL)
    end = fill_prds (c, c->prdt, m->run, count * BLOCK_SECTOR_SIZE);
  else
    for (end = c->prdt, i = 0; i * BLOCK_PAGE_SECTORS < count; i++)
      end = fill_prds (c, end, m->pages[i], PGSIZE);
  end[-1].flags = PRD_END;
}

/* Starts a DMA transfer of COUNT sectors between FIRST on D and BUF (WRITE:
   from BUF to the disk), expecting the one interrupt at its end; the caller
   holds the channel lock. The order is the controller's: the table and the
   direction, the status cleared, the disk's command, then start. False,
   starting nothing, if the channel stays busy. */
static bool
dma_start (struct disk *d, block_sector_t first, size_t count,
           const struct memory *m, bool write)
{
  struct channel *c = d->channel;
  uint16_t bm = c->bus_master;
  uint8_t direction = write ? 0 : BM_CMD_TO_MEMORY;

  fill_prdt (c, m, count);
  /* The table (and a buffer to write) must be in memory before the controller
     reads them: no store may move past the port writes. */
  barrier ();
  outl (bm + BM_PRDT, vtop (c->prdt));
  outb (bm + BM_COMMAND, direction);
  outb (bm + BM_STATUS, inb (bm + BM_STATUS) | BM_STA_ERROR | BM_STA_INTERRUPT);
  if (!issue (d, first, count, write ? CMD_WRITE_DMA : CMD_READ_DMA, true))
    return false;
  outb (bm + BM_COMMAND, direction | BM_CMD_START);
  return true;
}

/* How a DMA transfer ended. */
enum dma_result
{
  DMA_DONE,         /* All of it moved. */
  DMA_DEVICE_ERROR, /* The disk refused it (a media error, say): DMA works. */
  DMA_BROKEN        /* The controller or the disk did not finish it. */
};

/* Ends the DMA transfer on D's channel once its interrupt came (or never
   will): stops the controller and says how the transfer went. A disk that
   reports an error with the controller idle refused the command; any other
   failure is DMA's, and D goes on by PIO, why going to the diagnostic stream
   (while a program runs the console carries only its output); WHAT and FIRST
   name the transfer. */
static enum dma_result
dma_finish (struct disk *d, const char *what, block_sector_t first)
{
  struct channel *c = d->channel;
  uint16_t bm = c->bus_master;
  uint8_t bm_status, status;

  outb (bm + BM_COMMAND, inb (bm + BM_COMMAND) & ~BM_CMD_START);
  bm_status = inb (bm + BM_STATUS);
  outb (bm + BM_STATUS, bm_status | BM_STA_ERROR | BM_STA_INTERRUPT);
  status = inb (c->ctl);
  /* Nobody may read the buffer before the controller is done with it. */
  barrier ();
  if (!(bm_status & (BM_STA_ACTIVE | BM_STA_ERROR))
      && !(status & (STA_BSY | STA_DRQ | STA_DF | STA_ERR)))
    return DMA_DONE;
  if (!(bm_status & (BM_STA_ACTIVE | BM_STA_ERROR))
      && !(status & (STA_BSY | STA_DRQ)) && !device_ok (d))
    return DMA_DEVICE_ERROR;
  d->dma = false;
  d->no_dma = "DMA failed";
  diag_printf ("%s: DMA %s at sector %u failed (status %02x, bus master %02x): "
               "PIO from now on\n",
               d->name, what, first, status, bm_status);
  return DMA_BROKEN;
}

/* Moves COUNT sectors between FIRST on D and BUF by DMA (WRITE: to the disk);
   the caller holds the channel lock. DMA_BROKEN if DMA failed (D then uses PIO
   from now on, and the caller repeats the transfer by PIO), or the channel
   stayed busy. */
static enum dma_result
dma_transfer (struct disk *d, block_sector_t first, size_t count,
              const struct memory *m, bool write)
{
  if (!dma_start (d, first, count, m, write))
    return DMA_BROKEN;
  wait_interrupt (
      d->channel); /* Without it, dma_finish finds the transfer unended. */
  return dma_finish (d, write ? "write" : "read", first);
}

/* Resets both devices on C (after a DMA transfer that never ended, which
   leaves the disk busy) and sets the ones found so far up again. */
static void
reset_channel (struct channel *c)
{
  int i;

  outb (c->ctl, CTL_SRST);
  timer_msleep (1);
  outb (c->ctl, 0);
  timer_msleep (2);
  for (i = 0; i < DEVICES_PER_CHANNEL; i++)
    if (c->disks[i].present)
      choose_transfer_mode (&c->disks[i]);
}

/* Decides whether D, which says it can do DMA, transfers by DMA: a DMA read of
   sector 0 must end in time without error and agree with a PIO read of it.
   Runs at boot, before anyone else uses the channel. */
static void
probe_dma (struct disk *d)
{
  struct channel *c = d->channel;
  uint8_t *page = palloc_get_page (0);
  uint8_t *by_dma = page, *by_pio = page + BLOCK_SECTOR_SIZE;
  bool interrupted;

  d->dma = false;
  d->no_dma = "no memory to probe DMA";
  if (page == NULL)
    return;
  memset (by_dma, 0xa5, BLOCK_SECTOR_SIZE);
  d->dma = true;
  lock_acquire (&c->lock);
  interrupted = dma_start (d, 0, 1, &(struct memory){ .run = by_dma }, false)
                && wait_interrupt (c);
  if (dma_finish (d, "probe read", 0) != DMA_DONE)
    {
      d->dma = false;
      d->no_dma = "DMA failed at probe";
    }
  else
    {
      if (!pio_read (d, 0, 1, &(struct memory){ .run = by_pio })
          || memcmp (by_dma, by_pio, BLOCK_SECTOR_SIZE))
        {
          d->dma = false;
          d->no_dma = "DMA read differs from PIO";
        }
    }
  if (!interrupted)
    reset_channel (c);
  lock_release (&c->lock);
  palloc_free_page (page);
}

/* True if the IDENTIFY DEVICE words ID say the disk does some kind of DMA. */
static bool
reports_dma (const uint16_t *id)
{
  return (id[ID_CAPABILITIES_WORD] & ID_CAP_DMA)
         || (id[ID_MULTIWORD_DMA_WORD] & ID_MULTIWORD_DMA_MODES)
         || ((id[ID_VALID_WORD] & ID_VALID_WORD_88)
             && (id[ID_ULTRA_DMA_WORD] & ID_ULTRA_DMA_MODES));
}

/* Issues IDENTIFY DEVICE to D by polling (interrupts are ignored while nobody
   expects one) and registers it as a block device if it is an ATA disk. */
static void
identify (struct disk *d)
{
  struct channel *c = d->channel;
  uint16_t id[IDENTIFY_WORDS];
  char model[ID_MODEL_CHARS + 1];
  char mode[64];
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
  sectors
      = id[ID_LBA28_SECTORS_WORD] | (uint32_t) id[ID_LBA28_SECTORS_WORD + 1] << 16;
  if (sectors == 0)
    return;
  d->present = true;
  d->multiple_most = id[ID_MULTIPLE_WORD] & 0xff;
  choose_transfer_mode (d);
  if (ide_force_pio)
    d->no_dma = "-pio";
  else if (c->bus_master == 0)
    d->no_dma = "no bus-master IDE controller";
  else if (!reports_dma (id))
    d->no_dma = "the disk has no DMA";
  else
    probe_dma (d);
  describe (d, mode, sizeof mode);
  printf ("%s: \"%s\", %u sectors (%u kB), %zu-sector blocks, %s\n", d->name, model,
          sectors, sectors / (1024 / BLOCK_SECTOR_SIZE), d->block_sectors, mode);
  block_register (d->name, sectors, &ide_operations, d);
}

/* Finds the PCI IDE function, lets it master the bus, and gives each channel
   its bus-master ports. Without one, or if it does not serve the legacy ports
   this driver uses, the channels keep 0: PIO only. */
static void
find_bus_master (void)
{
  struct pci_function f;
  uint8_t prog_if;
  uint32_t bar;
  uint16_t command;
  int i;

  if (!pci_find_class (PCI_CLASS_STORAGE, PCI_SUBCLASS_IDE, &f, &prog_if)
      || !(prog_if & PROG_IF_BUS_MASTER) || (prog_if & PROG_IF_NATIVE))
    return;
  bar = pci_read_config (&f, PCI_REG_BUS_MASTER_BAR);
  if (!(bar & PCI_BAR_IO) || (bar & PCI_BAR_IO_MASK) == 0)
    return;
  command = pci_read_config (&f, PCI_REG_COMMAND) & 0xffff;
  pci_write_config16 (&f, PCI_REG_COMMAND,
                      command | PCI_COMMAND_IO | PCI_COMMAND_BUS_MASTER);
  for (i = 0; i < CHANNEL_CNT; i++)
    channels[i].bus_master = (bar & PCI_BAR_IO_MASK) + i * BM_PORTS_PER_CHANNEL;
}

/* Finds the disks on both channels and registers them, in the order hd0:0,
   hd0:1, hd1:0, hd1:1 (block_default_roles() gives them their roles). */
void
ide_init (void)
{
  struct channel *c;
  int i;

  if (!ide_force_pio)
    find_bus_master ();
  timer_watch (watchdog);
  for (c = channels; c < channels + CHANNEL_CNT; c++)
    {
      lock_init (&c->lock);
      sema_init (&c->done, 0);
      c->expecting_interrupt = false;
      intr_register_ext (c->vec, interrupt_handler, c->name);
      /* No software reset: the firmware leaves the channels reset and idle, and
         QEMU completes a reset asynchronously, so resetting here would race with
         the probe (a disk then reads as absent on a loaded host). */
      outb (c->ctl, 0); /* nIEN clear: the disk may interrupt. */
      for (i = 0; i < DEVICES_PER_CHANNEL; i++)
        {
          struct disk *d = &c->disks[i];
          snprintf (d->name, sizeof d->name, "%s:%d", c->name, i);
          d->channel = c;
          d->index = i;
          identify (d);
        }
    }
}

/* True if a transfer between D and BUF goes by DMA: D does DMA, -pio (or a
   benchmark) does not forbid it, and BUF is a dword-aligned kernel address,
   whose physical address the direct map gives. */
static bool
use_dma (const struct disk *d, const struct memory *m)
{
  const void *buf = m->run != NULL ? m->run : m->pages[0];

  return d->dma && !ide_force_pio && is_kernel_vaddr (buf)
         && (uintptr_t) buf % DMA_ALIGN == 0;
}

/* Moves COUNT sectors between FIRST on D and BUF (WRITE: to the disk) as one
   command, by DMA if it can and by PIO if not or if DMA fails; the caller holds
   the channel lock. False if the disk refused it or the channel stayed busy. */
static bool
transfer_once (struct disk *d, block_sector_t first, size_t count,
               const struct memory *m, bool write)
{
  bool ok;

  if (use_dma (d, m))
    switch (dma_transfer (d, first, count, m, write))
      {
      case DMA_DONE:
        d->dma_commands++;
        return true;
      case DMA_DEVICE_ERROR:
        return false;
      case DMA_BROKEN:
        break;
      }
  d->status = d->error = 0;
  ok = write ? pio_write (d, first, count, m) : pio_read (d, first, count, m);
  d->pio_commands++;
  return ok;
}

/* Moves COUNT sectors between FIRST on D and BUF (WRITE: to the disk) as one
   command (tried up to TRANSFER_TRIES times); returns once done. BUF is const
   to serve both ways; a read's is the caller's to fill. False if the disk
   failed it every time: then what it said goes to the diagnostic stream, and
   a read's BUF holds nothing certain. */
static bool
transfer (struct disk *d, block_sector_t first, size_t count, const struct memory *m,
          bool write)
{
  struct channel *c = d->channel;
  const char *what = write ? "write" : "read";
  int tries;
  bool ok = false;

  lock_acquire (&c->lock);
  for (tries = 1; tries <= TRANSFER_TRIES && !ok; tries++)
    {
      ok = transfer_once (d, first, count, m, write);
      if (!ok && (d->status & STA_BSY || !wait_not_busy (c)))
        reset_channel (c);
      if (!ok)
        diag_printf ("%s: %s of sectors %u-%u failed (status %02x, error %02x)%s\n",
                     d->name, what, first, first + count - 1, d->status, d->error,
                     tries < TRANSFER_TRIES ? ": trying again" : "");
    }
  if (!ok)
    d->failed_commands++;
  lock_release (&c->lock);
  return ok;
}

/* block_operations.read: COUNT sectors from FIRST into BUF, one command. */
static bool
read_sectors (void *disk, block_sector_t first, size_t count, void *buf)
{
  return transfer (disk, first, count, &(struct memory){ .run = buf }, false);
}

/* block_operations.read_pages: PAGE_CNT pages' sectors from FIRST into PAGES,
   one command. */
static bool
read_pages (void *disk, block_sector_t first, size_t page_cnt, void *const pages[])
{
  return transfer (disk, first, page_cnt * BLOCK_PAGE_SECTORS,
                   &(struct memory){ .pages = pages }, false);
}

/* block_operations.write_pages: PAGE_CNT pages' sectors from PAGES to FIRST, one
   command; returns once the disk has them. */
static bool
write_pages (void *disk, block_sector_t first, size_t page_cnt, void *const pages[])
{
  return transfer (disk, first, page_cnt * BLOCK_PAGE_SECTORS,
                   &(struct memory){ .pages = pages }, true);
}

/* block_operations.write: COUNT sectors from BUF to FIRST, one command; returns
   once the disk has them. */
static bool
write_sectors (void *disk, block_sector_t first, size_t count, const void *buf)
{
  return transfer (disk, first, count, &(struct memory){ .run = (void *) buf },
                   true);
}

/* block_operations.describe: how D's transfers went (before any, how they
   will go): "DMA", "PIO: WHY NOT DMA", or both with their commands; then how
   many commands failed for good, if any did. */
static void
describe (void *disk_, char *buf, size_t size)
{
  struct disk *d = disk_;

  if (d->dma_commands > 0 && d->pio_commands > 0)
    snprintf (buf, size, "DMA for %llu commands, PIO for %llu%s%s", d->dma_commands,
              d->pio_commands, d->dma ? "" : ": ", d->dma ? "" : d->no_dma);
  else if (d->dma_commands > 0 || (d->dma && d->pio_commands == 0))
    snprintf (buf, size, "DMA");
  else if (d->dma)
    snprintf (buf, size, "PIO");
  else
    snprintf (buf, size, "PIO: %s", d->no_dma);
  if (d->failed_commands > 0)
    {
      size_t used = strlen (buf);
      snprintf (buf + used, size - used, "; %llu failed", d->failed_commands);
    }
}

/* True if the disk called NAME ("hd0:1") transfers by DMA: it has a bus-master
   controller, -pio was not given, and DMA has not failed on it. */
bool
ide_uses_dma (const char *name)
{
  struct channel *c;
  int i;

  for (c = channels; c < channels + CHANNEL_CNT; c++)
    for (i = 0; i < DEVICES_PER_CHANNEL; i++)
      if (c->disks[i].present && !strcmp (c->disks[i].name, name))
        return c->disks[i].dma;
  return false;
}

static void
interrupt_handler (struct intr_frame *f)
{
  struct channel *c;

  for (c = channels; c < channels + CHANNEL_CNT; c++)
    if (f->vec_no == c->vec)
      {
        inb (c->base + REG_STATUS); /* Acknowledge. */
        if (c->expecting_interrupt)
          {
            c->expecting_interrupt = false;
            sema_up (&c->done);
          }
        return;
      }
}
