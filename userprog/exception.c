/* CPU exceptions. One raised in user mode prints a one-line `kill: ' reason and
   ends the process with exit(-1). One raised in kernel mode is a kernel bug
   (user memory is only ever reached through userprog/uaccess.c, which cannot
   fault) and panics with the decoded frame, exactly as before this file
   claimed the vectors. The virtual-memory issue hands user page faults to its
   resolver first. */

#include "userprog/exception.h"
#include <console.h>
#include <stdint.h>
#include <stdio.h>
#include "threads/interrupt.h"
#include "userprog/process.h"

/* Vectors the CPU raises for a program's own mistakes, and whether user code may
   raise them on purpose with `int' (int3, into, bound are meant to be). */
static const struct
  {
    uint8_t vec;
    int dpl;
  }
user_exceptions[] =
  {
    { 0, 0 },   /* #DE Divide Error */
    { 1, 0 },   /* #DB Debug */
    { 3, 3 },   /* #BP Breakpoint */
    { 4, 3 },   /* #OF Overflow */
    { 5, 3 },   /* #BR BOUND Range Exceeded */
    { 6, 0 },   /* #UD Invalid Opcode */
    { 7, 0 },   /* #NM Device Not Available */
    { 11, 0 },  /* #NP Segment Not Present */
    { 12, 0 },  /* #SS Stack Fault */
    { 13, 0 },  /* #GP General Protection */
    { 16, 0 },  /* #MF x87 FPU Floating-Point Error */
    { 17, 0 },  /* #AC Alignment Check */
    { 19, 0 },  /* #XM SIMD Floating-Point */
  };

#define PAGE_FAULT_VEC 14

static const char *process_name (void)
{
  struct process *p = process_current ();
  return p != NULL ? p->name : thread_name ();
}

/* Any exception but a page fault. */
static void kill (struct intr_frame *f)
{
  if (!intr_from_user (f))
    intr_panic_frame (f);
  diag_printf ("kill: %s: %s (eip 0x%08x)\n", process_name (), intr_name (f->vec_no),
          (unsigned) (uintptr_t) f->eip);
  process_exit (-1);
}

static uint32_t read_cr2 (void)
{
  uint32_t cr2;
  asm volatile ("movl %%cr2, %0" : "=r" (cr2));
  return cr2;
}

/* Entered with interrupts off, so that %cr2 is read before another fault can
   overwrite it. */
static void page_fault (struct intr_frame *f)
{
  uint32_t fault_addr = read_cr2 ();

  if (!intr_from_user (f))
    intr_panic_frame (f);
  intr_enable ();
  diag_printf ("kill: %s: page fault at 0x%08x: %s, %s, %s (eip 0x%08x)\n",
          process_name (), fault_addr,
          f->error_code & PF_P ? "protection violation" : "not present",
          f->error_code & PF_W ? "write" : "read",
          f->error_code & PF_U ? "user mode" : "kernel mode",
          (unsigned) (uintptr_t) f->eip);
  process_exit (-1);
}

/* Claims the CPU exception vectors: user-mode exceptions kill the process,
   kernel-mode ones panic. Call after intr_init(); keeps each vector's name. */
void exception_init (void)
{
  size_t i;

  for (i = 0; i < sizeof user_exceptions / sizeof *user_exceptions; i++)
    intr_register_int (user_exceptions[i].vec, user_exceptions[i].dpl, INTR_ON,
                       kill, intr_name (user_exceptions[i].vec));
  intr_register_int (PAGE_FAULT_VEC, 0, INTR_OFF, page_fault,
                     intr_name (PAGE_FAULT_VEC));
}
