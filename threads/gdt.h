#ifndef THREADS_GDT_H
#define THREADS_GDT_H

/* Segment selectors (index << 3 | table bit | requested privilege level). The user
   selectors are part of the ABI (shared/ABI.md). */

#define SEL_NULL 0x00  /* Null selector. */
#define SEL_KCSEG 0x08 /* Kernel code. */
#define SEL_KDSEG 0x10 /* Kernel data and stack. */
#define SEL_UCSEG 0x1B /* User code, RPL 3. */
#define SEL_UDSEG 0x23 /* User data and stack, RPL 3. */
#define SEL_TSS 0x28   /* Task-state segment. */
#define SEL_CNT 6      /* Descriptors in the GDT. */

#ifndef __ASSEMBLER__
void gdt_init (void);
#endif

#endif /* threads/gdt.h */
