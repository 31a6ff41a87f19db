#ifndef USERPROG_EXCEPTION_H
#define USERPROG_EXCEPTION_H

/* CPU exceptions: a user program's fault ends the program, never the kernel. */

struct intr_frame;

void exception_init (void);
void exception_end_watch (struct intr_frame *);

#endif /* userprog/exception.h */
