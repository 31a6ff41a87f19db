/* System calls: `int $0x30' with the call number at [%esp] and up to three
   argument words above it; the result goes back in %eax.

   User memory is reached only through userprog/uaccess.c. Data to and from
   files moves through a page-sized kernel bounce buffer, so no file-system lock
   is ever held while user memory is touched. A bad user pointer ends the
   process with exit(-1), after the call has let go of whatever it held. */

#include "userprog/syscall.h"
#include <console.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <syscall-nr.h>
#include "devices/input.h"
#include "devices/shutdown.h"
#include "filesys/file.h"
#include "filesys/filesys.h"
#include "threads/interrupt.h"
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "userprog/process.h"
#include "userprog/uaccess.h"

#define SYSCALL_VEC 0x30
#define SYSCALL_ARGS_MAX 3
#define FILE_NAME_MAX 14        /* Longest file name (READDIR_MAX_LEN). */
#define STDIN_FD 0
#define STDOUT_FD 1

/* A handler gets the call's argument words and returns the value for %eax. */
typedef uint32_t syscall_func (const uint32_t *args);

static void syscall_handler (struct intr_frame *);

/* Registers the system-call gate: reachable from ring 3, interrupts stay on. */
void syscall_init (void)
{
  intr_register_int (SYSCALL_VEC, 3, INTR_ON, syscall_handler, "syscall");
}

/* Ends the process for passing a bad pointer. The caller must have released
   everything it holds. */
static void NO_RETURN kill_bad_pointer (void)
{
  diag_printf ("kill: %s: bad pointer in system call\n", process_current ()->name);
  process_exit (-1);
}

/* True if every byte of [UADDR, UADDR + SIZE) is user memory the process may
   read (and write, if WRITE). */
static bool user_range_ok (const void *uaddr, size_t size, bool write)
{
  const uint8_t *p = uaddr;
  const uint8_t *last;

  if (size == 0)
    return true;
  if ((uintptr_t) p + size - 1 < (uintptr_t) p)
    return false;
  last = p + size - 1;
  for (p = pg_round_down (p); p <= last; p += PGSIZE)
    {
      if (user_resolve (p, write) == NULL)
        return false;
      if (p + PGSIZE < p)
        break;
    }
  return true;
}

/* Copies the file name at user address UNAME into NAME. Kills the process if
   UNAME is not a readable string; returns false if the name is too long. */
static bool copy_file_name (const char *uname, char name[FILE_NAME_MAX + 2])
{
  int len = user_strlcpy (name, uname, FILE_NAME_MAX + 2);
  if (len < 0)
    kill_bad_pointer ();
  return len <= FILE_NAME_MAX;
}

/* The open file behind descriptor FD of the running process, or NULL. */
static struct file *fd_file (int fd)
{
  struct process *p = process_current ();
  if (fd < PROCESS_FD_FIRST || fd >= PROCESS_FD_FIRST + PROCESS_FILES_MAX)
    return NULL;
  return p->files[fd - PROCESS_FD_FIRST];
}

/* Powers off without the leak check: this process (and maybe others) still runs. */
static uint32_t sys_halt (const uint32_t *args UNUSED)
{
  shutdown_halt ();
}

static uint32_t sys_exit (const uint32_t *args)
{
  process_exit ((int) args[0]);
}

static uint32_t sys_exec (const uint32_t *args)
{
  char *cmdline = palloc_get_page (0);
  int len;
  tid_t tid;

  if (cmdline == NULL)
    return -1;
  len = user_strlcpy (cmdline, (const char *) args[0], PGSIZE);
  if (len < 0)
    {
      palloc_free_page (cmdline);
      kill_bad_pointer ();
    }
  tid = len < PGSIZE ? process_execute (cmdline) : TID_ERROR;
  palloc_free_page (cmdline);
  return tid == TID_ERROR ? (uint32_t) -1 : (uint32_t) tid;
}

static uint32_t sys_wait (const uint32_t *args)
{
  return process_wait ((tid_t) args[0]);
}

static uint32_t sys_create (const uint32_t *args)
{
  char name[FILE_NAME_MAX + 2];

  if (!copy_file_name ((const char *) args[0], name) || args[1] > INT32_MAX)
    return false;
  return filesys_create (name, (off_t) args[1]);
}

static uint32_t sys_remove (const uint32_t *args)
{
  char name[FILE_NAME_MAX + 2];

  if (!copy_file_name ((const char *) args[0], name))
    return false;
  return filesys_remove (name);
}

static uint32_t sys_open (const uint32_t *args)
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
  return PROCESS_FD_FIRST + i;
}

static uint32_t sys_filesize (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);
  return file != NULL ? (uint32_t) file_length (file) : (uint32_t) -1;
}

/* Reads SIZE bytes of console input into user buffer UBUF, which is writable. */
static int read_console (uint8_t *ubuf, unsigned size, uint8_t *bounce)
{
  unsigned done = 0;

  while (done < size)
    {
      unsigned n = size - done < PGSIZE ? size - done : PGSIZE;
      unsigned i;
      for (i = 0; i < n; i++)
        bounce[i] = input_getc ();
      if (!user_copy_out (ubuf + done, bounce, n))
        return -1;
      done += n;
    }
  return done;
}

/* Reads up to SIZE bytes of FILE into user buffer UBUF, which is writable.
   Returns the bytes read, or -1 if UBUF turned out not to be. */
static int read_file (struct file *file, uint8_t *ubuf, unsigned size, uint8_t *bounce)
{
  unsigned done = 0;

  while (done < size)
    {
      unsigned want = size - done < PGSIZE ? size - done : PGSIZE;
      off_t got = file_read (file, bounce, want);
      if (got <= 0)
        break;
      if (!user_copy_out (ubuf + done, bounce, got))
        return -1;
      done += got;
      if ((unsigned) got < want)
        break;
    }
  return done;
}

/* Writes SIZE bytes of user buffer UBUF, which is readable, to the console as one
   unbroken piece. Returns SIZE, or -1 if UBUF turned out not to be readable. */
static int write_console (const uint8_t *ubuf, unsigned size, uint8_t *bounce)
{
  unsigned done = 0;

  console_hold ();
  while (done < size)
    {
      unsigned n = size - done < PGSIZE ? size - done : PGSIZE;
      if (!user_copy_in (bounce, ubuf + done, n))
        {
          console_release ();
          return -1;
        }
      putbuf ((const char *) bounce, n);
      done += n;
    }
  console_release ();
  return done;
}

/* Writes SIZE bytes of user buffer UBUF, which is readable, to FILE. Returns the
   bytes written (0 if FILE is a running executable), or -1 if UBUF turned out
   not to be readable. */
static int write_file (struct file *file, const uint8_t *ubuf, unsigned size,
                       uint8_t *bounce)
{
  unsigned done = 0;

  while (done < size)
    {
      unsigned want = size - done < PGSIZE ? size - done : PGSIZE;
      off_t wrote;
      if (!user_copy_in (bounce, ubuf + done, want))
        return -1;
      wrote = file_write (file, bounce, want);
      if (wrote <= 0)
        break;
      done += wrote;
      if ((unsigned) wrote < want)
        break;
    }
  return done;
}

/* read (TO_USER) or write: descriptor ARGS[0], user buffer ARGS[1], ARGS[2] bytes.
   The console's descriptor is 0 for read and 1 for write; any other must be an
   open file. The whole buffer is checked first, so a bad one kills the process
   even when nothing would be transferred. */
static uint32_t transfer (const uint32_t *args, bool to_user)
{
  int fd = (int) args[0];
  uint8_t *ubuf = (uint8_t *) args[1];
  unsigned size = args[2];
  bool console = fd == (to_user ? STDIN_FD : STDOUT_FD);
  struct file *file = fd_file (fd);
  uint8_t *bounce;
  int result;

  if (!console && file == NULL)
    return -1;
  if (!user_range_ok (ubuf, size, to_user))
    kill_bad_pointer ();
  if (size > INT32_MAX)
    size = INT32_MAX;
  bounce = palloc_get_page (0);
  if (bounce == NULL)
    return -1;
  if (to_user)
    result = console ? read_console (ubuf, size, bounce)
                     : read_file (file, ubuf, size, bounce);
  else
    result = console ? write_console (ubuf, size, bounce)
                     : write_file (file, ubuf, size, bounce);
  palloc_free_page (bounce);
  if (result < 0)
    kill_bad_pointer ();
  return result;
}

static uint32_t sys_read (const uint32_t *args)
{
  return transfer (args, true);
}

static uint32_t sys_write (const uint32_t *args)
{
  return transfer (args, false);
}

static uint32_t sys_seek (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);
  if (file != NULL)
    file_seek (file, args[1] > INT32_MAX ? -1 : (off_t) args[1]);
  return 0;
}

static uint32_t sys_tell (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);
  return file != NULL ? (uint32_t) file_tell (file) : (uint32_t) -1;
}

static uint32_t sys_close (const uint32_t *args)
{
  struct file *file = fd_file ((int) args[0]);
  if (file != NULL)
    {
      file_close (file);
      process_current ()->files[(int) args[0] - PROCESS_FD_FIRST] = NULL;
    }
  return 0;
}

/* mmap, the directory calls and sbrk, until their issues land. */
static uint32_t sys_fail (const uint32_t *args UNUSED)
{
  return -1;
}

/* munmap, until the virtual-memory issue. */
static uint32_t sys_nothing (const uint32_t *args UNUSED)
{
  return 0;
}

/* The directory calls chdir, mkdir, readdir, isdir: reserved, always false. */
static uint32_t sys_false (const uint32_t *args UNUSED)
{
  return false;
}

static uint32_t sys_regions (const uint32_t *args)
{
  struct region_set *set = &process_current ()->regions;
  struct region_info *ubuf = (struct region_info *) args[0];
  int max = (int) args[1];
  struct list_elem *e;
  int i = 0;

  if (max < 0)
    return -1;
  for (e = list_begin (&set->regions); e != list_end (&set->regions) && i < max;
       e = list_next (e), i++)
    {
      struct region_info info;
      region_describe (list_entry (e, struct region, elem), &info);
      if (!user_copy_out (ubuf + i, &info, sizeof info))
        kill_bad_pointer ();
    }
  return region_set_count (set);
}

/* The calls by number, with how many argument words each takes. */
static const struct
  {
    syscall_func *func;
    int argc;
  }
syscalls[] =
  {
    [SYS_HALT] = { sys_halt, 0 },
    [SYS_EXIT] = { sys_exit, 1 },
    [SYS_EXEC] = { sys_exec, 1 },
    [SYS_WAIT] = { sys_wait, 1 },
    [SYS_CREATE] = { sys_create, 2 },
    [SYS_REMOVE] = { sys_remove, 1 },
    [SYS_OPEN] = { sys_open, 1 },
    [SYS_FILESIZE] = { sys_filesize, 1 },
    [SYS_READ] = { sys_read, 3 },
    [SYS_WRITE] = { sys_write, 3 },
    [SYS_SEEK] = { sys_seek, 2 },
    [SYS_TELL] = { sys_tell, 1 },
    [SYS_CLOSE] = { sys_close, 1 },
    [SYS_MMAP] = { sys_fail, 2 },
    [SYS_MUNMAP] = { sys_nothing, 1 },
    [SYS_CHDIR] = { sys_false, 1 },
    [SYS_MKDIR] = { sys_false, 1 },
    [SYS_READDIR] = { sys_false, 2 },
    [SYS_ISDIR] = { sys_false, 1 },
    [SYS_INUMBER] = { sys_fail, 1 },
    [SYS_SBRK] = { sys_fail, 1 },
    [SYS_REGIONS] = { sys_regions, 2 },
  };

static void syscall_handler (struct intr_frame *f)
{
  const uint32_t *usp = f->esp;
  uint32_t args[SYSCALL_ARGS_MAX];
  uint32_t number;

  if (!user_copy_in (&number, usp, sizeof number))
    kill_bad_pointer ();
  if (number >= sizeof syscalls / sizeof *syscalls || syscalls[number].func == NULL)
    {
      diag_printf ("kill: %s: unknown system call %u\n", process_current ()->name,
              (unsigned) number);
      process_exit (-1);
    }
  if (!user_copy_in (args, usp + 1, syscalls[number].argc * sizeof *args))
    kill_bad_pointer ();
  f->eax = syscalls[number].func (args);
}
