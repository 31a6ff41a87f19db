#ifndef LIB_RANDOM_H
#define LIB_RANDOM_H

#include <stddef.h>

/* A fast pseudo-random generator (xoshiro128**) for tests, hashing salts and
   scheduling jitter: statistically good, NOT cryptographically secure.  One
   shared state, not synchronised: callers on several threads must serialise
   (in the kernel, with interrupts off or a lock).  Using it before
   random_init is the same as random_init (0). */

/* Restarts the sequence from SEED; equal seeds give equal sequences. */
void random_init (unsigned seed);

/* Fills the SIZE bytes at BUF with pseudo-random bytes. */
void random_bytes (void *buf, size_t size);

/* Returns a pseudo-random unsigned long, all bits uniformly distributed. */
unsigned long random_ulong (void);

#endif /* lib/random.h */
