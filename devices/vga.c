/* VGA text mode: 80x25 cells of (character, attribute) at physical 0xb8000; the
   hardware cursor is moved through the CRT controller's index/data ports. */

#include "devices/vga.h"
#include <stdint.h>
#include <string.h>
#include "threads/io.h"
#include "threads/vaddr.h"

#define VGA_PADDR 0xb8000
#define COLS 80
#define ROWS 25
#define ATTR 0x07 /* Grey on black. */
#define CRTC_INDEX 0x3d4
#define CRTC_DATA 0x3d5
#define CRTC_CURSOR_HIGH 0x0e
#define CRTC_CURSOR_LOW 0x0f
#define TAB_WIDTH 8

static unsigned col, row;

static uint16_t *
cell (unsigned r, unsigned c)
{
  return (uint16_t *) ptov (VGA_PADDR) + r * COLS + c;
}

static void
scroll (void)
{
  unsigned c;
  memmove (cell (0, 0), cell (1, 0), (ROWS - 1) * COLS * sizeof (uint16_t));
  for (c = 0; c < COLS; c++)
    *cell (ROWS - 1, c) = ' ' | ATTR << 8;
  row = ROWS - 1;
}

static void
newline (void)
{
  col = 0;
  if (++row >= ROWS)
    scroll ();
}

static void
move_cursor (void)
{
  uint16_t pos = row * COLS + col;
  outb (CRTC_INDEX, CRTC_CURSOR_HIGH);
  outb (CRTC_DATA, pos >> 8);
  outb (CRTC_INDEX, CRTC_CURSOR_LOW);
  outb (CRTC_DATA, pos & 0xff);
}

/* Writes C at the cursor, handling newline, carriage return, backspace and tab. */
void
vga_putc (int c)
{
  switch (c)
    {
    case '\n':
      newline ();
      break;
    case '\r':
      col = 0;
      break;
    case '\b':
      if (col > 0)
        col--;
      break;
    case '\t':
      col = (col / TAB_WIDTH + 1) * TAB_WIDTH;
      if (col >= COLS)
        newline ();
      break;
    default:
      *cell (row, col) = (uint8_t) c | ATTR << 8;
      if (++col >= COLS)
        newline ();
      break;
    }
  move_cursor ();
}
