#ifndef LIB_INTTYPES_H
#define LIB_INTTYPES_H

/* printf() conversions for the 64-bit and greatest-width integers of <stdint.h>,
   whose length modifiers differ from int's on i386: printf ("%" PRId64, x). (The
   narrower types print with %d and %u as they are; int32_t is int or long by
   toolchain, so it has no macro here.) */

#include <stdint.h>

#define PRId64 "lld"
#define PRIi64 "lli"
#define PRIu64 "llu"
#define PRIx64 "llx"
#define PRIX64 "llX"
#define PRIo64 "llo"

#define PRIdMAX "jd"
#define PRIiMAX "ji"
#define PRIuMAX "ju"
#define PRIxMAX "jx"
#define PRIXMAX "jX"
#define PRIoMAX "jo"

#endif /* lib/inttypes.h */
