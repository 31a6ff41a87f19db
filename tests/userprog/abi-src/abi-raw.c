/* abi-raw: a user program built from shared/ABI.md alone.

   Its own _start (start.S) and `int $0x30' stub, no Kestrel header or library,
   linked by plain `ld -Ttext-segment=0x08048000' with ld's default layout (so
   usually more PT_LOAD segments than the Kestrel linker script makes).  It checks
   the initial stack, registers and segments the ABI promises, writes what it
   finds with write(1), and exits with status 42.  Run as
   `abi-raw alpha  beta   gamma' (runs of spaces on purpose). */

#define SYS_EXIT 1
#define SYS_WRITE 9
#define PHYS_BASE 0xc0000000u
#define USER_CODE_SELECTOR 0x1b
#define USER_DATA_SELECTOR 0x23
#define EFLAGS_IF 0x200u
#define EXIT_STATUS 42

/* Filled in by _start before it touches anything. */
unsigned abi_entry_esp, abi_entry_eflags;
unsigned short abi_entry_cs, abi_entry_ss, abi_entry_ds, abi_entry_es;

int abi_syscall (int number, int arg0, int arg1, int arg2);
int abi_main (int argc, char **argv);

static int initialized_data = 0x1234; /* .data must come from the file. */
static char zeroed_bss[3000];         /* .bss must read as zeros. */
static const char expected_args[][8] = { "abi-raw", "alpha", "beta", "gamma" };
static int failures;

static unsigned
string_length (const char *s)
{
  unsigned n = 0;
  while (s[n] != '\0')
    n++;
  return n;
}

static int
strings_equal (const char *a, const char *b)
{
  while (*a != '\0' && *a == *b)
    a++, b++;
  return *a == *b;
}

/* Writes "(abi-raw) " then A, B, C, D and a newline as ONE write(1), so the
   console shows the line unbroken. */
static void
say (const char *a, const char *b, const char *c, const char *d)
{
  char line[160];
  const char *parts[5] = { "(abi-raw) ", a, b, c, d };
  unsigned n = 0;
  for (int i = 0; i < 5; i++)
    for (const char *p = parts[i]; *p != '\0' && n < sizeof line - 1; p++)
      line[n++] = *p;
  line[n++] = '\n';
  int written = abi_syscall (SYS_WRITE, 1, (int) line, (int) n);
  if (written != (int) n)
    failures++;
}

/* Decimal text of V in BUF (at least 12 bytes); returns BUF. */
static char *
decimal (int v, char *buf)
{
  char digits[12];
  unsigned u = v < 0 ? -(unsigned) v : (unsigned) v;
  int n = 0;
  do
    digits[n++] = '0' + u % 10;
  while ((u /= 10) != 0);
  char *out = buf;
  if (v < 0)
    *out++ = '-';
  while (n > 0)
    *out++ = digits[--n];
  *out = '\0';
  return buf;
}

/* Reports CHECK as passed or failed. */
static void
expect (int ok, const char *check)
{
  say (check, ok ? ": ok" : ": FAILED", "", "");
  if (!ok)
    failures++;
}

int
abi_main (int argc, char **argv)
{
  char buf[12];
  unsigned *esp = (unsigned *) abi_entry_esp;

  say ("begin", "", "", "");

  /* Stack layout: fake return address, argc, argv == &argv[0] just above. */
  expect (abi_entry_esp < PHYS_BASE && abi_entry_esp % 4 == 0,
          "%esp below PHYS_BASE and word-aligned");
  expect (esp[0] == 0, "fake return address is 0");
  expect ((int) esp[1] == argc && (char **) esp[2] == argv,
          "argc and argv are the words above it");
  expect ((unsigned) argv == abi_entry_esp + 12, "argv[] starts just above argv");
  say ("argc = ", decimal (argc, buf), "", "");
  expect (argc == 4, "argc is 4");

  /* argv[argc] is null; each string lies above the array, below PHYS_BASE. */
  expect (argv[argc] == 0, "argv[argc] is a null pointer");
  int strings_ok = 1;
  for (int i = 0; i < argc; i++)
    {
      unsigned start = (unsigned) argv[i];
      if (start <= (unsigned) &argv[argc]
          || start + string_length (argv[i]) >= PHYS_BASE)
        strings_ok = 0;
    }
  expect (strings_ok, "argument strings lie between argv[] and PHYS_BASE");
  for (int i = 0; i < argc; i++)
    {
      int known = i < 4 && strings_equal (argv[i], expected_args[i]);
      say ("argv[", decimal (i, buf), "] = ", argv[i]);
      if (!known)
        expect (0, "argument text");
    }

  /* Segments and interrupt flag. */
  expect (abi_entry_cs == USER_CODE_SELECTOR, "%cs is 0x1b");
  expect (abi_entry_ss == USER_DATA_SELECTOR && abi_entry_ds == USER_DATA_SELECTOR
              && abi_entry_es == USER_DATA_SELECTOR,
          "%ss, %ds, %es are 0x23");
  expect ((abi_entry_eflags & EFLAGS_IF) != 0, "interrupts on in user mode");

  /* Loaded segments: .data from the file, .bss zero, writable. */
  int bss_zero = 1;
  for (unsigned i = 0; i < sizeof zeroed_bss; i++)
    if (zeroed_bss[i] != 0)
      bss_zero = 0;
  expect (initialized_data == 0x1234, ".data holds its initial value");
  expect (bss_zero, ".bss reads as zeros");
  initialized_data++;
  zeroed_bss[sizeof zeroed_bss - 1] = 'x';
  expect (initialized_data == 0x1235 && zeroed_bss[sizeof zeroed_bss - 1] == 'x',
          ".data and .bss are writable");

  /* write() returns the byte count; a zero-length write writes nothing. */
  expect (abi_syscall (SYS_WRITE, 1, (int) "", 0) == 0,
          "write of 0 bytes returns 0");

  say (failures == 0 ? "end" : "FAIL", "", "", "");
  return failures == 0 ? EXIT_STATUS : 1;
}
