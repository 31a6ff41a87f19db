#ifndef FILESYS_FORMAT_H
#define FILESYS_FORMAT_H

/* The whole on-disk format of the Kestrel file system (KFS), in one place.
   Shared unchanged by the kernel and the host tool utils/kfs.c, so it may
   include only <stdint.h>, <stdbool.h>, <assert.h> and lib/abi.h.  All integers are
   little-endian (both sides run on x86).  See filesys/README.md for the picture. */

#include <assert.h>
#include <stdint.h>
#include <stdbool.h>
#include "lib/abi.h"

/* Identity. */
#define KFS_MAGIC 0x3153464bu /* "KFS1" read as bytes. */
#define KFS_VERSION 1u
#define KFS_INODE_MAGIC 0x646f6e69u /* "inod" read as bytes. */

/* Geometry. */
#define KFS_SECTOR_SIZE 512u
#define KFS_BITS_PER_SECTOR (KFS_SECTOR_SIZE * 8u) /* Free-map bits. */
#define KFS_PTRS_PER_SECTOR (KFS_SECTOR_SIZE / 4u) /* In an index block. */

/* Sectors of the fixed structures.  The free map starts right after the root
   directory's inode and is as long as the disk needs; data follows it. */
#define KFS_SUPERBLOCK_SECTOR 0u
#define KFS_ROOT_DIR_SECTOR 1u
#define KFS_FREE_MAP_SECTOR 2u

/* A file system must hold at least this many sectors (the fixed structures
   plus a little room), and at most this many (keeps the in-memory free map
   of a corrupt or absurd superblock bounded: 2^24 sectors = 8 GB). */
#define KFS_MIN_SECTORS 16u
#define KFS_MAX_SECTORS (1u << 24)

/* Sector 0. */
struct kfs_superblock
{
  uint32_t magic;            /* KFS_MAGIC. */
  uint32_t version;          /* KFS_VERSION. */
  uint32_t sector_count;     /* Sectors that belong to the file system. */
  uint32_t free_map_start;   /* KFS_FREE_MAP_SECTOR. */
  uint32_t free_map_sectors; /* ceil(sector_count / KFS_BITS_PER_SECTOR). */
  uint32_t root_dir_sector;  /* KFS_ROOT_DIR_SECTOR. */
  uint32_t data_start;       /* First allocatable sector. */
  uint8_t unused[KFS_SECTOR_SIZE - 7 * 4]; /* Zero. */
};

/* Free map: bit N (bit N % 8 of byte N / 8, counting from the first map
   sector) is 1 when sector N is in use.  The superblock, the root inode and
   the map itself are always marked; bits past sector_count are 0. */

/* Inode: one sector.  A sector pointer of 0 means "none" (sector 0 is the
   superblock, never data).  Every sector covering bytes [0, length) is
   allocated; pointers past the length are 0.  So a file's blocks are
   direct[0..], then the indirect block's 128 entries, then the 128 index
   blocks listed by the doubly-indirect block, 128 entries each. */
#define KFS_DIRECT_COUNT 122u
#define KFS_MAX_FILE_SECTORS              \
  (KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR \
   + KFS_PTRS_PER_SECTOR * KFS_PTRS_PER_SECTOR)
#define KFS_MAX_FILE_SIZE (KFS_MAX_FILE_SECTORS * KFS_SECTOR_SIZE) /* 8,516,608 */

enum kfs_inode_kind
{
  KFS_KIND_FILE = 1,
  KFS_KIND_DIR = 2
};

struct kfs_inode
{
  uint32_t magic;  /* KFS_INODE_MAGIC. */
  uint32_t kind;   /* enum kfs_inode_kind. */
  uint32_t length; /* Bytes; at most KFS_MAX_FILE_SIZE. */
  uint32_t unused; /* Zero. */
  uint32_t direct[KFS_DIRECT_COUNT];
  uint32_t indirect;        /* Index block of data sectors. */
  uint32_t double_indirect; /* Index block of index blocks. */
};

/* Directory: the root directory is a file (kind KFS_KIND_DIR) whose contents
   are an array of these entries; a free slot has in_use == 0. */
#define KFS_NAME_MAX FILE_NAME_MAX /* lib/abi.h: the ABI's READDIR_MAX_LEN. */

struct kfs_dirent
{
  uint32_t inode_sector;       /* The file's inode. */
  uint8_t in_use;              /* 1 if this slot holds a file, else 0. */
  char name[KFS_NAME_MAX + 1]; /* NUL-terminated, 1..14 chars. */
  uint8_t unused[12];          /* Zero; pads the entry to 32 bytes. */
};

static_assert (sizeof (struct kfs_superblock) == KFS_SECTOR_SIZE,
               "superblock must fill one sector");
static_assert (sizeof (struct kfs_inode) == KFS_SECTOR_SIZE,
               "inode must fill one sector");
static_assert (sizeof (struct kfs_dirent) == 32, "directory entry must be 32 bytes");
static_assert (KFS_SECTOR_SIZE % sizeof (struct kfs_dirent) == 0,
               "directory entries must not straddle sectors");
static_assert (KFS_MAX_FILE_SIZE <= 0x7fffffffu,
               "file sizes must fit in a signed 32-bit off_t");

#endif /* filesys/format.h */
