/* Kernel main: brings the subsystems up in dependency order, then carries out the
   actions on the command line (`-q run alarm-single`) and powers off. */

#include "threads/init.h"
#include <debug.h>
#include <random.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "devices/block.h"
#include "devices/console.h"
#include "devices/ide.h"
#include "devices/input.h"
#include "devices/serial.h"
#include "devices/shutdown.h"
#include "devices/timer.h"
#include "threads/boot-info.h"
#include "threads/interrupt.h"
#include "threads/malloc.h"
#include "threads/palloc.h"
#include "threads/paging.h"
#include "threads/thread.h"
#include "filesys/filesys.h"
#include "userprog/exception.h"
#include "threads/gdt.h"
#include "userprog/process.h"
#include "userprog/syscall.h"
#include "vm/addrspace.h"
#include "vm/maps.h"
#include "tests/threads/tests.h"

#define ARGV_MAX 64                   /* Command-line words kept. */
#define FINISH_TICKS (5 * TIMER_FREQ) /* How long exiting threads get to finish. */

bool power_off_when_done;
static bool format_filesys;      /* -f: format the file-system disk. */
static const char *filesys_disk; /* -filesys=DISK overrides hd0:0. */
static const char *swap_disk;    /* -swap=DISK overrides the first other disk. */
static size_t user_page_limit = SIZE_MAX;

static char *words[ARGV_MAX + 1]; /* The command line, split into words. */

int kernel_main (void) NO_RETURN;
static char **parse_options (void);
static void run_actions (char **argv);
static void usage (void) NO_RETURN;
static void let_threads_finish (void);
static void assign_disk_roles (void);
static void register_power_off_lines (void);

static size_t boot_free_pages; /* For the leak check at power-off. */

int
kernel_main (void)
{
  char **actions;

  serial_init ();
  boot_info_load ();
  gdt_init ();
  thread_init ();
  console_init ();
  printf ("Kestrel booting with %u kB RAM...\n", (unsigned) boot_info.ram_kb);

  actions = parse_options ();
  palloc_init (user_page_limit);
  malloc_init ();
  paging_init ();

  intr_init ();
  timer_init ();
  register_power_off_lines ();
  input_init ();
  serial_init_interrupts ();
  exception_init ();
  syscall_init ();
  process_init ();
  thread_start ();

  ide_init ();
  assign_disk_roles ();
  if (!filesys_init (format_filesys))
    printf ("No file system: user programs cannot be loaded.\n");
  vm_init ();

  printf ("Boot complete.\n");
  thread_reap_dead ();
  boot_free_pages = palloc_free_count ();
  run_actions (actions);

  if (power_off_when_done)
    {
      let_threads_finish ();
      shutdown_power_off ();
    }
  thread_exit ();
}

/* The threads layer's power-off lines, which it cannot register itself (it sits
   below devices/shutdown): where the ticks went, then the pages' leak check
   (after the timer's line, and before the swap slots' that vm/ registers). */
static void
print_page_leak_check (void)
{
  thread_reap_dead ();
  palloc_print_stats ();
  printf ("Free pages: %zu at boot, %zu at power-off%s\n", boot_free_pages,
          palloc_free_count (), shutdown_leak_note ());
}

static void
register_power_off_lines (void)
{
  shutdown_register_hook (SHUTDOWN_STATISTICS, thread_print_stats);
  shutdown_register_hook (SHUTDOWN_LEAK_CHECK, print_page_leak_check);
}

/* Splits the boot command line (the loader's, less the kernel's path) into WORDS
   in place and returns them. Words are separated by spaces; a word in single
   quotes may contain spaces (run 'echo a b'). A command line too long to have
   been kept whole is refused: a cut one could mean something else. */
static char **
split_command_line (void)
{
  char *p = boot_info.cmdline;
  size_t n = 0;

  if (boot_info.cmdline_length >= sizeof boot_info.cmdline)
    PANIC ("command line is %u bytes, more than the %u the kernel takes "
           "(BOOT_CMDLINE_MAX in threads/boot-info.h)",
           (unsigned) boot_info.cmdline_length,
           (unsigned) sizeof boot_info.cmdline - 1);
  for (;;)
    {
      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      if (n == ARGV_MAX)
        PANIC ("command line has more than %d words", ARGV_MAX);
      if (*p == '\'')
        {
          words[n++] = ++p;
          p = strchr (p, '\'');
          if (p == NULL)
            PANIC ("unbalanced quote in command line");
        }
      else
        {
          words[n++] = p;
          while (*p != ' ' && *p != '\0')
            p++;
        }
      if (*p != '\0')
        *p++ = '\0';
    }
  words[n] = NULL;
  return words;
}

/* Handles the options (words starting with '-') and returns the first action. */
static char **
parse_options (void)
{
  char **arg;

  for (arg = split_command_line (); *arg != NULL && **arg == '-'; arg++)
    {
      char *value = strchr (*arg, '=');
      if (value != NULL)
        *value++ = '\0';

      if (!strcmp (*arg, "-h"))
        usage ();
      else if (!strcmp (*arg, "-q"))
        power_off_when_done = true;
      else if (!strcmp (*arg, "-f"))
        format_filesys = true;
      else if (!strcmp (*arg, "-filesys") && value != NULL)
        filesys_disk = value;
      else if (!strcmp (*arg, "-swap") && value != NULL)
        swap_disk = value;
      else if (!strcmp (*arg, "-rs") && value != NULL)
        random_init (atoi (value));
      else if (!strcmp (*arg, "-ul") && value != NULL)
        user_page_limit = atoi (value);
      else if (!strcmp (*arg, "-vmtrace"))
        vm_trace = true;
      else if (!strcmp (*arg, "-noshare"))
        vm_share = false;
      else if (!strcmp (*arg, "-nocow"))
        vm_cow = false;
      else if (!strcmp (*arg, "-vmcheck"))
        vm_check_enabled = true;
      else if (!strcmp (*arg, "-mapsdump"))
        vm_maps_dump = true;
      else if (!strcmp (*arg, "-pio"))
        ide_force_pio = true;
      else if (!strcmp (*arg, "-hz") && value != NULL)
        {
          if (!timer_set_freq (atoi (value)))
            PANIC ("-hz=%s: the timer takes %d to %d interrupts per second", value,
                   TIMER_FREQ_MIN, TIMER_FREQ_MAX);
        }
      else if (!strcmp (*arg, "-uart-fifo"))
        serial_use_fifo ();
      else if (!strcmp (*arg, "-mlfqs"))
        thread_mlfqs = true;
      else
        PANIC ("unknown option `%s' (use -h for help)", *arg);
    }
  return arg;
}

/* Sets the roles of the disks named by -filesys= and -swap=, then the others'
   defaults (block_default_roles()). */
static void
assign_disk_roles (void)
{
  const char *names[BLOCK_ROLE_CNT]
      = { [BLOCK_FILESYS] = filesys_disk, [BLOCK_SWAP] = swap_disk };
  enum block_role role;

  for (role = 0; role < BLOCK_ROLE_CNT; role++)
    if (names[role] != NULL)
      {
        struct block *b = block_get_by_name (names[role]);
        if (b == NULL)
          PANIC ("no disk called %s (disks are hd0:0, hd0:1, hd1:0, hd1:1)",
                 names[role]);
        block_set_role (role, b);
      }
  block_default_roles ();
}

/* `run NAME`: a kernel test if there is one by that name, else the user program
   command line NAME, waited for. */
static void
run_action (char **argv)
{
  if (strchr (argv[1], ' ') == NULL && test_exists (argv[1]))
    run_test (argv[1]);
  else
    process_wait (process_execute (argv[1]));
}

/* An action on the command line: its name, the words it takes after its name, and
   the function that carries it out. */
struct action
{
  const char *name;
  int argc;
  void (*function) (char **argv);
};

static const struct action actions[] = {
  { "run", 1, run_action },
};

/* Executes each action in ARGV in turn. An unknown action, or one with too few
   words after it, is a usage error. */
static void
run_actions (char **argv)
{
  while (*argv != NULL)
    {
      const struct action *a;
      int i;

      for (a = actions; a < actions + sizeof actions / sizeof *actions; a++)
        if (!strcmp (*argv, a->name))
          break;
      if (a == actions + sizeof actions / sizeof *actions)
        PANIC ("unknown action `%s' (use -h for help)", *argv);
      for (i = 1; i <= a->argc; i++)
        if (argv[i] == NULL)
          PANIC ("action `%s' needs %d argument(s)", *argv, a->argc);

      printf ("Executing '%s", argv[0]);
      for (i = 1; i <= a->argc; i++)
        printf (" %s", argv[i]);
      printf ("':\n");
      a->function (argv);
      printf ("Execution of '%s", argv[0]);
      for (i = 1; i <= a->argc; i++)
        printf (" %s", argv[i]);
      printf ("' complete.\n");
      argv += a->argc + 1;
    }
}

/* Counts threads other than idle and the caller. */
static void
count_other (struct thread *t, void *count)
{
  if (t != thread_current () && strcmp (t->name, "idle"))
    ++*(int *) count;
}

/* Before the leak check: lets threads that are still finishing (woken, but not yet
   exited) run to the end, for at most FINISH_TICKS, at the lowest priority so
   everyone else goes first. Threads still alive then are reported. */
static void
let_threads_finish (void)
{
  int64_t start = timer_ticks ();
  int others;

  thread_set_priority (PRI_MIN);
  for (;;)
    {
      enum intr_level old = intr_disable ();
      others = 0;
      thread_foreach (count_other, &others);
      intr_set_level (old);
      if (others == 0 || timer_elapsed (start) >= FINISH_TICKS)
        break;
      timer_sleep (1);
    }
  if (others > 0)
    printf ("%d thread(s) still running at power-off\n", others);
}

static void
usage (void)
{
  printf (
      "\nCommand line syntax: [OPTION...] [ACTION...]\n"
      "Options must precede actions.\n"
      "Actions are executed in the order specified.\n"
      "\nAvailable actions:\n"
      "  run TEST           Run kernel test TEST.\n"
      "  run 'PROG ARGS'    Run user program PROG from the file system and wait.\n"
      "\nOptions:\n"
      "  -h                 Print this help message and power off.\n"
      "  -q                 Power off when the actions are done.\n"
      "  -f                 Format the file-system disk first.\n"
      "  -filesys=DISK      Use DISK (e.g. hd1:0) for the file system.\n"
      "  -swap=DISK         Use DISK for swap.\n"
      "  -rs=SEED           Seed the random number generator with SEED.\n"
      "  -ul=COUNT          Limit the user memory pool to COUNT pages.\n"
      "  -vmtrace           Trace page faults and evictions (diagnostic stream).\n"
      "  -noshare           Give each process private copies of its program's pages.\n"
      "  -nocow             Make fork copy every private page instead of sharing it.\n"
      "  -vmcheck           Check every page table against the frame table and swap\n"
      "                     at each process exit and at power-off.\n"
      "  -mapsdump          Dump each process's address space when it ends (diagnostic\n"
      "                     stream).\n"
      "  -pio               Disk transfers by PIO only, never DMA.\n"
      "  -hz=N              Timer interrupts per second (default 100).\n"
      "  -uart-fifo         Receive console input into the UART's FIFO.\n"
      "  -mlfqs             Schedule with the 4.4BSD scheduler (multilevel\n"
      "                     feedback queues) instead of priorities and donation.\n");
  shutdown_power_off ();
}
