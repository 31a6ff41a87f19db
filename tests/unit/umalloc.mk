# Host unit tests for lib/user/: the allocator behind malloc over a fake break.
UNIT_TESTS += umalloc
UNIT_SRC_umalloc := lib/user/heap.c
