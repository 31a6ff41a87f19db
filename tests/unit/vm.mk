# Host unit tests for vm/: the region set (region.c is #included by the test,
# which supplies strlcpy and a fake file layer, so it is not in UNIT_SRC_region).
UNIT_TESTS += region swap-slots
UNIT_SRC_region := lib/kernel/list.c
UNIT_DEPS_region := vm/region.c vm/region.h
# The swap slots' reference counts (fork's sharers hold one slot between them).
UNIT_SRC_swap-slots := vm/swap-slots.c
