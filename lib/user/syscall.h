#ifndef LIB_USER_SYSCALL_H
#define LIB_USER_SYSCALL_H

/* The system calls a user program can make (see shared ABI.md): each is one
   `int $0x30' with the call number and arguments on the stack.  A bad
   pointer or descriptor argument may end the process with exit(-1). */

#include <abi.h>
#include <debug.h>
#include <meminfo.h>
#include <region-info.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h> /* STDIN_FILENO, STDOUT_FILENO. */

typedef int pid_t; /* A process id. */
#define PID_ERROR ((pid_t) -1)

typedef int mapid_t; /* A memory mapping id. */
#define MAP_FAILED ((mapid_t) -1)

/* Longest file name readdir() returns, not counting the null. */
#define READDIR_MAX_LEN FILE_NAME_MAX

/* Processes. */
void halt (void) NO_RETURN;
void exit (int status) NO_RETURN;
pid_t exec (const char *cmdline);
int wait (pid_t pid);

/* Files. */
bool create (const char *file, unsigned initial_size);
bool remove (const char *file);
int open (const char *file);
int filesize (int fd);
int read (int fd, void *buffer, unsigned length);
int write (int fd, const void *buffer, unsigned length);
void seek (int fd, unsigned position);
unsigned tell (int fd);
void close (int fd);

/* Memory-mapped files. */
mapid_t mmap (int fd, void *addr);
void munmap (mapid_t mapid);

/* Directories (numbers reserved; see ABI.md). */
bool chdir (const char *dir);
bool mkdir (const char *dir);
bool readdir (int fd, char name[READDIR_MAX_LEN + 1]);
bool isdir (int fd);
int inumber (int fd);

/* Kestrel's own calls. */

/* Moves the end of the heap by INCREMENT bytes; returns the old end, or
   (void *) -1 on failure. */
void *sbrk (intptr_t increment);

/* Describes the caller's memory regions (text, data, bss, stack...) in
   ascending address order in up to MAX entries of INFO; returns how many
   regions there are in all (which may exceed MAX), or -1 if MAX < 0. */
int regions (struct region_info *info, int max);

/* Writes one byte per page of [ADDR, ADDR + LENGTH) to VEC, made of the MINCORE_*
   bits (lib/region-info.h) (0 for a page that was never touched). ADDR must be
   page-aligned. Returns 0, or -1 if ADDR is unaligned, or the range leaves user
   space or touches no region. Never changes what is resident. */
int mincore (const void *addr, unsigned length, unsigned char *vec);

/* Fills INFO with the machine's user-memory figures (lib/meminfo.h): frames in
   all, free, holding shared file pages, pinned; swap slots in all and free.
   Returns 0. */
int meminfo (struct meminfo *info);

/* Blocks the caller for at least MS milliseconds (rounded up to timer ticks),
   without using the CPU: for a process that waits for others. */
void sleep (unsigned ms);

/* Makes a new process that is a copy of the caller: every region and page (shared
   copy-on-write, so the copy costs page tables, not memory), the break, shared
   mappings still shared, and a descriptor of its own for each of the caller's
   open files, at the same position. Returns the child's pid in the parent and 0
   in the child, or PID_ERROR (nothing changed) if memory is short. */
pid_t fork (void);

/* Replaces the caller's program with the one CMDLINE's first word names (the
   words are its arguments, as for exec); the process keeps its pid, its parent
   and its descriptors, its mappings are unmapped (written back) and its name
   becomes the program's. Does not return on success; returns -1, with the
   caller unchanged, if the program cannot be loaded. */
int exec_replace (const char *cmdline);

#endif /* lib/user/syscall.h */
