/* CPU exceptions. A page fault in user mode goes to the virtual-memory layer,
   which brings the page in (vm_handle_fault); one it cannot serve, and any other
   exception raised in user mode, ends the process with exit(-1), its reason on
   the diagnostic stream. One raised in kernel mode is a kernel bug (user memory is
   only ever reached through userprog/uaccess.c, which cannot fault) and panics
   with the decoded frame. */

#include "userprog/exception.h"
#include <stdint.h>
#include <stdio.h>
#include "devices/console.h"
#include "threads/cpu.h"
#include "threads/flags.h"
#include "threads/interrupt.h"
#include "threads/thread.h"
#include "userprog/process.h"
#include "vm/addrspace.h"

/* Vectors the CPU raises for a program's own mistakes, and whether user code may
   raise them on purpose with `int' (int3, into, bound are meant to be). */
static const struct
{
  uint8_t vec;
  int dpl;
} user_exceptions[] = {
  { VEC_DIVIDE_ERROR, 0 },       { VEC_BREAKPOINT, 3 },
  { VEC_OVERFLOW, 3 },           { VEC_BOUND, 3 },
  { VEC_INVALID_OPCODE, 0 },     { VEC_NO_FPU, 0 },
  { VEC_SEGMENT_MISSING, 0 },    { VEC_STACK_FAULT, 0 },
  { VEC_GENERAL_PROTECTION, 0 }, { VEC_FPU_ERROR, 0 },
  { VEC_ALIGNMENT, 0 },          { VEC_SIMD, 0 },
};

static const char *
process_name (void)
{
  struct process *p = process_current ();
  return p != NULL ? p->name : thread_name ();
}

/* Any exception but a page fault. */
static void
kill (struct intr_frame *f)
{
  if (!intr_from_user (f))
    intr_panic_frame (f);
  diag_printf ("kill: %s: %s (eip 0x%08x)\n", process_name (), intr_name (f->vec_no),
               (unsigned) (uintptr_t) f->eip);
  process_exit (-1);
}

/* Entered with interrupts off, so that %cr2 is read before another fault can
   overwrite it. */
static void
page_fault (struct intr_frame *f)
{
  void *fault_addr = (void *) read_cr2 ();
  struct thread *t = thread_current ();
  enum vm_access access = VM_USER;
  const char *why = "no address space";
  bool watch = false;

  if (!intr_from_user (f))
    intr_panic_frame (f);
  intr_enable ();
  if (f->error_code & PF_W)
    access |= VM_WRITE;
  else if (fault_addr == (void *) f->eip)
    access |= VM_EXEC;
  if (t->addrspace != NULL
      && vm_handle_fault (t->addrspace, fault_addr, access, f->esp, &watch, &why))
    {
      if (watch)
        {
          /* The page is kept until the instruction has run: a debug trap
             after it says when. */
          f->eflags |= FLAG_TF;
          process_current ()->stepping = true;
        }
      return;
    }
  diag_printf (
      "kill: %s: page fault at %p: %s, %s, %s (eip %p): %s\n", process_name (),
      fault_addr, f->error_code & PF_P ? "protection violation" : "not present",
      f->error_code & PF_W ? "write" : "read",
      f->error_code & PF_U ? "user mode" : "kernel mode", (void *) f->eip, why);
  process_exit (-1);
}

/* The debug trap after an instruction that page faults made the kernel watch
   (page_fault()): it has completed, so the pages it needed may go again. Any
   other debug trap is the program's own doing and ends it. */
static void
debug_trap (struct intr_frame *f)
{
  struct process *p = process_current ();

  if (!intr_from_user (f) || p == NULL || !p->stepping)
    {
      kill (f);
      return;
    }
  p->stepping = false;
  f->eflags &= ~FLAG_TF;
  vm_user_progress (thread_current ()->addrspace);
}

/* Ends the watch of page_fault() at a system call, which shows the program has
   moved on: the trap flag is cleared in F, the interrupted frame. */
void
exception_end_watch (struct intr_frame *f)
{
  struct process *p = process_current ();

  if (p != NULL && p->stepping)
    {
      p->stepping = false;
      f->eflags &= ~FLAG_TF;
    }
}

/* Claims the CPU exception vectors: user-mode exceptions kill the process,
   kernel-mode ones panic. Call after intr_init(); keeps each vector's name. */
void
exception_init (void)
{
  size_t i;

  for (i = 0; i < sizeof user_exceptions / sizeof *user_exceptions; i++)
    intr_register_int (user_exceptions[i].vec, user_exceptions[i].dpl, INTR_ON, kill,
                       intr_name (user_exceptions[i].vec));
  intr_register_int (VEC_PAGE_FAULT, 0, INTR_OFF, page_fault,
                     intr_name (VEC_PAGE_FAULT));
  intr_register_int (VEC_DEBUG, 0, INTR_ON, debug_trap, intr_name (VEC_DEBUG));
}
