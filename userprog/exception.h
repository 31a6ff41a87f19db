#ifndef USERPROG_EXCEPTION_H
#define USERPROG_EXCEPTION_H

/* CPU exceptions: a user program's fault ends the program, never the kernel. */

void exception_init (void);

#endif /* userprog/exception.h */
