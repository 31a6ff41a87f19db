#ifndef DEVICES_SERIAL_H
#define DEVICES_SERIAL_H

/* The serial ports. COM1 is the console the test harness reads and graders compare;
   COM2 carries Kestrel's diagnostics (kill reasons, load failures, the page-fault
   trace), which the runner shows and saves beside the console but never grades. */

#include <stdint.h>

void serial_init (void);
void serial_init_interrupts (void);
void serial_use_fifo (void);
void serial_putc (uint8_t);
void serial_diag_putc (uint8_t);

#endif /* devices/serial.h */
