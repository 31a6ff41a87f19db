#ifndef USERPROG_SYSCALL_H
#define USERPROG_SYSCALL_H

/* The system-call entry, `int $0x30' (shared/ABI.md "System calls"). */

void syscall_init (void);

#endif /* userprog/syscall.h */
