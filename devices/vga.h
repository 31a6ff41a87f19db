#ifndef DEVICES_VGA_H
#define DEVICES_VGA_H

/* The VGA text screen, for a person watching QEMU's window. */

void vga_putc (int c);

#endif /* devices/vga.h */
