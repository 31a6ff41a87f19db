#ifndef TESTS_THREADS_SWAP_SETUP_H
#define TESTS_THREADS_SWAP_SETUP_H

/* Shared by the swap and multi-sector disk tests. */

#include <stddef.h>
#include <stdint.h>

void swap_setup (void);
void pattern_fill (void *buf, size_t size, uint32_t seed);
size_t pattern_mismatch (const void *buf, size_t size, uint32_t seed);

#endif /* tests/threads/swap-setup.h */
