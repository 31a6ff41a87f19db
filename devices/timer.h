#ifndef DEVICES_TIMER_H
#define DEVICES_TIMER_H

/* The 8254 programmable interval timer: the clock that drives preemption and
   timer_sleep(). */

#include <round.h> /* For callers converting times to ticks (DIV_ROUND_UP). */
#include <stdint.h>

#define TIMER_FREQ 100 /* Timer interrupts per second. */

void timer_init (void);
int64_t timer_ticks (void);
int64_t timer_elapsed (int64_t then);
void timer_sleep (int64_t ticks);
void timer_msleep (int64_t ms);

/* A function the timer calls at every tick (see timer_watch()). */
typedef void timer_watcher (int64_t now);
void timer_watch (timer_watcher *);

#endif /* devices/timer.h */
