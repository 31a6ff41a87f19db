#ifndef THREADS_INIT_H
#define THREADS_INIT_H

/* Kernel main and the command line. */

#include <stdbool.h>

/* Set by the -q option: power off once the actions are done. */
extern bool power_off_when_done;

#endif /* threads/init.h */
