# Host unit tests for vm/: the region set (region.c is #included by the test,
# which supplies strlcpy and a fake file layer, so it is not in UNIT_SRC_region).
UNIT_TESTS += region swap-slots
UNIT_SRC_region := lib/kernel/list.c
UNIT_DEPS_region := vm/region.c vm/region.h
# The swap slots' reference counts (fork's sharers hold one slot between them).
UNIT_SRC_swap-slots := vm/swap-slots.c
# The anonymous object's reference counts (vm/anon.c over stand-ins for page
# directories, frames, swap and locks that the test supplies). The kernel is
# 32-bit: anon.c turns a frame's page (a uint32_t) into a pointer, which on the
# 64-bit host is wider; the value is a user address, so the cast is exact.
# Every kit lacks the vm assignment's eviction (anon.c's stand-ins keep every
# frame), so there the eviction cases fail, as tests/vm do.
UNIT_TESTS += anon
UNIT_SRC_anon := vm/anon.c vm/swap-slots.c lib/kernel/list.c
$(BUILD)/unit/anon: HOST_CFLAGS += -Wno-int-to-pointer-cast
