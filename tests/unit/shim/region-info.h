#ifndef UNIT_SHIM_REGION_INFO_H
#define UNIT_SHIM_REGION_INFO_H

/* vm/region.h includes <region-info.h> from lib/, which the host tests cannot
   put on their include path (its string.h and stdio.h would hide the C
   library's), so this forwards to it by its path from the tree's root. */
#include "lib/region-info.h"

#endif /* tests/unit/shim/region-info.h */
