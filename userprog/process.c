/* User processes: exec, wait and exit.

   A parent and each child share one child_status record, reference-counted so
   that either may end first: the child fills in its exit status and ups
   `exited'; the parent downs it in wait(). Each side drops its reference when
   it is done (the parent after waiting or when it exits, the child when it
   exits), and the last one frees the record. Kernel threads that start
   processes (the `run' action) keep their children on one shared list. */

#include "userprog/process.h"
#include <stdio.h>
#include <string.h>
#include "devices/console.h"
#include "filesys/file.h"
#include "threads/flags.h"
#include "threads/gdt.h"
#include "threads/interrupt.h"
#include "threads/malloc.h"
#include "threads/synch.h"
#include "threads/vaddr.h"
#include "userprog/load.h"
#include "vm/addrspace.h"
#include "vm/maps.h"

/* What a parent and one child share. */
struct child_status
{
  tid_t pid;
  int exit_status;         /* Valid once `exited' is up. */
  struct semaphore exited; /* Upped once by the child as it ends. */
  int refs;                /* Parent + child; under status_lock. */
  struct list_elem elem;   /* In the parent's `children' list. */
};

/* Handed from process_execute() to the new thread, on the parent's stack; the
   parent waits on `loaded' so the child may use it until it ups that. */
struct exec_request
{
  const char *cmdline;
  struct child_status *status;
  struct semaphore loaded;
  bool success;
};

static struct lock status_lock;     /* refs of every record; children lists. */
static struct list kernel_children; /* Children of kernel threads. */

static thread_func start_process NO_RETURN;
static void enter_user_mode (void (*eip) (void), void *esp) NO_RETURN;

/* Initialises the process layer. Call once, before the first process_execute(). */
void
process_init (void)
{
  lock_init (&status_lock);
  list_init (&kernel_children);
}

/* The running thread's process, or NULL in a kernel thread. */
struct process *
process_current (void)
{
  return thread_current ()->process;
}

/* The list of children of the running thread. */
static struct list *
current_children (void)
{
  struct process *p = process_current ();
  return p != NULL ? &p->children : &kernel_children;
}

/* Drops one reference to STATUS, freeing it with the last. */
static void
status_release (struct child_status *status)
{
  bool last;

  lock_acquire (&status_lock);
  last = --status->refs == 0;
  lock_release (&status_lock);
  if (last)
    free (status);
}

/* Copies the first word of CMDLINE into NAME, cut to PROCESS_NAME_MAX characters. */
static void
process_name (const char *cmdline, char name[PROCESS_NAME_MAX + 1])
{
  size_t n = 0;

  while (*cmdline == ' ')
    cmdline++;
  while (n < PROCESS_NAME_MAX && cmdline[n] != '\0' && cmdline[n] != ' ')
    {
      name[n] = cmdline[n];
      n++;
    }
  name[n] = '\0';
}

/* Starts a user process running the program named by CMDLINE's first word, with
   CMDLINE's words (split on runs of spaces) as its arguments. Returns only once
   the program has loaded or failed to: the new process's pid, or TID_ERROR if it
   could not be loaded or memory is short. The child is the caller's to wait for
   (kernel-thread callers share one pool of children). CMDLINE need only stay
   valid until this returns. */
tid_t
process_execute (const char *cmdline)
{
  char name[PROCESS_NAME_MAX + 1];
  struct exec_request request;
  struct child_status *status;
  tid_t tid;

  process_name (cmdline, name);
  if (name[0] == '\0')
    return TID_ERROR;
  status = malloc (sizeof *status);
  if (status == NULL)
    {
      diag_printf ("load: %s: out of memory\n", name);
      return TID_ERROR;
    }
  status->exit_status = -1;
  sema_init (&status->exited, 0);
  status->refs = 2;

  request.cmdline = cmdline;
  request.status = status;
  sema_init (&request.loaded, 0);
  request.success = false;

  tid = thread_create (name, PRI_DEFAULT, start_process, &request);
  if (tid != TID_ERROR)
    sema_down (&request.loaded);
  else
    diag_printf ("load: %s: out of memory\n", name);
  if (tid == TID_ERROR || !request.success)
    {
      free (status); /* The child never took its reference. */
      return TID_ERROR;
    }
  status->pid = tid;
  lock_acquire (&status_lock);
  list_push_back (current_children (), &status->elem);
  lock_release (&status_lock);
  return tid;
}

/* Frees everything P (run by the current thread) holds except P itself and its
   status record: its address space (frames, swap slots, regions), then its
   descriptors and the executable (allowing writes to it again), and the
   references to its children's records (orphaning them). */
static void
release_resources (struct process *p)
{
  struct thread *t = thread_current ();
  struct addrspace *as = t->addrspace;
  int i;

  t->addrspace = NULL;
  addrspace_activate (NULL);
  vm_maps_dump_at_exit (as);
  addrspace_destroy (as);

  for (i = 0; i < PROCESS_FILES_MAX; i++)
    file_close (p->files[i]);
  file_close (p->executable);
  p->executable = NULL;

  while (!list_empty (&p->children))
    {
      struct child_status *child;
      lock_acquire (&status_lock);
      child = list_entry (list_pop_front (&p->children), struct child_status, elem);
      lock_release (&status_lock);
      status_release (child);
    }
}

/* The new thread's body: builds the process and its address space, tells the
   parent whether loading worked, and enters user mode. */
static void
start_process (void *request_)
{
  struct exec_request *request = request_;
  struct thread *t = thread_current ();
  struct process *p = calloc (1, sizeof *p);
  void (*eip) (void) = NULL;
  void *esp = NULL;
  bool success = false;

  if (p == NULL)
    diag_printf ("load: %s: out of memory\n", t->name);
  else
    {
      process_name (request->cmdline, p->name);
      list_init (&p->children);
      t->process = p;
      t->addrspace = addrspace_create (p->name);
      if (t->addrspace == NULL)
        diag_printf ("load: %s: out of memory\n", p->name);
      else
        {
          addrspace_activate (t->addrspace);
          success = load_program (p, request->cmdline, &eip, &esp);
        }
    }

  if (!success)
    {
      if (p != NULL)
        {
          release_resources (p);
          t->process = NULL;
          free (p);
        }
      request->success = false;
      sema_up (&request->loaded); /* REQUEST may vanish after this. */
      thread_exit ();
    }

  p->status = request->status;
  request->success = true;
  sema_up (&request->loaded); /* REQUEST may vanish after this. */
  enter_user_mode (eip, esp);
}

/* Starts running user code at EIP with stack pointer ESP, by returning from a
   made-up interrupt frame. */
static void
enter_user_mode (void (*eip) (void), void *esp)
{
  struct intr_frame f;

  memset (&f, 0, sizeof f);
  f.gs = f.fs = f.es = f.ds = f.ss = SEL_UDSEG;
  f.cs = SEL_UCSEG;
  f.eflags = FLAG_IF | FLAG_MBS;
  f.eip = eip;
  f.esp = esp;
  asm volatile("movl %0, %%esp; jmp intr_exit" : : "r"(&f) : "memory");
  NOT_REACHED ();
}

/* Waits for child TID of the running thread to end and returns its exit status
   (-1 if the kernel killed it). Returns -1 at once if TID is not a child of the
   caller that has not been waited for yet (kernel threads may wait for any
   process a kernel thread started). */
int
process_wait (tid_t tid)
{
  struct list *children = current_children ();
  struct child_status *child = NULL;
  struct list_elem *e;
  int status;

  lock_acquire (&status_lock);
  for (e = list_begin (children); e != list_end (children); e = list_next (e))
    if (list_entry (e, struct child_status, elem)->pid == tid)
      {
        child = list_entry (e, struct child_status, elem);
        list_remove (e);
        break;
      }
  lock_release (&status_lock);
  if (child == NULL)
    return -1;

  sema_down (&child->exited);
  status = child->exit_status;
  status_release (child);
  return status;
}

/* Ends the running thread. For a user process: prints `NAME: exit(STATUS)',
   frees everything the process holds (its address space, descriptors, the
   executable's write denial), records STATUS for the parent, then
   ends the thread. The caller must hold no locks. A kernel thread just exits. */
void
process_exit (int status)
{
  struct thread *t = thread_current ();
  struct process *p = t->process;
  struct child_status *record;

  if (p != NULL)
    {
      printf ("%s: exit(%d)\n", p->name, status);
      release_resources (p);
      record = p->status;
      t->process = NULL;
      free (p);

      record->exit_status = status;
      sema_up (&record->exited);
      status_release (record);
    }
  thread_exit ();
}
