/* switch_threads(cur, next): see switch.h. The frame it leaves on a stack is
   struct switch_frame in thread.c: edi, esi, ebp, ebx, return address, cur, next. */

#include "threads/switch.h"

        .text
        .globl switch_threads
switch_threads:
        pushl %ebx
        pushl %ebp
        pushl %esi
        pushl %edi
        movl 20(%esp), %eax              /* cur */
        movl %esp, THREAD_STACK_OFS(%eax)
        movl 24(%esp), %ecx              /* next */
        movl THREAD_STACK_OFS(%ecx), %esp
        popl %edi
        popl %esi
        popl %ebp
        popl %ebx
        ret                              /* %eax = cur, the previous thread. */

/* A new thread's first switch lands here with %eax = the previous thread. */
        .globl switch_entry
switch_entry:
        addl $8, %esp                    /* Drop switch_threads' arguments. */
        pushl %eax
        call thread_schedule_tail
        addl $4, %esp
        ret                              /* Into kernel_thread(). */
