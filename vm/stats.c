/* The virtual-memory layer's counts; see stats.h. */

#include "vm/stats.h"
#include <stdio.h>
#include "devices/shutdown.h"

static unsigned long long counts[VM_EVENT_CNT];

/* Counts one EVENT. Safe from any thread; no lock. */
void
vm_count (enum vm_event event)
{
  vm_count_n (event, 1);
}

/* Counts N of EVENT. */
void
vm_count_n (enum vm_event event, size_t n)
{
  __atomic_fetch_add (&counts[event], n, __ATOMIC_RELAXED);
}

/* The power-off line: faults by how they were served, evictions by where the
   page went and how many the pageout thread made (vm/frame.c). */
static void
print_stats (void)
{
  unsigned long long *c = counts;
  unsigned long long faults = c[VM_FAULT_ZERO] + c[VM_FAULT_FILE_READ]
                              + c[VM_FAULT_FILE_CACHED] + c[VM_FAULT_SWAP_READ]
                              + c[VM_FAULT_SWAP_CACHED] + c[VM_FAULT_COPY]
                              + c[VM_FAULT_REUSE];
  unsigned long long evictions = c[VM_EVICT_DROPPED] + c[VM_EVICT_SWAPPED]
                                 + c[VM_EVICT_WRITTEN] + c[VM_EVICT_UNUSED];

  printf ("VM: %llu faults (%llu zero, %llu file read, %llu file cached, %llu swap "
          "read, %llu swap cached, %llu copied, %llu reused), %llu around, %llu "
          "read ahead; %llu evictions (%llu dropped, %llu swapped, %llu written "
          "back, %llu read ahead unused), %llu by the pageout thread\n",
          faults, c[VM_FAULT_ZERO], c[VM_FAULT_FILE_READ], c[VM_FAULT_FILE_CACHED],
          c[VM_FAULT_SWAP_READ], c[VM_FAULT_SWAP_CACHED], c[VM_FAULT_COPY],
          c[VM_FAULT_REUSE], c[VM_FAULT_AROUND], c[VM_READ_AHEAD], evictions,
          c[VM_EVICT_DROPPED], c[VM_EVICT_SWAPPED], c[VM_EVICT_WRITTEN],
          c[VM_EVICT_UNUSED], c[VM_EVICT_BACKGROUND]);
}

/* Registers the power-off line. Call once, from vm_init(). */
void
vm_stats_init (void)
{
  shutdown_register_hook (SHUTDOWN_STATISTICS, print_stats);
}
