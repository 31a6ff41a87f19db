/* System calls: `int $0x30' with the call number at [%esp] and up to three
   argument words above it; the result goes back in %eax.

   User memory is reached only through userprog/uaccess.c. Data to and from
   files and the console moves straight between pinned user pages and the file
   system, a page at a time, so no file-system lock is ever held while a user page
   comes in. A bad user pointer ends the process with exit(-1), after the call
   has let go of whatever it held. */

#include "userprog/syscall.h"
#include <meminfo.h>
#include <region-info.h>
#include <round.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <syscall-nr.h>
#include "devices/console.h"
#include "devices/input.h"
#include "devices/shutdown.h"
#include "devices/timer.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/interrupt.h"
#include "threads/palloc.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "userprog/exception.h"
#include "userprog/process.h"
#include "userprog/uaccess.h"
#include "vm/addrspace.h"

#define SYSCALL_VEC 0x30
#define SYSCALL_ARGS_MAX 3
#define STDIN_FD 0
#define STDOUT_FD 1
/* Most pages a file read moves in one file_read() through a kernel buffer
   (read_buffer()): kernel memory held across the read, against disk commands
   saved. */
#define READ_BUFFER_PAGES 8
/* Kernel pages a read buffer must leave free: page tables, kernel stacks and
   command lines come from the same pool, and a read should never be why a
   fork or an exec fails. */
#define READ_BUFFER_MARGIN 32

/* A handler gets the call's argument words and returns the value for %eax. */
typedef uint32_t syscall_func (const uint32_t *args);
/* A call that needs the caller's registers (fork copies them, exec_replace
   replaces them). */
typedef uint32_t syscall_frame_func (const uint32_t *args, struct intr_frame *);

static void syscall_handler (struct intr_frame *);

/* Registers the system-call gate: reachable from ring 3, interrupts stay on. */
void
syscall_init (void)
{
  intr_register_int (SYSCALL_VEC, 3, INTR_ON, syscall_handler, "syscall");
}

/* Ends the process, saying WHY on the diagnostic stream. The caller must have
   released everything it holds. */
static void NO_RETURN
kill_process (const char *why)
{
  diag_printf ("kill: %s: %s\n", process_current ()->name, why);
  process_exit (-1);
}

/* Ends the process for passing a bad pointer. */
static void NO_RETURN
kill_bad_pointer (void)
{
  kill_process ("bad pointer in system call");
}

/* The open file behind descriptor FD of the running process, or NULL. */
static struct file *
fd_file (int fd)
{
  struct process *p = process_current ();
  if (fd < PROCESS_FD_FIRST || fd >= PROCESS_FD_FIRST + PROCESS_FILES_MAX)
    return NULL;
  return p->files[fd - PROCESS_FD_FIRST];
}

/* Powers off without the leak check: this process (and maybe others) still runs. */
static uint32_t
sys_halt (const uint32_t *args UNUSED)
{
  shutdown_halt ();
}

static uint32_t
sys_exit (const uint32_t *args)
{
  process_exit ((int) args[0]);
}

/* Calls that answer as a failed call of their kind does: the reserved directory
   calls (chdir, mkdir, readdir, isdir: false; inumber: -1), and the starter
   kit's stand-ins below. */
static uint32_t
sys_returns_false (const uint32_t *args UNUSED)
{
  return false;
}

static uint32_t
sys_returns_minus_one (const uint32_t *args UNUSED)
{
  return -1;
}

#ifndef STARTER_USERPROG /* BEGIN SOLUTION userprog */
/* Copies the file name at user address UNAME into NAME. Kills the process if
   UNAME is not a readable string; returns false if the name is too long. */
static bool
copy_file_name (const char *uname, char name[FILE_NAME_MAX + 2])
{
  int len = user_strlcpy (name, uname, FILE_NAME_MAX + 2);
  if (len < 0)
    kill_bad_pointer ();
  return len <= FILE_NAME_MAX;
}

/* Copies the command line at user address UCMDLINE into a new kernel page, for
   the caller to palloc_free_page(). Kills the process if UCMDLINE is not a
   readable string. Returns NULL if the command line does not fit a page, or if
   there is no page for it (said on the diagnostic stream under the program's
   name). */
static char *
copy_cmdline (const char *ucmdline)
{
  char *cmdline = palloc_get_page (0);
  int len;

  if (cmdline == NULL)
    {
      char name[PROCESS_NAME_MAX + 1];
      if (user_strlcpy (name, ucmdline, sizeof name) < 0)
        kill_bad_pointer ();
      name[strcspn (name, " ")] = '\0';
      diag_printf ("load: %s: out of memory\n", name);
      return NULL;
    }
  len = user_strlcpy (cmdline, ucmdline, PGSIZE);
  if (len < 0)
    {
      palloc_free_page (cmdline);
      kill_bad_pointer ();
    }
  if (len >= PGSIZE)
    {
      palloc_free_page (cmdline);
      return NULL;
    }
  return cmdline;
}

static uint32_t
sys_exec (const uint32_t *args)
{
  char *cmdline = copy_cmdline ((const char *) args[0]);
  tid_t tid;

  if (cmdline == NULL)
    return -1;
  tid = process_execute (cmdline);
  palloc_free_page (cmdline);
  return tid == TID_ERROR ? (uint32_t) -1 : (uint32_t) tid;
}

static uint32_t
sys_wait (const uint32_t *args)
{
  return process_wait ((tid_t) args[0]);
}

static uint32_t
sys_create (const uint32_t *args)
{
  char name[FILE_NAME_MAX + 2];

  if (!copy_file_name ((const char *) args[0], name) || args[1] > INT32_MAX)
    return false;
  return filesys_create (name, (off_t) args[1]);
}

static uint32_t
sys_remove (const uint32_t *args)
{
  char name[FILE_NAME_MAX + 2];

  if (!copy_file_name ((const char *) args[0], name))
    return false;
  return filesys_remove (name);
}

static uint32_t
sys_open (const uint32_t *args)
{
  struct process *p = process_current ();
  char name[FILE_NAME_MAX + 2];
  struct file *file;
  int i;

  if (!copy_file_name ((const char *) args[0], name))
    return -1;
  for (i = 0; i < PROCESS_FILES_MAX; i++)
    if (p->files[i] == NULL)
      break;
  if (i == PROCESS_FILES_MAX)
    return -1;
  file = filesys_open (name);
  if (file == NULL)
    return -1;
  p->files[i] = file;
  strlcpy (p->file_names[i], name, sizeof p->file_names[i]);
  return PROCESS_FD_FIRST + i;
}

static uint32_t
sys_filesize (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);
  return file != NULL ? (uint32_t) file_length (file) : (uint32_t) -1;
}

static uint32_t
sys_seek (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);
  if (file != NULL)
    file_seek (file, args[1] > INT32_MAX ? -1 : (off_t) args[1]);
  return 0;
}

static uint32_t
sys_tell (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);
  return file != NULL ? (uint32_t) file_tell (file) : (uint32_t) -1;
}

static uint32_t
sys_close (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);
  if (file != NULL)
    {
      file_close (file);
      process_current ()->files[(int) args[0] - PROCESS_FD_FIRST] = NULL;
    }
  return 0;
}
/* fork (): the child's pid, or -1. */
static uint32_t
sys_fork (const uint32_t *args UNUSED, struct intr_frame *f)
{
  tid_t tid = process_fork (f);
  return tid == TID_ERROR ? (uint32_t) -1 : (uint32_t) tid;
}

/* exec_replace (cmdline): on success the new program's first instruction runs
   next, from F; else -1 with the caller unchanged. */
static uint32_t
sys_exec_replace (const uint32_t *args, struct intr_frame *f)
{
  char *cmdline = copy_cmdline ((const char *) args[0]);
  bool replaced;

  if (cmdline == NULL)
    return -1;
  replaced = process_exec_replace (cmdline, f);
  palloc_free_page (cmdline);
  return replaced ? f->eax : (uint32_t) -1;
}

#else /* STARTER userprog */
/* Until you write them, the process calls (exec, wait, fork, exec_replace) fail,
   and so do the file calls, so that no descriptor is ever open (read and write
   then fail as for a bad descriptor). */
static uint32_t
sys_returns_zero (const uint32_t *args UNUSED)
{
  return 0;
}

#define sys_exec sys_returns_minus_one
#define sys_wait sys_returns_minus_one
#define sys_create sys_returns_false
#define sys_remove sys_returns_false
#define sys_open sys_returns_minus_one
#define sys_filesize sys_returns_minus_one
#define sys_seek sys_returns_zero
#define sys_tell sys_returns_minus_one
#define sys_close sys_returns_zero

static uint32_t
sys_fork (const uint32_t *args UNUSED, struct intr_frame *f UNUSED)
{
  return -1;
}

static uint32_t
sys_exec_replace (const uint32_t *args UNUSED, struct intr_frame *f UNUSED)
{
  return -1;
}
#endif /* END SOLUTION userprog */

/* Reads SIZE bytes of console input into user buffer UBUF, a chunk at a time
   through a small kernel buffer: waiting for keys, it holds no user page pinned.
   Returns SIZE, or -1 if a page of UBUF could not be had. */
static int
read_console (uint8_t *ubuf, unsigned size)
{
  enum
  {
    CHUNK = 64
  };
  uint8_t chunk[CHUNK];
  unsigned done, i;

  for (done = 0; done < size; done += i)
    {
      for (i = 0; i < CHUNK && done + i < size; i++)
        chunk[i] = input_getc ();
      if (!user_copy_out (ubuf + done, chunk, i))
        return -1;
    }
  return size;
}

/* Moves N bytes between the pinned user bytes at KADDR and FILE at OFFSET, its
   position, or out of them to the console if FILE is NULL: into KADDR if TO_USER,
   else out of it. Returns how many moved, or -1 if the disk failed first. A file's
   chunk moves inside its own vm_file_io_begin() and vm_file_io_end(), so that
   mappings of the file and the transfer see each other and no write-back lands
   inside a write's chunk; its page is pinned before, because pinning may take the
   address space's lock, which comes before the file's I/O lock (vm/file-object.c).
 */
static off_t
move_chunk (struct file *file, off_t offset, uint8_t *kaddr, unsigned n,
            bool to_user)
{
  struct vm_file_io io;
  off_t moved;

  if (file == NULL)
    {
      putbuf ((const char *) kaddr, n);
      return n;
    }
  vm_file_io_begin (&io, file, offset, n, !to_user);
  moved = to_user ? file_read (file, kaddr, n) : file_write (file, kaddr, n);
  if (moved > 0 && !to_user)
    vm_file_io_wrote (&io, kaddr, moved);
  vm_file_io_end (&io);
  return moved;
}

/* A kernel buffer of up to READ_BUFFER_PAGES pages for a file read of more than a
   page (no more than it needs), or NULL if the kernel pool has no such run free
   with READ_BUFFER_MARGIN pages to spare; its size in *BYTES. Read page by page,
   a file whose bytes do not fall on the user's pages at sector boundaries costs a
   disk command a page (each page's end sectors are read in part, the middle ones
   through the run buffer); read into one buffer, its sectors come a run a command
   (filesys/inode.c). */
static void *
read_buffer (unsigned size, size_t *bytes)
{
  size_t pages = DIV_ROUND_UP (size, PGSIZE);
  void *buf;

  if (pages > READ_BUFFER_PAGES)
    pages = READ_BUFFER_PAGES;
  if (palloc_kernel_free_count () < pages + READ_BUFFER_MARGIN)
    return NULL;
  buf = palloc_get_multiple (0, pages);
  *bytes = pages * PGSIZE;
  return buf;
}

/* read (TO_USER) or write: descriptor ARGS[0], user buffer ARGS[1], ARGS[2] bytes.
   The console's descriptor is 0 for read and 1 for write, and a write to it appears
   unbroken; any other must be an open file. The whole buffer is checked against the
   process's regions first, so a bad one kills the process even when nothing would be
   transferred. Then file data and console output move a pinned page at a time, with
   no kernel buffer between (and no lock held while a page is pinned), except that a
   file read of more than a page goes through a kernel buffer (read_buffer()), up
   to READ_BUFFER_PAGES pages a file_read, then out to the user's pages. Returns the
   bytes moved (a short count at the end of a file or at a sector the disk failed,
   0 for a write to a running executable), or -1 if the disk failed before any
   byte moved. */
static uint32_t
transfer (const uint32_t *args, bool to_user)
{
  int fd = (int) args[0];
  uint8_t *ubuf = (uint8_t *) args[1];
  unsigned size = args[2];
  bool console = fd == (to_user ? STDIN_FD : STDOUT_FD);
  struct file *file = fd_file (fd);
  unsigned done = 0;
  off_t start = 0;
  bool no_memory = false, io_error = false;
  void *buffer = NULL;
  size_t buffer_bytes = 0;

  if (!console && file == NULL)
    return -1;
  if (!user_range_ok (ubuf, size, to_user))
    kill_bad_pointer ();
  if (size > INT32_MAX)
    size = INT32_MAX;
  if (console && to_user)
    {
      if (read_console (ubuf, size) < 0)
        kill_process ("out of memory");
      return size;
    }
  if (console)
    console_hold ();
  else
    {
      start = file_tell (file);
      if (start < 0)
        size = 0; /* Sought past INT32_MAX: nothing there. */
      else if (size > (unsigned) (INT32_MAX - start))
        size = INT32_MAX - start; /* No file reaches past INT32_MAX. */
    }
  if (!console && to_user && size > PGSIZE)
    buffer = read_buffer (size, &buffer_bytes);
  while (done < size)
    {
      unsigned n = size - done;
      uint8_t *kaddr;
      off_t moved;

      if (buffer != NULL)
        {
          if (n > buffer_bytes)
            n = buffer_bytes;
          moved = move_chunk (file, start + done, buffer, n, true);
          /* The range was checked: a page that cannot be had is out of memory. */
          if (moved > 0 && !user_copy_out (ubuf + done, buffer, moved))
            {
              no_memory = true;
              break;
            }
        }
      else
        {
          if (n > PGSIZE - pg_ofs (ubuf + done))
            n = PGSIZE - pg_ofs (ubuf + done);
          kaddr = user_pin (ubuf + done, to_user);
          if (kaddr == NULL)
            {
              no_memory = true;
              break;
            }
          moved
              = move_chunk (console ? NULL : file, start + done, kaddr, n, to_user);
          user_unpin (kaddr);
        }
      if (moved > 0)
        done += moved;
      io_error = moved < 0;
      if (moved < (off_t) n)
        break;
    }
  if (console)
    console_release ();
  if (buffer != NULL)
    palloc_free_multiple (buffer, buffer_bytes / PGSIZE);
  if (no_memory)
    kill_process ("out of memory");
  return done == 0 && io_error ? (uint32_t) -1 : done;
}

static uint32_t
sys_read (const uint32_t *args)
{
  return transfer (args, true);
}

static uint32_t
sys_write (const uint32_t *args)
{
  return transfer (args, false);
}

/* mmap (fd, addr): the console's descriptors and closed ones cannot be mapped. */
static uint32_t
sys_mmap (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);

  if (file == NULL)
    return -1;
  return addrspace_mmap (thread_current ()->addrspace, file,
                         process_current ()->file_names[args[0] - PROCESS_FD_FIRST],
                         (void *) args[1]);
}

/* munmap (mapid): an id that names no mapping of the process is ignored. */
static uint32_t
sys_munmap (const uint32_t *args)
{
  addrspace_munmap (thread_current ()->addrspace, (int) args[0]);
  return 0;
}

static uint32_t
sys_regions (const uint32_t *args)
{
  struct addrspace *as = thread_current ()->addrspace;
  struct region_info *ubuf = (struct region_info *) args[0];
  int max = (int) args[1];
  struct region_info info;
  int i;

  if (max < 0)
    return -1;
  for (i = 0; i < max && addrspace_region_info (as, i, &info); i++)
    if (!user_copy_out (ubuf + i, &info, sizeof info))
      kill_bad_pointer ();
  return addrspace_region_count (as);
}

/* sbrk (increment): the old break, or (void *) -1. */
static uint32_t
sys_sbrk (const uint32_t *args)
{
  return (uint32_t) addrspace_sbrk (thread_current ()->addrspace,
                                    (intptr_t) args[0]);
}

/* meminfo (info): 0. */
static uint32_t
sys_meminfo (const uint32_t *args)
{
  struct meminfo info;

  vm_meminfo (&info);
  if (!user_copy_out ((void *) args[0], &info, sizeof info))
    kill_bad_pointer ();
  return 0;
}

/* sleep (ms): blocks for at least MS milliseconds, in whole timer ticks. */
static uint32_t
sys_sleep (const uint32_t *args)
{
  timer_sleep (((int64_t) args[0] * TIMER_FREQ + 999) / 1000);
  return 0;
}

/* mincore (addr, length, vec): page states, a chunk of pages at a time. */
static uint32_t
sys_mincore (const uint32_t *args)
{
  enum
  {
    CHUNK_PAGES = 64
  };
  struct addrspace *as = thread_current ()->addrspace;
  const uint8_t *addr = (const uint8_t *) args[0];
  size_t page_cnt = DIV_ROUND_UP ((size_t) args[1], PGSIZE);
  uint8_t *uvec = (uint8_t *) args[2];
  uint8_t states[CHUNK_PAGES];
  size_t done;

  if (pg_ofs (addr) != 0 || args[1] == 0
      || !addrspace_mincore (as, addr, page_cnt, NULL))
    return -1;
  if (!user_range_ok (uvec, page_cnt, true))
    kill_bad_pointer ();
  for (done = 0; done < page_cnt; done += CHUNK_PAGES)
    {
      size_t n = page_cnt - done < CHUNK_PAGES ? page_cnt - done : CHUNK_PAGES;
      addrspace_mincore (as, addr + done * PGSIZE, n, states);
      if (!user_copy_out (uvec + done, states, n))
        kill_bad_pointer ();
    }
  return 0;
}

/* The calls by number, with how many argument words each takes; a call that
   needs the caller's registers has FRAME_FUNC instead of FUNC. */
static const struct
{
  syscall_func *func;
  syscall_frame_func *frame_func;
  int argc;
} syscalls[] = {
  [SYS_HALT] = { sys_halt, NULL, 0 },
  [SYS_EXIT] = { sys_exit, NULL, 1 },
  [SYS_EXEC] = { sys_exec, NULL, 1 },
  [SYS_WAIT] = { sys_wait, NULL, 1 },
  [SYS_CREATE] = { sys_create, NULL, 2 },
  [SYS_REMOVE] = { sys_remove, NULL, 1 },
  [SYS_OPEN] = { sys_open, NULL, 1 },
  [SYS_FILESIZE] = { sys_filesize, NULL, 1 },
  [SYS_READ] = { sys_read, NULL, 3 },
  [SYS_WRITE] = { sys_write, NULL, 3 },
  [SYS_SEEK] = { sys_seek, NULL, 2 },
  [SYS_TELL] = { sys_tell, NULL, 1 },
  [SYS_CLOSE] = { sys_close, NULL, 1 },
  [SYS_MMAP] = { sys_mmap, NULL, 2 },
  [SYS_MUNMAP] = { sys_munmap, NULL, 1 },
  [SYS_CHDIR] = { sys_returns_false, NULL, 1 },
  [SYS_MKDIR] = { sys_returns_false, NULL, 1 },
  [SYS_READDIR] = { sys_returns_false, NULL, 2 },
  [SYS_ISDIR] = { sys_returns_false, NULL, 1 },
  [SYS_INUMBER] = { sys_returns_minus_one, NULL, 1 },
  [SYS_SBRK] = { sys_sbrk, NULL, 1 },
  [SYS_REGIONS] = { sys_regions, NULL, 2 },
  [SYS_MINCORE] = { sys_mincore, NULL, 3 },
  [SYS_MEMINFO] = { sys_meminfo, NULL, 1 },
  [SYS_SLEEP] = { sys_sleep, NULL, 1 },
  [SYS_FORK] = { NULL, sys_fork, 0 },
  [SYS_EXEC_REPLACE] = { NULL, sys_exec_replace, 1 },
};

static void
syscall_handler (struct intr_frame *f)
{
  const uint32_t *usp = f->esp;
  uint32_t args[SYSCALL_ARGS_MAX];
  uint32_t number;

  if (!user_copy_in (&number, usp, sizeof number))
    kill_bad_pointer ();
  if (thread_current ()->addrspace != NULL)
    {
      /* The program got this far: the pages its last fault brought in may go. */
      exception_end_watch (f);
      vm_user_progress (thread_current ()->addrspace);
    }
  if (number >= sizeof syscalls / sizeof *syscalls
      || (syscalls[number].func == NULL && syscalls[number].frame_func == NULL))
    {
      diag_printf ("kill: %s: unknown system call %u\n", process_current ()->name,
                   (unsigned) number);
      process_exit (-1);
    }
  if (!user_copy_in (args, usp + 1, syscalls[number].argc * sizeof *args))
    kill_bad_pointer ();
  f->eax = syscalls[number].func != NULL ? syscalls[number].func (args)
                                         : syscalls[number].frame_func (args, f);
}
