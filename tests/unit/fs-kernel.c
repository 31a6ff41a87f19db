/* Host tests for the kernel's file system (the filesys folder) over a disk in
   memory, with single-threaded stand-ins for the block layer, locks and the
   flusher thread (whose work the tests do themselves, with cache_flush).
   Images the kernel writes are then checked with the host tool's `check`,
   so kernel and tool are held to the same format. */

/* The tool first: its host headers must see the C library's off_t before
   filesys/off_t.h renames the kernel's. */
#define KFS_NO_MAIN
#include "utils/kfs.c"

#include <assert.h>
#include "devices/block.h"
#include "devices/console.h"
#include "devices/shutdown.h"
#include "filesys/cache.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "filesys/flusher.h"
#include "threads/synch.h"

#include "tests/unit/check.h"

/* ---- A disk in memory. ---- */

static uint8_t *disk;
static uint32_t disk_sectors;
static bool disk_present;
static int disk_reads;       /* Read commands, one sector or more. */
static int disk_multi_reads; /* block_read_sectors calls. */
static int write_commands;   /* Write commands the disk took or refused. */
static int sectors_written;  /* Sectors the disk took. */
static char fake_device;     /* Its address stands for the device. */
/* A sector the disk fails to read (write), as a bad sector would; none if
   NO_SECTOR; a command that touches it fails whole. DEAD_DISK refuses every
   write. */
#define NO_SECTOR UINT32_MAX
static block_sector_t bad_read = NO_SECTOR, bad_write = NO_SECTOR;
static bool dead_disk;

struct block *
block_get_role (enum block_role role)
{
  return role == BLOCK_FILESYS && disk_present ? (struct block *) &fake_device
                                               : NULL;
}

block_sector_t
block_size (struct block *block)
{
  assert (block == (struct block *) &fake_device);
  return disk_sectors;
}

bool
block_read (struct block *block, block_sector_t sector, void *buffer)
{
  assert (block == (struct block *) &fake_device && sector < disk_sectors);
  disk_reads++;
  if (sector == bad_read)
    return false;
  memcpy (buffer, disk + (size_t) sector * BLOCK_SECTOR_SIZE, BLOCK_SECTOR_SIZE);
  return true;
}

bool
block_read_sectors (struct block *block, block_sector_t first, size_t count,
                    void *buffer)
{
  assert (block == (struct block *) &fake_device && first < disk_sectors
          && count <= disk_sectors - first);
  disk_multi_reads++;
  disk_reads++;
  if (bad_read >= first && bad_read - first < count)
    return false;
  memcpy (buffer, disk + (size_t) first * BLOCK_SECTOR_SIZE,
          count * BLOCK_SECTOR_SIZE);
  return true;
}

bool
block_write_sectors (struct block *block, block_sector_t first, size_t count,
                     const void *buffer)
{
  assert (block == (struct block *) &fake_device && first < disk_sectors
          && count >= 1 && count <= disk_sectors - first);
  write_commands++;
  if (dead_disk || (bad_write >= first && bad_write - first < count))
    return false;
  memcpy (disk + (size_t) first * BLOCK_SECTOR_SIZE, buffer,
          count * BLOCK_SECTOR_SIZE);
  sectors_written += count;
  return true;
}

bool
block_write (struct block *block, block_sector_t sector, const void *buffer)
{
  return block_write_sectors (block, sector, 1, buffer);
}

/* The kernel's diagnostic stream: kept, to check what was said. */
static char diag_text[1 << 16];

int
diag_printf (const char *format, ...)
{
  size_t used = strlen (diag_text);
  va_list args;
  int n;

  va_start (args, format);
  n = vsnprintf (diag_text + used, sizeof diag_text - used, format, args);
  va_end (args);
  return n;
}

/* The power-off hooks filesys_init() registers: the cache's quiescing, then
   its flush. */
static shutdown_hook *registered_flush;
static int hooks_registered;

void
shutdown_register_hook (enum shutdown_stage stage, shutdown_hook *hook)
{
  assert (stage == SHUTDOWN_QUIESCE
          || (stage == SHUTDOWN_FLUSH && hook == filesys_done));
  if (stage == SHUTDOWN_FLUSH)
    registered_flush = hook;
  hooks_registered++;
}

const char *
block_name (struct block *block)
{
  (void) block;
  return "memdisk";
}

static void
disk_make (uint32_t megabytes)
{
  free (disk);
  disk_sectors = megabytes * 2048;
  disk = calloc (disk_sectors, BLOCK_SECTOR_SIZE);
  disk_present = true;
}

/* ---- Locks: one thread, but misuse (re-acquiring, releasing a lock not
   held) is caught, and no lock may be held between calls. ---- */

static const struct lock *held[16];
static int held_count;

void
lock_init (struct lock *lock)
{
  (void) lock;
}

void
lock_acquire (struct lock *lock)
{
  int i;
  for (i = 0; i < held_count; i++)
    assert (held[i] != lock);
  assert (held_count < 16);
  held[held_count++] = lock;
}

void
lock_release (struct lock *lock)
{
  int i;
  for (i = 0; i < held_count; i++)
    if (held[i] == lock)
      {
        held[i] = held[--held_count];
        return;
      }
  assert (!"released a lock that is not held");
}

bool
lock_try_acquire (struct lock *lock)
{
  if (lock_held_by_current_thread (lock))
    return false;
  lock_acquire (lock);
  return true;
}

/* With one thread, nothing is ever being read or written by another: a wait
   would last for ever. */
void
cond_init (struct condition *cond)
{
  (void) cond;
}

void
cond_wait (struct condition *cond, struct lock *lock)
{
  (void) cond;
  (void) lock;
  assert (!"cond_wait with one thread");
}

void
cond_broadcast (struct condition *cond, struct lock *lock)
{
  (void) cond;
  assert (lock_held_by_current_thread (lock));
}

/* The flusher thread: asked for, never run (the tests flush themselves). */
static int flusher_starts;

bool
flusher_start (void)
{
  flusher_starts++;
  return true;
}

bool
lock_held_by_current_thread (const struct lock *lock)
{
  int i;
  for (i = 0; i < held_count; i++)
    if (held[i] == lock)
      return true;
  return false;
}

/* ---- Helpers. ---- */

static char output_text[1 << 14];

/* Flushes the kernel's cache, writes the disk to a temporary image and
   runs the host checker on it.  True if it reports a clean image. */
static bool
disk_consistent (void)
{
  char path[] = "/tmp/kfs-kernel-XXXXXX";
  int fd = mkstemp (path);
  FILE *capture = tmpfile ();
  bool clean;
  size_t length;

  filesys_done ();
  assert (fd >= 0);
  assert (write (fd, disk, (size_t) disk_sectors * BLOCK_SECTOR_SIZE)
          == (ssize_t) disk_sectors * BLOCK_SECTOR_SIZE);
  close (fd);
  kfs_out_stream = kfs_err_stream = capture;
  clean = kfs_check (path) == 0;
  kfs_out_stream = kfs_err_stream = NULL;
  rewind (capture);
  length = fread (output_text, 1, sizeof output_text - 1, capture);
  output_text[length] = '\0';
  fclose (capture);
  if (!clean)
    printf ("kfs check says:\n%s", output_text);
  unlink (path);
  return clean;
}

static void
fill_pattern (uint8_t *buffer, size_t length, unsigned seed)
{
  size_t i;
  for (i = 0; i < length; i++)
    buffer[i] = (uint8_t) (seed + i * 7 + (i >> 9));
}

static bool
all_zero (const uint8_t *buffer, size_t length)
{
  size_t i;
  for (i = 0; i < length; i++)
    if (buffer[i] != 0)
      return false;
  return true;
}

/* Counts free data sectors as the host tool sees them. */
static uint32_t
free_sectors (void)
{
  const struct kfs_superblock *sb = (const struct kfs_superblock *) disk;
  uint32_t sector, count = 0;
  filesys_done ();
  for (sector = sb->data_start; sector < sb->sector_count; sector++)
    count += !kfs_map_test (disk + sb->free_map_start * KFS_SECTOR_SIZE, sector);
  return count;
}

/* ---- Tests. ---- */

static void
test_mount (void)
{
  disk_present = false;
  CHECK (!filesys_init (false));
  disk_make (2);
  CHECK (!filesys_init (false)); /* Not formatted. */
  CHECK (filesys_init (true));
  CHECK (held_count == 0);
  CHECK (disk_consistent ());
  CHECK (filesys_init (false)); /* Remount. */
  CHECK (disk_consistent ());
}

static void
test_read_write (void)
{
  static uint8_t data[3000], back[4000];
  struct file *file;

  fill_pattern (data, sizeof data, 1);
  CHECK (filesys_create ("notes", 0));
  file = filesys_open ("notes");
  CHECK (file != NULL);
  CHECK (file_length (file) == 0);
  CHECK (file_write (file, data, sizeof data) == sizeof data);
  CHECK (file_tell (file) == sizeof data);
  CHECK (file_length (file) == sizeof data);
  file_seek (file, 0);
  CHECK (file_read (file, back, sizeof back) == sizeof data);
  CHECK (memcmp (back, data, sizeof data) == 0);
  CHECK (file_read (file, back, 10) == 0); /* At end of file. */
  CHECK (file_read_at (file, back, 100, 2950) == 50);
  CHECK (memcmp (back, data + 2950, 50) == 0);
  file_seek (file, 1000000);
  CHECK (file_read (file, back, 10) == 0);
  file_seek (file, -5);
  CHECK (file_read (file, back, 10) == 0 && file_write (file, data, 10) == 0);
  CHECK (file_write_at (file, "xyz", 3, 511) == 3);
  CHECK (file_read_at (file, back, 5, 510) == 5);
  CHECK (back[0] == data[510] && memcmp (back + 1, "xyz", 3) == 0
         && back[4] == data[514]);
  file_close (file);
  CHECK (held_count == 0);
  CHECK (disk_consistent ());
}

static void
test_create_sizes_and_growth (void)
{
  static uint8_t back[70000];
  struct file *file;

  CHECK (filesys_create ("zeros", 65000));
  file = filesys_open ("zeros");
  CHECK (file != NULL && file_length (file) == 65000);
  CHECK (file_read (file, back, sizeof back) == 65000);
  CHECK (all_zero (back, 65000));
  file_close (file);

  /* Writing past the end grows the file and zero-fills the gap. */
  CHECK (filesys_create ("sparse", 10));
  file = filesys_open ("sparse");
  CHECK (file_write_at (file, "0123456789", 10, 0) == 10);
  CHECK (file_write_at (file, "!", 1, 69999) == 1);
  CHECK (file_length (file) == 70000);
  CHECK (file_read_at (file, back, sizeof back, 0) == 70000);
  CHECK (memcmp (back, "0123456789", 10) == 0);
  CHECK (all_zero (back + 10, 69989) && back[69999] == '!');
  file_close (file);
  CHECK (disk_consistent ());
}

static void
test_names (void)
{
  struct file *file;
  CHECK (filesys_create ("12345678901234", 0));
  CHECK (!filesys_create ("123456789012345", 0));
  CHECK (!filesys_create ("", 0));
  CHECK (!filesys_create ("a/b", 0));
  CHECK (!filesys_create ("12345678901234", 0)); /* Exists. */
  CHECK (!filesys_create ("negative", -1));
  CHECK (!filesys_create ("huge", KFS_MAX_FILE_SIZE + 1));
  CHECK (filesys_open ("123456789012345") == NULL);
  CHECK (filesys_open ("nobody") == NULL);
  CHECK (filesys_open ("") == NULL);
  CHECK (!filesys_remove ("nobody"));
  CHECK (filesys_name_valid ("ok.txt") && !filesys_name_valid ("x/"));
  file = filesys_open ("12345678901234");
  CHECK (file != NULL);
  file_close (file);
  CHECK (filesys_remove ("12345678901234"));
  CHECK (filesys_open ("12345678901234") == NULL);
  CHECK (disk_consistent ());
}

static void
test_remove_while_open (void)
{
  static uint8_t data[20000], back[20000];
  uint32_t before = free_sectors ();
  struct file *file, *again;

  fill_pattern (data, sizeof data, 9);
  CHECK (filesys_create ("doomed", 0));
  file = filesys_open ("doomed");
  again = file_reopen (file);
  CHECK (file_write (file, data, sizeof data) == sizeof data);
  CHECK (filesys_remove ("doomed"));
  CHECK (filesys_open ("doomed") == NULL);
  CHECK (!filesys_remove ("doomed"));
  CHECK (filesys_create ("doomed", 5)); /* The name is free. */
  CHECK (file_read_at (again, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, data, sizeof data) == 0);
  CHECK (file_write_at (again, "more", 4, sizeof data) == 4);
  file_close (file);
  CHECK (file_length (again) == sizeof data + 4);
  file_close (again); /* Frees the storage. */
  CHECK (filesys_remove ("doomed"));
  CHECK (free_sectors () == before);
  CHECK (disk_consistent ());
}

static void
test_deny_write (void)
{
  struct file *exe, *other;
  char back[4];

  CHECK (filesys_create ("program", 100));
  exe = filesys_open ("program");
  other = filesys_open ("program");
  file_deny_write (exe);
  file_deny_write (exe); /* Counted once per file. */
  CHECK (file_write (other, "abcd", 4) == 0);
  CHECK (file_write_at (exe, "abcd", 4, 200) == 0);
  CHECK (file_length (other) == 100);
  file_allow_write (exe);
  CHECK (file_write (other, "abcd", 4) == 4);
  file_deny_write (exe);
  file_deny_write (other);
  file_close (exe); /* Still denied by OTHER. */
  CHECK (file_write_at (other, "wxyz", 4, 0) == 0);
  file_allow_write (other);
  CHECK (file_write_at (other, "wxyz", 4, 0) == 4);
  CHECK (file_read_at (other, back, 4, 0) == 4 && memcmp (back, "wxyz", 4) == 0);
  file_close (other);
  CHECK (held_count == 0);
}

static void
test_big_file (void)
{
  const size_t size = 8 * 1024 * 1024;
  uint8_t *data = malloc (size), *back = malloc (size);
  struct file *file;

  disk_make (10);
  CHECK (filesys_init (true));
  fill_pattern (data, size, 3);
  CHECK (filesys_create ("big", 0));
  file = filesys_open ("big");
  CHECK (file_write (file, data, size) == (off_t) size);
  CHECK (file_length (file) == (off_t) size);
  CHECK (file_read_at (file, back, size, 0) == (off_t) size);
  CHECK (memcmp (back, data, size) == 0);
  /* Up to the largest size the inode can describe, and not a byte more. */
  CHECK (file_write_at (file, "end", 3, KFS_MAX_FILE_SIZE - 3) == 3);
  CHECK (file_length (file) == KFS_MAX_FILE_SIZE);
  CHECK (file_write_at (file, "x", 1, KFS_MAX_FILE_SIZE) == 0);
  CHECK (file_write_at (file, "abcdef", 6, KFS_MAX_FILE_SIZE - 2) == 2);
  file_close (file);
  CHECK (disk_consistent ());

  /* After a remount the data is still there. */
  CHECK (filesys_init (false));
  file = filesys_open ("big");
  CHECK (file != NULL && file_length (file) == KFS_MAX_FILE_SIZE);
  CHECK (file_read_at (file, back, size, 0) == (off_t) size);
  CHECK (memcmp (back, data, size) == 0);
  file_close (file);
  CHECK (filesys_remove ("big"));
  CHECK (disk_consistent ());
  free (data);
  free (back);
}

/* Removes files PREFIX0 .. PREFIX<COUNT-1>. */
static void
remove_all (const char *prefix, int count)
{
  char name[32];
  int i;
  for (i = 0; i < count; i++)
    {
      snprintf (name, sizeof name, "%s%d", prefix, i);
      CHECK (filesys_remove (name));
    }
}

static void
test_disk_full (void)
{
  static uint8_t data[300000];
  uint32_t before;
  struct file *file;
  char name[32];
  int made = 0, filler = 0, size;

  disk_make (2);
  CHECK (filesys_init (true));
  before = free_sectors ();
  fill_pattern (data, sizeof data, 5);
  for (;;)
    {
      snprintf (name, sizeof name, "f%d", made);
      if (!filesys_create (name, sizeof data))
        break;
      made++;
    }
  CHECK (made >= 5 && made < 10);
  CHECK (filesys_open (name) == NULL); /* A failed create leaves nothing. */
  CHECK (disk_consistent ());
  /* Take the last sectors with ever smaller files. */
  for (size = 100000; size > 0; size /= 10)
    for (;;)
      {
        snprintf (name, sizeof name, "g%d", filler);
        if (!filesys_create (name, size))
          break;
        filler++;
      }
  CHECK (free_sectors () == 0);
  CHECK (disk_consistent ());

  /* A write that cannot grow the file writes only what fits inside it. */
  file = filesys_open ("f0");
  CHECK (file_write_at (file, data, sizeof data, 200000) == 100000);
  CHECK (file_length (file) == sizeof data);
  file_close (file);
  CHECK (disk_consistent ());

  remove_all ("f", made);
  remove_all ("g", filler);
  /* Everything comes back except the directory's own, longer, contents. */
  CHECK (free_sectors ()
             + kfs_file_sectors_for ((made + filler) * sizeof (struct kfs_dirent))
         == before);
  CHECK (filesys_create ("again", sizeof data));
  CHECK (disk_consistent ());
}

/* Whole sectors read in one go come in as one multi-sector transfer when none of
   them is cached, and through the cache when some are. */
static void
test_multi_sector_read (void)
{
  static uint8_t data[20000], back[20000];
  struct file *file;
  int before;
  size_t i;

  for (i = 0; i < sizeof data; i++)
    data[i] = (uint8_t) (i * 13 + (i >> 9));
  disk_make (2);
  CHECK (filesys_init (true));
  CHECK (filesys_create ("run", 0));
  file = filesys_open ("run");
  CHECK (file != NULL && file_write (file, data, sizeof data) == sizeof data);
  file_close (file);
  filesys_done ();

  CHECK (filesys_init (false));
  file = filesys_open ("run");
  before = disk_multi_reads;
  CHECK (file_read_at (file, back, 8 * KFS_SECTOR_SIZE, 4 * KFS_SECTOR_SIZE)
         == 8 * KFS_SECTOR_SIZE);
  CHECK (memcmp (back, data + 4 * KFS_SECTOR_SIZE, 8 * KFS_SECTOR_SIZE) == 0);
  CHECK (disk_multi_reads > before); /* Cold: one transfer. */
  CHECK (file_write_at (file, "new", 3, 6 * KFS_SECTOR_SIZE + 7) == 3);
  memcpy (data + 6 * KFS_SECTOR_SIZE + 7, "new", 3);
  CHECK (file_read_at (file, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, data, sizeof data) == 0); /* Sees the cached write. */
  file_close (file);
  CHECK (held_count == 0);
  CHECK (disk_consistent ());
}

/* A corrupt disk must make calls fail, never crash the kernel. */
static void
test_corrupt_disk (void)
{
  static uint8_t back[5000];
  struct kfs_superblock *sb = (struct kfs_superblock *) disk;
  struct kfs_inode *root, *inode;
  struct kfs_dirent *entries;
  struct file *file;

  disk_make (2);
  CHECK (filesys_init (true));
  CHECK (filesys_create ("victim", 4000));
  CHECK (filesys_create ("bystander", 10));
  filesys_done ();
  sb = (struct kfs_superblock *) disk;
  root = (struct kfs_inode *) (disk + KFS_ROOT_DIR_SECTOR * KFS_SECTOR_SIZE);
  entries = (struct kfs_dirent *) (disk + root->direct[0] * KFS_SECTOR_SIZE);
  inode = (struct kfs_inode *) (disk + entries[0].inode_sector * KFS_SECTOR_SIZE);

  inode->direct[3] = 999999; /* Off the disk. */
  CHECK (filesys_init (false));
  file = filesys_open ("victim");
  CHECK (file != NULL);
  CHECK (file_read (file, back, sizeof back) == 3 * KFS_SECTOR_SIZE);
  CHECK (file_write_at (file, back, 100, 3 * KFS_SECTOR_SIZE + 1) == 0);
  CHECK (file_write_at (file, back, 100, 5 * KFS_SECTOR_SIZE) == 100);
  file_close (file);
  CHECK (filesys_remove ("victim")); /* Frees what it can. */

  filesys_done (); /* The cache writes back: flush it before editing the disk. */
  entries[1].inode_sector = 2; /* The free map. */
  CHECK (filesys_init (false));
  CHECK (filesys_open ("bystander") == NULL);
  entries[1].inode_sector = KFS_ROOT_DIR_SECTOR;
  CHECK (filesys_init (false));
  CHECK (filesys_open ("bystander") == NULL);
  CHECK (filesys_remove ("bystander"));

  filesys_done ();
  root->magic = 0;
  CHECK (!filesys_init (false));
  root->magic = KFS_INODE_MAGIC;
  sb->sector_count = disk_sectors + 1;
  CHECK (!filesys_init (false));
  sb->sector_count = disk_sectors;
  sb->magic = 0;
  CHECK (!filesys_init (false));
  CHECK (held_count == 0);
}

/* The sector holding byte OFFSET of the file whose inode is at INODE_SECTOR
   (a direct block), read from the disk image. */
static block_sector_t
data_sector (block_sector_t inode_sector, uint32_t offset)
{
  const struct kfs_inode *inode
      = (const struct kfs_inode *) (disk + inode_sector * KFS_SECTOR_SIZE);
  return inode->direct[offset / KFS_SECTOR_SIZE];
}

/* The inode sector of the root directory's entry INDEX. */
static block_sector_t
root_entry_inode (int index)
{
  const struct kfs_inode *root
      = (const struct kfs_inode *) (disk + KFS_ROOT_DIR_SECTOR * KFS_SECTOR_SIZE);
  const struct kfs_dirent *entries
      = (const struct kfs_dirent *) (disk + root->direct[0] * KFS_SECTOR_SIZE);
  return entries[index].inode_sector;
}

/* A disk that fails a read or a write: the call that needed the sector stops
   there (a read or write returning the bytes before it, a create or an open
   failing), nothing is taken for good, and once the sector works again the
   image is sound. */
static void
test_disk_errors (void)
{
  static uint8_t data[3000], back[3000];
  uint32_t before;
  block_sector_t inode_sector;
  struct file *file;

  disk_make (2);
  CHECK (filesys_init (true));
  fill_pattern (data, sizeof data, 9);
  CHECK (filesys_create ("data", 0));
  file = filesys_open ("data");
  CHECK (file_write (file, data, sizeof data) == sizeof data);
  file_close (file);
  filesys_done (); /* The disk image is read here. */
  inode_sector = root_entry_inode (0);

  /* A bad third sector: a read stops before it, cold or cached; one that
     starts there fails (-1, not the 0 of the end of the file). */
  CHECK (filesys_init (false));
  file = filesys_open ("data");
  bad_read = data_sector (inode_sector, 2 * KFS_SECTOR_SIZE);
  CHECK (file_read_at (file, back, sizeof back, 0) == 2 * KFS_SECTOR_SIZE);
  CHECK (memcmp (back, data, 2 * KFS_SECTOR_SIZE) == 0);
  CHECK (file_read_at (file, back, 10, 2 * KFS_SECTOR_SIZE + 5) == -1);
  bad_read = NO_SECTOR;
  CHECK (file_read_at (file, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, data, sizeof data) == 0);

  bad_read = NO_SECTOR;
  file_close (file);
  CHECK (disk_consistent ());

  /* Writes go to a write-back cache: the disk's refusals are met at write-back
     (test_write_back_refused).  While the cache holds a sector the disk
     refused, it writes through, and then a write meets a refusal at once, as
     every write did before the cache wrote back: here the inode's own sector.
     Growing the file then grows nothing, loses nothing, and tells the writer
     it was the disk (-1), not a full disk (0). */
  file = filesys_open ("data");
  bad_write = inode_sector;
  CHECK (file_write_at (file, data, 100, sizeof data) == 100); /* In the cache. */
  CHECK (!cache_flush ());
  before = free_sectors ();
  CHECK (file_write_at (file, data, 1000, 5000) == -1);
  CHECK (file_length (file) == sizeof data + 100);
  CHECK (free_sectors () == before);
  bad_write = NO_SECTOR;
  file_close (file);
  CHECK (disk_consistent ());

  /* A free-map sector that cannot be written, met at once (the cache writing
     through, a first change of the map being refused at write-back): the create
     fails, and the changes reach the disk once it takes them. */
  bad_write = KFS_FREE_MAP_SECTOR;
  CHECK (filesys_create ("more", 4000)); /* In the cache. */
  CHECK (!cache_flush ());
  CHECK (!filesys_create ("more2", 4000));
  CHECK (strstr (diag_text, "free map sector") != NULL);
  bad_write = NO_SECTOR;
  CHECK (free_sectors () == before - kfs_file_sectors_for (4000) - 1);
  CHECK (disk_consistent ());

  /* An inode that cannot be read: the open fails. */
  bad_read = inode_sector;
  CHECK (filesys_init (false));
  CHECK (filesys_open ("data") == NULL);
  bad_read = NO_SECTOR;
  file = filesys_open ("data");
  CHECK (file != NULL);
  file_close (file);
  CHECK (held_count == 0);
}

/* Writes stay in the cache until a write-back, which writes each run of
   neighbouring dirty sectors in one command: a 64 kB file written 4 kB at a time
   reaches the disk in commands of 8 sectors or more on average, each sector about
   once.  The first dirty sector asks for the flusher thread, once, until the
   flusher finds nothing left to do.  A file removed before its write-back costs
   the disk none of its data sectors. */
static void
test_write_back (void)
{
  static uint8_t data[64 * 1024], back[64 * 1024];
  struct file *file;
  int commands, sectors, i;

  disk_make (2);
  CHECK (filesys_init (true));
  fill_pattern (data, sizeof data, 21);
  flusher_starts = 0;
  CHECK (filesys_create ("seq", 0));
  CHECK (flusher_starts == 1);
  file = filesys_open ("seq");
  commands = write_commands;
  sectors = sectors_written;
  CHECK (file_write (file, data, 4096) == 4096);
  CHECK (write_commands == commands); /* Nothing on the disk yet. */
  for (i = 1; i < 16; i++)
    CHECK (file_write (file, data + i * 4096, 4096) == 4096);
  CHECK (flusher_starts == 1); /* One flusher for all of it. */
  CHECK (cache_flush ());
  commands = write_commands - commands;
  sectors = sectors_written - sectors;
  CHECK_DETAIL (sectors >= 128 && sectors <= 136, "%d sectors written", sectors);
  CHECK_DETAIL (sectors >= 8 * commands, "%d sectors in %d commands", sectors,
                commands);
  CHECK (cache_flusher_may_exit ());
  CHECK (file_write_at (file, "x", 1, 0) == 1);
  CHECK (flusher_starts == 2); /* A dirty sector after the flusher ended. */
  data[0] = 'x';
  file_close (file);
  CHECK (held_count == 0);
  CHECK (disk_consistent ());

  /* The disk holds what was written: read back from it after a remount. */
  CHECK (filesys_init (false));
  file = filesys_open ("seq");
  CHECK (file_read (file, back, sizeof back) == sizeof back);
  CHECK (memcmp (back, data, sizeof data) == 0);
  file_close (file);

  sectors = sectors_written;
  CHECK (filesys_create ("temp", 0));
  file = filesys_open ("temp");
  CHECK (file_write (file, data, 8192) == 8192);
  file_close (file);
  CHECK (filesys_remove ("temp"));
  CHECK (cache_flush ());
  CHECK_DETAIL (sectors_written - sectors < 16, "%d sectors written",
                sectors_written - sectors);
  CHECK (disk_consistent ());
}

/* True if the diagnostic stream said "filesys: sector SECTOR (WHAT) VERDICT". */
static bool
said (block_sector_t sector, const char *what, const char *verdict)
{
  char line[160];

  snprintf (line, sizeof line, "filesys: sector %u (%s) %s\n", (unsigned) sector,
            what, verdict);
  return strstr (diag_text, line) != NULL;
}

#define REFUSED "could not be written back: kept, to be tried again"

/* A write-back the disk refuses is never dropped: the refusal is said at once
   (the sector and the file), the sector stays dirty in the cache and is tried
   again at each flush, and each file open on it then hears of it once, from its
   next write (-1, nothing written); a file opened since, another file, and
   positioned writes (a mapping's write-backs) do not.  Meanwhile the cache
   writes through: a write meets a refusal at once (the bytes before it, or -1),
   and the refused sector keeps the bytes it was given first.  Once the disk
   takes it, that is said too, and writes go back to the cache.  A sector still
   refused at power-off is said to be lost. */
static void
test_write_back_refused (void)
{
  static uint8_t data[3000], first[3000], back[3000];
  struct file *a, *b, *late, *other;
  block_sector_t inode_sector, bad;
  int commands;

  disk_make (2);
  CHECK (filesys_init (true));
  fill_pattern (data, sizeof data, 31);
  fill_pattern (first, sizeof first, 32);
  CHECK (filesys_create ("data", 0) && filesys_create ("other", 0));
  a = filesys_open ("data");
  b = filesys_open ("data");
  other = filesys_open ("other");
  CHECK (file_write (a, data, sizeof data) == sizeof data);
  CHECK (file_write (other, data, 100) == 100);
  CHECK (cache_flush ());
  inode_sector = root_entry_inode (0);
  bad = data_sector (inode_sector, KFS_SECTOR_SIZE);
  diag_text[0] = '\0';

  bad_write = bad;
  CHECK (file_write_at (a, first, sizeof first, 0) == sizeof first);
  CHECK (!said (bad, "data+0x200", REFUSED)); /* Not asked yet. */
  CHECK (!cache_flush ());
  CHECK (said (bad, "data+0x200", REFUSED));
  CHECK (
      memcmp (disk + bad * KFS_SECTOR_SIZE, data + KFS_SECTOR_SIZE, KFS_SECTOR_SIZE)
      == 0);
  CHECK (file_read_at (b, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, first, sizeof first) == 0);

  late = filesys_open ("data");
  CHECK (file_write (a, data, 10) == -1);
  CHECK (file_tell (a) == sizeof data);
  CHECK (file_write (b, data, 10) == -1);
  CHECK (file_write (other, data, 10) == 10);
  CHECK (file_write_at (b, first, 10, 0) == 10);
  CHECK (file_write (late, data, sizeof data) == KFS_SECTOR_SIZE);
  CHECK (file_write_at (late, data, 10, KFS_SECTOR_SIZE + 5) == -1);
  CHECK (file_read_at (b, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, data, KFS_SECTOR_SIZE) == 0);
  CHECK (memcmp (back + KFS_SECTOR_SIZE, first + KFS_SECTOR_SIZE,
                 sizeof back - KFS_SECTOR_SIZE)
         == 0);
  CHECK (
      memcmp (disk + bad * KFS_SECTOR_SIZE, data + KFS_SECTOR_SIZE, KFS_SECTOR_SIZE)
      == 0);

  bad_write = NO_SECTOR;
  CHECK (cache_flush ());
  CHECK (said (bad, "data+0x200", "was written back after all"));
  CHECK (
      memcmp (disk + bad * KFS_SECTOR_SIZE, first + KFS_SECTOR_SIZE, KFS_SECTOR_SIZE)
      == 0);
  commands = write_commands;
  CHECK (file_write (a, data, 10) == 10); /* Told once: not again. */
  CHECK (file_write (late, data, 10) == 10);
  CHECK (write_commands == commands); /* Back to the cache. */
  CHECK (disk_consistent ());

  /* Its inode: named as such; the image is sound once it is written. */
  bad_write = inode_sector;
  CHECK (file_write_at (a, data, 100, 4000) == 100);
  CHECK (!cache_flush ());
  CHECK (said (inode_sector, "the inode of data", REFUSED));
  CHECK (file_write (b, data, 1) == -1);
  bad_write = NO_SECTOR;
  CHECK (cache_flush ());
  CHECK (disk_consistent ());

  /* Power-off with the disk still refusing. */
  bad_write = bad;
  CHECK (file_write_at (a, data, 600, 0) == 600);
  filesys_done ();
  CHECK (said (bad, "data+0x200", "was lost: the disk refused it to the end"));
  bad_write = NO_SECTOR;
  file_close (a);
  file_close (b);
  file_close (late);
  file_close (other);
  CHECK (held_count == 0);
  CHECK (disk_consistent ());
}

/* Writes into part of a sector the cache lacks do not read it first: a
   sequential writer going through a file in chunks that start and end inside
   sectors reads nothing, and the sectors it wrote in part are made whole from
   the disk only when needed: a read, a write elsewhere in the sector (one read),
   the flush.  A sector whose rest cannot be read is kept, said and reported to
   the writer as a refused write-back, and written once it can be read. */
static void
test_partial_writes (void)
{
  static uint8_t data[32 * KFS_SECTOR_SIZE], back[sizeof data], chunk[1000];
  struct file *file;
  block_sector_t bad;
  int reads;
  size_t at;

  disk_make (2);
  CHECK (filesys_init (true));
  fill_pattern (data, sizeof data, 61);
  CHECK (filesys_create ("part", 0));
  file = filesys_open ("part");
  CHECK (file_write (file, data, sizeof data) == sizeof data);
  file_close (file);
  CHECK (filesys_init (false));
  file = filesys_open ("part");
  reads = disk_reads;
  file_seek (file, 100);
  for (at = 100; at < 12100; at += sizeof chunk)
    {
      fill_pattern (chunk, sizeof chunk, (unsigned) at);
      memcpy (data + at, chunk, sizeof chunk);
      CHECK (file_write (file, chunk, sizeof chunk) == sizeof chunk);
    }
  CHECK_DETAIL (disk_reads == reads, "%d reads", disk_reads - reads);
  CHECK (file_write_at (file, "abc", 3, 15000) == 3);
  CHECK (disk_reads == reads);
  CHECK (file_write_at (file, "xyz", 3, 15300) == 3); /* Apart: read once. */
  CHECK_DETAIL (disk_reads == reads + 1, "%d reads", disk_reads - reads);
  memcpy (data + 15000, "abc", 3);
  memcpy (data + 15300, "xyz", 3);
  CHECK (file_read_at (file, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, data, sizeof data) == 0);
  CHECK (file_write_at (file, "end", 3, 16000) == 3);
  memcpy (data + 16000, "end", 3);
  CHECK (cache_flush ()); /* Completes the last sector. */
  file_close (file);
  CHECK (disk_consistent ());
  CHECK (filesys_init (false));
  file = filesys_open ("part");
  CHECK (file_read_at (file, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, data, sizeof data) == 0);
  file_close (file);

  /* The rest of the sector cannot be read. */
  CHECK (filesys_init (false));
  file = filesys_open ("part");
  bad = data_sector (root_entry_inode (0), 4 * KFS_SECTOR_SIZE);
  bad_read = bad;
  diag_text[0] = '\0';
  CHECK (file_write_at (file, "bad", 3, 4 * KFS_SECTOR_SIZE + 7) == 3);
  CHECK (!cache_flush ());
  CHECK (said (bad, "part+0x800", REFUSED));
  CHECK (file_write (file, "q", 1) == -1);
  bad_read = NO_SECTOR;
  CHECK (cache_flush ());
  CHECK (said (bad, "part+0x800", "was written back after all"));
  memcpy (data + 4 * KFS_SECTOR_SIZE + 7, "bad", 3);
  CHECK (memcmp (disk + bad * KFS_SECTOR_SIZE, data + 4 * KFS_SECTOR_SIZE,
                 KFS_SECTOR_SIZE)
         == 0);
  file_close (file);
  CHECK (held_count == 0);
  CHECK (disk_consistent ());
}

/* A read that starts and ends inside sectors, of sectors the cache does not
   hold, takes one disk command, not one for each sector read in part; with a
   sector of it in the cache (written, not yet on the disk), it reads through
   the cache and sees that sector's new bytes. */
static void
test_read_inside_sectors (void)
{
  static uint8_t data[16 * KFS_SECTOR_SIZE], back[4096];
  struct file *file;
  int reads;

  disk_make (2);
  CHECK (filesys_init (true));
  fill_pattern (data, sizeof data, 71);
  CHECK (filesys_create ("span", 0));
  file = filesys_open ("span");
  CHECK (file_write (file, data, sizeof data) == sizeof data);
  file_close (file);
  CHECK (filesys_init (false));
  file = filesys_open ("span");
  reads = disk_reads;
  CHECK (file_read_at (file, back, sizeof back, 300) == sizeof back);
  CHECK (memcmp (back, data + 300, sizeof back) == 0);
  CHECK_DETAIL (disk_reads == reads + 1, "%d reads", disk_reads - reads);
  file_close (file);
  CHECK (filesys_init (false));
  file = filesys_open ("span");
  CHECK (file_write_at (file, "new", 3, 2000) == 3);
  memcpy (data + 2000, "new", 3);
  CHECK (file_read_at (file, back, sizeof back, 300) == sizeof back);
  CHECK (memcmp (back, data + 300, sizeof back) == 0);
  file_close (file);
  CHECK (held_count == 0);
}

/* A disk that stops taking writes with the cache full of dirty sectors: the
   flush writes none and keeps them all (every slot then holds refused bytes), so
   reads of the rest and writes go to the disk itself: the reads work, the
   writes are refused at once (-1).  Once the disk works again, one flush writes
   every kept sector and the disk holds every byte written. */
static void
test_dead_disk (void)
{
  static uint8_t data[80 * KFS_SECTOR_SIZE], back[80 * KFS_SECTOR_SIZE];
  struct file *file;

  disk_make (2);
  CHECK (filesys_init (true));
  fill_pattern (data, sizeof data, 41);
  CHECK (filesys_create ("many", sizeof data));
  file = filesys_open ("many");
  CHECK (file_write (file, data, sizeof data) == sizeof data);
  CHECK (cache_flush ());
  fill_pattern (data, sizeof data, 42);
  CHECK (file_write_at (file, data, sizeof data, 0) == sizeof data);
  dead_disk = true;
  CHECK (!cache_flush ());
  CHECK (file_read_at (file, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, data, sizeof data) == 0);
  CHECK (file_write_at (file, "zz", 2, 0) == -1);
  CHECK (file_write_at (file, "zz", 2, sizeof data - 2) == -1);
  CHECK (held_count == 0);
  dead_disk = false;
  CHECK (cache_flush ());
  file_close (file);
  CHECK (disk_consistent ());
  CHECK (filesys_init (false));
  file = filesys_open ("many");
  CHECK (file_read_at (file, back, sizeof back, 0) == sizeof back);
  CHECK (memcmp (back, data, sizeof data) == 0);
  file_close (file);
}

/* The cache's clock gives a metadata sector (an index block, say) chances that
   a data sector read once lacks: a stream of 150 sectors read once each, more
   than twice the 64 slots, pushes the data sector out at the hand's first pass
   and leaves the metadata sector, whose chances two passes do not spend. (With
   one chance each, as a plain accessed bit gives, both go at the second pass.) */
static void
test_cache_chances (void)
{
  uint8_t buf[4];
  block_sector_t sector;
  int reads;

  disk_make (2);
  CHECK (filesys_init (true));
  CHECK (cache_read_metadata (1000, buf, 0, sizeof buf));
  CHECK (cache_read (1001, buf, 0, sizeof buf));
  for (sector = 1100; sector < 1250; sector++)
    CHECK (cache_read (sector, buf, 0, sizeof buf));
  reads = disk_reads;
  CHECK (cache_read_metadata (1000, buf, 0, sizeof buf));
  CHECK_DETAIL (disk_reads == reads, "the metadata sector was read again");
  CHECK (cache_read (1001, buf, 0, sizeof buf));
  CHECK_DETAIL (disk_reads == reads + 1, "the data sector read once was kept");
}

/* A reader going through a file in order, 100 bytes at a time, has the sectors
   ahead of it brought in by a multi-sector command each time it nears their
   end: a 40-sector file in a few commands.  A reader that seeks about has
   nothing read ahead: a sector a read. */
static void
test_read_ahead (void)
{
  static uint8_t data[40 * KFS_SECTOR_SIZE], back[sizeof data];
  struct file *file;
  int reads, multi;
  size_t done;

  disk_make (2);
  CHECK (filesys_init (true));
  fill_pattern (data, sizeof data, 51);
  CHECK (filesys_create ("seq", 0));
  file = filesys_open ("seq");
  CHECK (file_write (file, data, sizeof data) == sizeof data);
  file_close (file);
  CHECK (filesys_init (false));
  file = filesys_open ("seq");
  reads = disk_reads;
  multi = disk_multi_reads;
  for (done = 0; done < sizeof data; done += 100)
    CHECK (file_read (file, back + done, 100)
           == (off_t) (sizeof data - done < 100 ? sizeof data - done : 100));
  CHECK (memcmp (back, data, sizeof data) == 0);
  CHECK_DETAIL (disk_reads - reads <= 4 && disk_multi_reads - multi >= 2,
                "%d reads, %d of several sectors", disk_reads - reads,
                disk_multi_reads - multi);
  file_close (file);

  CHECK (filesys_init (false));
  file = filesys_open ("seq");
  reads = disk_reads;
  multi = disk_multi_reads;
  for (done = 0; done < 10; done++)
    {
      size_t at = ((done * 7) % 40) * KFS_SECTOR_SIZE + 3;
      file_seek (file, at);
      CHECK (file_read (file, back, 100) == 100 && !memcmp (back, data + at, 100));
    }
  CHECK_DETAIL (disk_reads - reads == 10 && disk_multi_reads == multi,
                "%d reads, %d of several sectors", disk_reads - reads,
                disk_multi_reads - multi);
  file_close (file);
  CHECK (held_count == 0);
}

int
main (void)
{
  test_mount ();
  test_read_write ();
  test_create_sizes_and_growth ();
  test_names ();
  test_remove_while_open ();
  test_deny_write ();
  test_big_file ();
  test_multi_sector_read ();
  test_disk_full ();
  test_corrupt_disk ();
  test_disk_errors ();
  test_write_back ();
  test_write_back_refused ();
  test_dead_disk ();
  test_partial_writes ();
  test_read_inside_sectors ();
  test_cache_chances ();
  test_read_ahead ();
  /* However often it mounts, the file system asks once to be flushed at
     power-off. */
  CHECK (hooks_registered == 2 && registered_flush == filesys_done);
  free (disk);
  return check_summary ("fs-kernel");
}
