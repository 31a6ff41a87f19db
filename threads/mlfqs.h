#ifndef THREADS_MLFQS_H
#define THREADS_MLFQS_H

/* The 4.4BSD scheduler's arithmetic (kernel option -mlfqs), for thread.c, which
   calls it from the timer interrupt with interrupts off and moves threads between
   ready queues as their priorities change. The calls for everyone else
   (thread_get_nice() and the rest) are in thread.h. */

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
struct thread;

#define MLFQS_PRIORITY_TICKS 4 /* Ticks between priority recomputations. */

void mlfqs_init_thread (struct thread *, const struct thread *parent);
void mlfqs_charge_tick (struct thread *);
void mlfqs_update_load_avg (int ready_threads);
void mlfqs_decay_recent_cpu (struct thread *);
int mlfqs_priority (const struct thread *);
#else  /* STARTER threads */
/* What thread.c needs from mlfqs.c: yours to declare. */
#endif /* END SOLUTION threads */

#endif /* threads/mlfqs.h */
