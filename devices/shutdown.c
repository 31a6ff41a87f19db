/* Power-off and panic exits. The debug-exit device turns the value V we write into
   QEMU exit status 2V+1; on a machine without it, the ACPI power-off ports of
   QEMU's and Bochs' chipsets are tried, and failing all that the CPU halts. */

#include "devices/shutdown.h"
#include <stdio.h>
#include "threads/interrupt.h"
#include "threads/io.h"

#define DEBUG_EXIT_PORT 0xf4
#define EXIT_POWER_OFF 0x10  /* QEMU exits with status 33. */
#define EXIT_PANIC 0x11      /* QEMU exits with status 35. */
#define ACPI_PM1A_QEMU 0x604 /* PIIX4 PM1a control on QEMU's pc machine. */
#define ACPI_PM1A_BOCHS 0xb004
#define ACPI_SLEEP_EN 0x2000 /* SLP_EN with SLP_TYP 0: soft off. */

#define HOOKS_PER_STAGE 8

static shutdown_hook *hooks[SHUTDOWN_STAGE_CNT][HOOKS_PER_STAGE];
static size_t hook_cnt[SHUTDOWN_STAGE_CNT];
static const char *leak_note = "";

/* Makes HOOK run at a clean power-off in STAGE, after the hooks registered in
   STAGE before it. Call while the kernel boots; panics when a stage is full (a
   kernel bug: raise HOOKS_PER_STAGE). */
void
shutdown_register_hook (enum shutdown_stage stage, shutdown_hook *hook)
{
  ASSERT (stage < SHUTDOWN_STAGE_CNT);
  if (hook_cnt[stage] == HOOKS_PER_STAGE)
    PANIC ("more than %d power-off hooks in stage %d", HOOKS_PER_STAGE, stage);
  hooks[stage][hook_cnt[stage]++] = hook;
}

/* What a leak-check line ends with: "" at a power-off after every process has
   ended, a note that it is no leak check after a user's halt. */
const char *
shutdown_leak_note (void)
{
  return leak_note;
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

/* Runs every hook, stage by stage, then powers the machine off. */
static void NO_RETURN
power_off (void)
{
  int stage;
  size_t i;

  for (stage = 0; stage < SHUTDOWN_STAGE_CNT; stage++)
    for (i = 0; i < hook_cnt[stage]; i++)
      hooks[stage][i]();
  printf ("Powering off...\n");
  intr_disable ();
  leave (EXIT_POWER_OFF);
}

/* Flushes, prints the run's statistics and the leak checks, then powers the
   machine off. */
void
shutdown_power_off (void)
{
  power_off ();
}

/* Powers off at a user program's request (the halt system call). Processes are
   still alive then, so the leak checks are printed but marked as none. */
void
shutdown_halt (void)
{
  leak_note = " (halted with processes running: not a leak check)";
  power_off ();
}

/* Ends the run as a panic (after debug_panic() has printed why). */
void
shutdown_panic (void)
{
  leave (EXIT_PANIC);
}
