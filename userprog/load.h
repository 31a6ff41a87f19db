#ifndef USERPROG_LOAD_H
#define USERPROG_LOAD_H

/* The ELF loader: builds a new process's address space from an executable. */

#include <stdbool.h>

struct process;

bool load_program (struct process *, const char *cmdline, void (**eip) (void),
                   void **esp);

#endif /* userprog/load.h */
