#ifndef USERPROG_PAGEDIR_H
#define USERPROG_PAGEDIR_H

/* Per-process page directories: the user half maps the process's pages, the
   kernel half is shared with the kernel's own directory. Per-page state (present,
   writable, accessed, dirty) lives in the page-table entries themselves. */

#include <stdbool.h>
#include <stdint.h>

uint32_t *pagedir_create (void);
void pagedir_destroy (uint32_t *pd);
void pagedir_activate (uint32_t *pd);

uint32_t *pagedir_lookup_pte (uint32_t *pd, const void *uaddr, bool create);
bool pagedir_set_page (uint32_t *pd, void *upage, void *kpage, bool writable);
void *pagedir_get_page (uint32_t *pd, const void *uaddr);
void pagedir_clear_page (uint32_t *pd, void *upage);

bool pagedir_is_writable (uint32_t *pd, const void *upage);
bool pagedir_is_dirty (uint32_t *pd, const void *upage);
void pagedir_set_dirty (uint32_t *pd, const void *upage, bool dirty);
bool pagedir_is_accessed (uint32_t *pd, const void *upage);
void pagedir_set_accessed (uint32_t *pd, const void *upage, bool accessed);

#endif /* userprog/pagedir.h */
