# Host unit tests for threads/: the 17.14 fixed point of the 4.4BSD scheduler
# (a header only, so nothing to link).
UNIT_TESTS += fixed-point
UNIT_DEPS_fixed-point := threads/fixed-point.h
