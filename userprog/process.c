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
static thread_func start_forked NO_RETURN;
static void enter_user_mode (void (*eip) (void), void *esp) NO_RETURN;

/* Fills F so that returning from it starts user code at EIP with stack pointer
   ESP, every other register 0 and interrupts on. */
static void
make_user_frame (struct intr_frame *f, void (*eip) (void), void *esp)
{
  memset (f, 0, sizeof *f);
  f->gs = f->fs = f->es = f->ds = f->ss = SEL_UDSEG;
  f->cs = SEL_UCSEG;
  f->eflags = FLAG_IF | FLAG_MBS;
  f->eip = eip;
  f->esp = esp;
}

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

/* Makes a new status record for a child, with both references, or NULL. */
static struct child_status *
status_create (void)
{
  struct child_status *status = malloc (sizeof *status);

  if (status != NULL)
    {
      status->exit_status = -1;
      sema_init (&status->exited, 0);
      status->refs = 2;
    }
  return status;
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
  status = status_create ();
  if (status == NULL)
    {
      diag_printf ("load: %s: out of memory\n", name);
      return TID_ERROR;
    }

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

/* Handed from process_fork() to the child's thread, on the parent's stack; the
   parent waits on `started' until the child has copied it. */
struct fork_request
{
  struct process *process;     /* The child's, made by the parent. */
  struct addrspace *addrspace; /* Likewise. */
  struct intr_frame frame;     /* The parent's registers at the call. */
  struct semaphore started;
};

/* The forked child's thread: takes its process and address space and returns to
   user mode where the parent called fork, with 0 in %eax. */
static void
start_forked (void *request_)
{
  struct fork_request *request = request_;
  struct thread *t = thread_current ();
  struct intr_frame frame = request->frame;

  t->process = request->process;
  t->addrspace = request->addrspace;
  addrspace_activate (t->addrspace);
  sema_up (&request->started); /* REQUEST may vanish after this. */
  frame.eax = 0;
  asm volatile("movl %0, %%esp; jmp intr_exit" : : "r"(&frame) : "memory");
  NOT_REACHED ();
}

/* A copy of the running process P for a child: its name, and its own descriptor
   for each of P's open files and for its executable (write-denied), at the same
   positions. NULL if memory is short. */
static struct process *
copy_process (const struct process *p)
{
  struct process *c = calloc (1, sizeof *c);
  int i;

  if (c == NULL)
    return NULL;
  memcpy (c->name, p->name, sizeof c->name);
  memcpy (c->file_names, p->file_names, sizeof c->file_names);
  list_init (&c->children);
  c->executable = file_reopen (p->executable);
  if (c->executable != NULL)
    file_deny_write (c->executable);
  for (i = 0; i < PROCESS_FILES_MAX && c->executable != NULL; i++)
    if (p->files[i] != NULL)
      {
        c->files[i] = file_reopen (p->files[i]);
        if (c->files[i] == NULL)
          break;
        file_seek (c->files[i], file_tell (p->files[i]));
      }
  if (c->executable == NULL || i < PROCESS_FILES_MAX)
    {
      for (i = 0; i < PROCESS_FILES_MAX; i++)
        file_close (c->files[i]);
      file_close (c->executable);
      free (c);
      return NULL;
    }
  return c;
}

/* Frees child process C that never ran, and its address space AS. */
static void
discard_child (struct process *c, struct addrspace *as)
{
  int i;

  addrspace_destroy (as);
  for (i = 0; i < PROCESS_FILES_MAX; i++)
    file_close (c->files[i]);
  file_close (c->executable);
  free (c);
}

/* fork: a new process that is a copy of the running one (shared/ABI.md): its
   address space shares every page copy-on-write (vm/fork.c), it has its own
   descriptors for the same files at the same positions, the same name, and the
   registers of F (the parent's at the call) with %eax 0. Returns the child's
   pid, or TID_ERROR with nothing changed or leaked if memory is short. */
tid_t
process_fork (const struct intr_frame *f)
{
  struct process *p = process_current ();
  struct fork_request request;
  struct child_status *status = status_create ();
  tid_t tid = TID_ERROR;

  request.process = status != NULL ? copy_process (p) : NULL;
  request.addrspace = request.process != NULL
                          ? addrspace_fork (thread_current ()->addrspace, p->name)
                          : NULL;
  if (request.addrspace != NULL)
    {
      request.frame = *f;
      request.process->status = status;
      sema_init (&request.started, 0);
      tid = thread_create (p->name, PRI_DEFAULT, start_forked, &request);
    }
  if (tid == TID_ERROR)
    {
      if (request.process != NULL)
        discard_child (request.process, request.addrspace);
      free (status);
      diag_printf ("fork: %s: out of memory\n", p->name);
      return TID_ERROR;
    }
  sema_down (&request.started);
  status->pid = tid;
  lock_acquire (&status_lock);
  list_push_back (&p->children, &status->elem);
  lock_release (&status_lock);
  return tid;
}

/* exec_replace: loads the program CMDLINE's first word names into the running
   process, which keeps its pid, parent and descriptors, with CMDLINE's words as
   its arguments; its old address space goes (its mappings written back) and its
   name becomes the program's. On success rewrites F to start the program and
   returns true; if the program cannot be loaded, returns false with the process
   as it was (the reason said as exec would say it). */
bool
process_exec_replace (const char *cmdline, struct intr_frame *f)
{
  struct process *p = process_current ();
  struct thread *t = thread_current ();
  struct addrspace *old = t->addrspace;
  struct file *old_executable = p->executable;
  char old_name[PROCESS_NAME_MAX + 1];
  void (*eip) (void) = NULL;
  void *esp = NULL;
  bool loaded = false;

  memcpy (old_name, p->name, sizeof old_name);
  process_name (cmdline, p->name);
  if (p->name[0] == '\0')
    {
      /* No program named: -1, silently, as exec does. */
      memcpy (p->name, old_name, sizeof p->name);
      return false;
    }
  t->addrspace = addrspace_create (p->name);
  if (t->addrspace == NULL)
    diag_printf ("load: %s: out of memory\n", p->name);
  else
    {
      p->executable = NULL;
      addrspace_activate (t->addrspace);
      loaded = load_program (p, cmdline, &eip, &esp);
    }
  if (!loaded)
    {
      struct addrspace *failed = t->addrspace != old ? t->addrspace : NULL;
      t->addrspace = old;
      addrspace_activate (old);
      addrspace_destroy (failed);
      if (p->executable != old_executable)
        file_close (p->executable);
      p->executable = old_executable;
      memcpy (p->name, old_name, sizeof p->name);
      return false;
    }
  addrspace_destroy (old);
  file_close (old_executable);
  make_user_frame (f, eip, esp);
  return true;
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

  make_user_frame (&f, eip, esp);
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
