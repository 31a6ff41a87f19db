#ifndef DEVICES_SERIAL_H
#define DEVICES_SERIAL_H

/* The first serial port (COM1): the console the test harness reads. */

#include <stdint.h>

void serial_init (void);
void serial_init_interrupts (void);
void serial_putc (uint8_t);

#endif /* devices/serial.h */
