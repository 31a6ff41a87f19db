#ifndef TESTS_LIB_H
#define TESTS_LIB_H

/* Helpers for test programs (user processes).

   A test defines `void test_main (void)'.  The main() in tests/lib.c sets
   test_name from argv[0], prints "(NAME) begin", runs test_main, prints
   "(NAME) end" and exits 0.  A program that must control its own output or
   exit status (a helper that a test execs, a test that exits on purpose)
   defines main itself instead; tests/lib.c's main is only a default.

   Output is deterministic so that the expected-output files can list it:
   msg() prints "(NAME) text", fail() prints "(NAME) FAIL: text" and exits
   with -1, so that a failing test can never pass. */

#include <debug.h>
#include <stdbool.h>
#include <stddef.h>
#include <abi.h>

/* A user address that no test program ever maps (far above the heap, far
   below the stack): a system call given a pointer to it must kill. */
#define UNMAPPED_ADDRESS ((void *) 0x20101234)

/* An address in the kernel half that the kernel does map: the kernel could
   read it, so only its checks stop a user pointer to it. */
#define KERNEL_ADDRESS ((void *) (PHYS_BASE_ADDR + 0x100000))

/* The test's name, for messages: argv[0] under the default main.  A program
   with its own main sets it before printing. */
extern const char *test_name;

/* The arguments main received, for test_main (the default main sets them). */
extern int test_argc;
extern char **test_argv;

/* When true, msg() prints nothing (fail() still does): for helpers run many
   times, whose progress would make the output depend on timing. */
extern bool quiet;

/* The body of a test run by the default main. */
void test_main (void);

/* Prints "(NAME) " FORMAT and a newline as one write. */
void msg (const char *format, ...) PRINTF_FORMAT (1, 2);

/* Prints "(NAME) FAIL: " FORMAT and a newline, then exits with -1. */
void fail (const char *format, ...) PRINTF_FORMAT (1, 2) NO_RETURN;

/* If SUCCESS, prints the message with msg(); otherwise fails with it. */
#define CHECK(SUCCESS, ...) \
  do                        \
    {                       \
      if (SUCCESS)          \
        msg (__VA_ARGS__);  \
      else                  \
        fail (__VA_ARGS__); \
    }                       \
  while (0)

/* Fails unless the SIZE bytes at ACTUAL equal those at EXPECTED; WHAT names
   the data in the message, which shows the first differing byte. */
void compare_bytes (const void *actual, const void *expected, size_t size,
                    const char *what);

/* Opens file NAME, checks that it holds exactly the SIZE bytes at EXPECTED,
   and closes it.  Prints one message on success. */
void check_file (const char *name, const void *expected, size_t size);

/* Copies the SIZE bytes at DATA so that they straddle BOUNDARY, a page
   boundary inside a buffer of the caller's, half on each side; returns
   where the copy starts. */
void *copy_across (void *boundary, const void *data, size_t size);

/* Copies string S, without its null, to end just below the first unmapped
   page, so that whoever reads on past its end faults; returns the copy.
   (It overwrites the end of .bss: use it only just before being killed.) */
char *unterminated_at_unmapped (const char *s);

/* The lowest user address above the program's .bss that is not mapped: by
   the ABI, touching it kills the process, while the bytes just below it
   are mapped. */
void *first_unmapped_page (void);

#endif /* tests/lib.h */
