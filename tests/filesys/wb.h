#ifndef TESTS_FILESYS_WB_H
#define TESTS_FILESYS_WB_H

/* The write-back tests' side in the guest (header only, like fsutil.h): making
   each generation of wb-pattern.h in a file, with the writes it names, and
   checking a file holds one. */

#include "tests/filesys/fsutil.h"
#include "tests/filesys/wb-pattern.h"

#define WB_CHUNK 4096 /* The largest write or read these make. */
#define WB_READ 3000  /* What a check reads at a time (off the sectors). */

/* Writes bytes [FROM, TO) of generation GEN to FD (file NAME), in writes of
   PIECE bytes from FROM on. */
static inline void
wb_write_range (int fd, const char *name, int gen, size_t from, size_t to,
                size_t piece)
{
  static uint8_t buf[WB_CHUNK];
  size_t pos, i, n;

  seek (fd, from);
  for (pos = from; pos < to; pos += n)
    {
      n = to - pos < piece ? to - pos : piece;
      for (i = 0; i < n; i++)
        buf[i] = wb_byte (gen, pos + i);
      fs_write (fd, name, buf, n);
    }
}

/* Gives NAME generation GEN, as wb-pattern.h says: generation 0 is a new file;
   each later one is made from the one before it, which NAME must hold. */
static inline void
wb_make (const char *name, int gen)
{
  size_t pos;
  int fd;

  if (gen == 0)
    fs_create (name, 0);
  fd = fs_open (name);
  switch (gen)
    {
    case 0:
      wb_write_range (fd, name, 0, 0, WB_SIZE, WB_CHUNK);
      break;
    case 1:
      for (pos = WB_BLOCK_START; pos < WB_SIZE; pos += 3 * WB_BLOCK)
        wb_write_range (fd, name, 1, pos,
                        pos + WB_BLOCK < WB_SIZE ? pos + WB_BLOCK : WB_SIZE,
                        WB_BLOCK);
      break;
    case 2:
      wb_write_range (fd, name, 2, 0, WB_GROWN, 1000);
      break;
    default:
      for (pos = WB_GROWN - (WB_GROWN - 3) % 512; pos > 3; pos -= 512)
        wb_write_range (fd, name, 3, pos,
                        pos + 512 < WB_GROWN ? pos + 512 : WB_GROWN, 512);
      wb_write_range (fd, name, 3, 0, pos + 512, 512);
      break;
    }
  close (fd);
}

/* Fails unless NAME holds generation GEN, every byte, read WB_READ bytes a
   read from the start. */
static inline void
wb_check (const char *name, int gen)
{
  static uint8_t buf[WB_READ];
  size_t pos, i, n, size = wb_size (gen);
  int fd = fs_open (name);

  fs_check_size (fd, name, size);
  for (pos = 0; pos < size; pos += n)
    {
      n = size - pos < WB_READ ? size - pos : WB_READ;
      fs_read (fd, name, buf, n);
      for (i = 0; i < n; i++)
        if (buf[i] != wb_byte (gen, pos + i))
          fail ("%s: byte %zu is 0x%02x, not generation %d's 0x%02x", name, pos + i,
                buf[i], gen, wb_byte (gen, pos + i));
    }
  close (fd);
}

#endif /* tests/filesys/wb.h */
