/* One entry stub per interrupt vector. Each makes the stack look the same (an error
   code, 0 when the CPU pushes none, then the vector number and the caller's %ebp),
   and all meet in intr_entry, which saves the rest and calls intr_handler().

   Unwind information (CFI) describes every instruction here, so that a debugger's
   `bt' from an interrupt or fault handler runs on into the interrupted code, user
   or kernel: each stub and intr_entry are "signal frames" (the interrupted %eip is
   exact, not a return address) whose caller's registers are the ones saved in
   struct intr_frame. The CFA is the address just above the saved %eip (that of
   the saved %cs); the caller's %esp is the one the CPU pushed when the interrupt
   came from user mode, else the address just above %eflags. */

#include "threads/gdt.h"

        .cfi_sections .debug_frame

/* DWARF register numbers for the segment registers and %eflags (i386 SysV). */
#define DW_EFLAGS 9
#define DW_ES 40
#define DW_CS 41
#define DW_SS 42
#define DW_DS 43
#define DW_FS 44
#define DW_GS 45

/* The rules every state shares: %eip at CFA-4, %cs at CFA, %eflags at CFA+4,
   and %esp (DWARF 4) the value of the expression
     (([CFA] & 3) != 0 ? [CFA + 8] : CFA + 8)
   i.e. DW_CFA_val_expression 4, 15 bytes: dup deref lit3 and bra(+5)
   plus_uconst(8) skip(+3) plus_uconst(8) deref. */
.macro INTERRUPTED_FRAME_RULES
        .cfi_signal_frame
        .cfi_offset %eip, -4
        .cfi_offset DW_CS, 0
        .cfi_offset DW_EFLAGS, 4
        .cfi_escape 0x16, 0x04, 0x0f, 0x12, 0x06, 0x33, 0x1a, 0x28, 0x05, 0x00, \
                    0x23, 0x08, 0x2f, 0x03, 0x00, 0x23, 0x08, 0x06
.endm

/* Where intr_entry's pushes put the segment and general registers, relative to
   the CFA (see struct intr_frame). */
.macro SAVED_REGISTER_RULES
        .cfi_offset DW_DS, -12
        .cfi_offset DW_ES, -16
        .cfi_offset DW_FS, -20
        .cfi_offset DW_GS, -24
        .cfi_offset %eax, -36
        .cfi_offset %ecx, -40
        .cfi_offset %edx, -44
        .cfi_offset %ebx, -48
        .cfi_offset %ebp, -56
        .cfi_offset %esi, -60
        .cfi_offset %edi, -64
.endm

        .text
        .globl intr_entry
        .type intr_entry, @function
intr_entry:
        .cfi_startproc simple
        .cfi_def_cfa %esp, 16           /* Vector, error code, %ebp, then %eip. */
        INTERRUPTED_FRAME_RULES
        .cfi_offset %ebp, -8
        pushl %ds
        .cfi_adjust_cfa_offset 4
        .cfi_offset DW_DS, -12
        pushl %es
        .cfi_adjust_cfa_offset 4
        .cfi_offset DW_ES, -16
        pushl %fs
        .cfi_adjust_cfa_offset 4
        .cfi_offset DW_FS, -20
        pushl %gs
        .cfi_adjust_cfa_offset 4
        .cfi_offset DW_GS, -24
        pushal
        .cfi_adjust_cfa_offset 32
        SAVED_REGISTER_RULES
        cld
        movl $SEL_KDSEG, %eax
        movl %eax, %ds
        movl %eax, %es
        leal 56(%esp), %ebp      /* Point %ebp at the saved frame_pointer slot. */
        pushl %esp
        .cfi_adjust_cfa_offset 4
        call intr_handler
        addl $4, %esp
        .cfi_adjust_cfa_offset -4
        .cfi_endproc
        .size intr_entry, . - intr_entry

/* Also where a new process first enters user mode (from a made-up frame). */
        .globl intr_exit
        .type intr_exit, @function
intr_exit:
        .cfi_startproc simple
        .cfi_def_cfa %esp, 64
        INTERRUPTED_FRAME_RULES
        SAVED_REGISTER_RULES
        popal                    /* The interrupted code's registers again. */
        .cfi_adjust_cfa_offset -32
        .cfi_same_value %eax
        .cfi_same_value %ecx
        .cfi_same_value %edx
        .cfi_same_value %ebx
        .cfi_same_value %ebp
        .cfi_same_value %esi
        .cfi_same_value %edi
        popl %gs
        .cfi_adjust_cfa_offset -4
        popl %fs
        .cfi_adjust_cfa_offset -4
        popl %es
        .cfi_adjust_cfa_offset -4
        popl %ds
        .cfi_adjust_cfa_offset -4
        addl $12, %esp           /* Vector, error code, frame pointer. */
        .cfi_adjust_cfa_offset -12
        iret
        .cfi_endproc
        .size intr_exit, . - intr_exit

/* STUB(vec, with_error): with_error is 1 when the CPU pushes an error code. */
        .altmacro
.macro STUB vec, with_error
        .text
        .type stub_\vec, @function
stub_\vec:
        .cfi_startproc simple
        .if \with_error
        .cfi_def_cfa %esp, 8             /* The error code, then %eip. */
        INTERRUPTED_FRAME_RULES
        pushl (%esp)             /* Duplicate the error code ... */
        .cfi_adjust_cfa_offset 4
        movl %ebp, 4(%esp)       /* ... and put %ebp where it was. */
        .cfi_offset %ebp, -8
        .else
        .cfi_def_cfa %esp, 4
        INTERRUPTED_FRAME_RULES
        pushl %ebp
        .cfi_adjust_cfa_offset 4
        .cfi_offset %ebp, -8
        pushl $0
        .cfi_adjust_cfa_offset 4
        .endif
        pushl $\vec
        .cfi_adjust_cfa_offset 4
        jmp intr_entry
        .cfi_endproc
        .size stub_\vec, . - stub_\vec
        .section .rodata
        .long stub_\vec
.endm

        .section .rodata
        .globl intr_stubs
        .align 4
intr_stubs:
        .set vec, 0
        .rept 256
        .if vec == 8 || (vec >= 10 && vec <= 14) || vec == 17 || vec == 21
        STUB %vec, 1
        .else
        STUB %vec, 0
        .endif
        .set vec, vec + 1
        .endr
