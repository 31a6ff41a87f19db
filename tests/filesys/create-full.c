/* Creating 64 kB files until the 2 MB disk is full: create eventually
   returns false (no panic, no half-made file), every file made so far is
   intact, and after removing them all exactly as many fit again, so no
   sector leaked on the way. */

#include "tests/filesys/fsutil.h"

#define FILE_SIZE (64 * 1024)
#define FILES_MAX 100 /* More than a 2 MB disk can hold. */
#define FILES_MIN 10  /* Fewer would mean space went missing. */

static char name_buf[FILES_MAX][16];

/* Creates files until create fails; returns how many were made. */
static int
fill_disk (void)
{
  int count;

  for (count = 0; count < FILES_MAX; count++)
    {
      snprintf (name_buf[count], sizeof name_buf[count], "full-%03d", count);
      if (!create (name_buf[count], FILE_SIZE))
        return count;
    }
  fail ("create never failed: %d files of %d bytes fit", count, FILE_SIZE);
}

/* Removes the first COUNT files, failing if any remove fails. */
static void
remove_all (int count)
{
  int i;

  for (i = 0; i < count; i++)
    if (!remove (name_buf[i]))
      fail ("remove \"%s\" returned false", name_buf[i]);
}

void
test_main (void)
{
  static char block[4096];
  int count, again, i, fd;

  count = fill_disk ();
  CHECK (count >= FILES_MIN,
         "create failed once the disk was full "
         "(after at least %d files)",
         FILES_MIN);
  CHECK (open (name_buf[count]) == -1, "the file that did not fit does not exist");
  for (i = 0; i < count; i++)
    {
      fd = fs_open (name_buf[i]);
      fs_check_size (fd, name_buf[i], FILE_SIZE);
      seek (fd, FILE_SIZE - sizeof block);
      fs_read (fd, name_buf[i], block, sizeof block);
      fs_check_zero (block, sizeof block, FILE_SIZE - sizeof block, name_buf[i]);
      close (fd);
    }
  msg ("every file made is whole and zero-filled");
  remove_all (count);
  msg ("removed them all");
  again = fill_disk ();
  CHECK (again == count, "the same number of files fit again");
  remove_all (again);
}
