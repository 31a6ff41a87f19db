/* Kernel entry. The multiboot loader jumps here at the physical load address with
   paging off, %eax = bootloader magic and %ebx = physical address of the boot
   information. We map the first 4 MB both at 0 (where we run now) and, with all of
   low physical memory up to PHYS_MAP_MAX, at PHYS_BASE; turn paging on; jump to the
   high half; and call kernel_main() on the initial thread's page. */

#include "threads/vaddr.h"
#include "threads/pte.h"
#include "threads/flags.h"
#include "threads/multiboot.h"

#define PHYS(sym) ((sym) - PHYS_BASE_ADDR)

        .section .multiboot, "a"
        .align 4
        .long MULTIBOOT_HEADER_MAGIC
        .long MULTIBOOT_HEADER_FLAGS
        .long -(MULTIBOOT_HEADER_MAGIC + MULTIBOOT_HEADER_FLAGS)

        .text
        .globl start
start:
        cli
        cld
        /* Zero .bss before anything is stored there. */
        movl $PHYS(__bss_start), %edi
        movl $PHYS(__bss_end), %ecx
        subl %edi, %ecx
        movl %eax, %edx
        xorl %eax, %eax
        rep stosb
        movl %edx, PHYS(boot_magic)
        movl %ebx, PHYS(boot_info_paddr)

        /* Boot page directory: 4 MB pages, identity for the first, and PHYS_BASE + x
           for every x below PHYS_MAP_MAX. */
        movl $PHYS(boot_page_dir), %edi
        movl $(PTE_P | PTE_W | PDE_PS), %eax
        movl %eax, (%edi)
        movl $(PHYS_BASE_ADDR >> PDSHIFT), %ecx
1:      movl %eax, (%edi,%ecx,4)
        addl $PDE_SPAN, %eax
        incl %ecx
        cmpl $((PHYS_BASE_ADDR + PHYS_MAP_MAX) >> PDSHIFT), %ecx
        jb 1b

        movl %cr4, %eax
        orl $CR4_PSE, %eax
        movl %eax, %cr4
        movl %edi, %cr3
        movl %cr0, %eax
        orl $(CR0_PG | CR0_WP), %eax
        movl %eax, %cr0
        movl $high_half, %eax
        jmp *%eax

high_half:
        movl $(boot_thread_page + PGSIZE), %esp
        xorl %ebp, %ebp          /* Backtraces stop here. */
        call kernel_main
2:      hlt
        jmp 2b

        .data
        .globl boot_magic, boot_info_paddr
boot_magic:      .long 0
boot_info_paddr: .long 0

        .section .bss
        .align PGSIZE
        .globl boot_page_dir, boot_thread_page
boot_page_dir:   .space PGSIZE
boot_thread_page: .space PGSIZE   /* The initial thread's struct and stack. */
