#ifndef TESTS_FUZZ_SRC_ARGS_H
#define TESTS_FUZZ_SRC_ARGS_H

/* System-call arguments, drawn from the process's generator (state.h): a mix
   of valid values, boundary values and hostile ones (null, kernel, unmapped,
   read-only and misaligned pointers, pointers whose range runs into an
   unmapped page, huge lengths, bad and closed descriptors).

   A pointer the kernel may write through (arg_dest) always lies where the
   fuzzer keeps nothing of its own, or where the kernel must refuse it, so
   that a call the kernel gets right never corrupts the fuzzer. */

#include <stddef.h>
#include <stdint.h>

/* An address the kernel reads LEN bytes from. */
uint32_t arg_src (uint32_t len);

/* An address the kernel writes LEN bytes to. */
uint32_t arg_dest (uint32_t len);

/* An address no user access may reach (null or the kernel's). */
uint32_t arg_unreadable (void);

/* A length for a buffer: mostly small, sometimes a page's edge or huge. */
uint32_t arg_len (void);

/* A file position, a file size. */
uint32_t arg_offset (void);

/* A descriptor: one open returned, a console's, closed, bad or out of range. */
uint32_t arg_fd (void);

/* The address of a file name for create or open (FOR_REMOVE: for remove,
   which never names the fuzzer's own files). */
uint32_t arg_name (int for_remove);

/* The address of the LEN bytes of TEXT as a string, placed in one of the
   kinds of memory a string can be in (across a page boundary too), or left
   unterminated against an unmapped page, or a hostile pointer instead. */
uint32_t arg_string (const char *text, size_t len);

/* A pid for wait, a mapping id for munmap (never the fuzzer's own), an
   address for mmap, an increment for sbrk, a number of milliseconds. */
uint32_t arg_pid (void);
uint32_t arg_mapid (void);
uint32_t arg_map_addr (void);
uint32_t arg_increment (void);
uint32_t arg_sleep_ms (void);

/* mincore's range: a start address and a length. */
uint32_t arg_range_addr (void);
uint32_t arg_range_len (uint32_t addr);

/* A count of entries for regions. */
uint32_t arg_count (void);

/* Any word: any of the above. */
uint32_t arg_word (void);

#endif /* tests/fuzz/src/args.h */
