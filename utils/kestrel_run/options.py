"""kestrel: boot the Kestrel kernel under QEMU and report how the run ended.

usage: utils/kestrel [-m MB] [-T SECONDS] [--gdb[=PORT]] [-v] [--kernel=ELF]
                     [-p HOSTFILE -a NAME]... [-g NAME -a HOSTFILE]...
                     [--filesys-size=MB | --no-filesys] [--filesys-disk=hdC:D]
                     [--swap-size=MB] [--disk-fault=hdC:D:read|write:WHERE[:once]]...
                     [--diag-file=PATH] [--vm-trace] [--deterministic]
                     [--qemu-arg=ARG]... [--gdbinit=PATH] [--layout=SVG]
                     [--record=DIR] -- KERNEL-ARGS...
       utils/kestrel --replay=DIR [--gdb[=PORT]] [--gdbinit=PATH] [-T SECONDS] [-v]
                     [--diag-file=PATH]

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

Recording. --record=DIR runs as usual (the same console, diagnostics and exit
status) and records the run into DIR with QEMU's record/replay: its event log
(serial input, the clocks, interrupts, disk completions), the kernel, the user
programs, the boot-time disk image, and the run's two streams and outcome.
--replay=DIR runs it again instruction for instruction: the same console byte for
byte, the same diagnostic stream, the same exit status, or exit status 1 saying
where the replay first differs. --replay=DIR --gdb halts the replay for GDB, which
can then also go backwards (reverse-stepi, reverse-continue, reverse-finish,
watchpoints). Both need QEMU 5.2 or later; kestrel_run/recording.py says what a
recorded kernel may use.

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
(--filesys-size, default 2 MB; --no-filesys: none, as a kernel booted alone has) as
IDE primary master; -p puts host files on it before
boot (one kfs run makes and fills it), -g fetches files after the run, and `kfs
check` runs after a clean power-off if the run wrote to the image (one nothing wrote
to is as kfs made it).
--swap-size attaches a zeroed image as the secondary master (hd1:0), so that
paging and the file system each have a channel of their own (the kernel takes the
first disk that is not the file system's for swap, wherever it is); if the file
system is put there, swap goes to hd0:1 instead. All images are temporary.
--filesys-disk=hdC:D puts the file-system image on IDE channel C (0 primary,
1 secondary), device D (0 master, 1 slave) instead; tell the kernel with
`-filesys=hdC:D`. QEMU runs with -nodefaults: no device is there but what the run
needs (the two serial ports, its disks, the exit device); no VGA, CD-ROM or floppy.

Disk faults. --disk-fault=hdC:D:OP:WHERE[:once] makes the disk at hdC:D fail
every OP (read or write) that touches WHERE with an I/O error, as a bad sector
would (QEMU's blkdebug driver; the disk reports the error, the kernel must cope).
WHERE is a sector number, `*` (every sector: a dead disk), or NAME[+OFFSET], the
sector holding byte OFFSET (default 0) of file NAME on the file-system image (put
with -p; found with `kfs sector`). With `:once` only the first such command fails
and the next works again (a transient error). Repeat the option for more faults.
On the swap disk (hd1:0) slot N is sectors 8N to 8N+7.
"""

import os

from kestrel_run.base import DEFAULT_KERNEL, REPO_ROOT, UsageError, display_path, note

DEFAULT_MEMORY_MB = 4
DEFAULT_TIMEOUT_S = 60
DEFAULT_FILESYS_MB = 2
GDB_PORT_BASE = 20000       # default port: GDB_PORT_BASE + uid % 10000
FILESYS_INDEX = 0           # IDE drive index of the file-system disk: hd0:0
SWAP_INDEXES = (2, 1)       # the swap disk's: hd1:0, else (fs there) hd0:1
VM_TRACE_OPTION = "-vmtrace"
MAPS_DUMP_OPTION = "-mapsdump"
FORMAT_OPTION = "-f"
# The kernel's limit on its command line is named once, in this header.
CMDLINE_HEADER = os.path.join(REPO_ROOT, "threads", "boot-info.h")
CMDLINE_LIMIT = "BOOT_CMDLINE_MAX"

USAGE = __doc__.split("\n\n", 1)[1]


def parse_args(argv):
    """Parse the runner's argv into a dict of options; raise UsageError if malformed."""
    opts = {
        "memory_mb": DEFAULT_MEMORY_MB, "timeout": DEFAULT_TIMEOUT_S, "gdb_port": None,
        "gdb_port_default": False, "gdb_socket": None, "gdbinit": None, "layout": None,
        "verbose": False, "kernel": DEFAULT_KERNEL, "puts": [], "gets": [],
        "filesys_mb": None, "filesys_index": FILESYS_INDEX, "swap_mb": None,
        "qemu_args": [], "kernel_args": [], "diag_file": None, "vm_trace": False,
        "deterministic": False, "disk_faults": [], "record": None, "replay": None,
        "timeout_given": False, "no_filesys": False,
    }
    given = set()           # the options on the command line
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
        given.add(name)
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
            opts["timeout_given"] = True
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
        elif arg == "--no-filesys":
            opts["no_filesys"] = True
        elif name == "--filesys-disk":
            opts["filesys_index"] = ide_index(inline if eq else value(name))
        elif name == "--disk-fault":
            opts["disk_faults"].append(disk_fault(inline if eq else value(name)))
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
        elif name in ("--record", "--replay"):
            opts[name[2:]] = inline if eq else value(name)
        else:
            raise UsageError("unknown option %r (kernel arguments go after --)" % arg)
        i += 1
    if opts["replay"]:
        check_replay_options(given, opts)
        return opts
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


# What a replay may be given: the recording fixes everything else.
REPLAY_OPTIONS = {"--replay", "--gdb", "--gdbinit", "-T", "-v", "--diag-file", "-k",
                  "--qemu", "-h", "--help"}


def check_replay_options(given, opts):
    """Raise UsageError if GIVEN, the options of a --replay command line, holds one
    that a replay cannot take, or if there are kernel arguments or a --record."""
    if opts["record"]:
        raise UsageError("--record and --replay do not go together")
    refused = sorted(given - REPLAY_OPTIONS - {"--"})
    if refused or opts["kernel_args"]:
        raise UsageError("--replay takes only --gdb, --gdbinit, -T, -v and --diag-file "
                         "(the recording fixes the rest): not %s"
                         % ", ".join(refused or ["kernel arguments"]))


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


def swap_index(opts):
    """Return the IDE drive index the swap disk takes: hd1:0, its own channel,
    unless the file system is there."""
    return next(i for i in SWAP_INDEXES if i != opts["filesys_index"])


def ide_index(disk, option="--filesys-disk"):
    """Return QEMU's IDE drive index for DISK, named as the kernel does (hdC:D)."""
    if len(disk) != 5 or not disk.startswith("hd") or disk[2] not in "01" \
            or disk[3] != ":" or disk[4] not in "01":
        raise UsageError("%s: %r is not hd0:0, hd0:1, hd1:0 or hd1:1" % (option, disk))
    return int(disk[2]) * 2 + int(disk[4])


DISK_FAULT_OPS = ("read", "write")
ANY_SECTOR = "*"


def disk_fault(spec):
    """Parse a --disk-fault SPEC (hdC:D:OP:WHERE[:once]) into a dict: the drive
    index, the op, the sector (an int, None for any, or a (file, offset) pair to
    find on the file-system image) and whether it fails once."""
    option = "--disk-fault"
    parts = spec.split(":")
    once = len(parts) == 5 and parts[4] == "once"
    if len(parts) not in (4, 5) or (len(parts) == 5 and not once):
        raise UsageError("%s: %r is not hdC:D:read|write:WHERE[:once]" % (option, spec))
    index = ide_index(parts[0] + ":" + parts[1], option)
    op, where = parts[2], parts[3]
    if op not in DISK_FAULT_OPS:
        raise UsageError("%s: %r: the operation is read or write, not %r"
                         % (option, spec, op))
    if where == ANY_SECTOR:
        sector = None
    elif where.isdigit():
        sector = int(where)
    else:
        name, plus, offset = where.partition("+")
        if not name or (plus and not offset.isdigit()):
            raise UsageError("%s: %r: WHERE is a sector, * or NAME[+OFFSET]"
                             % (option, spec))
        sector = (name, int(offset) if plus else 0)
    return {"index": index, "op": op, "sector": sector, "once": once}


def kernel_command_line(args):
    """Join kernel arguments with spaces, single-quoting any that is empty or has spaces."""
    return " ".join("'%s'" % a if a == "" or any(c.isspace() for c in a) else a
                    for a in args)


def check_command_line_length(kernel_args):
    """Raise UsageError if the kernel could not take KERNEL_ARGS whole."""
    import headers
    try:
        size = headers.value(CMDLINE_HEADER, CMDLINE_LIMIT)
    except (OSError, KeyError):
        return              # not in a Kestrel tree: the kernel will say so itself
    limit = size - 1    # the kernel's buffer ends with a null
    length = len(kernel_command_line(kernel_args).encode())
    if length > limit:
        raise UsageError("the kernel command line is %d bytes, more than the %d the "
                         "kernel takes (BOOT_CMDLINE_MAX in %s)"
                         % (length, limit, display_path(CMDLINE_HEADER)))


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
