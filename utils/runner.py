"""kestrel: boot the Kestrel kernel under QEMU and report how the run ended.

usage: utils/kestrel [-m MB] [-T SECONDS] [--gdb[=PORT]] [-v] [--kernel=ELF]
                     [-p HOSTFILE -a NAME]... [-g NAME -a HOSTFILE]...
                     [--filesys-size=MB] [--filesys-disk=hdC:D] [--swap-size=MB]
                     [--diag-file=PATH] [--vm-trace] [--deterministic]
                     [--qemu-arg=ARG]... [--gdbinit=PATH] [--layout=SVG]
                     -- KERNEL-ARGS...

Pintos' `-k` (kill on failure) and `--qemu` are accepted and change nothing: a
run always stops on a panic or triple fault, and QEMU is the only simulator. So
`utils/kestrel -v -k -T 60 --qemu -- -q run alarm-multiple` works as it did there.
`-v` prints the QEMU command line.

Two streams. The console (COM1) is copied to our stdout byte by byte as it
arrives, and nothing else is written there but the marker lines below: stdout is
what graders compare. Console input comes from our stdin (or nothing, if stdin is
closed). The kernel's diagnostic stream (COM2: why a process was killed or a load
failed, the page-fault trace) goes to stderr as it arrives, each line marked
`[diag] ` so it cannot be taken for program output; --diag-file=PATH also saves
it there unmarked. --vm-trace puts the kernel option -vmtrace first (the kernel
then traces page faults on the diagnostic stream).

Debugging. After a diagnostic `kill:` line whose eip is in user code, stderr (only)
gets `[diag]   at FILE:LINE in FUNCTION`, from the ELF of the program put under that
process's name. On a timeout, stderr says where the CPU was (eip and the frame-
pointer chain, symbolized; asked of QEMU's QMP monitor on a Unix socket before QEMU
is stopped). --gdb[=PORT] boots halted with a GDB stub on 127.0.0.1: PORT, or your
own port (20000 + uid % 10000, or the next free one if another session holds it);
--gdb=PATH (a path with a slash) listens on a Unix socket instead. It writes a GDB
command file, build/gdbinit or --gdbinit=PATH, that loads the kernel's symbols, the
run program's, utils/gdb-macros, and attaches: `gdb -x build/gdbinit`. There is no
time limit under --gdb. --layout=SVG adds -mapsdump and the trace and draws the run
program's address space at exit (utils/layout).

Pintos habits: a kernel option -f (format) is dropped when -p put files, since
each run's disk is freshly formatted anyway and formatting again would lose them.
A kernel command line longer than the kernel takes (BOOT_CMDLINE_MAX in
threads/boot-info.h) is refused before booting.

Exit status:
  0  clean power-off (the kernel wrote 0x10 to the debug-exit port: QEMU status 33)
  1  usage error, QEMU missing or failed to start, interrupted, any other QEMU status
  2  kernel panic (debug-exit value 0x11: QEMU status 35)
  3  triple fault or unexpected reset (QEMU status 0 under -no-reboot); prints a line
     `TRIPLE FAULT` or `RESET`
  4  timeout: QEMU is killed and a line `TIMEOUT` is printed
  5  the file-system image failed `kfs check` after power-off; prints a line starting
     `FILESYS CHECK FAILED:`
  6  clean power-off, but the program of a `run` action could not be loaded: it is
     not on the disk (the console says `load: NAME: open failed`; a hint on stderr
     says to put it with -p) or the loader refused it (the reason is on the
     diagnostic stream)

Disks: whenever build/utils/kfs exists, each run gets a fresh file-system image
(--filesys-size, default 2 MB) as IDE primary master; -p puts host files on it before
boot, -g fetches files after the run, and `kfs check` runs after a clean power-off.
--swap-size attaches a zeroed image as primary slave. All images are temporary.
--filesys-disk=hdC:D puts the file-system image on IDE channel C (0 primary,
1 secondary), device D (0 master, 1 slave) instead; tell the kernel with
`-filesys=hdC:D`. (QEMU's default CD-ROM sits at hd1:0.)
"""

import os
import select
import signal
import subprocess
import sys
import time

# Not shutil or tempfile: with what they import (re, fnmatch, random) they cost
# more start-up time than the little the runner needs from them.

EXIT_POWEROFF = 0
EXIT_FAILURE = 1
EXIT_PANIC = 2
EXIT_RESET = 3
EXIT_TIMEOUT = 4
EXIT_FILESYS = 5
EXIT_NOT_LOADED = 6

# isa-debug-exit turns a guest write of V into QEMU exit status (V << 1) | 1.
QEMU_STATUS_POWEROFF = 33   # value 0x10
QEMU_STATUS_PANIC = 35      # value 0x11
QEMU_STATUS_RESET = 0       # a reset (triple fault) ends QEMU under -no-reboot

QEMU = "qemu-system-i386"
DEBUG_EXIT_DEVICE = "isa-debug-exit,iobase=0xf4,iosize=0x04"

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_KERNEL = os.path.join(REPO_ROOT, "build", "kernel.elf")
KFS_TOOL = os.path.join(REPO_ROOT, "build", "utils", "kfs")
GDB_MACROS = os.path.join(REPO_ROOT, "utils", "gdb-macros")
SETUP_SCRIPT = os.path.join(REPO_ROOT, "utils", "setup")
# The kernel's limit on its command line is named once, in this header.
CMDLINE_HEADER = os.path.join(REPO_ROOT, "threads", "boot-info.h")
CMDLINE_LIMIT = "BOOT_CMDLINE_MAX"

DEFAULT_MEMORY_MB = 4
DEFAULT_TIMEOUT_S = 60
DEFAULT_FILESYS_MB = 2
GDB_PORT_BASE = 20000       # default port: GDB_PORT_BASE + uid % 10000
GDB_PORT_TRIES = 100        # the default port and the next ones tried if taken
GDB_HOST = "127.0.0.1"      # the stub listens here only: no one else's to attach to
GDBINIT = os.path.join(REPO_ROOT, "build", "gdbinit")
UNIX_PATH_MAX = 100         # a Unix socket's path is shorter than this
MONITOR_TIMEOUT_S = 10      # for each answer from QEMU's monitor after a timeout
WHERE_FRAMES_MAX = 24       # frames reported for a timed-out run
FILESYS_INDEX = 0           # IDE drive index of the file-system disk: hd0:0
SWAP_INDEX = 1              # and of the swap disk: hd0:1
KILL_GRACE_S = 2            # between SIGTERM and SIGKILL for QEMU
DIAG_MARK = "[diag] "       # starts each diagnostic line on stderr
VM_TRACE_OPTION = "-vmtrace"
MAPS_DUMP_OPTION = "-mapsdump"
LAYOUT_TOOL = os.path.join(REPO_ROOT, "utils", "layout")
FORMAT_OPTION = "-f"
PROCESS_NAME_MAX = 15       # the kernel truncates process names to this (ABI.md)

USAGE = __doc__.split("\n\n", 1)[1]


class UsageError(Exception):
    """A malformed command line; the message says what is wrong."""


class Terminated(Exception):
    """We received SIGTERM; raised so the normal cleanup path runs."""


# ---------------------------------------------------------------- command line

def parse_args(argv):
    """Parse the runner's argv into a dict of options; raise UsageError if malformed."""
    opts = {
        "memory_mb": DEFAULT_MEMORY_MB, "timeout": DEFAULT_TIMEOUT_S, "gdb_port": None,
        "gdb_port_default": False, "gdb_socket": None, "gdbinit": None, "layout": None,
        "verbose": False, "kernel": DEFAULT_KERNEL, "puts": [], "gets": [],
        "filesys_mb": None, "filesys_index": FILESYS_INDEX, "swap_mb": None,
        "qemu_args": [], "kernel_args": [], "diag_file": None, "vm_trace": False,
        "deterministic": False,
    }
    last_transfer = None    # the -p/-g pair that a following -a completes
    i = 0

    def value(name):
        """Return the argument after option NAME, consuming it."""
        nonlocal i
        i += 1
        if i >= len(argv):
            raise UsageError("option %s needs an argument" % name)
        return argv[i]

    def number(name, text, minimum):
        """Return TEXT as an int of at least MINIMUM, else raise UsageError."""
        try:
            n = int(text)
        except ValueError:
            raise UsageError("option %s needs a number, not %r" % (name, text))
        if n < minimum:
            raise UsageError("option %s must be at least %d" % (name, minimum))
        return n

    while i < len(argv):
        arg = argv[i]
        name, eq, inline = arg.partition("=") if arg.startswith("--") else (arg, "", "")
        if arg == "--":
            opts["kernel_args"] = argv[i + 1:]
            break
        elif arg in ("-h", "--help"):
            print(USAGE)
            raise SystemExit(0)
        elif arg == "-m":
            opts["memory_mb"] = number(arg, value(arg), 1)
        elif arg == "-T":
            opts["timeout"] = number(arg, value(arg), 1)
        elif name == "--gdb" and "/" in inline:
            opts["gdb_socket"] = inline
        elif name == "--gdb":
            opts["gdb_port"] = (number(name, inline, 1) if eq
                                else GDB_PORT_BASE + os.getuid() % 10000)
            opts["gdb_port_default"] = not eq
        elif name == "--gdbinit":
            opts["gdbinit"] = inline if eq else value(name)
        elif arg == "-v":
            opts["verbose"] = True
        elif name == "--kernel":
            opts["kernel"] = inline if eq else value(name)
        elif arg in ("-k", "--qemu"):
            pass    # Pintos' "kill on failure" and "use QEMU": always so here.
        elif arg == "-p":
            host = value(arg)
            last_transfer = [host, os.path.basename(host)]      # host -> guest
            opts["puts"].append(last_transfer)
        elif arg == "-g":
            guest = value(arg)
            last_transfer = [guest, os.path.basename(guest)]    # guest -> host
            opts["gets"].append(last_transfer)
        elif arg == "-a":
            if last_transfer is None:
                raise UsageError("-a must follow -p or -g")
            # Pairs are [source, destination]: -a names the destination of either.
            last_transfer[1] = value(arg)
            last_transfer = None
        elif name in ("--filesys-size", "--swap-size"):
            size = number(name, inline if eq else value(name), 1)
            opts["filesys_mb" if name == "--filesys-size" else "swap_mb"] = size
        elif name == "--filesys-disk":
            opts["filesys_index"] = ide_index(inline if eq else value(name))
        elif name == "--qemu-arg":
            opts["qemu_args"].append(inline if eq else value(name))
        elif name == "--diag-file":
            opts["diag_file"] = inline if eq else value(name)
        elif arg == "--vm-trace":
            opts["vm_trace"] = True
        elif arg == "--deterministic":
            opts["deterministic"] = True
        elif name == "--layout":
            opts["layout"] = inline if eq else value(name)
            opts["vm_trace"] = True
        else:
            raise UsageError("unknown option %r (kernel arguments go after --)" % arg)
        i += 1
    for host, _ in opts["puts"]:
        if not os.path.isfile(host):
            raise UsageError("-p: no such file: %s" % host)
    if opts["layout"]:
        opts["kernel_args"] = [MAPS_DUMP_OPTION] + opts["kernel_args"]
    if opts["vm_trace"]:
        opts["kernel_args"] = [VM_TRACE_OPTION] + opts["kernel_args"]
    if opts["deterministic"]:
        make_deterministic(opts)
    return opts


# Deterministic mode: the guest's clock counts instructions, 2**ICOUNT_SHIFT ns
# each, and jumps to the next timer deadline when the guest idles (sleep=off), so
# timer interrupts land on the same instructions every run; the RTC starts at a
# fixed date; the kernel's random seed is fixed.
ICOUNT_SHIFT = 3
DETERMINISTIC_QEMU = ["-icount", "shift=%d,sleep=off" % ICOUNT_SHIFT,
                      "-rtc", "base=2000-01-01T00:00:00,clock=vm"]
DETERMINISTIC_SEED = 1


def make_deterministic(opts):
    """Add deterministic mode's QEMU options to OPTS and its seed to the kernel
    options: first, so a seed the test gives itself still wins, and only when the
    command line has room for it, so a test of the line's limit keeps its length
    (the kernel's own default seed is a constant too)."""
    opts["qemu_args"] = DETERMINISTIC_QEMU + opts["qemu_args"]
    seeded = ["-rs=%d" % DETERMINISTIC_SEED] + opts["kernel_args"]
    try:
        check_command_line_length(seeded)
    except UsageError:
        return
    opts["kernel_args"] = seeded


def ide_index(disk):
    """Return QEMU's IDE drive index for DISK, named as the kernel does (hdC:D)."""
    if len(disk) != 5 or not disk.startswith("hd") or disk[2] not in "01" \
            or disk[3] != ":" or disk[4] not in "01":
        raise UsageError("--filesys-disk: %r is not hd0:0, hd0:1, hd1:0 or hd1:1" % disk)
    return int(disk[2]) * 2 + int(disk[4])


def kernel_command_line(args):
    """Join kernel arguments with spaces, single-quoting any that is empty or has spaces."""
    return " ".join("'%s'" % a if a == "" or any(c.isspace() for c in a) else a
                    for a in args)


def check_command_line_length(kernel_args):
    """Raise UsageError if the kernel could not take KERNEL_ARGS whole."""
    try:
        with open(CMDLINE_HEADER) as f:
            defines = [line.split() for line in f if line.startswith("#define ")]
    except OSError:
        return              # not in a Kestrel tree: the kernel will say so itself
    values = [d[2] for d in defines if len(d) > 2 and d[1] == CMDLINE_LIMIT]
    if not values or not values[0].isdigit():
        return
    limit = int(values[0]) - 1          # the kernel's buffer ends with a null
    length = len(kernel_command_line(kernel_args).encode())
    if length > limit:
        raise UsageError("the kernel command line is %d bytes, more than the %d the "
                         "kernel takes (BOOT_CMDLINE_MAX in %s)"
                         % (length, limit, display_path(CMDLINE_HEADER)))


def qemu_command(kernel, kernel_args, memory_mb, reset_log, extra=(), diag_fd=None):
    """Return the QEMU argv that boots KERNEL with KERNEL_ARGS, COM2 written to file
    descriptor DIAG_FD (inherited by QEMU) or discarded; shared with utils/bench."""
    # QEMU logs "Triple fault" among its reset records; that tells it from other resets.
    diag = "null" if diag_fd is None else "file:/dev/fd/%d" % diag_fd
    return [QEMU, "-kernel", kernel, "-append", kernel_command_line(kernel_args),
            "-m", str(memory_mb), "-display", "none", "-serial", "stdio",
            "-serial", diag, "-monitor", "none", "-nic", "none", "-no-reboot",
            "-device", DEBUG_EXIT_DEVICE, "-d", "cpu_reset", "-D", reset_log] + list(extra)


def display_path(path):
    """Return PATH relative to the current directory when it lies below it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


# ---------------------------------------------------------------- output

def write_all(fd, data):
    """Write all of DATA to file descriptor FD now; a closed reader is ignored."""
    try:
        while data:
            data = data[os.write(fd, data):]
    except BrokenPipeError:
        pass


class Lines:
    """Cuts a byte stream into text lines as it arrives."""

    def __init__(self):
        """Start with no partial line."""
        self.partial = b""

    def feed(self, data):
        """Return the lines (without line ends) that DATA completes."""
        *lines, self.partial = (self.partial + data).split(b"\n")
        return [decode_line(line) for line in lines]

    def rest(self):
        """Return the unfinished last line as a list of zero or one lines."""
        rest, self.partial = self.partial, b""
        return [decode_line(rest)] if rest else []


def decode_line(data):
    """Serial bytes DATA as text, without a carriage return at the end."""
    return data.decode(errors="replace").rstrip("\r")


class Console:
    """Our stdout, written unbuffered, remembering whether a line is left open; each
    finished console line is shown to WATCH."""

    def __init__(self, watch):
        """Start at the beginning of a line."""
        self.at_line_start = True
        self.watch = watch
        self.lines = Lines()
        self.diag = None            # the Diagnostics waiting for a line to end

    def copy(self, data):
        """Pass serial bytes DATA through unchanged, letting held diagnostics out
        where the line that was open ends."""
        if self.diag and self.diag.held and b"\n" in data:
            end = data.index(b"\n") + 1
            self.write(data[:end])
            data = data[end:]
        self.write(data)

    def write(self, data):
        """Write serial bytes DATA and show the lines they end to the watch."""
        if data:
            write_all(sys.stdout.fileno(), data)
            self.at_line_start = data.endswith(b"\n")
            for line in self.lines.feed(data):
                self.watch.console_line(line)
            if self.at_line_start and self.diag:
                self.diag.release()

    def line(self, text):
        """Print TEXT on a line of its own, ending any partial line first."""
        prefix = b"" if self.at_line_start else b"\n"
        write_all(sys.stdout.fileno(), prefix + text.encode() + b"\n")
        self.at_line_start = True

    def finish(self):
        """End a partial last line so whatever follows starts on a fresh one."""
        if not self.at_line_start:
            self.copy(b"\n")


class Diagnostics:
    """The kernel's diagnostic stream: each line to stderr marked DIAG_MARK, the raw
    bytes to the --diag-file if any, each line to WATCH."""

    def __init__(self, path, console, watch, explain=lambda line: []):
        """Open PATH (None: no file) afresh; CONSOLE says where its line stands and
        tells us when it ends one; EXPLAIN(line) returns lines shown (on stderr
        only) after LINE."""
        self.file = open(path, "wb") if path else None
        self.console, self.watch, self.explain = console, watch, explain
        self.lines = Lines()
        self.held = []              # lines waiting for the console to end its line
        self.on_terminal = sys.stderr.isatty()
        console.diag = self

    def copy(self, data):
        """Take diagnostic bytes DATA as they arrive."""
        if self.file:
            self.file.write(data)
        self.take(self.lines.feed(data))
        if self.console.at_line_start:
            self.release()

    def take(self, lines):
        """Show LINES to the watch and hold them for stderr, each followed by what
        the explainer adds."""
        for line in lines:
            self.watch.diag_line(line)
            self.held.append(line)
            self.held += self.explain(line)

    def release(self):
        """Print the held lines on stderr, marked. (QEMU writes the console byte by
        byte, so a diagnostic read in the middle of a console line is held until
        the line ends, lest it split the line on the terminal.)"""
        # A console line still open at the end would run into ours on a terminal.
        gap = "\n" if self.held and self.on_terminal and not self.console.at_line_start else ""
        text = "".join(DIAG_MARK + line + "\n" for line in self.held)
        self.held = []
        if text:
            write_all(sys.stderr.fileno(), (gap + text).encode())

    def finish(self):
        """Show what is held and an unfinished last line; close the file."""
        self.take(self.lines.rest())
        self.release()
        if self.file:
            self.file.close()


class LoadWatch:
    """Notices a `run` action whose program did not load. Its console section (the
    lines between `Executing 'run NAME ...':` and its `complete` line), less a
    `NAME: exit(-1)` line, is then either just `load: NAME: open failed` (not on the
    disk) or empty with a `load: NAME: REASON` line on the diagnostic stream
    (refused). The two streams arrive through separate pipes, so their relative
    order is not trusted: the verdict waits for the end of the run."""

    EXECUTING_RUN = ("Executing 'run ", "':")
    COMPLETE = ("Execution of 'run ", "' complete.")

    def __init__(self):
        """Nothing seen yet."""
        self.runs = []              # (process name, console lines of its section)
        self.section = None         # the lines of the run action under way
        self.load_reasons = {}      # process name -> last `load: NAME: REASON` seen

    def console_line(self, line):
        """Look at console LINE."""
        if self.section is not None and is_framed(line, self.COMPLETE):
            self.section = None
        elif is_framed(line, self.EXECUTING_RUN):
            words = line[len(self.EXECUTING_RUN[0]):-len(self.EXECUTING_RUN[1])].split()
            self.section = []
            self.runs.append((words[0][:PROCESS_NAME_MAX] if words else "", self.section))
        elif self.section is not None:
            self.section.append(line)

    def diag_line(self, line):
        """Look at diagnostic LINE."""
        name, colon, reason = line[len("load: "):].partition(": ")
        if line.startswith("load: ") and colon:
            self.load_reasons[name] = reason

    def failures(self):
        """Return (name, reason) for each run action whose program did not load."""
        found = []
        for name, section in self.runs:
            rest = [l for l in section if l != "%s: exit(-1)" % name]
            if rest == ["load: %s: open failed" % name]:
                found.append((name, "open failed"))
            elif not rest and name in self.load_reasons:
                found.append((name, self.load_reasons[name]))
        return found


def is_framed(line, frame):
    """True if LINE starts with FRAME[0] and ends with FRAME[1]."""
    return line.startswith(frame[0]) and line.endswith(frame[1])


def note(text):
    """Print a runner message on stderr (never mixed into the serial stream)."""
    print("kestrel: " + text, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- debugging aids

def run_program(opts):
    """The host ELF of the program the first `run` action starts (a file put with
    -p under that name), or None (a kernel test, or not put)."""
    args = opts["kernel_args"]
    for i, arg in enumerate(args[:-1]):
        if arg == "run" and args[i + 1].split():
            name = args[i + 1].split()[0]
            for host, disk_name in opts["puts"]:
                if disk_name == name:
                    return os.path.abspath(host)
            return None
    return None


class KillSource:
    """The explainer for the diagnostic stream: after a line `kill: NAME: ...
    (eip 0x...)` from user code, the source line of that eip, found in the ELF of
    the program NAME runs (one put with -p): `  at FILE:LINE in FUNCTION`."""

    def __init__(self, puts):
        """PUTS: the runner's (host file, disk name) pairs."""
        self.puts = puts

    def __call__(self, line):
        """Lines to show after diagnostic LINE (none for most)."""
        if not line.startswith("kill: ") or "(eip 0x" not in line:
            return []
        name = line[len("kill: "):].split(": ", 1)[0]
        try:
            eip = int(line.split("(eip ", 1)[1].split(")", 1)[0], 16)
            import symbols          # only now: most runs kill nothing
            if eip >= symbols.PHYS_BASE:
                return []
            elf = symbols.program_elf(name, self.puts)
            if elf is None:
                return []
            (_, function, place), = symbols.symbolize([(eip, True)], elf)
        except (ValueError, OSError):
            return []
        return [] if place.startswith("??") else ["  at %s in %s" % (place, function)]


def free_gdb_port(port, tries):
    """The first of PORT, PORT + 1, ... (TRIES of them) that nothing listens on at
    localhost, or None."""
    import socket
    for candidate in range(port, port + tries):
        probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        try:
            probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            probe.bind((GDB_HOST, candidate))
            return candidate
        except OSError:
            continue
        finally:
            probe.close()
    return None


def gdb_target(opts):
    """Return (QEMU's -gdb device, GDB's `target remote` argument, a description)
    for the run's --gdb: a Unix socket, an explicit port (which must be free), or
    the user's default port (the next free one if another run holds it)."""
    if opts["gdb_socket"]:
        path = os.path.abspath(opts["gdb_socket"])
        return "unix:%s,server=on,wait=off" % path, path, "socket " + path
    port = opts["gdb_port"]
    chosen = free_gdb_port(port, GDB_PORT_TRIES if opts["gdb_port_default"] else 1)
    if chosen is None:
        raise UsageError("gdb port %d is in use (another session?); pick another "
                         "with --gdb=PORT (make gdb GDBPORT=PORT)" % port)
    if chosen != port:
        note("gdb port %d is taken (another session?); using %d" % (port, chosen))
    return ("tcp:%s:%d" % (GDB_HOST, chosen), "%s:%d" % (GDB_HOST, chosen),
            "port %d" % chosen)


def write_gdbinit(path, kernel, program, target):
    """Write the GDB command file at PATH that loads KERNEL's symbols, user program
    PROGRAM's (if any) at its link address, the macros, and attaches to TARGET."""
    lines = ["# Written by utils/kestrel for one run; attach with: gdb -x %s"
             % display_path(path),
             "set confirm off",
             "file %s" % os.path.abspath(kernel)]
    if program:
        # An executable's sections carry their link addresses (USER_BASE up).
        lines.append("add-symbol-file %s" % program)
    lines += ["set confirm on",
              "source %s" % GDB_MACROS,
              "target remote %s" % target]
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def gdb_options(opts, kernel):
    """Return QEMU options that wait for gdb, after writing the GDB command file
    and telling the user how to attach."""
    device, target, where = gdb_target(opts)
    gdbinit = opts["gdbinit"] or GDBINIT
    write_gdbinit(gdbinit, kernel, run_program(opts), target)
    note("waiting for gdb on %s; attach with:\n  gdb -x %s"
         % (where, shell_quote(display_path(gdbinit))))
    return ["-S", "-gdb", device]


class Monitor:
    """A QMP connection to QEMU's monitor (a Unix socket), for asking where the CPU
    is before a timed-out run is stopped."""

    def __init__(self, path):
        """Connect to the QMP socket at PATH; raises OSError."""
        import json
        import socket
        self.json = json
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(MONITOR_TIMEOUT_S)
        self.sock.connect(path)
        self.stream = self.sock.makefile("rw")
        self.stream.readline()                      # the greeting
        self.execute("qmp_capabilities")

    def execute(self, command, **arguments):
        """Run QMP COMMAND; return its result (raises OSError on an error)."""
        self.stream.write(self.json.dumps({"execute": command, "arguments": arguments})
                          + "\n")
        self.stream.flush()
        while True:
            line = self.stream.readline()
            if not line:
                raise OSError("QEMU closed the monitor")
            reply = self.json.loads(line)
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise OSError(reply["error"].get("desc", "monitor error"))

    def human(self, command_line):
        """The text a human monitor command prints."""
        return self.execute("human-monitor-command", **{"command-line": command_line})

    def close(self):
        """Close the connection."""
        self.sock.close()


def where_the_cpu_was(monitor_path, user_elf):
    """Lines saying where the CPU of a timed-out run is: eip, then the return
    addresses along the frame-pointer chain, with functions and lines. Stops the
    machine (it is about to be killed). [] if QEMU does not answer."""
    import symbols
    try:
        monitor = Monitor(monitor_path)
        try:
            monitor.execute("stop")
            registers = dict(word.split("=", 1) for word in
                             monitor.human("info registers").split() if "=" in word)
            eip, ebp = int(registers["EIP"], 16), int(registers["EBP"], 16)
            frames = [(eip, True)]
            while ebp and ebp % 4 == 0 and len(frames) < WHERE_FRAMES_MAX:
                words = monitor.human("x /2wx %#x" % ebp).split()
                if len(words) < 3 or not words[1].startswith("0x"):
                    break
                ebp, ret = int(words[1], 16), int(words[2], 16)
                if ret == 0:
                    break
                frames.append((ret, False))
        finally:
            monitor.close()
        described = [symbols.describe(*f) for f in symbols.symbolize(frames, user_elf)]
    except (OSError, ValueError, KeyError):
        return []
    return (["timeout: the CPU was at eip %#010x (%s mode); frames, innermost first:"
             % (eip, "kernel" if eip >= symbols.PHYS_BASE else "user")]
            + ["  " + line for line in described])


def draw_layout(opts):
    """For --layout=SVG: draw the run program's address space at exit from the
    diagnostic stream (utils/layout), saying where on stderr."""
    program = run_program(opts)
    if program is None:
        note("--layout: no user program was run")
        return
    name = os.path.basename(program)[:PROCESS_NAME_MAX]
    proc = subprocess.run([sys.executable, "-S", LAYOUT_TOOL, "--from-diag",
                           opts["diag_file"], "--name", name, "--svg", opts["layout"]],
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    note("--layout: " + (proc.stderr.strip() or "wrote " + display_path(opts["layout"])))


def report_where(monitor_path, user_elf):
    """Say on stderr where the CPU of a timed-out run is (see where_the_cpu_was)."""
    for line in where_the_cpu_was(monitor_path, user_elf):
        note(line)

# ---------------------------------------------------------------- disks

def run_kfs(*args):
    """Run the kfs tool with ARGS; return (ok, combined output)."""
    proc = subprocess.run([KFS_TOOL] + [str(a) for a in args], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    return proc.returncode == 0, proc.stdout.decode(errors="replace").strip()


def drive(path, index):
    """Return QEMU options attaching raw image PATH as IDE drive INDEX (0 master, 1 slave)."""
    return ["-drive", "file=%s,format=raw,if=ide,index=%d,media=disk" % (path, index)]


def prepare_filesys(opts, tmpdir):
    """Make and fill the file-system image; return its path, None if no kfs, or raise."""
    wanted = opts["puts"] or opts["gets"] or opts["filesys_mb"] is not None
    if not os.access(KFS_TOOL, os.X_OK):
        if wanted:
            raise UsageError("disk options need %s (run make)" % display_path(KFS_TOOL))
        return None
    image = os.path.join(tmpdir, "filesys.dsk")
    ok, out = run_kfs("mkfs", image, opts["filesys_mb"] or DEFAULT_FILESYS_MB)
    if not ok:
        raise UsageError("kfs mkfs failed: " + out)
    for host, name in opts["puts"]:
        ok, out = run_kfs("put", image, host, name)
        if not ok:
            raise UsageError("kfs put %s as %s failed: %s" % (host, name, out))
    return image


def prepare_swap(opts, tmpdir):
    """Create a zeroed swap image of --swap-size MB; return its path or None."""
    if opts["swap_mb"] is None:
        return None
    image = os.path.join(tmpdir, "swap.dsk")
    with open(image, "wb") as f:
        f.truncate(opts["swap_mb"] << 20)
    return image


def finish_filesys(opts, image, clean, console):
    """Fetch -g files and (after a clean run) check IMAGE; return an exit status or None."""
    status = None
    for name, host in opts["gets"]:
        ok, out = run_kfs("get", image, name, host)
        if not ok:
            note("kfs get %s failed: %s" % (name, out))
            status = EXIT_FAILURE if clean else status
    if clean:
        ok, out = run_kfs("check", image)
        if not ok:
            lines = out.splitlines() or ["kfs check exited non-zero"]
            console.line("FILESYS CHECK FAILED: " + lines[0])
            for extra in lines[1:]:
                console.line("  " + extra)
            status = EXIT_FILESYS
    return status


# ---------------------------------------------------------------- running QEMU

def find_program(name):
    """Return the path of executable NAME on PATH, or None."""
    for folder in os.environ.get("PATH", os.defpath).split(os.pathsep):
        path = os.path.join(folder or ".", name)
        if os.path.isfile(path) and os.access(path, os.X_OK):
            return path
    return None


def make_temporary_folder():
    """Create a private folder for one run's disks and logs; return its path."""
    parent = os.environ.get("TMPDIR") or "/tmp"
    while True:
        path = os.path.join(parent, "kestrel-%d-%s" % (os.getpid(), os.urandom(4).hex()))
        try:
            os.mkdir(path, 0o700)
            return path
        except FileExistsError:
            continue


def remove_temporary_folder(path):
    """Remove PATH, made by make_temporary_folder(), and the files in it."""
    try:
        for name in os.listdir(path):
            os.unlink(os.path.join(path, name))
        os.rmdir(path)
    except OSError:
        pass


def ensure_qemu():
    """Make sure QEMU is on PATH, running utils/setup once if not; raise UsageError if not."""
    if find_program(QEMU):
        return
    note("%s not found; running utils/setup" % QEMU)
    subprocess.run(["bash", SETUP_SCRIPT], stdin=subprocess.DEVNULL,
                   stdout=sys.stderr.fileno())
    if not find_program(QEMU):
        raise UsageError("%s is still missing after utils/setup" % QEMU)


def stdin_for_qemu():
    """Return our stdin if it is open, else DEVNULL, so QEMU never reads a stray fd 0."""
    try:
        os.fstat(0)
        return None
    except OSError:
        return subprocess.DEVNULL


def stop(proc):
    """Terminate PROC politely, then forcibly after KILL_GRACE_S seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(KILL_GRACE_S)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def pump(sources, deadline):
    """Copy data from the pipes in SOURCES (a dict: fd -> stream with copy()) to their
    streams as it arrives, dropping each at EOF, until none is left (True) or
    DEADLINE (a time.monotonic() value, None for never) passes (False)."""
    while sources:
        wait = None if deadline is None else max(0.0, deadline - time.monotonic())
        ready, _, _ = select.select(list(sources), [], [], wait)
        if not ready:
            return False
        for fd in ready:
            data = os.read(fd, 65536)
            if data:
                sources[fd].copy(data)
            else:
                del sources[fd]
    return True


def classify_reset(reset_log):
    """Return 'TRIPLE FAULT' if QEMU's reset log records one, else 'RESET'."""
    try:
        with open(reset_log, errors="replace") as f:
            return "TRIPLE FAULT" if "Triple fault" in f.read() else "RESET"
    except OSError:
        return "RESET"


def run_qemu(cmd, timeout, console, diag, diag_fd, errors_path, on_timeout=None):
    """Run CMD streaming the console to CONSOLE and what QEMU writes to DIAG_FD (which
    it inherits; we close our copy) to DIAG; return QEMU's status, or
    'TIMEOUT'/'INTERRUPTED'. ON_TIMEOUT() runs on a timeout before QEMU is stopped."""
    # QEMU's own messages go to file ERRORS_PATH and are shown after the run, less
    # the one it prints when we stop it on purpose (timeout), which is not news.
    errors = open(errors_path, "w+b")
    diag_in, diag_out = diag_fd
    try:
        proc = subprocess.Popen(cmd, stdin=stdin_for_qemu(), stdout=subprocess.PIPE,
                                stderr=errors, pass_fds=(diag_out,))
    except OSError as e:
        errors.close()
        raise UsageError("cannot start %s: %s" % (QEMU, e))
    finally:
        os.close(diag_out)
    # When both are ready, diagnostics first: the kernel writes a kill's reason
    # before the exit line that follows it.
    sources = {diag_in: diag, proc.stdout.fileno(): console}
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        try:
            if pump(sources, deadline):
                return proc.wait(None if deadline is None
                                 else max(0.0, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
        if on_timeout and proc.poll() is None:
            on_timeout()
        return "TIMEOUT"
    except (KeyboardInterrupt, Terminated):
        return "INTERRUPTED"
    finally:
        stop(proc)
        pump(sources, time.monotonic() + KILL_GRACE_S)    # what was left in the pipes
        os.close(diag_in)
        show_qemu_errors(errors)


def show_qemu_errors(errors):
    """Copy QEMU's stderr (the open file ERRORS) to ours, without the line QEMU prints
    when the runner stops it; close ERRORS."""
    errors.seek(0)
    for line in errors.read().decode(errors="replace").splitlines():
        if "terminating on signal" not in line:
            print(line, file=sys.stderr, flush=True)
    errors.close()


def exit_status(qemu_status, reset_log, console):
    """Map how QEMU ended to the runner's exit status, printing the marker line if any."""
    if qemu_status == "TIMEOUT":
        console.line("TIMEOUT")
        return EXIT_TIMEOUT
    if qemu_status == "INTERRUPTED":
        console.line("INTERRUPTED")
        return EXIT_FAILURE
    if qemu_status == QEMU_STATUS_POWEROFF:
        return EXIT_POWEROFF
    if qemu_status == QEMU_STATUS_PANIC:
        return EXIT_PANIC
    if qemu_status == QEMU_STATUS_RESET:
        console.line(classify_reset(reset_log))
        return EXIT_RESET
    note("%s exited with status %d (see its messages above)" % (QEMU, qemu_status))
    return EXIT_FAILURE


def boot(opts, tmpdir):
    """Run QEMU for one boot with OPTS, disks included; return the runner's exit status."""
    kernel = opts["kernel"]
    if not os.path.isfile(kernel):
        raise UsageError("kernel not found: %s (run make)" % display_path(kernel))
    check_command_line_length(opts["kernel_args"])
    ensure_qemu()
    filesys = prepare_filesys(opts, tmpdir)
    swap = prepare_swap(opts, tmpdir)
    if filesys and swap and opts["filesys_index"] == SWAP_INDEX:
        raise UsageError("--filesys-disk: hd0:1 is the swap disk's place")
    extra = ((drive(filesys, opts["filesys_index"]) if filesys else [])
             + (drive(swap, SWAP_INDEX) if swap else []))
    timeout = opts["timeout"]
    monitor = os.path.join(tmpdir, "monitor.sock")
    if opts["gdb_port"] is not None or opts["gdb_socket"]:
        extra += gdb_options(opts, kernel)
        timeout = None
    elif len(monitor) < UNIX_PATH_MAX:
        # Asked where the CPU is if the run times out.
        extra += ["-qmp", "unix:%s,server=on,wait=off" % monitor]
    reset_log = os.path.join(tmpdir, "reset.log")
    diag_fd = os.pipe()
    cmd = qemu_command(kernel, opts["kernel_args"], opts["memory_mb"], reset_log,
                       extra + opts["qemu_args"], diag_fd[1])
    if opts["verbose"]:
        note(" ".join(shell_quote(c) for c in cmd))

    if opts["layout"] and not opts["diag_file"]:
        opts["diag_file"] = os.path.join(tmpdir, "diag")
    watch = LoadWatch()
    console = Console(watch)
    try:
        diag = Diagnostics(opts["diag_file"], console, watch, KillSource(opts["puts"]))
    except OSError as e:
        os.close(diag_fd[0])
        os.close(diag_fd[1])
        raise UsageError("--diag-file: %s" % e)
    try:
        qemu_status = run_qemu(cmd, timeout, console, diag, diag_fd,
                               os.path.join(tmpdir, "qemu-errors.log"),
                               lambda: report_where(monitor, run_program(opts)))
    finally:
        diag.finish()
    console.finish()
    status = exit_status(qemu_status, reset_log, console)
    if filesys and status in (EXIT_POWEROFF, EXIT_PANIC, EXIT_RESET):
        status = finish_filesys(opts, filesys, status == EXIT_POWEROFF, console) or status
    if opts["layout"]:
        draw_layout(opts)
    if status == EXIT_POWEROFF and watch.failures():
        explain_load_failures(opts, watch.failures())
        status = EXIT_NOT_LOADED
    return status


def explain_load_failures(opts, failures):
    """Say on stderr why each (name, reason) in FAILURES, a `run` program that did
    not load, failed, with a hint to put a program that was not put."""
    put = {name for _, name in opts["puts"]}
    for name, reason in failures:
        if reason != "open failed":
            note("run %s: the kernel refused to load it: %s" % (name, reason))
        elif name in put:
            note("run %s: the kernel could not open it although -p put it" % name)
        else:
            built = built_programs(name)
            example = built[0] if built else "PROGRAM"
            note("run %s: no such program on the disk; put it there with "
                 "-p %s -a %s" % (name, example, name))


def built_programs(name):
    """Built user programs called NAME, as paths to show, for a hint."""
    tests = os.path.join(REPO_ROOT, "build", "tests")
    try:
        suites = sorted(os.listdir(tests))
    except OSError:
        return []
    return [display_path(os.path.join(tests, suite, name)) for suite in suites
            if os.path.isfile(os.path.join(tests, suite, name))]


def shell_quote(word):
    """WORD quoted for a POSIX shell (shlex.quote, without importing shlex's re)."""
    if word and all(c.isalnum() or c in "@%+=:,./-_" for c in word):
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"


def drop_format_after_put(opts):
    """Drop the kernel option -f when -p put files (the Pintos habit `-p FILE ...
    -- -f ...`): each run's disk is already freshly formatted, and formatting it
    again would lose them. Says so on stderr."""
    args = opts["kernel_args"]
    options = len(args)
    for i, arg in enumerate(args):
        if not arg.startswith("-"):
            options = i
            break
    if opts["puts"] and FORMAT_OPTION in args[:options]:
        opts["kernel_args"] = ([a for a in args[:options] if a != FORMAT_OPTION]
                               + args[options:])
        note("dropped kernel option %s: the disk is freshly formatted for each run, "
             "and formatting it again would lose the files put with -p"
             % FORMAT_OPTION)


def main(argv):
    """Parse ARGV, boot once, clean up, and return the exit status."""
    try:
        opts = parse_args(argv)
        drop_format_after_put(opts)
    except UsageError as e:
        note(str(e))
        print(USAGE.split("\n\n")[0], file=sys.stderr)
        return EXIT_FAILURE

    def on_sigterm(signum, frame):
        """Turn SIGTERM into an exception so QEMU and temp files are cleaned up."""
        raise Terminated()
    signal.signal(signal.SIGTERM, on_sigterm)

    tmpdir = make_temporary_folder()
    try:
        return boot(opts, tmpdir)
    except UsageError as e:
        note(str(e))
        return EXIT_FAILURE
    except (KeyboardInterrupt, Terminated):
        note("interrupted")
        return EXIT_FAILURE
    finally:
        remove_temporary_folder(tmpdir)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
