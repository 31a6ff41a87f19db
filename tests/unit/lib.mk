# Host unit tests for lib/: containers, formatting, strings, stdlib, division.
UNIT_TESTS += list bitmap hash format
UNIT_SRC_list := lib/kernel/list.c
UNIT_SRC_bitmap := lib/kernel/bitmap.c
UNIT_SRC_hash := lib/kernel/hash.c lib/kernel/list.c
UNIT_SRC_format := lib/arithmetic.c
# format.c #includes these (renamed to k_*) instead of linking them, so they
# must not appear in UNIT_SRC_format; listed here for rebuild dependencies.
UNIT_DEPS_format := lib/string.c lib/stdio.c lib/stdlib.c lib/random.c \
	lib/string.h lib/stdio.h lib/stdlib.h lib/ctype.h lib/random.h
