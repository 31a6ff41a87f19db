#ifndef TESTS_FUZZ_SRC_CALLS_H
#define TESTS_FUZZ_SRC_CALLS_H

/* The fuzzer's calls that start or end no process: every file, memory and
   Kestrel call, the reserved and unknown numbers, stores and loads of the
   fuzzer's own memory, and calls whose frame is not where the stubs put it
   (across a page boundary, against a guard page or the kernel, misaligned,
   or nowhere). */

#include <stdint.h>

/* Counts and logs a call made by hand (fork, exec...): NAME and its ARGC
   arguments ARGS. */
void calls_announce (const char *name, int argc, const uint32_t *args);

/* Logs RESULT of the call just announced. */
void calls_result (uint32_t result);

/* Makes one random call of those above. */
void calls_make_one (void);

#endif /* tests/fuzz/src/calls.h */
