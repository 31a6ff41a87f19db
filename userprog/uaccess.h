#ifndef USERPROG_UACCESS_H
#define USERPROG_UACCESS_H

/* Access to the running process's user memory from the kernel. Every user
   address goes through user_pin(), one page at a time, which checks it against
   the process's regions, brings the page in exactly as a fault by the process
   would (the stack grows by the user's %esp at the system call), pins it, and
   returns the kernel address its data lives at; the copy then goes through that,
   so the kernel never dereferences a user pointer, never faults on one, and never
   holds a file-system lock while a page comes in. */

#include <stdbool.h>
#include <stddef.h>

void *user_pin (const void *uaddr, bool write);
void user_unpin (void *kaddr);
bool user_range_ok (const void *uaddr, size_t size, bool write);
bool user_copy_in (void *dst, const void *usrc, size_t size);
bool user_copy_out (void *udst, const void *src, size_t size);
int user_strlcpy (char *dst, const char *usrc, size_t size);

#endif /* userprog/uaccess.h */
