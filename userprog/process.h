#ifndef USERPROG_PROCESS_H
#define USERPROG_PROCESS_H

/* User processes: one kernel thread each, running a program loaded from the file
   system in its own address space. exec/wait/exit as in shared/ABI.md. */

#include <abi.h>
#include <debug.h>
#include <list.h>
#include <stdint.h>
#include "threads/thread.h"

/* Lowest descriptor of an open file (0, 1: console). */
#define PROCESS_FD_FIRST 2
#define PROCESS_FILES_MAX 128 /* Files one process may have open at once. */

struct file;
struct child_status;

/* A running user process, owned by its thread (thread->process). Only its own
   thread touches it, so it needs no lock. Its memory is its thread's address
   space (thread->addrspace, vm/addrspace.h). For userprog/ only. */
struct process
{
  char name[PROCESS_NAME_MAX + 1];       /* For `NAME: exit(N)' and kill lines. */
  struct file *executable;               /* Kept open, denying writes, until exit. */
  struct file *files[PROCESS_FILES_MAX]; /* Descriptor PROCESS_FD_FIRST + i. */
  char file_names[PROCESS_FILES_MAX][FILE_NAME_MAX + 1]; /* For maps. */
  struct child_status *status; /* Shared with the parent for wait(). */
  struct list children;        /* Children's child_status, not yet waited. */
  bool stepping; /* The trap flag is set to hear of the faulting instruction's
                    completion (userprog/exception.c). */
};

void process_init (void);
tid_t process_execute (const char *cmdline);
struct intr_frame;
tid_t process_fork (const struct intr_frame *);
bool process_exec_replace (const char *cmdline, struct intr_frame *);
int process_wait (tid_t);
void process_exit (int status) NO_RETURN;
struct process *process_current (void);

#endif /* userprog/process.h */
