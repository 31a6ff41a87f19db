/* Sixty files in the one directory (so it grows past its first sector):
   each holds its own contents; removing every other one leaves the rest
   intact; new names reuse the freed entries; at the end all are removed. */

#include "tests/filesys/fsutil.h"

#define FILES 60
#define NEW_FILES 30

/* Writes file NAME with 100 + INDEX bytes of INDEX's pattern. */
static void
make_file (const char *name, int index)
{
  char buf[100 + FILES + NEW_FILES];
  int fd;

  fs_create (name, 0);
  fd = fs_open (name);
  fs_fill (buf, 100 + index, index, 0);
  fs_write (fd, name, buf, 100 + index);
  close (fd);
}

/* Fails unless NAME holds what make_file (NAME, INDEX) wrote. */
static void
check_made (const char *name, int index)
{
  char buf[100 + FILES + NEW_FILES];
  int fd = fs_open (name);

  fs_check_size (fd, name, 100 + index);
  fs_read (fd, name, buf, 100 + index);
  fs_check_pattern (buf, 100 + index, index, 0, name);
  close (fd);
}

void
test_main (void)
{
  char name[16];
  int i;

  for (i = 0; i < FILES; i++)
    {
      snprintf (name, sizeof name, "many-%02d", i);
      make_file (name, i);
    }
  for (i = 0; i < FILES; i++)
    {
      snprintf (name, sizeof name, "many-%02d", i);
      check_made (name, i);
    }
  msg ("created %d files, each with its own contents", FILES);
  for (i = 0; i < FILES; i += 2)
    {
      snprintf (name, sizeof name, "many-%02d", i);
      if (!remove (name))
        fail ("remove \"%s\" failed", name);
    }
  for (i = 0; i < FILES; i++)
    {
      snprintf (name, sizeof name, "many-%02d", i);
      if (i % 2 == 0 && open (name) != -1)
        fail ("\"%s\" still opens after remove", name);
      if (i % 2 == 1)
        check_made (name, i);
    }
  msg ("removed the even ones, the odd ones are intact");
  for (i = 0; i < NEW_FILES; i++)
    {
      snprintf (name, sizeof name, "new-%02d", i);
      make_file (name, FILES + i);
    }
  for (i = 0; i < NEW_FILES; i++)
    {
      snprintf (name, sizeof name, "new-%02d", i);
      check_made (name, FILES + i);
    }
  for (i = 1; i < FILES; i += 2)
    {
      snprintf (name, sizeof name, "many-%02d", i);
      check_made (name, i);
    }
  msg ("%d new files fit in, all files intact", NEW_FILES);
  for (i = 0; i < NEW_FILES; i++)
    {
      snprintf (name, sizeof name, "new-%02d", i);
      if (!remove (name))
        fail ("remove \"%s\" failed", name);
    }
  for (i = 1; i < FILES; i += 2)
    {
      snprintf (name, sizeof name, "many-%02d", i);
      if (!remove (name))
        fail ("remove \"%s\" failed", name);
    }
  msg ("removed them all");
}
