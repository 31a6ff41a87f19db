# Host unit tests for userprog/: ELF validation.
UNIT_TESTS += elf
UNIT_SRC_elf := userprog/elf.c
