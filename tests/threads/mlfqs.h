#ifndef TESTS_THREADS_MLFQS_H
#define TESTS_THREADS_MLFQS_H

/* What the MLFQS tests (mlfqs-*.c, run with -mlfqs) share.

   The model: the 4.4BSD scheduler's formulas as the Pintos reference guide gives
   them, computed here independently of the kernel, in millionths in 64 bits, so
   that a test can say what a value should be and how far the kernel's 17.14
   arithmetic may stray from it. Times are timer ticks, never wall time: the
   values depend on what ran at which tick, which the tests arrange. */

#include <stdbool.h>
#include <stdint.h>

#define MODEL_ONE 1000000      /* The real 1 in the model's millionths. */
#define GUIDE_PRIORITY_TICKS 4 /* Priorities are recomputed every 4th tick. */
#define MLFQS_REAL_MAX 16      /* Room for mlfqs_real()'s text. */

/* Fails the test unless the kernel runs the 4.4BSD scheduler (-mlfqs). */
void mlfqs_require (void);

/* One reading of the running thread's scheduling state, all within one tick. */
struct mlfqs_sample
{
  int64_t tick;
  int recent_cpu; /* thread_get_recent_cpu (): 100 times the value. */
  int load_avg;   /* thread_get_load_avg (): 100 times the value. */
  int priority;
  int nice;
};

void mlfqs_sample (struct mlfqs_sample *);
int64_t mlfqs_align (void);
void mlfqs_spin_until (int64_t tick);
void mlfqs_sleep_until (int64_t tick);
const char *mlfqs_real (char buf[MLFQS_REAL_MAX], int hundredths);

int64_t model_from_hundredths (int hundredths);
int model_hundredths (int64_t);
int64_t model_load_avg (int64_t load_avg, int ready_threads);
int64_t model_recent_cpu (int64_t recent_cpu, int64_t load_avg, int nice);
int model_priority (int64_t recent_cpu, int nice);
void mlfqs_check (const char *what, int hundredths, int64_t model, int tolerance);
bool mlfqs_priority_current (const struct mlfqs_sample *, int nice);

void mlfqs_fair_run (int thread_cnt, const int nice[], int seconds, int tolerance);

#endif /* tests/threads/mlfqs.h */
