#ifndef THREADS_SWITCH_H
#define THREADS_SWITCH_H

/* The context switch (switch.S). */

#ifndef __ASSEMBLER__
struct thread;

/* Saves the callee-saved registers on CUR's stack, records its stack pointer in
   CUR->stack, switches to NEXT's stack and returns there. Returns CUR, as seen
   from NEXT, so the new thread can finish the switch. */
struct thread *switch_threads (struct thread *cur, struct thread *next);

/* Where a new thread first "returns" to from switch_threads(). */
void switch_entry (void);
#endif

/* Offset of `stack` in struct thread (checked by a static assertion in thread.c). */
#define THREAD_STACK_OFS 24

#endif /* threads/switch.h */
