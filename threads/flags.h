#ifndef THREADS_FLAGS_H
#define THREADS_FLAGS_H

/* EFLAGS and control-register bits (Intel SDM vol. 3, §2.3, §2.5). */

#define FLAG_MBS 0x00000002 /* Must be set. */
#define FLAG_TF 0x00000100  /* Trap after the next instruction (#DB). */
#define FLAG_IF 0x00000200  /* Interrupts enabled. */

#define CR0_PE 0x00000001  /* Protected mode. */
#define CR0_WP 0x00010000  /* Kernel writes honour read-only pages. */
#define CR0_PG 0x80000000  /* Paging. */
#define CR4_PSE 0x00000010 /* 4 MB pages. */
#define CR4_PGE 0x00000080 /* Global pages survive %cr3 reloads. */

#endif /* threads/flags.h */
