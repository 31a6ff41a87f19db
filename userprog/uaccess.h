#ifndef USERPROG_UACCESS_H
#define USERPROG_UACCESS_H

/* Access to the running process's user memory from the kernel. Every user
   address goes through user_resolve(), one page at a time, which checks it (below
   PHYS_BASE, mapped, user-accessible, writable for a write) and returns the
   kernel address the data really lives at; the copy then goes through that, so
   the kernel never dereferences a user pointer and never faults on one. */

#include <stdbool.h>
#include <stddef.h>

void *user_resolve (const void *uaddr, bool write);
bool user_copy_in (void *dst, const void *usrc, size_t size);
bool user_copy_out (void *udst, const void *src, size_t size);
int user_strlcpy (char *dst, const char *usrc, size_t size);

#endif /* userprog/uaccess.h */
