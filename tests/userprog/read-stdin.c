/* read(0, ...) takes bytes from the serial console: the runner feeds the line
   below to QEMU's serial port, and the program must get exactly those bytes, in
   order, across several reads (one that blocks for more than one byte, and
   single-byte reads), then echo them. */

#include "tests/lib.h"
#include <string.h>
#include <syscall.h>

void
test_main (void)
{
  char word[6] = "";
  char rest[8] = "";
  int i;

  CHECK (read (STDIN_FILENO, word, 5) == 5, "read 5 bytes from the console");
  CHECK (!memcmp (word, "hello", 5), "they are \"hello\"");
  for (i = 0; i < 7; i++)
    if (read (STDIN_FILENO, &rest[i], 1) != 1)
      fail ("single-byte read %d failed", i);
  CHECK (!memcmp (rest, " kernel", 7), "seven 1-byte reads give \" kernel\"");
  CHECK (read (STDIN_FILENO, word, 0) == 0, "a 0-byte read returns 0 at once");
  msg ("echo: %s%s", word, rest);
}
