/* PIT channel 0 at TIMER_FREQ Hz, and sleeping. A sleeping thread is blocked on a
   list ordered by wake-up tick; the interrupt handler wakes those whose time has
   come, so a sleeper costs nothing while it sleeps. */

#include "devices/timer.h"
#include <assert.h>
#include <debug.h>
#include <list.h>
#include <stdio.h>
#include "devices/shutdown.h"
#include "threads/interrupt.h"
#include "threads/io.h"
#include "threads/thread.h"

#define PIT_HZ 1193182 /* The PIT's input clock. */
#define PIT_CHANNEL0 0x40
#define PIT_COMMAND 0x43
#define PIT_CH0_RATE_GEN 0x34         /* Channel 0, low then high byte, mode 2. */
#define TIMER_VEC INTR_EXTERNAL_FIRST /* IRQ 0. */

static_assert (PIT_HZ / TIMER_FREQ_MIN <= 0xffff, "PIT divisor must fit 16 bits");

static int freq = TIMER_FREQ_DEFAULT;
static int64_t ticks;

/* Watchers called at every tick (timer_watch()), in interrupt context. */
#define WATCHERS_MAX 4
static timer_watcher *watchers[WATCHERS_MAX];
static size_t watcher_cnt;

static void timer_interrupt (struct intr_frame *);
static void sleepers_init (void);
static void print_stats (void);

/* Sets the timer to HZ interrupts per second, before timer_init(); returns false
   (and changes nothing) if HZ is outside TIMER_FREQ_MIN..TIMER_FREQ_MAX. */
bool
timer_set_freq (int hz)
{
  if (hz < TIMER_FREQ_MIN || hz > TIMER_FREQ_MAX)
    return false;
  freq = hz;
  return true;
}

/* Timer interrupts per second. */
int
timer_freq (void)
{
  return freq;
}

/* Programs the PIT and registers its interrupt. */
void
timer_init (void)
{
  uint16_t divisor = (PIT_HZ + TIMER_FREQ / 2) / TIMER_FREQ;

  sleepers_init ();
  outb (PIT_COMMAND, PIT_CH0_RATE_GEN);
  outb (PIT_CHANNEL0, divisor & 0xff);
  outb (PIT_CHANNEL0, divisor >> 8);
  intr_register_ext (TIMER_VEC, timer_interrupt, "8254 timer");
  shutdown_register_hook (SHUTDOWN_STATISTICS, print_stats);
}

/* Ticks since boot. */
int64_t
timer_ticks (void)
{
  enum intr_level old = intr_disable ();
  int64_t t = ticks;
  intr_set_level (old);
  return t;
}

/* Ticks since THEN, a timer_ticks() value. */
int64_t
timer_elapsed (int64_t then)
{
  return timer_ticks () - then;
}

#ifndef STARTER_THREADS /* BEGIN SOLUTION threads */
/* Blocked threads, earliest wake_tick first. */
static struct list sleepers;

static void
sleepers_init (void)
{
  list_init (&sleepers);
}

static bool
wakes_earlier (const struct list_elem *a, const struct list_elem *b,
               void *aux UNUSED)
{
  return list_entry (a, struct thread, elem)->wake_tick
         < list_entry (b, struct thread, elem)->wake_tick;
}

/* Blocks the caller for about TICKS timer ticks (none if TICKS <= 0). Threads
   whose times are equal wake in the order they went to sleep. */
void
timer_sleep (int64_t duration)
{
  struct thread *cur = thread_current ();
  enum intr_level old;

  ASSERT (!intr_context ());
  if (duration <= 0)
    return;
  old = intr_disable ();
  cur->wake_tick = ticks + duration;
  list_insert_ordered (&sleepers, &cur->elem, wakes_earlier, NULL);
  thread_block ();
  intr_set_level (old);
}

/* In the timer interrupt: makes ready the sleepers whose time has come. */
static void
wake_sleepers (void)
{
  while (!list_empty (&sleepers))
    {
      struct thread *t = list_entry (list_front (&sleepers), struct thread, elem);
      if (t->wake_tick > ticks)
        break;
      list_pop_front (&sleepers);
      thread_unblock (t);
    }
}
#else  /* STARTER threads */
/* Sets up what timer_sleep() needs: nothing, for a busy wait. */
static void
sleepers_init (void)
{
}

/* Waits for about TICKS timer ticks (none if TICKS <= 0), giving the CPU to
   other threads meanwhile, but busy: the caller stays ready all along. */
void
timer_sleep (int64_t duration)
{
  int64_t start = timer_ticks ();

  ASSERT (!intr_context ());
  while (timer_elapsed (start) < duration)
    thread_yield ();
}

/* In the timer interrupt: wakes the sleepers whose time has come (none: they
   wait busily). */
static void
wake_sleepers (void)
{
}
#endif /* END SOLUTION threads */

/* Sleeps for at least MS milliseconds. */
void
timer_msleep (int64_t ms)
{
  timer_sleep ((ms * TIMER_FREQ + 999) / 1000);
}

/* Prints the ticks since boot (at power-off). */
static void
print_stats (void)
{
  printf ("Timer: %lld ticks\n", timer_ticks ());
}

/* Each tick: the scheduler's accounting first (thread_tick(); a thread woken at a
   whole second is not yet ready when the 4.4BSD scheduler counts the load), then
   the wake-ups, then the preemption they may call for. */
static void
timer_interrupt (struct intr_frame *f)
{
  size_t i;

  ticks++;
  thread_tick (ticks, ticks % TIMER_FREQ == 0, intr_from_user (f));
  wake_sleepers ();
  for (i = 0; i < watcher_cnt; i++)
    watchers[i](ticks);
  thread_preempt ();
}

/* Has WATCHER called at every tick from now on, with the tick count, in the
   timer's interrupt handler (so it must not sleep): a driver's watchdog. At most
   WATCHERS_MAX of them; call at boot. */
void
timer_watch (timer_watcher *watcher)
{
  ASSERT (watcher_cnt < WATCHERS_MAX);
  watchers[watcher_cnt++] = watcher;
}
