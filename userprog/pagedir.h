#ifndef USERPROG_PAGEDIR_H
#define USERPROG_PAGEDIR_H

/* Per-process page directories. */

#include <stdbool.h>
#include <stdint.h>

void pagedir_activate (uint32_t *pd);

#endif /* userprog/pagedir.h */
