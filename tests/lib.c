/* Helpers every test program is linked with; see tests/lib.h. */

#include "tests/lib.h"
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syscall.h>
#include "threads/vaddr.h"

#define MESSAGE_MAX 256 /* Longest message printed as one write. */
#define CHECK_CHUNK 256 /* Bytes check_file reads at a time. */

const char *test_name = "unnamed";
int test_argc;
char **test_argv;
bool quiet;

/* Weak, so that a helper program, which defines main and not test_main,
   still links: its own main replaces this one. */
void test_main (void) __attribute__ ((weak));
int main (int argc, char *argv[]) __attribute__ ((weak));

/* The default main: runs test_main between "begin" and "end" lines. */
int
main (int argc, char *argv[])
{
  test_argc = argc;
  test_argv = argv;
  if (argc > 0 && argv[0] != NULL)
    test_name = argv[0];
  if (test_main == NULL)
    fail ("the program defines neither main nor test_main");
  msg ("begin");
  test_main ();
  msg ("end");
  return 0;
}

/* Prints "(NAME) " PREFIX, FORMAT with ARGS and a newline: as one write if it
   fits in MESSAGE_MAX bytes, else in pieces. */
static void
print_message (const char *prefix, const char *format, va_list args)
{
  char line[MESSAGE_MAX];
  int head = snprintf (line, sizeof line, "(%s) %s", test_name, prefix);
  va_list copy;
  int body;

  va_copy (copy, args);
  body = head < (int) sizeof line
             ? vsnprintf (line + head, sizeof line - head, format, copy)
             : 0;
  va_end (copy);
  if (head + body + 1 < (int) sizeof line)
    {
      line[head + body] = '\n';
      write (STDOUT_FILENO, line, head + body + 1);
    }
  else
    {
      printf ("(%s) %s", test_name, prefix);
      vprintf (format, args);
      printf ("\n");
    }
}

void
msg (const char *format, ...)
{
  va_list args;

  if (quiet)
    return;
  va_start (args, format);
  print_message ("", format, args);
  va_end (args);
}

void
fail (const char *format, ...)
{
  va_list args;

  va_start (args, format);
  print_message ("FAIL: ", format, args);
  va_end (args);
  exit (-1);
}

void
compare_bytes (const void *actual_, const void *expected_, size_t size,
               const char *what)
{
  const unsigned char *actual = actual_;
  const unsigned char *expected = expected_;
  size_t i;

  for (i = 0; i < size; i++)
    if (actual[i] != expected[i])
      fail ("%s: byte %zu is 0x%02x, expected 0x%02x", what, i, actual[i],
            expected[i]);
}

void
check_file (const char *name, const void *expected_, size_t size)
{
  const char *expected = expected_;
  char chunk[CHECK_CHUNK];
  size_t offset;
  int fd, length;

  fd = open (name);
  if (fd < 2)
    fail ("open \"%s\" returned %d", name, fd);
  length = filesize (fd);
  if (length != (int) size)
    fail ("\"%s\" is %d bytes long, expected %zu", name, length, size);
  for (offset = 0; offset < size; offset += sizeof chunk)
    {
      size_t want = size - offset < sizeof chunk ? size - offset : sizeof chunk;
      int got = read (fd, chunk, want);

      if (got != (int) want)
        fail ("read of \"%s\" at offset %zu returned %d, expected %zu", name, offset,
              got, want);
      compare_bytes (chunk, expected + offset, want, name);
    }
  close (fd);
  msg ("\"%s\" holds the expected %zu bytes", name, size);
}

void *
first_unmapped_page (void)
{
  extern char end[]; /* From lib/user/user.lds.in: just past .bss. */

  return pg_round_up (end);
}

void *
copy_across (void *boundary, const void *data, size_t size)
{
  char *start = (char *) boundary - size / 2;

  memcpy (start, data, size);
  return start;
}

char *
unterminated_at_unmapped (const char *s)
{
  size_t length = strlen (s);
  char *start = (char *) first_unmapped_page () - length;

  memcpy (start, s, length);
  return start;
}
