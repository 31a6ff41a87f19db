/* System-call stubs.  The kernel reads the call number at [%esp] and the
   arguments above it, so each stub pushes them right to left, traps, and
   pops them again; the result comes back in %eax. */

#include <syscall.h>
#include <syscall-nr.h>

/* The operands are registers, never memory: a memory operand could be
   %esp-relative and move under our pushes. */
#define SYSCALL0(NUMBER)                                      \
  ({                                                          \
    int result_;                                              \
    asm volatile("pushl %[number]; int $0x30; addl $4, %%esp" \
                 : "=a"(result_)                              \
                 : [number] "i"(NUMBER)                       \
                 : "memory");                                 \
    result_;                                                  \
  })

#define SYSCALL1(NUMBER, ARG0)                                         \
  ({                                                                   \
    int result_;                                                       \
    asm volatile("pushl %[arg0]; pushl %[number]; int $0x30; "         \
                 "addl $8, %%esp"                                      \
                 : "=a"(result_)                                       \
                 : [number] "i"(NUMBER), [arg0] "r"((uint32_t) (ARG0)) \
                 : "memory");                                          \
    result_;                                                           \
  })

#define SYSCALL2(NUMBER, ARG0, ARG1)                                    \
  ({                                                                    \
    int result_;                                                        \
    asm volatile("pushl %[arg1]; pushl %[arg0]; "                       \
                 "pushl %[number]; int $0x30; addl $12, %%esp"          \
                 : "=a"(result_)                                        \
                 : [number] "i"(NUMBER), [arg0] "r"((uint32_t) (ARG0)), \
                   [arg1] "r"((uint32_t) (ARG1))                        \
                 : "memory");                                           \
    result_;                                                            \
  })

#define SYSCALL3(NUMBER, ARG0, ARG1, ARG2)                                      \
  ({                                                                            \
    int result_;                                                                \
    asm volatile("pushl %[arg2]; pushl %[arg1]; "                               \
                 "pushl %[arg0]; pushl %[number]; int $0x30; "                  \
                 "addl $16, %%esp"                                              \
                 : "=a"(result_)                                                \
                 : [number] "i"(NUMBER), [arg0] "r"((uint32_t) (ARG0)),         \
                   [arg1] "r"((uint32_t) (ARG1)), [arg2] "r"((uint32_t) (ARG2)) \
                 : "memory");                                                   \
    result_;                                                                    \
  })

void
halt (void)
{
  SYSCALL0 (SYS_HALT);
  for (;;)
    continue;
}

void
exit (int status)
{
  SYSCALL1 (SYS_EXIT, status);
  for (;;)
    continue;
}

pid_t
exec (const char *cmdline)
{
  return SYSCALL1 (SYS_EXEC, cmdline);
}

int
wait (pid_t pid)
{
  return SYSCALL1 (SYS_WAIT, pid);
}

bool
create (const char *file, unsigned initial_size)
{
  return SYSCALL2 (SYS_CREATE, file, initial_size);
}

bool
remove (const char *file)
{
  return SYSCALL1 (SYS_REMOVE, file);
}

int
open (const char *file)
{
  return SYSCALL1 (SYS_OPEN, file);
}

int
filesize (int fd)
{
  return SYSCALL1 (SYS_FILESIZE, fd);
}

int
read (int fd, void *buffer, unsigned length)
{
  return SYSCALL3 (SYS_READ, fd, buffer, length);
}

int
write (int fd, const void *buffer, unsigned length)
{
  return SYSCALL3 (SYS_WRITE, fd, buffer, length);
}

void
seek (int fd, unsigned position)
{
  SYSCALL2 (SYS_SEEK, fd, position);
}

unsigned
tell (int fd)
{
  return SYSCALL1 (SYS_TELL, fd);
}

void
close (int fd)
{
  SYSCALL1 (SYS_CLOSE, fd);
}

mapid_t
mmap (int fd, void *addr)
{
  return SYSCALL2 (SYS_MMAP, fd, addr);
}

void
munmap (mapid_t mapid)
{
  SYSCALL1 (SYS_MUNMAP, mapid);
}

bool
chdir (const char *dir)
{
  return SYSCALL1 (SYS_CHDIR, dir);
}

bool
mkdir (const char *dir)
{
  return SYSCALL1 (SYS_MKDIR, dir);
}

bool
readdir (int fd, char name[READDIR_MAX_LEN + 1])
{
  return SYSCALL2 (SYS_READDIR, fd, name);
}

bool
isdir (int fd)
{
  return SYSCALL1 (SYS_ISDIR, fd);
}

int
inumber (int fd)
{
  return SYSCALL1 (SYS_INUMBER, fd);
}

void *
sbrk (intptr_t increment)
{
  return (void *) SYSCALL1 (SYS_SBRK, increment);
}

int
regions (struct region_info *info, int max)
{
  return SYSCALL2 (SYS_REGIONS, info, max);
}

int
mincore (const void *addr, unsigned length, unsigned char *vec)
{
  return SYSCALL3 (SYS_MINCORE, addr, length, vec);
}

int
meminfo (struct meminfo *info)
{
  return SYSCALL1 (SYS_MEMINFO, info);
}

void
sleep (unsigned ms)
{
  SYSCALL1 (SYS_SLEEP, ms);
}

pid_t
fork (void)
{
  return SYSCALL0 (SYS_FORK);
}

int
exec_replace (const char *cmdline)
{
  return SYSCALL1 (SYS_EXEC_REPLACE, cmdline);
}
