#ifndef USERPROG_EXCEPTION_H
#define USERPROG_EXCEPTION_H

/* CPU exceptions: a user program's fault ends the program, never the kernel. */

/* Page-fault error code bits (Intel SDM vol. 3, §4.7). */
#define PF_P 0x1    /* 0: not-present page; 1: protection violation. */
#define PF_W 0x2    /* 0: read; 1: write. */
#define PF_U 0x4    /* 0: kernel mode; 1: user mode. */

void exception_init (void);

#endif /* userprog/exception.h */
