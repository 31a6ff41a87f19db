/* Host tests for filesys/layout.c: offset-to-pointer mapping at every
   boundary, sizes, name rules, superblock and inode validation. */

#include <stdio.h>
#include <string.h>
#include "filesys/layout.h"

#include "tests/unit/check.h"

/* True if FILE_SECTOR maps to LEVEL/OUTER/INNER. */
static bool
path_is (uint32_t file_sector, enum kfs_index_level level, uint32_t outer,
         uint32_t inner)
{
  struct kfs_index_path path;
  return kfs_index_path_of (file_sector, &path) && path.level == level
         && path.outer == outer && path.inner == inner;
}

static void
test_index_paths (void)
{
  const uint32_t first_double = KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR;
  struct kfs_index_path path = { KFS_LEVEL_DIRECT, 7, 7 };

  CHECK (path_is (0, KFS_LEVEL_DIRECT, 0, 0));
  CHECK (path_is (KFS_DIRECT_COUNT - 1, KFS_LEVEL_DIRECT, KFS_DIRECT_COUNT - 1, 0));
  CHECK (path_is (KFS_DIRECT_COUNT, KFS_LEVEL_INDIRECT, 0, 0));
  CHECK (path_is (first_double - 1, KFS_LEVEL_INDIRECT, KFS_PTRS_PER_SECTOR - 1, 0));
  CHECK (path_is (first_double, KFS_LEVEL_DOUBLE, 0, 0));
  CHECK (path_is (first_double + KFS_PTRS_PER_SECTOR - 1, KFS_LEVEL_DOUBLE, 0,
                  KFS_PTRS_PER_SECTOR - 1));
  CHECK (path_is (first_double + KFS_PTRS_PER_SECTOR, KFS_LEVEL_DOUBLE, 1, 0));
  CHECK (path_is (KFS_MAX_FILE_SECTORS - 1, KFS_LEVEL_DOUBLE,
                  KFS_PTRS_PER_SECTOR - 1, KFS_PTRS_PER_SECTOR - 1));
  CHECK (!kfs_index_path_of (KFS_MAX_FILE_SECTORS, &path));
  CHECK (!kfs_index_path_of (UINT32_MAX, &path));
  CHECK (path.outer == 7); /* Untouched on failure. */

  /* Byte offsets map through offset / sector size. */
  CHECK (path_is ((KFS_DIRECT_COUNT * KFS_SECTOR_SIZE - 1) / KFS_SECTOR_SIZE,
                  KFS_LEVEL_DIRECT, KFS_DIRECT_COUNT - 1, 0));
  CHECK (path_is ((KFS_MAX_FILE_SIZE - 1) / KFS_SECTOR_SIZE, KFS_LEVEL_DOUBLE,
                  KFS_PTRS_PER_SECTOR - 1, KFS_PTRS_PER_SECTOR - 1));
}

static void
test_sizes (void)
{
  const uint32_t first_double = KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR;

  CHECK (KFS_MAX_FILE_SIZE >= 8u * 1024 * 1024);
  CHECK (kfs_sectors_for_bytes (0) == 0);
  CHECK (kfs_sectors_for_bytes (1) == 1);
  CHECK (kfs_sectors_for_bytes (KFS_SECTOR_SIZE) == 1);
  CHECK (kfs_sectors_for_bytes (KFS_SECTOR_SIZE + 1) == 2);
  CHECK (kfs_sectors_for_bytes (UINT32_MAX) == (UINT32_MAX / 512) + 1);

  CHECK (kfs_index_sectors_for (0) == 0);
  CHECK (kfs_index_sectors_for (KFS_DIRECT_COUNT) == 0);
  CHECK (kfs_index_sectors_for (KFS_DIRECT_COUNT + 1) == 1);
  CHECK (kfs_index_sectors_for (first_double) == 1);
  CHECK (kfs_index_sectors_for (first_double + 1) == 3);
  CHECK (kfs_index_sectors_for (first_double + KFS_PTRS_PER_SECTOR) == 3);
  CHECK (kfs_index_sectors_for (first_double + KFS_PTRS_PER_SECTOR + 1) == 4);
  CHECK (kfs_index_sectors_for (KFS_MAX_FILE_SECTORS) == 2 + KFS_PTRS_PER_SECTOR);

  CHECK (kfs_file_sectors_for (0) == 0);
  CHECK (kfs_file_sectors_for (1) == 1);
  CHECK (kfs_file_sectors_for (KFS_DIRECT_COUNT * KFS_SECTOR_SIZE + 1)
         == KFS_DIRECT_COUNT + 2);
  CHECK (kfs_file_sectors_for (KFS_MAX_FILE_SIZE)
         == KFS_MAX_FILE_SECTORS + 2 + KFS_PTRS_PER_SECTOR);
}

static void
test_names (void)
{
  char long_name[600];
  char unterminated[KFS_NAME_MAX + 1];
  struct kfs_dirent entry;

  memset (long_name, 'n', sizeof long_name - 1);
  long_name[sizeof long_name - 1] = '\0';
  memset (unterminated, 'u', sizeof unterminated);

  CHECK (kfs_name_valid ("a"));
  CHECK (kfs_name_valid ("12345678901234"));
  CHECK (kfs_name_valid ("with space.txt"));
  CHECK (!kfs_name_valid ("123456789012345"));
  CHECK (!kfs_name_valid (""));
  CHECK (!kfs_name_valid (NULL));
  CHECK (!kfs_name_valid ("a/b"));
  CHECK (!kfs_name_valid ("/"));
  CHECK (!kfs_name_valid ("abc/"));
  CHECK (!kfs_name_valid (long_name));
  /* Must stop reading after KFS_NAME_MAX + 1 bytes (ASan watches). */
  CHECK (!kfs_name_valid (unterminated));

  memset (&entry, 0, sizeof entry);
  CHECK (!kfs_dirent_name_valid (&entry));
  strcpy (entry.name, "hello");
  CHECK (kfs_dirent_name_valid (&entry));
  memset (entry.name, 'x', sizeof entry.name);
  CHECK (!kfs_dirent_name_valid (&entry));
  memcpy (entry.name, "a/b", 4);
  CHECK (!kfs_dirent_name_valid (&entry));
}

static void
test_superblock (void)
{
  struct kfs_superblock sb, bad;

  CHECK (!kfs_superblock_init (&sb, KFS_MIN_SECTORS - 1));
  CHECK (!kfs_superblock_init (&sb, KFS_MAX_SECTORS + 1));
  CHECK (kfs_superblock_init (&sb, KFS_MAX_SECTORS));
  CHECK (sb.free_map_sectors == KFS_MAX_SECTORS / KFS_BITS_PER_SECTOR);
  CHECK (kfs_superblock_init (&sb, KFS_BITS_PER_SECTOR + 1));
  CHECK (sb.free_map_sectors == 2);
  CHECK (sb.data_start == KFS_FREE_MAP_SECTOR + 2);

  CHECK (kfs_superblock_init (&sb, 4096));
  CHECK (sb.magic == KFS_MAGIC && sb.version == KFS_VERSION);
  CHECK (sb.free_map_sectors == 1 && sb.data_start == 3);
  CHECK (sb.root_dir_sector == KFS_ROOT_DIR_SECTOR);
  CHECK (kfs_superblock_problem (&sb, 4096) == NULL);
  CHECK (kfs_superblock_problem (&sb, 8192) == NULL);
  CHECK (kfs_superblock_problem (&sb, 4095) != NULL);

  bad = sb;
  bad.magic ^= 1;
  CHECK (kfs_superblock_problem (&bad, 4096) != NULL);
  bad = sb;
  bad.version = 2;
  CHECK (kfs_superblock_problem (&bad, 4096) != NULL);
  bad = sb;
  bad.sector_count = 8;
  CHECK (kfs_superblock_problem (&bad, 4096) != NULL);
  bad = sb;
  bad.sector_count = UINT32_MAX;
  CHECK (kfs_superblock_problem (&bad, UINT32_MAX) != NULL);
  bad = sb;
  bad.free_map_sectors = 2;
  CHECK (kfs_superblock_problem (&bad, 4096) != NULL);
  bad = sb;
  bad.data_start = 2;
  CHECK (kfs_superblock_problem (&bad, 4096) != NULL);
  bad = sb;
  bad.root_dir_sector = 5;
  CHECK (kfs_superblock_problem (&bad, 4096) != NULL);
  bad = sb;
  bad.free_map_start = 3;
  CHECK (kfs_superblock_problem (&bad, 4096) != NULL);

  CHECK (!kfs_sector_is_data (&sb, 0));
  CHECK (!kfs_sector_is_data (&sb, sb.data_start - 1));
  CHECK (kfs_sector_is_data (&sb, sb.data_start));
  CHECK (kfs_sector_is_data (&sb, 4095));
  CHECK (!kfs_sector_is_data (&sb, 4096));
}

static void
test_inode_and_map (void)
{
  struct kfs_inode inode;
  uint8_t map[4] = { 0, 0, 0, 0 };

  memset (&inode, 0, sizeof inode);
  CHECK (kfs_inode_problem (&inode) != NULL);
  inode.magic = KFS_INODE_MAGIC;
  CHECK (kfs_inode_problem (&inode) != NULL); /* Kind 0. */
  inode.kind = KFS_KIND_FILE;
  CHECK (kfs_inode_problem (&inode) == NULL);
  inode.kind = KFS_KIND_DIR;
  CHECK (kfs_inode_problem (&inode) == NULL);
  inode.length = KFS_MAX_FILE_SIZE;
  CHECK (kfs_inode_problem (&inode) == NULL);
  inode.length = KFS_MAX_FILE_SIZE + 1;
  CHECK (kfs_inode_problem (&inode) != NULL);

  kfs_map_set (map, 0, true);
  kfs_map_set (map, 9, true);
  kfs_map_set (map, 31, true);
  CHECK (map[0] == 0x01 && map[1] == 0x02 && map[3] == 0x80);
  CHECK (kfs_map_test (map, 9) && !kfs_map_test (map, 8));
  kfs_map_set (map, 9, false);
  CHECK (!kfs_map_test (map, 9) && map[1] == 0);
  CHECK (kfs_map_test (map, 31));
}

int
main (void)
{
  test_index_paths ();
  test_sizes ();
  test_names ();
  test_superblock ();
  test_inode_and_map ();
  return check_summary ("fs-layout");
}
