#ifndef TESTS_THREADS_ALARM_H
#define TESTS_THREADS_ALARM_H

/* Shared driver for alarm-single and alarm-multiple. */

void alarm_run (int thread_cnt, int iterations);

#endif /* tests/threads/alarm.h */
