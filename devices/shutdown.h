#ifndef DEVICES_SHUTDOWN_H
#define DEVICES_SHUTDOWN_H

/* Ending a run. Under QEMU, Kestrel leaves through the isa-debug-exit device so
   the runner learns how the run ended from QEMU's exit status.

   A clean power-off first runs the hooks the subsystems registered, stage by
   stage and, within a stage, in the order they were registered: every flush
   before any statistics line (so the disks' counts include what the flushes
   wrote), and the leak checks last, once everything has given back what it
   holds. Background threads are told first to start no more work (a write-back
   of the page cache would start the file system's flusher, alive at the leak
   check). The threads layer sits below devices/, so threads/init.c registers its
   lines for it. */

#include <debug.h>
#include <stddef.h>

enum shutdown_stage
{
  SHUTDOWN_QUIESCE,    /* Start no more background work (the cache's flusher). */
  SHUTDOWN_RELEASE,    /* Let go of what holds files open (the page cache). */
  SHUTDOWN_FLUSH,      /* Write back what is cached (the file system). */
  SHUTDOWN_STATISTICS, /* Lines saying what the run did. */
  SHUTDOWN_LEAK_CHECK, /* The counts the checker compares at boot and now. */
  SHUTDOWN_STAGE_CNT
};

typedef void shutdown_hook (void);
void shutdown_register_hook (enum shutdown_stage, shutdown_hook *);
const char *shutdown_leak_note (void);

void shutdown_power_off (void) NO_RETURN;
void shutdown_halt (void) NO_RETURN;
void shutdown_panic (void) NO_RETURN;

#endif /* devices/shutdown.h */
