#ifndef LIB_SYSCALL_NR_H
#define LIB_SYSCALL_NR_H

#include <assert.h>

/* System call numbers, passed in [%esp] at `int $0x30'.  0-19 are the Pintos
   ABI (see shared ABI.md) and must never change; Kestrel's own calls follow. */
enum syscall_number
{
  SYS_HALT = 0, /* void halt (void): power off. */
  SYS_EXIT,     /* void exit (int status): end the process. */
  SYS_EXEC,     /* pid_t exec (const char *cmdline): start a child. */
  SYS_WAIT,     /* int wait (pid_t): reap a direct child's status. */
  SYS_CREATE,   /* bool create (const char *name, unsigned size). */
  SYS_REMOVE,   /* bool remove (const char *name). */
  SYS_OPEN,     /* int open (const char *name): a descriptor or -1. */
  SYS_FILESIZE, /* int filesize (int fd). */
  SYS_READ,     /* int read (int fd, void *buf, unsigned n). */
  SYS_WRITE,    /* int write (int fd, const void *buf, unsigned n). */
  SYS_SEEK,     /* void seek (int fd, unsigned pos). */
  SYS_TELL,     /* unsigned tell (int fd). */
  SYS_CLOSE,    /* void close (int fd). */
  SYS_MMAP,     /* mapid_t mmap (int fd, void *addr): map a whole file. */
  SYS_MUNMAP,   /* void munmap (mapid_t): unmap, writing back. */
  SYS_CHDIR,    /* bool chdir (const char *dir): reserved. */
  SYS_MKDIR,    /* bool mkdir (const char *dir): reserved. */
  SYS_READDIR,  /* bool readdir (int fd, char name[]): reserved. */
  SYS_ISDIR,    /* bool isdir (int fd): reserved. */
  SYS_INUMBER,  /* int inumber (int fd): reserved. */

  /* Kestrel extensions. */
  SYS_SBRK = 20,    /* void *sbrk (intptr_t increment): resize heap. */
  SYS_REGIONS = 21, /* int regions (struct region_info *, int max): memory map. */
  SYS_MINCORE = 22, /* int mincore (const void *, unsigned, unsigned char *). */
  SYS_MEMINFO = 23, /* int meminfo (struct meminfo *): user memory in use. */
  SYS_SLEEP = 24,   /* void sleep (unsigned ms): block for at least MS ms. */
  SYS_FORK = 25,    /* pid_t fork (void): a copy of the caller. */
  SYS_EXEC_REPLACE = 26, /* int exec_replace (const char *cmdline). */
};

static_assert (SYS_INUMBER == 19, "Pintos call numbers must not move");

#endif /* lib/syscall-nr.h */
