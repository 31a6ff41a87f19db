/* Process entry and system-call stubs for the ABI-only test programs.

   Written against shared/ABI.md alone: no Kestrel header, no Kestrel library.
   At entry %esp points at a fake return address (0), above it argc, then argv;
   a system call is `int $0x30' with the call number at [%esp] and up to three
   4-byte arguments above it, the result in %eax. */

        .text
        .globl _start
        .type _start, @function
_start:
        /* Record the machine state the kernel handed us, before anything
           changes it, for abi_main() to check. */
        movl %esp, abi_entry_esp
        movw %cs, abi_entry_cs
        movw %ss, abi_entry_ss
        movw %ds, abi_entry_ds
        movw %es, abi_entry_es
        pushfl
        popl abi_entry_eflags

        /* Our %esp already looks like a call frame: return address, argc, argv.
           Push argc and argv again for an ordinary call to abi_main. */
        movl 8(%esp), %eax              /* argv */
        pushl %eax
        movl 8(%esp), %eax              /* argc (the push moved it to 8) */
        pushl %eax
        call abi_main
        addl $8, %esp

        /* exit (status); the kernel never returns from it. */
        pushl %eax
        pushl $1                        /* SYS_EXIT */
        int $0x30
1:      jmp 1b
        .size _start, . - _start

/* int abi_syscall (int number, int arg0, int arg1, int arg2): copy the four
   words down so that [%esp] is the number at the `int', as the ABI says. */
        .globl abi_syscall
        .type abi_syscall, @function
abi_syscall:
        pushl 16(%esp)                  /* arg2 */
        pushl 16(%esp)                  /* arg1 (each push moves the rest up 4) */
        pushl 16(%esp)                  /* arg0 */
        pushl 16(%esp)                  /* number */
        int $0x30
        addl $16, %esp
        ret
        .size abi_syscall, . - abi_syscall

        .section .note.GNU-stack, "", @progbits
