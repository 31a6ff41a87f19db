#ifndef FILESYS_LAYOUT_H
#define FILESYS_LAYOUT_H

/* Pure rules of the on-disk format that both the kernel and the host tool
   need.  No kernel or host dependencies: only <stdint.h>/<stdbool.h>. */

#include <stdint.h>
#include <stdbool.h>
#include "filesys/format.h"

/* Where the pointer to one data sector of a file lives. */
enum kfs_index_level
{
  KFS_LEVEL_DIRECT,   /* inode.direct[outer]. */
  KFS_LEVEL_INDIRECT, /* entry [outer] of the indirect block. */
  KFS_LEVEL_DOUBLE    /* entry [inner] of the index block at entry
                         [outer] of the doubly-indirect block. */
};

struct kfs_index_path
{
  enum kfs_index_level level;
  uint32_t outer;
  uint32_t inner; /* Used only by KFS_LEVEL_DOUBLE. */
};

/* Fills *PATH with where the pointer to data sector FILE_SECTOR (a byte
   offset divided by KFS_SECTOR_SIZE) of a file is kept.  Returns false,
   leaving *PATH alone, if FILE_SECTOR >= KFS_MAX_FILE_SECTORS. */
bool kfs_index_path_of (uint32_t file_sector, struct kfs_index_path *path);

/* Data sectors needed to hold BYTES bytes. */
uint32_t kfs_sectors_for_bytes (uint32_t bytes);

/* Index blocks (indirect, doubly-indirect and its children) a file with
   DATA_SECTORS data sectors owns.  DATA_SECTORS <= KFS_MAX_FILE_SECTORS. */
uint32_t kfs_index_sectors_for (uint32_t data_sectors);

/* Every sector a file of BYTES bytes owns besides its inode: data plus
   index blocks.  BYTES <= KFS_MAX_FILE_SIZE. */
uint32_t kfs_file_sectors_for (uint32_t bytes);

/* True if NAME (NUL-terminated) may name a file: 1..KFS_NAME_MAX
   characters, none of them '/'.  Longer names are refused, never cut.
   Reads at most KFS_NAME_MAX + 1 bytes of NAME. */
bool kfs_name_valid (const char *name);

/* True if ENTRY's name field is NUL-terminated inside the field and is a
   valid name.  Says nothing about in_use. */
bool kfs_dirent_name_valid (const struct kfs_dirent *entry);

/* Free-map sectors needed for a file system of SECTOR_COUNT sectors. */
uint32_t kfs_free_map_sectors_for (uint32_t sector_count);

/* Fills *SB with a fresh superblock for a file system of SECTOR_COUNT
   sectors.  Returns false if SECTOR_COUNT is outside
   [KFS_MIN_SECTORS, KFS_MAX_SECTORS]. */
bool kfs_superblock_init (struct kfs_superblock *sb, uint32_t sector_count);

/* Returns NULL if *SB is a sane superblock for a device of DEVICE_SECTORS
   sectors, otherwise a short description of the first problem found. */
const char *kfs_superblock_problem (const struct kfs_superblock *sb,
                                    uint32_t device_sectors);

/* Returns NULL if the header of *INODE (magic, kind, length) is sane,
   otherwise a short description of the problem.  Does not look at the
   sector pointers. */
const char *kfs_inode_problem (const struct kfs_inode *inode);

/* True if SECTOR may be handed out to a file under *SB: at or past
   data_start and below sector_count. */
bool kfs_sector_is_data (const struct kfs_superblock *sb, uint32_t sector);

/* Free-map bit operations on the map bytes MAP. */
bool kfs_map_test (const uint8_t *map, uint32_t sector);
void kfs_map_set (uint8_t *map, uint32_t sector, bool in_use);

#endif /* filesys/layout.h */
