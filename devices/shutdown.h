#ifndef DEVICES_SHUTDOWN_H
#define DEVICES_SHUTDOWN_H

/* Ending a run. Under QEMU, Kestrel leaves through the isa-debug-exit device so the
   runner learns how the run ended from QEMU's exit status. */

#include <debug.h>
#include <stddef.h>

void shutdown_set_boot_free_pages (size_t);
void shutdown_set_boot_free_swap (size_t);
void shutdown_power_off (void) NO_RETURN;
void shutdown_halt (void) NO_RETURN;
void shutdown_panic (void) NO_RETURN;

#endif /* devices/shutdown.h */
