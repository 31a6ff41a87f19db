#ifndef DEVICES_IDE_H
#define DEVICES_IDE_H

/* ATA disks on the two legacy IDE channels, registered as block devices
   "hd0:0" (primary master) ... "hd1:1" (secondary slave). Transfers go by
   bus-master DMA where the controller and disk allow, else by PIO. */

#include <stdbool.h>

/* Every transfer by PIO: set by the -pio option before ide_init() (then no
   disk is set up for DMA), or around a benchmark's PIO measurements. */
extern bool ide_force_pio;

void ide_init (void);
bool ide_uses_dma (const char *name);

#endif /* devices/ide.h */
