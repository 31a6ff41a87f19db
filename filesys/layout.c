#include "filesys/layout.h"

/* Each function's contract is in layout.h.  Deliberately includes no C
   library header: the host tool, the host unit tests and the freestanding
   kernel all compile this file unchanged. */

#define INDIRECT_FIRST KFS_DIRECT_COUNT
#define DOUBLE_FIRST (KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR)

bool
kfs_index_path_of (uint32_t file_sector, struct kfs_index_path *path)
{
  if (file_sector >= KFS_MAX_FILE_SECTORS)
    return false;
  if (file_sector < INDIRECT_FIRST)
    {
      path->level = KFS_LEVEL_DIRECT;
      path->outer = file_sector;
      path->inner = 0;
    }
  else if (file_sector < DOUBLE_FIRST)
    {
      path->level = KFS_LEVEL_INDIRECT;
      path->outer = file_sector - INDIRECT_FIRST;
      path->inner = 0;
    }
  else
    {
      uint32_t rest = file_sector - DOUBLE_FIRST;
      path->level = KFS_LEVEL_DOUBLE;
      path->outer = rest / KFS_PTRS_PER_SECTOR;
      path->inner = rest % KFS_PTRS_PER_SECTOR;
    }
  return true;
}

uint32_t
kfs_sectors_for_bytes (uint32_t bytes)
{
  /* Written so that bytes near UINT32_MAX cannot overflow. */
  return bytes / KFS_SECTOR_SIZE + (bytes % KFS_SECTOR_SIZE != 0);
}

uint32_t
kfs_index_sectors_for (uint32_t data_sectors)
{
  uint32_t count = 0;
  if (data_sectors > INDIRECT_FIRST)
    count++; /* The indirect block. */
  if (data_sectors > DOUBLE_FIRST)
    {
      uint32_t in_double = data_sectors - DOUBLE_FIRST;
      count += 1 + (in_double + KFS_PTRS_PER_SECTOR - 1) / KFS_PTRS_PER_SECTOR;
    }
  return count;
}

uint32_t
kfs_file_sectors_for (uint32_t bytes)
{
  uint32_t data = kfs_sectors_for_bytes (bytes);
  return data + kfs_index_sectors_for (data);
}

bool
kfs_name_valid (const char *name)
{
  uint32_t length;
  if (name == 0)
    return false;
  for (length = 0; name[length] != '\0'; length++)
    if (length >= KFS_NAME_MAX || name[length] == '/')
      return false;
  return length > 0;
}

bool
kfs_dirent_name_valid (const struct kfs_dirent *entry)
{
  uint32_t i;
  for (i = 0; i < sizeof entry->name; i++)
    if (entry->name[i] == '\0')
      return kfs_name_valid (entry->name);
  return false;
}

uint32_t
kfs_free_map_sectors_for (uint32_t sector_count)
{
  return sector_count / KFS_BITS_PER_SECTOR
         + (sector_count % KFS_BITS_PER_SECTOR != 0);
}

bool
kfs_superblock_init (struct kfs_superblock *sb, uint32_t sector_count)
{
  uint32_t i;
  if (sector_count < KFS_MIN_SECTORS || sector_count > KFS_MAX_SECTORS)
    return false;
  for (i = 0; i < sizeof sb->unused; i++)
    sb->unused[i] = 0;
  sb->magic = KFS_MAGIC;
  sb->version = KFS_VERSION;
  sb->sector_count = sector_count;
  sb->free_map_start = KFS_FREE_MAP_SECTOR;
  sb->free_map_sectors = kfs_free_map_sectors_for (sector_count);
  sb->root_dir_sector = KFS_ROOT_DIR_SECTOR;
  sb->data_start = KFS_FREE_MAP_SECTOR + sb->free_map_sectors;
  return true;
}

const char *
kfs_superblock_problem (const struct kfs_superblock *sb, uint32_t device_sectors)
{
  if (sb->magic != KFS_MAGIC)
    return "bad magic number (not a Kestrel file system)";
  if (sb->version != KFS_VERSION)
    return "unsupported version";
  if (sb->sector_count < KFS_MIN_SECTORS || sb->sector_count > KFS_MAX_SECTORS)
    return "sector count out of range";
  if (sb->sector_count > device_sectors)
    return "file system is larger than its device";
  if (sb->free_map_start != KFS_FREE_MAP_SECTOR)
    return "free map is not where the format puts it";
  if (sb->free_map_sectors != kfs_free_map_sectors_for (sb->sector_count))
    return "free map size does not match sector count";
  if (sb->root_dir_sector != KFS_ROOT_DIR_SECTOR)
    return "root directory is not where the format puts it";
  if (sb->data_start != KFS_FREE_MAP_SECTOR + sb->free_map_sectors)
    return "data start does not follow the free map";
  if (sb->data_start >= sb->sector_count)
    return "no room for data";
  return 0;
}

const char *
kfs_inode_problem (const struct kfs_inode *inode)
{
  if (inode->magic != KFS_INODE_MAGIC)
    return "bad inode magic number";
  if (inode->kind != KFS_KIND_FILE && inode->kind != KFS_KIND_DIR)
    return "unknown inode kind";
  if (inode->length > KFS_MAX_FILE_SIZE)
    return "length exceeds the maximum file size";
  return 0;
}

bool
kfs_sector_is_data (const struct kfs_superblock *sb, uint32_t sector)
{
  return sector >= sb->data_start && sector < sb->sector_count;
}

bool
kfs_map_test (const uint8_t *map, uint32_t sector)
{
  return (map[sector / 8] >> (sector % 8)) & 1;
}

void
kfs_map_set (uint8_t *map, uint32_t sector, bool in_use)
{
  uint8_t bit = (uint8_t) (1u << (sector % 8));
  if (in_use)
    map[sector / 8] |= bit;
  else
    map[sector / 8] &= (uint8_t) ~bit;
}
