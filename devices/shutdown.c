/* Power-off and panic exits. The debug-exit device turns the value V we write into
   QEMU exit status 2V+1; on a machine without it, the ACPI power-off ports of QEMU's
   and Bochs' chipsets are tried, and failing all that the CPU halts. */

#include "devices/shutdown.h"
#include <debug.h>
#include <stdio.h>
#include "devices/block.h"
#include "devices/timer.h"
#include "filesys/filesys.h"
#include "threads/interrupt.h"
#include "threads/io.h"
#include "threads/palloc.h"
#include "threads/thread.h"
#include "vm/swap.h"

#define DEBUG_EXIT_PORT 0xf4
#define EXIT_POWER_OFF 0x10  /* QEMU exits with status 33. */
#define EXIT_PANIC 0x11      /* QEMU exits with status 35. */
#define ACPI_PM1A_QEMU 0x604 /* PIIX4 PM1a control on QEMU's pc machine. */
#define ACPI_PM1A_BOCHS 0xb004
#define ACPI_SLEEP_EN 0x2000 /* SLP_EN with SLP_TYP 0: soft off. */

static size_t boot_free_pages;
static size_t boot_free_swap;

/* Records the free-page count at the end of boot, for the leak check. */
void
shutdown_set_boot_free_pages (size_t cnt)
{
  boot_free_pages = cnt;
}

/* Records the free swap-slot count at boot (swap_init() calls this), for the
   same check on swap slots. */
void
shutdown_set_boot_free_swap (size_t cnt)
{
  boot_free_swap = cnt;
}

static void leave (uint8_t code) NO_RETURN;
static void
leave (uint8_t code)
{
  outb (DEBUG_EXIT_PORT, code);
  outw (ACPI_PM1A_QEMU, ACPI_SLEEP_EN);
  outw (ACPI_PM1A_BOCHS, ACPI_SLEEP_EN);
  for (;;)
    asm volatile("cli; hlt");
}

static void power_off (const char *leak_note) NO_RETURN;

/* Prints the run's statistics and the leak check, then powers the machine off. */
void
shutdown_power_off (void)
{
  power_off ("");
}

/* Powers off at a user program's request (the halt system call). Processes are
   still alive then, so the free-page count is printed but marked as not a leak
   check. */
void
shutdown_halt (void)
{
  power_off (" (halted with processes running: not a leak check)");
}

static void
power_off (const char *leak_note)
{
  filesys_done ();
  timer_print_stats ();
  thread_print_stats ();
  block_print_stats ();
  palloc_print_stats ();
  printf ("Free pages: %zu at boot, %zu at power-off%s\n", boot_free_pages,
          palloc_free_count (), leak_note);
  if (swap_present ())
    printf ("Free swap slots: %zu at boot, %zu at power-off%s\n", boot_free_swap,
            swap_free_count (), leak_note);
  printf ("Powering off...\n");
  intr_disable ();
  leave (EXIT_POWER_OFF);
}

/* Ends the run as a panic (after debug_panic() has printed why). */
void
shutdown_panic (void)
{
  leave (EXIT_PANIC);
}
