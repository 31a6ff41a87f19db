#ifndef UNIT_SHIM_ABI_H
#define UNIT_SHIM_ABI_H

/* Kernel headers include <abi.h> from lib/, which the host tests cannot put on
   their include path (its string.h and stdio.h would hide the C library's), so
   this forwards to it by its path from the tree's root. */
#include "lib/abi.h"

#endif /* tests/unit/shim/abi.h */
