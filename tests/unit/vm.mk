# Host unit tests for vm/: the region set (region.c is #included by the test,
# which supplies strlcpy and a fake file layer, so it is not in UNIT_SRC_region).
UNIT_TESTS += region
UNIT_SRC_region := lib/kernel/list.c
UNIT_DEPS_region := vm/region.c vm/region.h
