#ifndef DEVICES_IDE_H
#define DEVICES_IDE_H

/* ATA disks on the two legacy IDE channels, registered as block devices
   "hd0:0" (primary master) ... "hd1:1" (secondary slave). */

void ide_init (void);

#endif /* devices/ide.h */
