#ifndef DEVICES_BLOCK_H
#define DEVICES_BLOCK_H

/* Block devices: disks addressed in 512-byte sectors. A driver registers each
   device it finds; the rest of the kernel asks for a device by the role it plays
   (the file system's disk, the swap disk). */

#include <abi.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define BLOCK_SECTOR_SIZE 512
/* Sectors in a page of memory (a swap slot, one of a gather list's pieces). */
#define BLOCK_PAGE_SECTORS (PGSIZE / BLOCK_SECTOR_SIZE)
typedef uint32_t block_sector_t;

enum block_role
{
  BLOCK_FILESYS, /* Holds the file system. */
  BLOCK_SWAP,    /* Swap space. */
  BLOCK_SCRATCH, /* Anything else. */
  BLOCK_ROLE_CNT
};

struct block;

/* What a driver provides for one device. Each call moves COUNT consecutive
   sectors starting at FIRST (1 <= COUNT <= MAX_SECTORS, the range already checked
   against the device) as one device command, and may sleep; returns false if the
   device failed it (the driver says why on the diagnostic stream). */
struct block_operations
{
  bool (*read) (void *aux, block_sector_t first, size_t count, void *buf);
  bool (*write) (void *aux, block_sector_t first, size_t count, const void *buf);
  /* The same for PAGE_CNT pages' worth of sectors from FIRST, the memory being
     page-aligned kernel pages anywhere (a scatter/gather list); may be NULL
     (the block layer then moves a page a command). */
  bool (*read_pages) (void *aux, block_sector_t first, size_t page_cnt,
                      void *const pages[]);
  bool (*write_pages) (void *aux, block_sector_t first, size_t page_cnt,
                       void *const pages[]);
  size_t max_sectors; /* Most sectors one command moves. */
  /* Puts how the device moves data (e.g. "DMA") in BUF (SIZE bytes), for
     the statistics; may be NULL. */
  void (*describe) (void *aux, char *buf, size_t size);
};

struct block *block_get_role (enum block_role);
void block_set_role (enum block_role, struct block *);
void block_default_roles (void);
struct block *block_get_by_name (const char *name);

bool block_read (struct block *, block_sector_t, void *);
bool block_write (struct block *, block_sector_t, const void *);
bool block_read_sectors (struct block *, block_sector_t first, size_t count, void *);
bool block_write_sectors (struct block *, block_sector_t first, size_t count,
                          const void *);
bool block_read_pages (struct block *, block_sector_t first, size_t page_cnt,
                       void *const pages[]);
bool block_write_pages (struct block *, block_sector_t first, size_t page_cnt,
                        void *const pages[]);
block_sector_t block_size (struct block *);
const char *block_name (struct block *);

struct block *block_register (const char *name, block_sector_t size,
                              const struct block_operations *, void *aux);

#endif /* devices/block.h */
