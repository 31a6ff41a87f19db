#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
/* Threads and the scheduler: strict priorities (PRI_MIN..PRI_MAX) with round-robin
   time slices inside a level. Each priority has its own FIFO ready queue, and a
   bitmap of non-empty queues makes picking the next thread O(1). Priorities come
   from thread_create() and thread_set_priority() with donation (synch.c), or with
   -mlfqs from the 4.4BSD scheduler's formulas (mlfqs.c). */
#else  /* STARTER threads */
/* Threads and the scheduler: one ready list, first come first served, with
   round-robin time slices; priorities are recorded but change nothing yet. */
#endif /* END SOLUTION threads */

#include "threads/thread.h"
#include <assert.h>
#include <debug.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include "threads/interrupt.h"
#include "threads/mlfqs.h"
#include "threads/palloc.h"
#include "threads/switch.h"
#include "threads/synch.h"
#include "threads/tss.h"
#include "threads/vaddr.h"

#define THREAD_MAGIC 0x4b657374 /* "Kest": intact while the stack is. */

static_assert (offsetof (struct thread, stack) == THREAD_STACK_OFS,
               "switch.S needs the offset of struct thread's stack member");

bool thread_mlfqs;

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
#define READY_WORDS ((PRI_CNT + 31) / 32)
static struct list ready_queues[PRI_CNT];
static uint32_t ready_bits[READY_WORDS]; /* Bit p set: ready_queues[p] non-empty. */
static int ready_cnt;                    /* Threads on the ready queues. */
static void mlfqs_tick (struct thread *cur, int64_t now, bool new_second);
#else  /* STARTER threads */
/* Ready threads, first come first served. */
static struct list ready_list;
#endif /* END SOLUTION threads */

static struct list all_list; /* Every thread alive. */
/* Threads that died when their page could not be freed at once (the switch
   away from them came while a thread held the page pool's lock). */
static struct list dead_list;
static struct thread *idle_thread;
static struct thread *initial_thread; /* kernel_main(): not in a palloc'd page. */
static tid_t next_tid = 1;
static unsigned slice_ticks; /* Ticks since the running thread started. */
static int64_t idle_ticks, kernel_ticks, user_ticks;
static thread_switch_hook *switch_hook; /* Set by vm/: activates an address space. */

/* The frames a new thread's stack starts with, so that its first switch_threads()
   "returns" through switch_entry into kernel_thread(). */
struct kernel_thread_frame
{
  void *eip; /* Fake return address. */
  thread_func *function;
  void *aux;
};
struct switch_entry_frame
{
  void (*eip) (void);
};
struct switch_threads_frame
{
  uint32_t edi, esi, ebp, ebx;
  void (*eip) (void);
  struct thread *cur, *next;
};

void thread_schedule_tail (struct thread *prev);
static void schedule (void);

static bool
is_thread (const struct thread *t)
{
  return t != NULL && t->magic == THREAD_MAGIC;
}

/* The thread whose page holds the stack pointer. */
static struct thread *
running_thread (void)
{
  uint32_t *esp;
  asm("movl %%esp, %0" : "=g"(esp));
  return pg_round_down (esp);
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
/* Gives new thread T its scheduling state: PRIORITY, or under the 4.4BSD
   scheduler PARENT's nice and recent_cpu (none for the first thread) and the
   priority they give. */
static void
init_scheduling (struct thread *t, int priority, const struct thread *parent)
{
  t->priority = t->base_priority = priority;
  list_init (&t->held_locks);
  if (thread_mlfqs)
    mlfqs_init_thread (t, parent);
}
#else  /* STARTER threads */
static void
init_scheduling (struct thread *t, int priority, const struct thread *parent UNUSED)
{
  t->priority = priority;
}
#endif /* END SOLUTION threads */

/* Makes T a blocked thread NAME at PRIORITY, created by PARENT (NULL for the
   first thread). */
static void
init_thread (struct thread *t, const char *name, int priority,
             const struct thread *parent)
{
  ASSERT (priority >= PRI_MIN && priority <= PRI_MAX);
  memset (t, 0, sizeof *t);
  t->status = THREAD_BLOCKED;
  strlcpy (t->name, name, sizeof t->name);
  t->stack = (uint8_t *) t + PGSIZE;
  init_scheduling (t, priority, parent);
  t->magic = THREAD_MAGIC;
  list_push_back (&all_list, &t->allelem);
}

static tid_t
allocate_tid (void)
{
  enum intr_level old = intr_disable ();
  tid_t tid = next_tid++;
  intr_set_level (old);
  return tid;
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
static void
ready_init (void)
{
  int p;
  for (p = 0; p < PRI_CNT; p++)
    list_init (&ready_queues[p]);
}
#else  /* STARTER threads */
static void
ready_init (void)
{
  list_init (&ready_list);
}
#endif /* END SOLUTION threads */

/* Turns the code running since boot into the "main" thread. Call with interrupts
   off, before anything else that may call thread_current(). */
void
thread_init (void)
{
  ASSERT (intr_get_level () == INTR_OFF);
  list_init (&all_list);
  list_init (&dead_list);
  ready_init ();
  initial_thread = running_thread ();
  init_thread (initial_thread, "main", PRI_DEFAULT, NULL);
  initial_thread->status = THREAD_RUNNING;
  initial_thread->tid = allocate_tid ();
}

static void
idle (void *started)
{
  idle_thread = thread_current ();
  sema_up (started);
  for (;;)
    {
      intr_disable ();
      thread_block ();
      /* sti takes effect after the next instruction, so no interrupt slips in
         between it and hlt. */
      asm volatile("sti; hlt" : : : "memory");
    }
}

/* Starts the idle thread and preemptive scheduling (enables interrupts). */
void
thread_start (void)
{
  struct semaphore started;

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
  /* -mlfqs was read after thread_init() made "main". */
  if (thread_mlfqs)
    mlfqs_init_thread (thread_current (), NULL);
#endif /* END SOLUTION threads */
  sema_init (&started, 0);
  thread_create ("idle", PRI_MIN, idle, &started);
  intr_enable ();
  sema_down (&started);
}

/* Called by the timer interrupt at tick NOW (NEW_SECOND: a whole number of
   seconds since boot): accounting (IN_USER_MODE says whether it interrupted user
   code), the 4.4BSD scheduler's updates, and time-slice expiry. */
void
thread_tick (int64_t now UNUSED, bool new_second UNUSED, bool in_user_mode)
{
  struct thread *t = thread_current ();

  if (t == idle_thread)
    idle_ticks++;
  else if (in_user_mode)
    user_ticks++;
  else
    kernel_ticks++;
#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
  if (thread_mlfqs)
    mlfqs_tick (t, now, new_second);
#endif /* END SOLUTION threads */
  if (++slice_ticks >= TIME_SLICE)
    intr_yield_on_return ();
}

/* Prints where the ticks went. */
void
thread_print_stats (void)
{
  printf ("Thread: %lld idle ticks, %lld kernel ticks, %lld user ticks\n",
          idle_ticks, kernel_ticks, user_ticks);
}

/* Ticks the idle thread has had: a sleeping system is an idle one. */
int64_t
thread_idle_ticks (void)
{
  enum intr_level old = intr_disable ();
  int64_t t = idle_ticks;
  intr_set_level (old);
  return t;
}

static void
kernel_thread (thread_func *function, void *aux)
{
  ASSERT (function != NULL);
  intr_enable ();
  function (aux);
  thread_exit ();
}

static void *
alloc_frame (struct thread *t, size_t size)
{
  t->stack -= size;
  return t->stack;
}

/* Creates a thread NAME at PRIORITY running FUNCTION(AUX) and puts it on the ready
   queue; it may run (and even exit) before this returns. Returns its tid, or
   TID_ERROR if no page was free. */
tid_t
thread_create (const char *name, int priority, thread_func *function, void *aux)
{
  struct thread *t;
  struct kernel_thread_frame *kf;
  struct switch_entry_frame *ef;
  struct switch_threads_frame *sf;
  enum intr_level old;
  tid_t tid;

  ASSERT (function != NULL);
  t = palloc_get_page (PAL_ZERO);
  if (t == NULL)
    return TID_ERROR;
  old = intr_disable ();
  init_thread (t, name, priority, thread_current ());
  intr_set_level (old);
  tid = t->tid = allocate_tid ();

  kf = alloc_frame (t, sizeof *kf);
  kf->function = function;
  kf->aux = aux;
  ef = alloc_frame (t, sizeof *ef);
  ef->eip = (void (*) (void)) kernel_thread;
  sf = alloc_frame (t, sizeof *sf);
  sf->eip = switch_entry;

  thread_unblock (t);
  thread_preempt ();
  return tid;
}

/* Puts the running thread to sleep until thread_unblock(). Interrupts must be off;
   usually the synchronisation primitives are what you want. */
void
thread_block (void)
{
  ASSERT (!intr_context ());
  ASSERT (intr_get_level () == INTR_OFF);
  thread_current ()->status = THREAD_BLOCKED;
  schedule ();
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
static void
ready_push (struct thread *t)
{
  list_push_back (&ready_queues[t->priority], &t->elem);
  ready_bits[t->priority / 32] |= 1u << (t->priority % 32);
  ready_cnt++;
}

static void
ready_remove (struct thread *t)
{
  list_remove (&t->elem);
  if (list_empty (&ready_queues[t->priority]))
    ready_bits[t->priority / 32] &= ~(1u << (t->priority % 32));
  ready_cnt--;
}

/* The highest priority with a ready thread, or -1. */
static int
ready_top (void)
{
  int w;
  for (w = READY_WORDS - 1; w >= 0; w--)
    if (ready_bits[w] != 0)
      return w * 32 + 31 - __builtin_clz (ready_bits[w]);
  return -1;
}
#else  /* STARTER threads */
static void
ready_push (struct thread *t)
{
  list_push_back (&ready_list, &t->elem);
}
#endif /* END SOLUTION threads */

/* Makes blocked thread T ready. It does not preempt the caller (who may hold
   interrupts off on purpose); call thread_preempt() for that. */
void
thread_unblock (struct thread *t)
{
  enum intr_level old;

  ASSERT (is_thread (t));
  old = intr_disable ();
  ASSERT (t->status == THREAD_BLOCKED);
  ready_push (t);
  t->status = THREAD_READY;
  intr_set_level (old);
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
/* Yields if a ready thread has a higher priority than the running one (at the end
   of the handler, when called from an interrupt). */
void
thread_preempt (void)
{
  enum intr_level old = intr_disable ();
  if (ready_top () > thread_current ()->priority)
    {
      if (intr_context ())
        intr_yield_on_return ();
      else
        thread_yield ();
    }
  intr_set_level (old);
}
#else  /* STARTER threads */
/* Yields if a ready thread should run before the running one: never, in a
   scheduler without priorities. */
void
thread_preempt (void)
{
}
#endif /* END SOLUTION threads */

/* The running thread; panics if its stack has overflowed into struct thread. */
struct thread *
thread_current (void)
{
  struct thread *t = running_thread ();
  if (!is_thread (t) || t->status != THREAD_RUNNING)
    PANIC ("kernel stack overflow: struct thread at %p is overwritten", (void *) t);
  return t;
}

tid_t
thread_tid (void)
{
  return thread_current ()->tid;
}

const char *
thread_name (void)
{
  return thread_current ()->name;
}

/* Ends the running thread; its page is freed once another thread runs. */
void
thread_exit (void)
{
  ASSERT (!intr_context ());
  intr_disable ();
  list_remove (&thread_current ()->allelem);
  thread_current ()->status = THREAD_DYING;
  schedule ();
  NOT_REACHED ();
}

/* Gives up the CPU; the thread stays ready and may run again at once. */
void
thread_yield (void)
{
  struct thread *cur = thread_current ();
  enum intr_level old;

  ASSERT (!intr_context ());
  old = intr_disable ();
  if (cur != idle_thread)
    ready_push (cur);
  cur->status = THREAD_READY;
  schedule ();
  intr_set_level (old);
}

/* Calls ACTION(t, AUX) on every thread. Interrupts must be off. */
void
thread_foreach (thread_action_func *action, void *aux)
{
  struct list_elem *e;

  ASSERT (intr_get_level () == INTR_OFF);
  for (e = list_begin (&all_list); e != list_end (&all_list); e = list_next (e))
    action (list_entry (e, struct thread, allelem), aux);
}

/* The running thread's effective priority (donations included), or under the
   4.4BSD scheduler the one its formula gives. */
int
thread_get_priority (void)
{
  return thread_current ()->priority;
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
/* Gives T effective priority PRIORITY, moving it to its new ready queue if it
   is ready. Interrupts must be off. */
static void
set_effective_priority (struct thread *t, int priority)
{
  ASSERT (intr_get_level () == INTR_OFF);
  if (t->priority == priority)
    return;
  if (t->status == THREAD_READY)
    {
      ready_remove (t);
      t->priority = priority;
      ready_push (t);
    }
  else
    t->priority = priority;
}

/* The 4.4BSD scheduler's bookkeeping at tick NOW, in the timer interrupt, before
   any thread runs again: the running thread CUR is charged the tick; at a
   NEW_SECOND the load average and then every recent_cpu are recomputed; every
   MLFQS_PRIORITY_TICKS ticks every priority, from those (the ready queues
   follow). The idle thread takes no part. */
static void
mlfqs_tick (struct thread *cur, int64_t now, bool new_second)
{
  struct list_elem *e;

  if (cur != idle_thread)
    mlfqs_charge_tick (cur);
  if (new_second)
    mlfqs_update_load_avg (ready_cnt + (cur != idle_thread));
  else if (now % MLFQS_PRIORITY_TICKS != 0)
    return;
  for (e = list_begin (&all_list); e != list_end (&all_list); e = list_next (e))
    {
      struct thread *t = list_entry (e, struct thread, allelem);
      if (t == idle_thread)
        continue;
      if (new_second)
        mlfqs_decay_recent_cpu (t);
      if (now % MLFQS_PRIORITY_TICKS == 0)
        set_effective_priority (t, mlfqs_priority (t));
    }
}

/* Raises T's effective priority to PRIORITY if that is higher (a waiter's
   donation). Interrupts must be off. */
void
thread_donate_priority (struct thread *t, int priority)
{
  if (priority > t->priority)
    set_effective_priority (t, priority);
}

/* Recomputes T's effective priority: the highest of its base priority and the
   priorities of the threads waiting for locks it holds. Interrupts must be off. */
void
thread_update_priority (struct thread *t)
{
  int priority = t->base_priority;
  struct list_elem *l, *w;

  ASSERT (intr_get_level () == INTR_OFF);
  for (l = list_begin (&t->held_locks); l != list_end (&t->held_locks);
       l = list_next (l))
    {
      struct list *waiters
          = &list_entry (l, struct lock, holder_elem)->semaphore.waiters;
      for (w = list_begin (waiters); w != list_end (waiters); w = list_next (w))
        {
          int p = list_entry (w, struct thread, elem)->priority;
          if (p > priority)
            priority = p;
        }
    }
  set_effective_priority (t, priority);
}

/* Sets the running thread's base priority; donations it has keep its effective
   priority up until they end. Yields if it is no longer the highest. Ignored
   under the 4.4BSD scheduler, which sets priorities itself. */
void
thread_set_priority (int priority)
{
  enum intr_level old;

  ASSERT (priority >= PRI_MIN && priority <= PRI_MAX);
  if (thread_mlfqs)
    return;
  old = intr_disable ();
  thread_current ()->base_priority = priority;
  thread_update_priority (thread_current ());
  intr_set_level (old);
  thread_preempt ();
}

/* list_less_func ordering threads (by `elem`) by priority, lowest first, so that
   list_max() finds the first of the highest-priority ones. */
bool
thread_priority_less (const struct list_elem *a, const struct list_elem *b,
                      void *aux UNUSED)
{
  return list_entry (a, struct thread, elem)->priority
         < list_entry (b, struct thread, elem)->priority;
}

/* Takes the thread to run next off the ready queues: the first of the highest
   priority, or the idle thread if none is ready. */
static struct thread *
next_thread_to_run (void)
{
  int p = ready_top ();
  struct thread *t;

  if (p < 0)
    return idle_thread;
  t = list_entry (list_front (&ready_queues[p]), struct thread, elem);
  ready_remove (t);
  return t;
}
#else  /* STARTER threads */
/* Sets the running thread's priority. */
void
thread_set_priority (int priority)
{
  ASSERT (priority >= PRI_MIN && priority <= PRI_MAX);
  thread_current ()->priority = priority;
}

/* Takes the thread to run next off the ready list, or the idle thread if none is
   ready. */
static struct thread *
next_thread_to_run (void)
{
  if (list_empty (&ready_list))
    return idle_thread;
  return list_entry (list_pop_front (&ready_list), struct thread, elem);
}
#endif /* END SOLUTION threads */

/* Makes HOOK the function every switch calls for the thread about to run (see
   thread.h); NULL for none. */
void
thread_set_switch_hook (thread_switch_hook *hook)
{
  switch_hook = hook;
}

/* Frees the pages of the dead threads on dead_list, as long as the page pool
   lets it without sleeping (palloc_free_page_now): a switch's tail cannot take
   the pool's lock, which the thread it resumes may hold, preempted inside
   palloc; what is left is freed at a later switch.  Interrupts are off. */
static void
free_dead_threads (void)
{
  while (!list_empty (&dead_list))
    {
      struct list_elem *e = list_pop_front (&dead_list);
      if (!palloc_free_page_now (list_entry (e, struct thread, elem)))
        {
          list_push_front (&dead_list, e);
          break;
        }
    }
}

/* Frees the pages of dead threads that a switch could not free at once (a
   thread held the page pool's lock then), taking the pool's lock as any caller
   does. For a caller about to count the free pages (at boot, at power-off),
   which must find none of them kept. Not from an interrupt handler. */
void
thread_reap_dead (void)
{
  struct list dead;
  enum intr_level old;

  ASSERT (!intr_context ());
  list_init (&dead);
  old = intr_disable ();
  while (!list_empty (&dead_list))
    list_push_back (&dead, list_pop_front (&dead_list));
  intr_set_level (old);
  while (!list_empty (&dead))
    palloc_free_page (list_entry (list_pop_front (&dead), struct thread, elem));
}

/* Finishes a switch, on the new thread's stack: marks it running, lets the
   switch hook activate its address space, points the TSS at its kernel stack,
   and frees the previous thread if it died (or later, see free_dead_threads). */
void
thread_schedule_tail (struct thread *prev)
{
  struct thread *cur = running_thread ();

  ASSERT (intr_get_level () == INTR_OFF);
  cur->status = THREAD_RUNNING;
  slice_ticks = 0;
  if (switch_hook != NULL)
    switch_hook (cur);
  tss_update ();
  if (prev != NULL && prev->status == THREAD_DYING && prev != initial_thread)
    {
      ASSERT (prev != cur);
      list_push_back (&dead_list, &prev->elem);
    }
  free_dead_threads ();
}

/* Switches to the next thread. The running thread's status must already say why. */
static void
schedule (void)
{
  struct thread *cur = running_thread ();
  struct thread *next = next_thread_to_run ();
  struct thread *prev = NULL;

  ASSERT (intr_get_level () == INTR_OFF);
  ASSERT (cur->status != THREAD_RUNNING);
  ASSERT (is_thread (next));
  if (!is_thread (cur))
    PANIC ("kernel stack overflow in thread page %p", (void *) cur);
  if (cur != next)
    prev = switch_threads (cur, next);
  thread_schedule_tail (prev);
}
