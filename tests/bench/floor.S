/* The start-up floor (utils/bench's `floor` row): the least a multiboot kernel can
   do under QEMU, which is to power off at once, the way Kestrel does. QEMU's
   multiboot loader jumps here with paging off; we write the power-off value to the
   debug-exit port and halt. The port and the value are devices/shutdown.c's
   (DEBUG_EXIT_PORT and EXIT_POWER_OFF), handed to us by the Makefile, so QEMU ends
   with the status a clean Kestrel power-off gives. */

#include "threads/multiboot.h"

        .text                   /* One section: the header comes first. */
        .align 4
        .long MULTIBOOT_HEADER_MAGIC
        .long MULTIBOOT_HEADER_FLAGS
        .long -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

        .globl start
start:
        movw $DEBUG_EXIT_PORT, %dx
        movb $EXIT_POWER_OFF, %al
        outb %al, %dx
1:      cli
        hlt
        jmp 1b
