#ifndef LIB_ROUND_H
#define LIB_ROUND_H

/* Integer rounding for non-negative X and positive STEP.  Each argument may
   be evaluated more than once.  STEP need not be a power of two. */

/* X rounded up to the nearest multiple of STEP. */
#define ROUND_UP(X, STEP) ((((X) + (STEP)) - 1) / (STEP) * (STEP))

/* X rounded down to the nearest multiple of STEP. */
#define ROUND_DOWN(X, STEP) ((X) / (STEP) * (STEP))

/* X / STEP, rounded up: how many STEP-sized pieces cover X. */
#define DIV_ROUND_UP(X, STEP) ((((X) + (STEP)) - 1) / (STEP))

#endif /* lib/round.h */
