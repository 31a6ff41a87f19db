#ifndef VM_MAPS_H
#define VM_MAPS_H

/* The maps dump: each process's address space on the diagnostic stream when it
   ends (the kernel's -mapsdump option), for people and for utils/layout. */

#include <stdbool.h>

struct addrspace;

/* Dump each address space as its process ends (the kernel's -mapsdump option). */
extern bool vm_maps_dump;

void vm_maps_dump_at_exit (struct addrspace *);

#endif /* vm/maps.h */
