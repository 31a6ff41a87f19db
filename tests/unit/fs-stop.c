/* What the file system's write-back cache holds when the machine stops cleanly
   must reach the disk. This boots Kestrel (utils/kestrel, build/kernel.elf) on
   programs that write files and stop the machine at once, gets the files back
   from the disk image after the power-off (the runner's -g, after its own kfs
   check), and checks every byte against tests/filesys/wb-pattern.h:

   - tests/filesys/wb-halt, which halts right after writing (a user's halt()),
     by DMA, by PIO (-pio) and in the runner's deterministic mode;
   - wb-child making a file, the last action of a -q run (the power-off after
     the actions, with the flusher thread perhaps still about).

   Skipped (77) without QEMU or the built programs, or when the kernel's create()
   is a starter kit's stand-in that always refuses (nothing gets written). */

#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "tests/filesys/wb-pattern.h"

#include "tests/unit/check.h"

#define SKIP_STATUS 77 /* What utils/check counts as skipped. */
#define RUNNER "utils/kestrel"
#define WB_HALT "build/tests/filesys/wb-halt"
#define WB_CHILD "build/tests/filesys/wb-child"
#define KERNEL "build/kernel.elf"
#define STAND_IN "FAIL: create \"wb-a\" (0 bytes) returned false"

extern char **environ;

static char dir[] = "/tmp/fs-stop-XXXXXX";
static char console[4096 * 16];

/* Runs the runner with ARGS (NULL-terminated, the runner's own name first),
   its output in CONSOLE; returns its exit status, or -1 if it could not run. */
static int
run (const char *args[])
{
  char log[64];
  posix_spawn_file_actions_t actions;
  int status = -1, fd;
  ssize_t n;
  pid_t pid;

  snprintf (log, sizeof log, "%s/console", dir);
  posix_spawn_file_actions_init (&actions);
  posix_spawn_file_actions_addopen (&actions, STDOUT_FILENO, log,
                                    O_WRONLY | O_CREAT | O_TRUNC, 0600);
  posix_spawn_file_actions_adddup2 (&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen (&actions, STDIN_FILENO, "/dev/null", O_RDONLY,
                                    0);
  /* posix_spawn's prototype predates const; it does not change ARGS. */
  if (posix_spawn (&pid, RUNNER, &actions, NULL, (char *const *) args, environ) == 0
      && waitpid (pid, &status, 0) == pid)
    status = WIFEXITED (status) ? WEXITSTATUS (status) : -1;
  posix_spawn_file_actions_destroy (&actions);
  console[0] = '\0';
  fd = open (log, O_RDONLY);
  if (fd >= 0)
    {
      n = read (fd, console, sizeof console - 1);
      console[n > 0 ? n : 0] = '\0';
      close (fd);
    }
  return status;
}

/* True if the file at PATH is SIZE bytes that generation GEN gives, except that
   its first OVER bytes are generation OVER_GEN's; says where it is not. */
static bool
holds (const char *path, size_t size, int gen, size_t over, int over_gen)
{
  FILE *f = fopen (path, "rb");
  size_t pos = 0;
  int c;

  if (f == NULL)
    {
      printf ("%s: not fetched from the disk\n", path);
      return false;
    }
  for (; (c = getc (f)) != EOF; pos++)
    if (pos >= size || c != wb_byte (pos < over ? over_gen : gen, pos))
      {
        printf ("%s: byte %zu is 0x%02x, expected 0x%02x\n", path, pos, c,
                pos < size ? wb_byte (pos < over ? over_gen : gen, pos) : 0);
        fclose (f);
        return false;
      }
  fclose (f);
  if (pos != size)
    printf ("%s: %zu bytes, expected %zu\n", path, pos, size);
  return pos == size;
}

/* Boots wb-halt with the runner options OPTION (or none) and kernel option
   KERNEL_OPTION (or none) and checks both its files.  False if the kernel's
   create() is a stand-in. */
static bool
halt_case (const char *what, const char *option, const char *kernel_option)
{
  char a[64], b[64];
  const char *args[24];
  int n = 0, status;

  snprintf (a, sizeof a, "%s/wb-a", dir);
  snprintf (b, sizeof b, "%s/wb-b", dir);
  unlink (a);
  unlink (b);
  args[n++] = RUNNER;
  if (option != NULL)
    args[n++] = option;
  args[n++] = "-T";
  args[n++] = "120";
  args[n++] = "-p";
  args[n++] = WB_HALT;
  args[n++] = "-a";
  args[n++] = "wb-halt";
  args[n++] = "-g";
  args[n++] = "wb-a";
  args[n++] = "-a";
  args[n++] = a;
  args[n++] = "-g";
  args[n++] = "wb-b";
  args[n++] = "-a";
  args[n++] = b;
  args[n++] = "--";
  args[n++] = "-q";
  if (kernel_option != NULL)
    args[n++] = kernel_option;
  args[n++] = "run";
  args[n++] = "wb-halt";
  args[n] = NULL;
  status = run (args);
  if (strstr (console, STAND_IN) != NULL)
    return false;
  CHECK_DETAIL (status == 0, "%s: the runner exited %d:\n%s", what, status, console);
  CHECK_DETAIL (strstr (console, "(wb-halt) wrote wb-a and wb-b: halt") != NULL,
                "%s: wb-halt did not get to its halt:\n%s", what, console);
  CHECK_DETAIL (holds (a, WB_GROWN, 2, WB_HALT_OVER, 3), "%s: wb-a", what);
  CHECK_DETAIL (holds (b, WB_HALT_SMALL, 0, 0, 0), "%s: wb-b", what);
  return true;
}

/* wb-child makes a file as the last action of a -q run: the power-off after the
   actions writes it back. */
static void
power_off_case (void)
{
  char c[64];
  const char *args[] = { RUNNER, "-T",       "120", "-p",   WB_CHILD,
                         "-a",   "wb-child", "-g",  "wb-c", "-a",
                         c,      "--",       "-q",  "run",  "wb-child make wb-c 0",
                         NULL };
  int status;

  snprintf (c, sizeof c, "%s/wb-c", dir);
  status = run (args);
  CHECK_DETAIL (status == 0, "power-off: the runner exited %d:\n%s", status,
                console);
  CHECK_DETAIL (strstr (console, "wb-child: exit(0)") != NULL,
                "power-off: wb-child failed:\n%s", console);
  CHECK_DETAIL (holds (c, WB_SIZE, 0, 0, 0), "power-off: wb-c");
}

/* True if PROGRAM can be found on PATH. */
static bool
on_path (const char *program)
{
  char command[128];

  snprintf (command, sizeof command, "command -v %s >/dev/null 2>&1", program);
  return system (command) == 0;
}

/* Removes the temporary directory and what is in it. */
static void
clean_up (void)
{
  const char *names[] = { "wb-a", "wb-b", "wb-c", "console" };
  char path[64];
  size_t i;

  for (i = 0; i < sizeof names / sizeof *names; i++)
    {
      snprintf (path, sizeof path, "%s/%s", dir, names[i]);
      unlink (path);
    }
  rmdir (dir);
}

int
main (void)
{
  struct stat st;

  if (!on_path ("qemu-system-i386"))
    {
      printf ("skipped: qemu-system-i386 is not installed\n");
      return SKIP_STATUS;
    }
  if (stat (KERNEL, &st) != 0 || stat (WB_HALT, &st) != 0
      || stat (WB_CHILD, &st) != 0)
    {
      printf ("skipped: %s, %s or %s is not built (make all tests)\n", KERNEL,
              WB_HALT, WB_CHILD);
      return SKIP_STATUS;
    }
  if (mkdtemp (dir) == NULL)
    {
      printf ("cannot make %s: %s\n", dir, strerror (errno));
      return 1;
    }
  if (!halt_case ("halt", NULL, NULL))
    {
      clean_up ();
      printf ("skipped: the kernel's create() refuses every file (a starter kit's "
              "stand-in): nothing is written to check\n");
      return SKIP_STATUS;
    }
  halt_case ("halt, -pio", NULL, "-pio");
  halt_case ("halt, deterministic", "--deterministic", NULL);
  power_off_case ();
  clean_up ();
  return check_summary ("fs-stop");
}
