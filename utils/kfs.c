/* kfs: make, fill, read and check Kestrel file-system images on the host.

   Usage: kfs mkfs IMAGE SIZE_MB [HOSTFILE NAME]... | put IMAGE HOSTFILE NAME |
          get IMAGE NAME HOSTFILE | ls IMAGE | rm IMAGE NAME | check IMAGE |
          sector IMAGE NAME OFFSET (the disk sector holding that byte)

   The on-disk format comes from filesys/format.h and filesys/layout.c,
   shared with the kernel.  The tool keeps the free map in memory and
   writes it back once an operation has succeeded; it checks free space
   before changing anything so a full disk leaves the image untouched.

   Build: gcc -std=gnu11 -O1 -g -Wall -Wextra -Werror -I . utils/kfs.c
          filesys/layout.c -o build/utils/kfs
   tests/unit/fs-tool.c includes this file with KFS_NO_MAIN defined and
   drives kfs_main() directly. */

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "filesys/format.h"
#include "filesys/layout.h"

/* The tool's operations, also driven directly by tests/unit/fs-tool.c. */
int kfs_mkfs (const char *path, uint32_t size_mb);
int kfs_put (const char *path, const char *host, const char *name);
int kfs_get (const char *path, const char *name, const char *host);
int kfs_ls (const char *path);
int kfs_rm (const char *path, const char *name);
int kfs_check (const char *path);
int kfs_sector (const char *path, const char *name, uint32_t offset);
int kfs_main (int argc, char **argv);

/* Exit statuses. */
enum
{
  KFS_EXIT_OK = 0,      /* Success; for check: clean. */
  KFS_EXIT_FAIL = 1,    /* Operation failed; for check: problems. */
  KFS_EXIT_UNUSABLE = 2 /* Bad usage; for check: not a usable FS. */
};

/* Where normal output and error messages go; NULL means stdout/stderr.
   The unit test points them at temporary files. */
FILE *kfs_out_stream;
FILE *kfs_err_stream;

#define DOUBLE_FIRST (KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR)
#define INDEX_NONE UINT32_MAX /* File index of an index block. */
#define MAX_REPORTED 200      /* check prints at most this many lines. */

static FILE *
out (void)
{
  return kfs_out_stream != NULL ? kfs_out_stream : stdout;
}

static FILE *
err (void)
{
  return kfs_err_stream != NULL ? kfs_err_stream : stderr;
}

static void __attribute__ ((format (printf, 1, 2))) error (const char *format, ...)
{
  va_list args;
  fputs ("kfs: ", err ());
  va_start (args, format);
  vfprintf (err (), format, args);
  va_end (args);
  fputc ('\n', err ());
}

/* ---------------------------------------------------------------- */
/* Images: sector I/O and the free map. */

struct image
{
  FILE *file;
  const char *path;
  uint32_t device_sectors; /* Whole sectors in the file. */
  struct kfs_superblock sb;
  uint8_t *map; /* sb.free_map_sectors sectors. */
};

static bool
sector_read (struct image *img, uint32_t sector, void *buffer)
{
  if (sector >= img->device_sectors
      || fseeko (img->file, (off_t) sector * KFS_SECTOR_SIZE, SEEK_SET) != 0
      || fread (buffer, KFS_SECTOR_SIZE, 1, img->file) != 1)
    {
      error ("%s: cannot read sector %u", img->path, sector);
      return false;
    }
  return true;
}

static bool
sector_write (struct image *img, uint32_t sector, const void *buffer)
{
  if (sector >= img->device_sectors
      || fseeko (img->file, (off_t) sector * KFS_SECTOR_SIZE, SEEK_SET) != 0
      || fwrite (buffer, KFS_SECTOR_SIZE, 1, img->file) != 1)
    {
      error ("%s: cannot write sector %u", img->path, sector);
      return false;
    }
  return true;
}

/* Opens PATH and reads its superblock and free map.  Returns KFS_EXIT_OK
   or, with a message, KFS_EXIT_UNUSABLE. */
static int
image_open (struct image *img, const char *path, bool writable)
{
  const char *problem;
  uint32_t i;
  off_t size;

  memset (img, 0, sizeof *img);
  img->path = path;
  img->file = fopen (path, writable ? "r+b" : "rb");
  if (img->file == NULL)
    {
      error ("%s: %s", path, strerror (errno));
      return KFS_EXIT_UNUSABLE;
    }
  if (fseeko (img->file, 0, SEEK_END) != 0 || (size = ftello (img->file)) < 0)
    {
      error ("%s: cannot find its size", path);
      return KFS_EXIT_UNUSABLE;
    }
  img->device_sectors = size / KFS_SECTOR_SIZE > UINT32_MAX
                            ? UINT32_MAX
                            : (uint32_t) (size / KFS_SECTOR_SIZE);
  if (!sector_read (img, KFS_SUPERBLOCK_SECTOR, &img->sb))
    return KFS_EXIT_UNUSABLE;
  problem = kfs_superblock_problem (&img->sb, img->device_sectors);
  if (problem != NULL)
    {
      error ("%s: bad superblock: %s", path, problem);
      return KFS_EXIT_UNUSABLE;
    }
  img->map = calloc (img->sb.free_map_sectors, KFS_SECTOR_SIZE);
  if (img->map == NULL)
    {
      error ("out of memory");
      return KFS_EXIT_UNUSABLE;
    }
  for (i = 0; i < img->sb.free_map_sectors; i++)
    if (!sector_read (img, img->sb.free_map_start + i,
                      img->map + i * KFS_SECTOR_SIZE))
      return KFS_EXIT_UNUSABLE;
  return KFS_EXIT_OK;
}

/* Closes IMG.  Returns false if buffered writes could not be flushed. */
static bool
image_close (struct image *img)
{
  bool ok = true;
  if (img->file != NULL && fclose (img->file) != 0)
    {
      error ("%s: %s", img->path, strerror (errno));
      ok = false;
    }
  free (img->map);
  img->file = NULL;
  img->map = NULL;
  return ok;
}

static bool
map_store (struct image *img)
{
  uint32_t i;
  for (i = 0; i < img->sb.free_map_sectors; i++)
    if (!sector_write (img, img->sb.free_map_start + i,
                       img->map + i * KFS_SECTOR_SIZE))
      return false;
  return true;
}

static uint32_t
map_free_count (const struct image *img)
{
  uint32_t sector, count = 0;
  for (sector = img->sb.data_start; sector < img->sb.sector_count; sector++)
    count += !kfs_map_test (img->map, sector);
  return count;
}

/* Takes the lowest free data sector.  Callers check space first, so
   running out is reported as an error. */
static bool
sector_alloc (struct image *img, uint32_t *sector)
{
  uint32_t s;
  for (s = img->sb.data_start; s < img->sb.sector_count; s++)
    if (!kfs_map_test (img->map, s))
      {
        kfs_map_set (img->map, s, true);
        *sector = s;
        return true;
      }
  error ("%s: disk full", img->path);
  return false;
}

/* ---------------------------------------------------------------- */
/* Walking a file's sectors, with every pointer checked. */

/* Called for each sector a file owns: INDEX is the file sector number of
   a data sector, INDEX_NONE for an index block. */
typedef void visit_fn (struct image *img, void *aux, uint32_t sector,
                       uint32_t index);

struct walk
{
  struct image *img;
  const char *who; /* How problems name the file. */
  FILE *report;    /* Where problems go. */
  int problems;
  visit_fn *visit;
  void *aux;
};

static void __attribute__ ((format (printf, 2, 3)))
walk_problem (struct walk *w, const char *format, ...)
{
  va_list args;
  if (w->problems++ >= MAX_REPORTED)
    return;
  fprintf (w->report, "%s: ", w->who);
  va_start (args, format);
  vfprintf (w->report, format, args);
  va_end (args);
  fputc ('\n', w->report);
}

/* Checks pointer VALUE named WHAT (index SLOT) that the file's length
   does (NEEDED) or does not need.  True if it should be followed. */
static bool
walk_pointer (struct walk *w, uint32_t value, bool needed, const char *what,
              uint32_t slot)
{
  if (value == 0)
    {
      if (needed)
        walk_problem (w, "%s %u is missing but the length covers it", what, slot);
      return false;
    }
  if (!needed)
    {
      walk_problem (w, "%s %u is set (sector %u) past the end of the file", what,
                    slot, value);
      return false;
    }
  if (!kfs_sector_is_data (&w->img->sb, value))
    {
      walk_problem (w, "%s %u points outside the data area (sector %u)", what, slot,
                    value);
      return false;
    }
  return true;
}

/* Walks the COUNT entries of index block BLOCK that hold data sectors
   FIRST_INDEX.., the file having DATA_SECTORS data sectors. */
static void
walk_leaf (struct walk *w, uint32_t block, uint32_t first_index,
           uint32_t data_sectors)
{
  uint32_t entries[KFS_PTRS_PER_SECTOR];
  uint32_t slot;

  w->visit (w->img, w->aux, block, INDEX_NONE);
  if (!sector_read (w->img, block, entries))
    {
      walk_problem (w, "index block %u is unreadable", block);
      return;
    }
  for (slot = 0; slot < KFS_PTRS_PER_SECTOR; slot++)
    {
      uint32_t index = first_index + slot;
      if (walk_pointer (w, entries[slot], index < data_sectors, "index entry",
                        index))
        w->visit (w->img, w->aux, entries[slot], index);
    }
}

/* Visits, through W, every sector INODE owns and reports each bad
   pointer.  Returns the number of problems. */
static int
walk_inode (struct walk *w, const struct kfs_inode *inode)
{
  uint32_t data_sectors = kfs_sectors_for_bytes (inode->length);
  uint32_t top[KFS_PTRS_PER_SECTOR];
  uint32_t i;

  for (i = 0; i < KFS_DIRECT_COUNT; i++)
    if (walk_pointer (w, inode->direct[i], i < data_sectors, "direct", i))
      w->visit (w->img, w->aux, inode->direct[i], i);
  if (walk_pointer (w, inode->indirect, data_sectors > KFS_DIRECT_COUNT,
                    "indirect block", 0))
    walk_leaf (w, inode->indirect, KFS_DIRECT_COUNT, data_sectors);
  if (!walk_pointer (w, inode->double_indirect, data_sectors > DOUBLE_FIRST,
                     "doubly-indirect block", 0))
    return w->problems;
  w->visit (w->img, w->aux, inode->double_indirect, INDEX_NONE);
  if (!sector_read (w->img, inode->double_indirect, top))
    {
      walk_problem (w, "doubly-indirect block is unreadable");
      return w->problems;
    }
  for (i = 0; i < KFS_PTRS_PER_SECTOR; i++)
    {
      uint32_t first = DOUBLE_FIRST + i * KFS_PTRS_PER_SECTOR;
      if (walk_pointer (w, top[i], first < data_sectors, "second-level block", i))
        walk_leaf (w, top[i], first, data_sectors);
    }
  return w->problems;
}

static void
visit_nothing (struct image *img, void *aux, uint32_t sector, uint32_t index)
{
  (void) img, (void) aux, (void) sector, (void) index;
}

static void
visit_free (struct image *img, void *aux, uint32_t sector, uint32_t index)
{
  (void) aux, (void) index;
  kfs_map_set (img->map, sector, false);
}

/* Copies data sectors into the buffer AUX (the file's whole length,
   rounded up to sectors). */
static void
visit_copy (struct image *img, void *aux, uint32_t sector, uint32_t index)
{
  if (index != INDEX_NONE)
    sector_read (img, sector, (uint8_t *) aux + index * KFS_SECTOR_SIZE);
}

/* Walks INODE (named WHO) with VISIT, reporting to the error stream.
   Returns true if the file is intact. */
static bool
inode_walk_quiet (struct image *img, const struct kfs_inode *inode, const char *who,
                  visit_fn *visit, void *aux)
{
  struct walk w = { img, who, err (), 0, visit, aux };
  if (walk_inode (&w, inode) == 0)
    return true;
  error ("%s: '%s' is damaged; run kfs check", img->path, who);
  return false;
}

/* Reads the whole contents of INODE into a new buffer *DATA, padded with
   zeros to whole sectors.  False if the file is damaged. */
static bool
inode_read_all (struct image *img, const struct kfs_inode *inode, const char *who,
                uint8_t **data)
{
  *data = calloc (kfs_sectors_for_bytes (inode->length) + 1, KFS_SECTOR_SIZE);
  if (*data == NULL)
    {
      error ("out of memory");
      return false;
    }
  if (inode_walk_quiet (img, inode, who, visit_copy, *data))
    return true;
  free (*data);
  *data = NULL;
  return false;
}

/* Fills fresh INODE (all pointers 0) with LENGTH bytes of DATA, allocating
   data and index sectors.  The caller has checked there is room. */
static bool
inode_fill (struct image *img, struct kfs_inode *inode, const uint8_t *data,
            uint32_t length)
{
  static uint32_t indirect[KFS_PTRS_PER_SECTOR];
  static uint32_t top[KFS_PTRS_PER_SECTOR];
  static uint32_t leaves[KFS_PTRS_PER_SECTOR][KFS_PTRS_PER_SECTOR];
  uint32_t data_sectors = kfs_sectors_for_bytes (length);
  uint8_t buffer[KFS_SECTOR_SIZE];
  uint32_t index;

  memset (indirect, 0, sizeof indirect);
  memset (top, 0, sizeof top);
  memset (leaves, 0, sizeof leaves);
  inode->length = length;
  for (index = 0; index < data_sectors; index++)
    {
      struct kfs_index_path path;
      uint32_t chunk = length - index * KFS_SECTOR_SIZE;
      uint32_t *slot;

      if (!kfs_index_path_of (index, &path))
        return false;
      slot = path.level == KFS_LEVEL_DIRECT     ? &inode->direct[path.outer]
             : path.level == KFS_LEVEL_INDIRECT ? &indirect[path.outer]
                                                : &leaves[path.outer][path.inner];
      memset (buffer, 0, sizeof buffer);
      memcpy (buffer, data + index * KFS_SECTOR_SIZE,
              chunk < KFS_SECTOR_SIZE ? chunk : KFS_SECTOR_SIZE);
      if (!sector_alloc (img, slot) || !sector_write (img, *slot, buffer))
        return false;
    }
  if (data_sectors > KFS_DIRECT_COUNT
      && (!sector_alloc (img, &inode->indirect)
          || !sector_write (img, inode->indirect, indirect)))
    return false;
  if (data_sectors <= DOUBLE_FIRST)
    return true;
  for (index = 0; DOUBLE_FIRST + index * KFS_PTRS_PER_SECTOR < data_sectors; index++)
    if (!sector_alloc (img, &top[index])
        || !sector_write (img, top[index], leaves[index]))
      return false;
  return sector_alloc (img, &inode->double_indirect)
         && sector_write (img, inode->double_indirect, top);
}

static void
inode_init_empty (struct kfs_inode *inode, enum kfs_inode_kind kind)
{
  memset (inode, 0, sizeof *inode);
  inode->magic = KFS_INODE_MAGIC;
  inode->kind = kind;
}

/* ---------------------------------------------------------------- */
/* The root directory, held in memory while an operation runs. */

struct directory
{
  struct kfs_inode inode;
  struct kfs_dirent *entries;
  uint32_t count; /* Entries, in use or not. */
};

/* Loads the root directory.  False, with a message, if it is damaged. */
static bool
dir_load (struct image *img, struct directory *dir)
{
  const char *problem;
  uint8_t *data;

  if (!sector_read (img, KFS_ROOT_DIR_SECTOR, &dir->inode))
    return false;
  problem = kfs_inode_problem (&dir->inode);
  if (problem == NULL && dir->inode.kind != KFS_KIND_DIR)
    problem = "not a directory";
  if (problem != NULL)
    {
      error ("%s: root directory: %s; run kfs check", img->path, problem);
      return false;
    }
  if (!inode_read_all (img, &dir->inode, "root directory", &data))
    return false;
  dir->entries = (struct kfs_dirent *) data;
  dir->count = dir->inode.length / sizeof (struct kfs_dirent);
  return true;
}

static struct kfs_dirent *
dir_find (struct directory *dir, const char *name)
{
  uint32_t i;
  for (i = 0; i < dir->count; i++)
    if (dir->entries[i].in_use
        && strncmp (dir->entries[i].name, name, sizeof dir->entries[i].name) == 0)
      return &dir->entries[i];
  return NULL;
}

static uint32_t
dir_used_count (const struct directory *dir)
{
  uint32_t i, used = 0;
  for (i = 0; i < dir->count; i++)
    used += dir->entries[i].in_use != 0;
  return used;
}

/* Rewrites the directory file with only its in-use entries.  Its old
   sectors must be free in the map already (see dir_release). */
static bool
dir_store (struct image *img, struct directory *dir)
{
  uint32_t i, used = 0;
  for (i = 0; i < dir->count; i++)
    if (dir->entries[i].in_use)
      dir->entries[used++] = dir->entries[i];
  dir->count = used;
  inode_init_empty (&dir->inode, KFS_KIND_DIR);
  return inode_fill (img, &dir->inode, (const uint8_t *) dir->entries,
                     used * sizeof (struct kfs_dirent))
         && sector_write (img, KFS_ROOT_DIR_SECTOR, &dir->inode);
}

static void
dir_release (struct image *img, struct directory *dir)
{
  inode_walk_quiet (img, &dir->inode, "root directory", visit_free, NULL);
}

/* Reads the inode of ENTRY into *INODE.  False, with a message, if it is
   out of range or damaged. */
static bool
entry_inode (struct image *img, const struct kfs_dirent *entry,
             struct kfs_inode *inode)
{
  const char *problem = "inode sector outside the data area";
  if (kfs_sector_is_data (&img->sb, entry->inode_sector)
      && sector_read (img, entry->inode_sector, inode))
    problem = kfs_inode_problem (inode);
  if (problem == NULL && inode->kind != KFS_KIND_FILE)
    problem = "not a regular file";
  if (problem == NULL)
    return true;
  error ("%s: '%.14s': %s; run kfs check", img->path, entry->name, problem);
  return false;
}

/* ---------------------------------------------------------------- */
/* Operations.  Each returns an exit status. */

/* Creates or overwrites IMAGE as an empty file system of SIZE_MB MB. */
int
kfs_mkfs (const char *path, uint32_t size_mb)
{
  struct image img;
  struct kfs_inode root;
  uint32_t sectors = size_mb * (1024 * 1024 / KFS_SECTOR_SIZE);
  uint32_t sector;
  bool ok;

  memset (&img, 0, sizeof img);
  if (size_mb == 0 || size_mb > KFS_MAX_SECTORS / (1024 * 1024 / KFS_SECTOR_SIZE))
    {
      error ("size must be 1 to %u MB",
             KFS_MAX_SECTORS / (1024 * 1024 / KFS_SECTOR_SIZE));
      return KFS_EXIT_UNUSABLE;
    }
  img.path = path;
  img.file = fopen (path, "w+b");
  if (img.file == NULL)
    {
      error ("%s: %s", path, strerror (errno));
      return KFS_EXIT_FAIL;
    }
  if (ftruncate (fileno (img.file), (off_t) sectors * KFS_SECTOR_SIZE) != 0)
    {
      error ("%s: %s", path, strerror (errno));
      image_close (&img);
      return KFS_EXIT_FAIL;
    }
  img.device_sectors = sectors;
  kfs_superblock_init (&img.sb, sectors);
  img.map = calloc (img.sb.free_map_sectors, KFS_SECTOR_SIZE);
  ok = img.map != NULL;
  for (sector = 0; ok && sector < img.sb.data_start; sector++)
    kfs_map_set (img.map, sector, true);
  inode_init_empty (&root, KFS_KIND_DIR);
  ok = ok && sector_write (&img, KFS_SUPERBLOCK_SECTOR, &img.sb)
       && sector_write (&img, KFS_ROOT_DIR_SECTOR, &root) && map_store (&img);
  ok = image_close (&img) && ok;
  return ok ? KFS_EXIT_OK : KFS_EXIT_FAIL;
}

/* Reads host file PATH into a new buffer.  False, with a message, if it
   cannot be read or is larger than a file may be. */
static bool
host_read (const char *path, uint8_t **data, uint32_t *length)
{
  FILE *file = fopen (path, "rb");
  long size;
  bool ok;

  if (file == NULL)
    {
      error ("%s: %s", path, strerror (errno));
      return false;
    }
  if (fseek (file, 0, SEEK_END) != 0 || (size = ftell (file)) < 0
      || fseek (file, 0, SEEK_SET) != 0)
    {
      error ("%s: cannot find its size", path);
      fclose (file);
      return false;
    }
  if ((unsigned long) size > KFS_MAX_FILE_SIZE)
    {
      error ("%s: %ld bytes is more than the maximum file size (%u)", path, size,
             KFS_MAX_FILE_SIZE);
      fclose (file);
      return false;
    }
  *length = size;
  *data = malloc (size + 1);
  ok = *data != NULL && fread (*data, 1, size, file) == (size_t) size;
  if (!ok)
    error ("%s: read failed", path);
  fclose (file);
  return ok;
}

/* Frees, in the map, the file of ENTRY (inode included).  False if it is
   damaged.  Sets *SECTORS to how many sectors that frees. */
static bool
entry_release (struct image *img, const struct kfs_dirent *entry, uint32_t *sectors)
{
  struct kfs_inode inode;
  if (!entry_inode (img, entry, &inode)
      || !inode_walk_quiet (img, &inode, entry->name, visit_nothing, NULL))
    return false;
  *sectors = 1 + kfs_file_sectors_for (inode.length);
  inode_walk_quiet (img, &inode, entry->name, visit_free, NULL);
  kfs_map_set (img->map, entry->inode_sector, false);
  return true;
}

/* Adds file NAME with LENGTH bytes of DATA to the open image, replacing a
   file of that name.  Changes nothing if there is no room. */
static int
put_data (struct image *img, struct directory *dir, const char *name,
          const uint8_t *data, uint32_t length)
{
  struct kfs_dirent *entry = dir_find (dir, name);
  uint32_t entries = dir_used_count (dir) + (entry == NULL);
  uint32_t old_dir = kfs_file_sectors_for (dir->inode.length);
  uint32_t new_dir = kfs_file_sectors_for (entries * sizeof (struct kfs_dirent));
  uint32_t need = 1 + kfs_file_sectors_for (length) + new_dir;
  uint32_t have = map_free_count (img) + old_dir;
  uint32_t freed = 0;
  struct kfs_inode inode;
  struct kfs_dirent added;

  if (entry != NULL && !entry_release (img, entry, &freed))
    return KFS_EXIT_FAIL;
  if (need > have + freed)
    {
      error ("%s: disk full: '%s' needs %u sectors, %u are free", img->path, name,
             need, have + freed);
      return KFS_EXIT_FAIL; /* The map is not stored: no change. */
    }
  if (entry != NULL)
    entry->in_use = 0;
  dir_release (img, dir);
  memset (&added, 0, sizeof added);
  added.in_use = 1;
  strncpy (added.name, name, KFS_NAME_MAX);
  inode_init_empty (&inode, KFS_KIND_FILE);
  if (!sector_alloc (img, &added.inode_sector)
      || !inode_fill (img, &inode, data, length)
      || !sector_write (img, added.inode_sector, &inode))
    return KFS_EXIT_FAIL;
  dir->entries = realloc (dir->entries, (dir->count + 1) * sizeof added);
  if (dir->entries == NULL)
    return KFS_EXIT_FAIL;
  dir->entries[dir->count++] = added;
  return dir_store (img, dir) && map_store (img) ? KFS_EXIT_OK : KFS_EXIT_FAIL;
}

/* Copies host file HOST into IMAGE as NAME, replacing any file NAME. */
int
kfs_put (const char *path, const char *host, const char *name)
{
  struct image img;
  struct directory dir = { .entries = NULL };
  uint8_t *data = NULL;
  uint32_t length;
  int status;

  if (!kfs_name_valid (name))
    {
      error ("invalid file name '%s' (1 to %u characters, no '/')", name,
             KFS_NAME_MAX);
      return KFS_EXIT_FAIL;
    }
  if (!host_read (host, &data, &length))
    {
      free (data);
      return KFS_EXIT_FAIL;
    }
  status = image_open (&img, path, true);
  if (status == KFS_EXIT_OK)
    status = dir_load (&img, &dir) ? put_data (&img, &dir, name, data, length)
                                   : KFS_EXIT_FAIL;
  if (!image_close (&img) && status == KFS_EXIT_OK)
    status = KFS_EXIT_FAIL;
  free (dir.entries);
  free (data);
  return status;
}

/* Copies file NAME out of IMAGE into host file HOST. */
int
kfs_get (const char *path, const char *name, const char *host)
{
  struct image img;
  struct directory dir = { .entries = NULL };
  struct kfs_dirent *entry;
  struct kfs_inode inode;
  uint8_t *data = NULL;
  int status = image_open (&img, path, false);

  if (status == KFS_EXIT_OK)
    {
      status = KFS_EXIT_FAIL;
      if (!dir_load (&img, &dir))
        ;
      else if ((entry = dir_find (&dir, name)) == NULL)
        error ("%s: no file called '%s'", path, name);
      else if (entry_inode (&img, entry, &inode)
               && inode_read_all (&img, &inode, entry->name, &data))
        {
          FILE *file = fopen (host, "wb");
          if (file == NULL)
            error ("%s: %s", host, strerror (errno));
          else if (fwrite (data, 1, inode.length, file) != inode.length
                   || fclose (file) != 0)
            error ("%s: write failed", host);
          else
            status = KFS_EXIT_OK;
        }
    }
  image_close (&img);
  free (dir.entries);
  free (data);
  return status;
}

/* What visit_find looks for: the sector holding data sector INDEX. */
struct find
{
  uint32_t index;
  uint32_t sector; /* 0 until found. */
};

static void
visit_find (struct image *img, void *aux, uint32_t sector, uint32_t index)
{
  struct find *f = aux;
  (void) img;
  if (index == f->index)
    f->sector = sector;
}

/* Prints the disk sector that holds byte OFFSET of file NAME in IMAGE (for
   injecting a disk error there: the runner's --disk-fault). */
int
kfs_sector (const char *path, const char *name, uint32_t offset)
{
  struct image img;
  struct directory dir = { .entries = NULL };
  struct kfs_dirent *entry;
  struct kfs_inode inode;
  struct find f = { offset / KFS_SECTOR_SIZE, 0 };
  int status = image_open (&img, path, false);

  if (status == KFS_EXIT_OK)
    {
      status = KFS_EXIT_FAIL;
      if (!dir_load (&img, &dir))
        ;
      else if ((entry = dir_find (&dir, name)) == NULL)
        error ("%s: no file called '%s'", path, name);
      else if (!entry_inode (&img, entry, &inode))
        ;
      else if (offset >= inode.length)
        error ("%s: '%s' is %u bytes long: no byte %u", path, name, inode.length,
               offset);
      else if (inode_walk_quiet (&img, &inode, entry->name, visit_find, &f)
               && f.sector != 0)
        {
          fprintf (out (), "%u\n", f.sector);
          status = KFS_EXIT_OK;
        }
    }
  image_close (&img);
  free (dir.entries);
  return status;
}

/* Lists each file in IMAGE as "NAME SIZE". */
int
kfs_ls (const char *path)
{
  struct image img;
  struct directory dir = { .entries = NULL };
  int status = image_open (&img, path, false);
  uint32_t i;

  if (status == KFS_EXIT_OK)
    {
      status = dir_load (&img, &dir) ? KFS_EXIT_OK : KFS_EXIT_FAIL;
      for (i = 0; status == KFS_EXIT_OK && i < dir.count; i++)
        if (dir.entries[i].in_use)
          {
            struct kfs_inode inode;
            if (entry_inode (&img, &dir.entries[i], &inode))
              fprintf (out (), "%-14.14s %8u\n", dir.entries[i].name, inode.length);
            else
              status = KFS_EXIT_FAIL;
          }
    }
  image_close (&img);
  free (dir.entries);
  return status;
}

/* Deletes file NAME from IMAGE. */
int
kfs_rm (const char *path, const char *name)
{
  struct image img;
  struct directory dir = { .entries = NULL };
  struct kfs_dirent *entry;
  uint32_t freed;
  int status = image_open (&img, path, true);

  if (status == KFS_EXIT_OK)
    {
      status = KFS_EXIT_FAIL;
      if (!dir_load (&img, &dir))
        ;
      else if ((entry = dir_find (&dir, name)) == NULL)
        error ("%s: no file called '%s'", path, name);
      else if (entry_release (&img, entry, &freed))
        {
          entry->in_use = 0;
          dir_release (&img, &dir);
          if (dir_store (&img, &dir) && map_store (&img))
            status = KFS_EXIT_OK;
        }
    }
  if (!image_close (&img) && status == KFS_EXIT_OK)
    status = KFS_EXIT_FAIL;
  free (dir.entries);
  return status;
}

/* ---------------------------------------------------------------- */
/* check: rebuild the set of used sectors and compare with the image. */

#define OWNER_FREE 0u
#define OWNER_FIXED UINT32_MAX /* Superblock and free map. */

struct checker
{
  struct walk walk;
  uint32_t *owner;  /* Per sector: inode sector using it. */
  uint32_t current; /* Inode sector being walked. */
  uint8_t *copy;    /* If not NULL, data sectors go here. */
};

/* Claims SECTOR for the walked inode, reporting a second claim. */
static void
visit_claim (struct image *img, void *aux, uint32_t sector, uint32_t index)
{
  struct checker *c = aux;
  if (c->owner[sector] != OWNER_FREE)
    walk_problem (&c->walk, "sector %u is used twice (also by %s %u)", sector,
                  c->owner[sector] == OWNER_FIXED
                      ? "the file system's own sectors, at"
                      : "inode",
                  c->owner[sector]);
  else
    c->owner[sector] = c->current;
  if (c->copy != NULL)
    visit_copy (img, c->copy, sector, index);
}

/* Walks INODE (at SECTOR, named WHO) claiming its sectors. */
static void
check_walk (struct checker *c, const struct kfs_inode *inode, uint32_t sector,
            const char *who, uint8_t *copy)
{
  c->walk.who = who;
  c->current = sector;
  c->copy = copy;
  walk_inode (&c->walk, inode);
  c->walk.who = c->walk.img->path;
}

/* Reads and checks the root directory; returns its contents (zeros where
   a sector was unreadable) and sets *COUNT, or NULL if it is unusable. */
static struct kfs_dirent *
check_root (struct checker *c, uint32_t *count)
{
  struct image *img = c->walk.img;
  struct kfs_inode root;
  const char *problem;
  uint8_t *data;

  c->owner[KFS_ROOT_DIR_SECTOR] = KFS_ROOT_DIR_SECTOR;
  if (!sector_read (img, KFS_ROOT_DIR_SECTOR, &root))
    return NULL;
  problem = kfs_inode_problem (&root);
  if (problem == NULL && root.kind != KFS_KIND_DIR)
    problem = "not a directory";
  if (problem != NULL)
    {
      walk_problem (&c->walk, "root directory inode: %s", problem);
      return NULL;
    }
  if (root.length % sizeof (struct kfs_dirent) != 0)
    walk_problem (&c->walk,
                  "root directory length %u is not a multiple "
                  "of the entry size",
                  root.length);
  data = calloc (kfs_sectors_for_bytes (root.length) + 1, KFS_SECTOR_SIZE);
  if (data == NULL)
    return NULL;
  check_walk (c, &root, KFS_ROOT_DIR_SECTOR, "root directory", data);
  *count = root.length / sizeof (struct kfs_dirent);
  return (struct kfs_dirent *) data;
}

/* Checks directory entry I of ENTRIES (the first COUNT) and the file it
   names. */
static void
check_entry (struct checker *c, const struct kfs_dirent *entries, uint32_t i)
{
  const struct kfs_dirent *e = &entries[i];
  struct image *img = c->walk.img;
  struct kfs_inode inode;
  const char *problem = NULL;
  char who[64];
  uint32_t j;

  snprintf (who, sizeof who, "entry %u ('%.14s')", i, e->name);
  c->walk.who = who;
  if (e->in_use != 1)
    walk_problem (&c->walk, "in-use flag is %u, not 0 or 1", e->in_use);
  if (!kfs_dirent_name_valid (e))
    walk_problem (&c->walk, "invalid name");
  for (j = 0; j < i; j++)
    if (entries[j].in_use && strncmp (entries[j].name, e->name, sizeof e->name) == 0)
      walk_problem (&c->walk, "duplicate name (also entry %u)", j);
  if (!kfs_sector_is_data (&img->sb, e->inode_sector))
    problem = "inode sector is outside the data area";
  else if (c->owner[e->inode_sector] != OWNER_FREE)
    problem = "inode sector is already used by something else";
  else if (!sector_read (img, e->inode_sector, &inode))
    problem = "inode sector is unreadable";
  else
    {
      c->owner[e->inode_sector] = e->inode_sector;
      problem = kfs_inode_problem (&inode);
      if (problem == NULL && inode.kind != KFS_KIND_FILE)
        problem = "inode is not a regular file";
    }
  if (problem != NULL)
    walk_problem (&c->walk, "%s (inode sector %u)", problem, e->inode_sector);
  else
    check_walk (c, &inode, e->inode_sector, who, NULL);
  c->walk.who = img->path;
}

/* How a sector's free-map bit compares with what uses it. */
enum map_state
{
  MAP_AGREES,
  MAP_MARKED_FREE, /* Used, but the map says free. */
  MAP_LEAKED,      /* Unused, but the map says used. */
  MAP_PAST_END     /* Bit set for a sector beyond the disk. */
};

static enum map_state
map_state_of (const struct checker *c, uint32_t sector)
{
  const struct image *img = c->walk.img;
  bool marked = kfs_map_test (img->map, sector);
  if (sector >= img->sb.sector_count)
    return marked ? MAP_PAST_END : MAP_AGREES;
  if (c->owner[sector] != OWNER_FREE)
    return marked ? MAP_AGREES : MAP_MARKED_FREE;
  return marked ? MAP_LEAKED : MAP_AGREES;
}

/* Compares the free map with the sectors found in use, reporting runs of
   sectors in the same state as one problem each. */
static void
check_map (struct checker *c)
{
  static const char *const what[] = {
    [MAP_MARKED_FREE] = "in use but marked free",
    [MAP_LEAKED] = "marked used but nothing uses it (leak)",
    [MAP_PAST_END] = "marked used in the free map past the end of the disk",
  };
  struct image *img = c->walk.img;
  uint32_t bits = img->sb.free_map_sectors * KFS_BITS_PER_SECTOR;
  uint32_t first = 0, sector;

  for (sector = 0; sector < bits; sector = first)
    {
      enum map_state state = map_state_of (c, sector);
      for (first = sector + 1; first < bits; first++)
        if (map_state_of (c, first) != state)
          break;
      if (state == MAP_AGREES)
        continue;
      if (first - sector == 1)
        walk_problem (&c->walk, "sector %u is %s", sector, what[state]);
      else
        walk_problem (&c->walk, "sectors %u-%u are each %s", sector, first - 1,
                      what[state]);
    }
}

/* Checks IMAGE for consistency, printing each problem and then "ok" or a
   count.  Returns 0 if clean, 1 if inconsistent, 2 if unusable. */
int
kfs_check (const char *path)
{
  struct image img;
  struct checker c;
  struct kfs_dirent *entries;
  uint32_t count = 0, i, sector;
  int status = image_open (&img, path, false);

  if (status != KFS_EXIT_OK)
    {
      fprintf (out (), "%s: unusable\n", path);
      image_close (&img);
      return KFS_EXIT_UNUSABLE;
    }
  memset (&c, 0, sizeof c);
  c.walk = (struct walk){ &img, path, out (), 0, visit_claim, &c };
  c.owner = calloc (img.sb.sector_count, sizeof *c.owner);
  if (c.owner == NULL)
    {
      error ("out of memory");
      image_close (&img);
      return KFS_EXIT_UNUSABLE;
    }
  for (sector = 0; sector < img.sb.data_start; sector++)
    c.owner[sector] = OWNER_FIXED;
  entries = check_root (&c, &count);
  for (i = 0; entries != NULL && i < count; i++)
    if (entries[i].in_use)
      check_entry (&c, entries, i);
  if (entries == NULL && c.walk.problems == 0)
    walk_problem (&c.walk, "root directory is unreadable");
  check_map (&c);
  if (c.walk.problems == 0)
    fprintf (out (), "ok\n");
  else
    fprintf (out (), "%s: %d problem%s\n", path, c.walk.problems,
             c.walk.problems == 1 ? "" : "s");
  free (entries);
  free (c.owner);
  image_close (&img);
  return c.walk.problems == 0 ? KFS_EXIT_OK : KFS_EXIT_FAIL;
}

/* ---------------------------------------------------------------- */

static int
usage (void)
{
  fputs ("usage: kfs mkfs IMAGE SIZE_MB [HOSTFILE NAME]...\n"
         "       kfs put IMAGE HOSTFILE NAME\n"
         "       kfs get IMAGE NAME HOSTFILE\n"
         "       kfs ls IMAGE\n"
         "       kfs rm IMAGE NAME\n"
         "       kfs check IMAGE\n"
         "       kfs sector IMAGE NAME OFFSET\n",
         err ());
  return KFS_EXIT_UNUSABLE;
}

/* Parses a decimal number (a size in MB, an offset in bytes) into *VALUE_OUT;
   false unless ARG is all digits and fits. */
static bool
parse_number (const char *arg, uint32_t *value_out)
{
  char *end;
  unsigned long value;
  if (arg[0] < '0' || arg[0] > '9')
    return false;
  errno = 0;
  value = strtoul (arg, &end, 10);
  if (errno != 0 || *end != '\0' || value > UINT32_MAX)
    return false;
  *value_out = value;
  return true;
}

/* mkfs with files: makes IMAGE of SIZE_MB MB and puts the COUNT pairs
   HOSTFILE NAME of FILES on it in order (a run's disk in one process, as the
   runner makes it); stops at the first put that fails. */
static int
mkfs_with_files (const char *path, uint32_t size_mb, char **files, int count)
{
  int status = kfs_mkfs (path, size_mb);
  int i;

  for (i = 0; status == KFS_EXIT_OK && i + 1 < count; i += 2)
    status = kfs_put (path, files[i], files[i + 1]);
  return status;
}

/* Runs the command ARGV[1..] and returns the exit status. */
int
kfs_main (int argc, char **argv)
{
  const char *command = argc > 1 ? argv[1] : "";
  uint32_t size_mb, offset;

  if (strcmp (command, "mkfs") == 0 && argc >= 4 && argc % 2 == 0)
    {
      if (!parse_number (argv[3], &size_mb))
        {
          error ("bad size '%s': want a whole number of MB", argv[3]);
          return KFS_EXIT_UNUSABLE;
        }
      return mkfs_with_files (argv[2], size_mb, argv + 4, argc - 4);
    }
  if (strcmp (command, "put") == 0 && argc == 5)
    return kfs_put (argv[2], argv[3], argv[4]);
  if (strcmp (command, "get") == 0 && argc == 5)
    return kfs_get (argv[2], argv[3], argv[4]);
  if (strcmp (command, "ls") == 0 && argc == 3)
    return kfs_ls (argv[2]);
  if (strcmp (command, "rm") == 0 && argc == 4)
    return kfs_rm (argv[2], argv[3]);
  if (strcmp (command, "check") == 0 && argc == 3)
    return kfs_check (argv[2]);
  if (strcmp (command, "sector") == 0 && argc == 5)
    {
      if (!parse_number (argv[4], &offset))
        {
          error ("bad offset '%s': want a whole number of bytes", argv[4]);
          return KFS_EXIT_UNUSABLE;
        }
      return kfs_sector (argv[2], argv[3], offset);
    }
  return usage ();
}

#ifndef KFS_NO_MAIN
int
main (int argc, char **argv)
{
  return kfs_main (argc, argv);
}
#endif
