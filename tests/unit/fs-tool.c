/* Host tests for the disk tool utils/kfs.c: round trips through temporary
   images, then images corrupted on purpose that `check` must catch.
   The tool is compiled into this program (KFS_NO_MAIN) and driven through
   kfs_main with its output captured. */

#define KFS_NO_MAIN
#include "utils/kfs.c"

#include <stdarg.h>
#include <sys/stat.h>

/* After a failed check, what the command under test printed. */
#define CHECK_FAILURE_NOTE() printf ("  last output: %s\n", output)
#include "tests/unit/check.h"

static char directory[] = "/tmp/kfs-test-XXXXXX";
static char output[1 << 16]; /* Everything the last command printed. */

/* Returns DIRECTORY/NAME; the same NAME always gives the same buffer, so
   a path stays valid for the whole run. */
static const char *
temp (const char *name)
{
  static char names[64][32], paths[64][256];
  static int used;
  int i;
  for (i = 0; i < used; i++)
    if (strcmp (names[i], name) == 0)
      return paths[i];
  if (used == 64)
    abort ();
  snprintf (names[used], sizeof names[used], "%s", name);
  snprintf (paths[used], sizeof paths[used], "%s/%s", directory, name);
  return paths[used++];
}

/* Runs kfs with the NULL-terminated arguments, capturing its stdout and
   stderr in OUTPUT.  Returns its exit status. */
static int
run (const char *first, ...)
{
  char *argv[16];
  int argc = 0, status;
  size_t length;
  va_list args;
  FILE *capture = tmpfile ();

  argv[argc++] = (char *) "kfs";
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    argv[argc++] = (char *) arg;
  va_end (args);
  argv[argc] = NULL;

  kfs_out_stream = kfs_err_stream = capture;
  status = kfs_main (argc, argv);
  kfs_out_stream = kfs_err_stream = NULL;
  rewind (capture);
  length = fread (output, 1, sizeof output - 1, capture);
  output[length] = '\0';
  fclose (capture);
  return status;
}

static bool
said (const char *text)
{
  return strstr (output, text) != NULL;
}

/* Writes LENGTH pseudo-random bytes (from SEED) to host file NAME. */
static const char *
make_host_file (const char *name, size_t length, unsigned seed)
{
  const char *path = temp (name);
  FILE *file = fopen (path, "wb");
  size_t i;
  for (i = 0; i < length; i++)
    {
      seed = seed * 1103515245u + 12345u;
      fputc ((int) (seed >> 16) & 0xff, file);
    }
  fclose (file);
  return path;
}

/* True if host files A and B have identical contents. */
static bool
same_contents (const char *a, const char *b)
{
  FILE *fa = fopen (a, "rb"), *fb = fopen (b, "rb");
  bool same = fa != NULL && fb != NULL;
  int ca, cb;
  while (same)
    {
      ca = fgetc (fa);
      cb = fgetc (fb);
      same = ca == cb;
      if (ca == EOF)
        break;
    }
  if (fa != NULL)
    fclose (fa);
  if (fb != NULL)
    fclose (fb);
  return same;
}

/* Puts a LENGTH-byte file as NAME into IMAGE, gets it back and compares. */
static bool
round_trip (const char *image, const char *name, size_t length)
{
  const char *in = make_host_file ("in", length, (unsigned) length);
  const char *back = temp ("back");
  return run ("put", image, in, name, NULL) == 0
         && run ("get", image, name, back, NULL) == 0 && same_contents (in, back);
}

static int
count_lines (void)
{
  int lines = 0;
  for (const char *p = output; *p != '\0'; p++)
    lines += *p == '\n';
  return lines;
}

/* ---- Raw image access for corrupting images. ---- */

static void
raw_sector (const char *image, uint32_t sector, void *buffer, bool write)
{
  FILE *file = fopen (image, "r+b");
  fseek (file, (long) sector * KFS_SECTOR_SIZE, SEEK_SET);
  if (write)
    fwrite (buffer, KFS_SECTOR_SIZE, 1, file);
  else if (fread (buffer, KFS_SECTOR_SIZE, 1, file) != 1)
    memset (buffer, 0, KFS_SECTOR_SIZE);
  fclose (file);
}

/* Finds the directory entry for NAME in a fresh image written by kfs (the
   directory's first sector holds it).  Returns the entry's index or -1,
   filling ENTRIES with that sector and *DIR_SECTOR with its number. */
static int
raw_find (const char *image, const char *name, struct kfs_dirent entries[16],
          uint32_t *dir_sector)
{
  struct kfs_inode root;
  int i;
  raw_sector (image, KFS_ROOT_DIR_SECTOR, &root, false);
  *dir_sector = root.direct[0];
  raw_sector (image, *dir_sector, entries, false);
  for (i = 0; i < 16; i++)
    if (entries[i].in_use && strcmp (entries[i].name, name) == 0)
      return i;
  return -1;
}

static uint32_t
raw_inode_sector (const char *image, const char *name)
{
  struct kfs_dirent entries[16];
  uint32_t dir_sector;
  int i = raw_find (image, name, entries, &dir_sector);
  return i < 0 ? 0 : entries[i].inode_sector;
}

static void
raw_map_set (const char *image, uint32_t sector, bool in_use)
{
  uint8_t map[KFS_SECTOR_SIZE];
  uint32_t map_sector = KFS_FREE_MAP_SECTOR + sector / KFS_BITS_PER_SECTOR;
  raw_sector (image, map_sector, map, false);
  kfs_map_set (map, sector % KFS_BITS_PER_SECTOR, in_use);
  raw_sector (image, map_sector, map, true);
}

/* Makes a 2 MB image with files a (3000 bytes) and b (2000 bytes). */
static const char *
fresh_pair (void)
{
  const char *image = temp ("pair.img");
  run ("mkfs", image, "2", NULL);
  run ("put", image, make_host_file ("a", 3000, 1), "a", NULL);
  run ("put", image, make_host_file ("b", 2000, 2), "b", NULL);
  return image;
}

/* ---- Tests. ---- */

static void
test_usage (void)
{
  const char *image = temp ("usage.img");
  CHECK (run (NULL) == 2 && said ("usage"));
  CHECK (run ("frobnicate", image, NULL) == 2);
  CHECK (run ("mkfs", image, NULL) == 2);
  CHECK (run ("mkfs", image, "two", NULL) == 2 && said ("bad size"));
  CHECK (run ("mkfs", image, "-1", NULL) == 2);
  CHECK (run ("mkfs", image, "0", NULL) == 2);
  CHECK (run ("mkfs", image, "99999", NULL) == 2);
  CHECK (run ("ls", image, "extra", NULL) == 2);
  CHECK (run ("ls", temp ("missing.img"), NULL) == 2);
  CHECK (run ("check", temp ("missing.img"), NULL) == 2);
  CHECK (run ("put", image, temp ("no-such-host-file"), "x", NULL) == 1);
}

/* mkfs with files makes the image and puts them, in order, in one run; it
   stops at a put that fails, and an unpaired file is a usage error. */
static void
test_mkfs_with_files (void)
{
  const char *image = temp ("filled.img");
  const char *a = make_host_file ("fa", 3000, 3), *b = make_host_file ("fb", 600, 4);

  CHECK (run ("mkfs", image, "2", a, "a", b, "b", NULL) == 0);
  CHECK (run ("ls", image, NULL) == 0 && count_lines () == 2);
  CHECK (said (" 3000\n") && said (" 600\n"));
  CHECK (run ("get", image, "b", temp ("fb-back"), NULL) == 0
         && same_contents (b, temp ("fb-back")));
  CHECK (run ("check", image, NULL) == 0 && said ("ok"));
  CHECK (run ("mkfs", image, "2", a, NULL) == 2 && said ("usage"));
  CHECK (
      run ("mkfs", image, "2", a, "a", temp ("no-such-host-file"), "c", b, "b", NULL)
      == 1);
  CHECK (said ("no-such-host-file"));
  CHECK (run ("ls", image, NULL) == 0 && count_lines () == 1 && said (" 3000\n"));
}

static void
test_empty_and_small (void)
{
  const char *image = temp ("small.img");
  struct stat st;

  CHECK (run ("mkfs", image, "2", NULL) == 0);
  CHECK (stat (image, &st) == 0 && st.st_size == 2 * 1024 * 1024);
  CHECK (run ("check", image, NULL) == 0 && strcmp (output, "ok\n") == 0);
  CHECK (run ("ls", image, NULL) == 0 && output[0] == '\0');
  CHECK (round_trip (image, "empty", 0));
  CHECK (round_trip (image, "one", 1));
  CHECK (round_trip (image, "sector", KFS_SECTOR_SIZE));
  CHECK (round_trip (image, "sector+1", KFS_SECTOR_SIZE + 1));
  CHECK (run ("ls", image, NULL) == 0 && count_lines () == 4);
  CHECK (said ("empty") && said ("sector+1            513"));
  CHECK (run ("check", image, NULL) == 0 && said ("ok"));
  CHECK (run ("get", image, "nothing", temp ("x"), NULL) == 1 && said ("no file"));
  CHECK (run ("rm", image, "nothing", NULL) == 1);
}

static void
test_names (void)
{
  const char *image = temp ("names.img");
  const char *in = make_host_file ("n", 10, 3);
  run ("mkfs", image, "2", NULL);
  CHECK (run ("put", image, in, "12345678901234", NULL) == 0);
  CHECK (run ("put", image, in, "123456789012345", NULL) == 1
         && said ("invalid file name"));
  CHECK (run ("put", image, in, "", NULL) == 1);
  CHECK (run ("put", image, in, "a/b", NULL) == 1);
  CHECK (run ("ls", image, NULL) == 0 && count_lines () == 1);
  CHECK (run ("check", image, NULL) == 0);
}

static void
test_large_files (void)
{
  const char *image = temp ("large.img");
  const uint32_t first_double = KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR;

  CHECK (run ("mkfs", image, "10", NULL) == 0);
  CHECK (round_trip (image, "last-direct", KFS_DIRECT_COUNT * KFS_SECTOR_SIZE));
  CHECK (round_trip (image, "first-ind", KFS_DIRECT_COUNT * KFS_SECTOR_SIZE + 1));
  CHECK (round_trip (image, "last-ind", first_double * KFS_SECTOR_SIZE));
  CHECK (round_trip (image, "first-dbl", first_double * KFS_SECTOR_SIZE + 1));
  CHECK (round_trip (image, "one-mb", 1024 * 1024));
  CHECK (run ("check", image, NULL) == 0);
  CHECK (run ("rm", image, "one-mb", NULL) == 0);
  CHECK (round_trip (image, "max", KFS_MAX_FILE_SIZE));
  CHECK (run ("check", image, NULL) == 0);
  CHECK (run ("put", image, make_host_file ("huge", KFS_MAX_FILE_SIZE + 1, 4),
              "huge", NULL)
             == 1
         && said ("maximum file size"));
  CHECK (run ("rm", image, "max", NULL) == 0);
  CHECK (run ("check", image, NULL) == 0);
}

static void
test_many_files (void)
{
  const char *image = temp ("many.img");
  char name[32];
  int i;

  run ("mkfs", image, "2", NULL);
  for (i = 0; i < 100; i++)
    {
      snprintf (name, sizeof name, "file%d", i);
      CHECK (run ("put", image, make_host_file ("m", 100 + i * 37, i), name, NULL)
             == 0);
    }
  CHECK (run ("ls", image, NULL) == 0 && count_lines () == 100);
  CHECK (run ("check", image, NULL) == 0);
  for (i = 0; i < 100; i += 2)
    {
      snprintf (name, sizeof name, "file%d", i);
      CHECK (run ("rm", image, name, NULL) == 0);
    }
  CHECK (run ("ls", image, NULL) == 0 && count_lines () == 50);
  CHECK (!said ("file0 ") && said ("file99"));
  CHECK (run ("get", image, "file51", temp ("m51"), NULL) == 0);
  CHECK (same_contents (temp ("m51"), make_host_file ("m", 100 + 51 * 37, 51)));
  CHECK (run ("check", image, NULL) == 0);
}

static void
test_replace (void)
{
  const char *image = temp ("replace.img");
  run ("mkfs", image, "2", NULL);
  CHECK (round_trip (image, "same", 200000));
  CHECK (round_trip (image, "same", 70));
  CHECK (run ("ls", image, NULL) == 0 && count_lines () == 1 && said ("      70"));
  CHECK (run ("check", image, NULL) == 0);
}

static void
test_full_disk (void)
{
  const char *image = temp ("full.img");
  const char *big = make_host_file ("big", 1500000, 5);
  const char *chunk = make_host_file ("chunk", 100000, 6);
  char name[32];
  int i, stored = 0;

  run ("mkfs", image, "2", NULL);
  CHECK (run ("put", image, big, "big", NULL) == 0);
  CHECK (run ("put", image, big, "big2", NULL) == 1 && said ("disk full"));
  CHECK (run ("check", image, NULL) == 0);
  CHECK (run ("ls", image, NULL) == 0 && count_lines () == 1);
  /* Replacing may reuse the old file's space. */
  CHECK (run ("put", image, big, "big", NULL) == 0);
  for (i = 0; i < 10; i++)
    {
      snprintf (name, sizeof name, "chunk%d", i);
      if (run ("put", image, chunk, name, NULL) != 0)
        break;
      stored++;
    }
  CHECK (stored > 0 && stored < 10 && said ("disk full"));
  CHECK (run ("check", image, NULL) == 0);
  CHECK (run ("rm", image, "big", NULL) == 0);
  CHECK (run ("put", image, chunk, "after", NULL) == 0);
  CHECK (run ("check", image, NULL) == 0);
}

/* Each corruption below starts from a clean two-file image. */

static void
test_corrupt_double_use (void)
{
  const char *image = fresh_pair ();
  struct kfs_inode a, b;
  uint32_t sa = raw_inode_sector (image, "a");
  uint32_t sb = raw_inode_sector (image, "b");

  CHECK (run ("check", image, NULL) == 0);
  raw_sector (image, sa, &a, false);
  raw_sector (image, sb, &b, false);
  b.direct[0] = a.direct[0];
  raw_sector (image, sb, &b, true);
  CHECK (run ("check", image, NULL) == 1 && said ("used twice") && said ("leak"));
}

static void
test_corrupt_leak (void)
{
  const char *image = fresh_pair ();
  raw_map_set (image, 4000, true);
  CHECK (run ("check", image, NULL) == 1 && said ("sector 4000") && said ("leak")
         && said ("1 problem\n"));
}

static void
test_corrupt_map_past_end (void)
{
  const char *image = temp ("odd.img");
  CHECK (run ("mkfs", image, "3", NULL) == 0); /* 6144 of 8192 map bits. */
  raw_map_set (image, 7000, true);
  raw_map_set (image, 7001, true);
  CHECK (run ("check", image, NULL) == 1 && said ("sectors 7000-7001")
         && said ("past the end") && said ("1 problem\n"));
}

static void
test_corrupt_marked_free (void)
{
  const char *image = fresh_pair ();
  struct kfs_inode a;
  raw_sector (image, raw_inode_sector (image, "a"), &a, false);
  raw_map_set (image, a.direct[1], false);
  CHECK (run ("check", image, NULL) == 1 && said ("in use but marked free"));
}

static void
test_corrupt_bad_pointer (void)
{
  const char *image = fresh_pair ();
  uint32_t sa = raw_inode_sector (image, "a");
  struct kfs_inode a;
  raw_sector (image, sa, &a, false);
  a.direct[0] = 4096 + 5;
  raw_sector (image, sa, &a, true);
  CHECK (run ("check", image, NULL) == 1 && said ("outside the data area"));
  /* Other commands refuse the damaged file rather than crash. */
  CHECK (run ("get", image, "a", temp ("out"), NULL) == 1 && said ("damaged"));
  CHECK (run ("rm", image, "a", NULL) == 1);
  CHECK (run ("get", image, "b", temp ("out"), NULL) == 0);
}

static void
test_corrupt_lengths (void)
{
  const char *image = fresh_pair ();
  uint32_t sa = raw_inode_sector (image, "a");
  struct kfs_inode a, saved;

  raw_sector (image, sa, &a, false);
  saved = a;
  a.length += 5000; /* More than the pointers cover. */
  raw_sector (image, sa, &a, true);
  CHECK (run ("check", image, NULL) == 1 && said ("missing"));

  a = saved;
  a.direct[100] = a.direct[0]; /* A pointer past the end. */
  raw_sector (image, sa, &a, true);
  CHECK (run ("check", image, NULL) == 1 && said ("past the end"));

  a = saved;
  a.length = KFS_MAX_FILE_SIZE + 1;
  raw_sector (image, sa, &a, true);
  CHECK (run ("check", image, NULL) == 1 && said ("maximum file size"));

  a = saved;
  a.magic = 0;
  raw_sector (image, sa, &a, true);
  CHECK (run ("check", image, NULL) == 1 && said ("bad inode magic"));
  CHECK (run ("ls", image, NULL) == 1);
}

static void
test_corrupt_superblock (void)
{
  const char *image = fresh_pair ();
  struct kfs_superblock sb;

  raw_sector (image, KFS_SUPERBLOCK_SECTOR, &sb, false);
  sb.magic = 0x12345678;
  raw_sector (image, KFS_SUPERBLOCK_SECTOR, &sb, true);
  CHECK (run ("check", image, NULL) == 2 && said ("bad magic"));
  CHECK (run ("ls", image, NULL) == 2);

  image = fresh_pair ();
  CHECK (truncate (image, 1024 * 1024) == 0);
  CHECK (run ("check", image, NULL) == 2 && said ("larger than its device"));
}

static void
test_corrupt_directory (void)
{
  const char *image = fresh_pair ();
  struct kfs_dirent entries[16];
  uint32_t dir_sector;
  int ia = raw_find (image, "a", entries, &dir_sector);
  int ib = raw_find (image, "b", entries, &dir_sector);
  struct kfs_dirent saved;

  CHECK (ia >= 0 && ib >= 0);
  saved = entries[ib];
  strcpy (entries[ib].name, "a");
  raw_sector (image, dir_sector, entries, true);
  CHECK (run ("check", image, NULL) == 1 && said ("duplicate name"));

  entries[ib] = saved;
  strcpy (entries[ib].name, "x/y");
  raw_sector (image, dir_sector, entries, true);
  CHECK (run ("check", image, NULL) == 1 && said ("invalid name"));

  entries[ib] = saved;
  entries[ib].inode_sector = entries[ia].inode_sector;
  raw_sector (image, dir_sector, entries, true);
  CHECK (run ("check", image, NULL) == 1 && said ("already used"));

  entries[ib] = saved;
  entries[ib].inode_sector = 1;
  raw_sector (image, dir_sector, entries, true);
  CHECK (run ("check", image, NULL) == 1 && said ("outside the data area"));

  entries[ib] = saved;
  entries[ib].in_use = 7;
  raw_sector (image, dir_sector, entries, true);
  CHECK (run ("check", image, NULL) == 1 && said ("in-use flag"));

  entries[ib] = saved;
  raw_sector (image, dir_sector, entries, true);
  CHECK (run ("check", image, NULL) == 0);
}

/* Removes the temporary directory and everything in it. */
static void
clean_up (void)
{
  char command[300];
  snprintf (command, sizeof command, "rm -rf '%s'", directory);
  if (system (command) != 0)
    printf ("could not remove %s\n", directory);
}

/* `kfs sector` names the disk sector that holds a byte of a file: its bytes in
   the image are the file's there (a direct, an indirect and a doubly-indirect
   sector); a byte past the end or a missing file is an error. */
static void
test_sector (void)
{
  const char *image = temp ("sector.img");
  const uint32_t length
      = (KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR + 3) * KFS_SECTOR_SIZE;
  const char *in = make_host_file ("sector-in", length, 11);
  const uint32_t offsets[]
      = { 5, 3 * KFS_SECTOR_SIZE + 100, (KFS_DIRECT_COUNT + 1) * KFS_SECTOR_SIZE,
          (KFS_DIRECT_COUNT + KFS_PTRS_PER_SECTOR + 1) * KFS_SECTOR_SIZE + 7 };
  uint8_t want[KFS_SECTOR_SIZE], got[KFS_SECTOR_SIZE];
  char offset_text[16];
  FILE *image_file, *in_file;
  size_t i;

  CHECK (run ("mkfs", image, "2", NULL) == 0);
  CHECK (run ("put", image, in, "data", NULL) == 0);
  image_file = fopen (image, "rb");
  in_file = fopen (in, "rb");
  for (i = 0; i < sizeof offsets / sizeof *offsets; i++)
    {
      unsigned long sector;
      snprintf (offset_text, sizeof offset_text, "%u", offsets[i]);
      CHECK (run ("sector", image, "data", offset_text, NULL) == 0);
      sector = strtoul (output, NULL, 10);
      CHECK (sector > 0);
      fseek (image_file, (long) (sector * KFS_SECTOR_SIZE), SEEK_SET);
      fseek (in_file, (long) (offsets[i] / KFS_SECTOR_SIZE * KFS_SECTOR_SIZE),
             SEEK_SET);
      CHECK (fread (got, 1, sizeof got, image_file) == sizeof got);
      CHECK (fread (want, 1, sizeof want, in_file) == sizeof want);
      CHECK (memcmp (got, want, sizeof got) == 0);
    }
  fclose (image_file);
  fclose (in_file);
  snprintf (offset_text, sizeof offset_text, "%u", length);
  CHECK (run ("sector", image, "data", offset_text, NULL) == 1 && said ("no byte"));
  CHECK (run ("sector", image, "nothing", "0", NULL) == 1 && said ("no file"));
  CHECK (run ("sector", image, "data", "x", NULL) == 2 && said ("bad offset"));
}

int
main (void)
{
  if (mkdtemp (directory) == NULL)
    {
      perror ("mkdtemp");
      return 1;
    }
  test_usage ();
  test_mkfs_with_files ();
  test_empty_and_small ();
  test_names ();
  test_large_files ();
  test_many_files ();
  test_replace ();
  test_full_disk ();
  test_corrupt_double_use ();
  test_corrupt_leak ();
  test_corrupt_marked_free ();
  test_corrupt_map_past_end ();
  test_corrupt_bad_pointer ();
  test_corrupt_lengths ();
  test_corrupt_superblock ();
  test_corrupt_directory ();
  test_sector ();
  clean_up ();
  return check_summary ("fs-tool");
}
