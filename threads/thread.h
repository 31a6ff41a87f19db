#ifndef THREADS_THREAD_H
#define THREADS_THREAD_H

/* Kernel threads and the scheduler.

   Each thread lives in its own 4 kB page: struct thread at the bottom, its kernel
   stack growing down from the top towards it. A stack that grows too far overwrites
   `magic` first, which thread_current() checks, so an overflow is caught as an
   assertion rather than silent corruption. Keep struct thread small and never put
   big arrays on a kernel stack.

   Priority donation: a thread that waits for a lock lends its priority to the
   holder, and through a chain of holders each waiting for another lock, up to
   DONATION_DEPTH_MAX deep; a holder's effective priority is the highest of its
   own and those of the waiters on the locks it holds, recomputed as it releases
   them. Semaphores and condition variables do not donate (they have no owner).

   The 4.4BSD scheduler (kernel option -mlfqs, threads/mlfqs.c): the scheduler
   sets every priority itself from the thread's nice value and its recent CPU use,
   so thread_create()'s priority and thread_set_priority() are ignored, and there
   is no donation. threads/README.md has the formulas. */

#include <debug.h>
#include <list.h>
#include <stdbool.h>
#include <stdint.h>
#include "threads/fixed-point.h"

enum thread_status
{
  THREAD_RUNNING, /* Running now. */
  THREAD_READY,   /* On a ready queue. */
  THREAD_BLOCKED, /* Waiting for thread_unblock(). */
  THREAD_DYING    /* Exited; its page is freed after the next switch. */
};

typedef int tid_t;
#define TID_ERROR ((tid_t) -1)

#define PRI_MIN 0      /* Lowest priority. */
#define PRI_DEFAULT 31 /* Default priority. */
#define PRI_MAX 63     /* Highest priority. */
#define PRI_CNT (PRI_MAX - PRI_MIN + 1)
#define THREAD_NAME_MAX 15   /* Characters kept of a thread's name. */
#define TIME_SLICE 4         /* Timer ticks a thread runs before round-robin. */
#define DONATION_DEPTH_MAX 8 /* Locks a donation follows through a chain. */
#define NICE_MIN -20         /* Nicest to others: the lowest priority. */
#define NICE_DEFAULT 0       /* The first thread's; others inherit their parent's. */
#define NICE_MAX 20

/* True with -mlfqs: the 4.4BSD scheduler sets priorities (set before threads
   other than "main" exist, never changed after). */
extern bool thread_mlfqs;

struct addrspace;
struct process;
struct lock;

struct thread
{
  tid_t tid;
  enum thread_status status;
  char name[THREAD_NAME_MAX + 1];
  uint8_t *stack;            /* Saved stack pointer while switched out. */
  int priority;              /* Effective: base_priority or a donated one. */
#ifndef STARTER_THREADS      /* BEGIN SOLUTION threads */
  int base_priority;         /* Set by thread_create() and thread_set_priority(). */
  struct lock *waiting_lock; /* The lock this thread sleeps to acquire, or NULL. */
  struct list held_locks;    /* Locks held: their waiters donate priority. */
  int nice;                  /* NICE_MIN..NICE_MAX (4.4BSD scheduler). */
  fixed_t recent_cpu;        /* Ticks run lately, decaying (4.4BSD scheduler). */
  int64_t wake_tick;         /* For timer_sleep(). */
#endif                       /* END SOLUTION threads */
  struct list_elem allelem;  /* In the list of all threads. */
  struct list_elem elem;     /* In a ready queue or one wait list. */
  struct addrspace *addrspace; /* User address space, or NULL: kernel only. */
  void *user_esp;              /* User %esp at the last entry from user mode. */
  struct process *process;     /* User process this thread runs, or NULL. */
  unsigned magic;              /* THREAD_MAGIC; overwritten on stack overflow. */
};

void thread_init (void);
void thread_start (void);
void thread_tick (int64_t now, bool new_second, bool in_user_mode);
void thread_print_stats (void);
void thread_reap_dead (void);
int64_t thread_idle_ticks (void);

typedef void thread_func (void *aux);
tid_t thread_create (const char *name, int priority, thread_func *, void *aux);

void thread_block (void);
void thread_unblock (struct thread *);
struct thread *thread_current (void);
tid_t thread_tid (void);
const char *thread_name (void);
void thread_exit (void) NO_RETURN;
void thread_yield (void);
void thread_preempt (void);

/* Called on every switch, with interrupts off, on the stack of thread T that is
   about to run: the one door through which the layer above (vm/) makes T's
   address space the CPU's. */
typedef void thread_switch_hook (struct thread *t);
void thread_set_switch_hook (thread_switch_hook *);

typedef void thread_action_func (struct thread *t, void *aux);
void thread_foreach (thread_action_func *, void *aux);

int thread_get_priority (void);
void thread_set_priority (int);
#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
void thread_donate_priority (struct thread *, int priority);
void thread_update_priority (struct thread *);
bool thread_priority_less (const struct list_elem *, const struct list_elem *,
                           void *aux);
#endif /* END SOLUTION threads */

int thread_get_nice (void);
void thread_set_nice (int);
int thread_get_recent_cpu (void);
int thread_get_load_avg (void);

#endif /* threads/thread.h */
