#ifndef DEVICES_SHUTDOWN_H
#define DEVICES_SHUTDOWN_H

/* Ending a run. Under QEMU, Kestrel leaves through the isa-debug-exit device so the
   runner learns how the run ended from QEMU's exit status. */

#include <stddef.h>

void shutdown_set_boot_free_pages (size_t);
void shutdown_set_boot_free_swap (size_t);
void shutdown_power_off (void) __attribute__ ((noreturn));
void shutdown_halt (void) __attribute__ ((noreturn));
void shutdown_panic (void) __attribute__ ((noreturn));

#endif /* devices/shutdown.h */
