/* One entry stub per interrupt vector. Each makes the stack look the same (an error
   code, 0 when the CPU pushes none, then the vector number and the caller's %ebp),
   and all meet in intr_entry, which saves the rest and calls intr_handler(). */

#include "userprog/gdt.h"

        .text
        .globl intr_entry
intr_entry:
        pushl %ds
        pushl %es
        pushl %fs
        pushl %gs
        pushal
        cld
        movl $SEL_KDSEG, %eax
        movl %eax, %ds
        movl %eax, %es
        leal 56(%esp), %ebp      /* Point %ebp at the saved frame_pointer slot. */
        pushl %esp
        call intr_handler
        addl $4, %esp
        .globl intr_exit
intr_exit:
        popal
        popl %gs
        popl %fs
        popl %es
        popl %ds
        addl $12, %esp           /* Vector, error code, frame pointer. */
        iret

/* STUB(vec, with_error): with_error is 1 when the CPU pushes an error code. */
        .altmacro
.macro STUB vec, with_error
        .text
stub_\vec:
        .if \with_error
        pushl (%esp)             /* Duplicate the error code ... */
        movl %ebp, 4(%esp)       /* ... and put %ebp where it was. */
        .else
        pushl %ebp
        pushl $0
        .endif
        pushl $\vec
        jmp intr_entry
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
