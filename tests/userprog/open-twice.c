/* Opening a file twice gives two different descriptors with separate
   positions: reading through one does not move the other. */

#include "tests/lib.h"
#include "tests/userprog/sample.h"
#include <syscall.h>

void
test_main (void)
{
  char first[16], second[16];
  int fd1 = open ("sample.txt");
  int fd2 = open ("sample.txt");

  CHECK (fd1 > 1 && fd2 > 1, "open \"sample.txt\" twice");
  CHECK (fd1 != fd2, "the descriptors differ");
  CHECK (read (fd1, first, sizeof first) == sizeof first,
         "read 16 bytes through the first");
  CHECK (read (fd2, second, sizeof second) == sizeof second,
         "read 16 bytes through the second");
  compare_bytes (first, sample, sizeof first, "first read");
  compare_bytes (second, sample, sizeof second, "second read");
  msg ("both reads start at offset 0");
}
