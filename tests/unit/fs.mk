# File system: on-disk layout rules, the host disk tool, and the kernel's
# file system over a disk in memory (checked with the tool's fsck).
# fs-tool and fs-kernel #include utils/kfs.c (built with KFS_NO_MAIN).
UNIT_TESTS += fs-layout fs-tool fs-kernel
UNIT_SRC_fs-layout := filesys/layout.c
UNIT_SRC_fs-tool := filesys/layout.c
# gcc's -MMD keeps one source's dependencies of several: the #included tool is named.
UNIT_DEPS_fs-tool := utils/kfs.c
UNIT_DEPS_fs-kernel := utils/kfs.c
UNIT_SRC_fs-kernel := filesys/filesys.c filesys/file.c filesys/inode.c \
	filesys/directory.c filesys/free-map.c filesys/cache.c filesys/layout.c
# fs-stop boots Kestrel (utils/kestrel) on tests/filesys/wb-halt and wb-child and
# checks the files they wrote, fetched from the disk after the machine stopped.
UNIT_TESTS += fs-stop
UNIT_DEPS_fs-stop := tests/filesys/wb-pattern.h
