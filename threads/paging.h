#ifndef THREADS_PAGING_H
#define THREADS_PAGING_H

/* The kernel's own page directory: all RAM at PHYS_BASE, the image's text and
   rodata read-only. Every user page directory shares its kernel half. */

#include <stdint.h>

void paging_init (void);
uint32_t *paging_kernel_dir (void);

#endif /* threads/paging.h */
