#ifndef DEVICES_TIMER_H
#define DEVICES_TIMER_H

/* The 8254 programmable interval timer: the clock that drives preemption and
   timer_sleep(). */

#include <round.h> /* For callers converting times to ticks (DIV_ROUND_UP). */
#include <stdbool.h>
#include <stdint.h>

#define TIMER_FREQ_DEFAULT 100 /* Timer interrupts per second, unless -hz=N. */
#define TIMER_FREQ_MIN 19      /* The PIT's divisor has 16 bits. */
#define TIMER_FREQ_MAX 1000

/* Timer interrupts per second: TIMER_FREQ_DEFAULT, or what -hz=N chose at boot
   (utils/kestrel --record asks for more, so that a recorded run's disk waits,
   which end on a tick, stay short). It reads like the constant it is after boot. */
#define TIMER_FREQ (timer_freq ())

bool timer_set_freq (int hz);
int timer_freq (void);
void timer_init (void);
int64_t timer_ticks (void);
int64_t timer_elapsed (int64_t then);
void timer_sleep (int64_t ticks);
void timer_msleep (int64_t ms);

/* A function the timer calls at every tick (see timer_watch()). */
typedef void timer_watcher (int64_t now);
void timer_watch (timer_watcher *);

#endif /* devices/timer.h */
