"""gdbstub: --gdb: QEMU's GDB stub on a port or a Unix socket, and the GDB command
file (build/gdbinit) that loads the symbols and the macros and attaches."""

import os

from kestrel_run.aids import run_program
from kestrel_run.base import GDB_MACROS, GDBINIT, UTILS, UsageError, display_path, \
    note, shell_quote

GDB_PORT_TRIES = 100        # the default port and the next ones tried if taken
GDB_HOST = "127.0.0.1"      # the stub listens here only: no one else's to attach to


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


# For a replay (--replay --gdb), where QEMU's stub also runs backwards: every
# breakpoint is a hardware one (QEMU checks them as it replays; GDB's software
# breakpoints, bytes written into memory, make GDB 13 fail or hang on the way
# back), and memory is read-only (a write would change a run that is being
# replayed; `auto-hw` turns breakpoints in read-only memory into hardware ones).
REPLAY_SETTINGS = ["mem 0 0x100000000 ro", "set breakpoint auto-hw on"]
GDB_BACKWARDS = os.path.join(UTILS, "gdb-backwards.py")


def write_gdbinit(path, kernel, program, target, monitor=None):
    """Write the GDB command file at PATH that loads KERNEL's symbols, user program
    PROGRAM's (if any) at its link address, the macros, and attaches to TARGET; for
    a replay (MONITOR: the path of its QMP socket) also the settings a replay needs
    (REPLAY_SETTINGS) and the commands for going backwards (utils/gdb-backwards.py)."""
    lines = ["# Written by utils/kestrel for one run; attach with: gdb -x %s"
             % display_path(path),
             "set confirm off",
             "file %s" % os.path.abspath(kernel)]
    if program:
        # An executable's sections carry their link addresses (USER_BASE up).
        lines.append("add-symbol-file %s" % program)
    lines += ["set confirm on",
              "source %s" % GDB_MACROS]
    if monitor:
        lines += ["# A replay: GDB can go backwards (reverse-stepi, reverse-continue, ...)."]
        lines += REPLAY_SETTINGS
        lines += ['set $kestrel_qmp = "%s"' % monitor, "source %s" % GDB_BACKWARDS]
    lines.append("target remote %s" % target)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w") as f:
        f.write("\n".join(lines) + "\n")


def gdb_options(opts, kernel, tmpdir):
    """Return QEMU options that wait for gdb, after writing the GDB command file
    and telling the user how to attach. A replay's QEMU also gets a QMP monitor (a
    socket in TMPDIR) for the commands that go backwards."""
    device, target, where = gdb_target(opts)
    gdbinit = opts["gdbinit"] or GDBINIT
    monitor = os.path.join(tmpdir, "replay-qmp.sock") if opts["replay"] else None
    write_gdbinit(gdbinit, kernel, run_program(opts), target, monitor)
    note("waiting for gdb on %s; attach with:\n  gdb -x %s"
         % (where, shell_quote(display_path(gdbinit))))
    return ["-S", "-gdb", device] + (
        ["-qmp", "unix:%s,server=on,wait=off" % monitor] if monitor else [])
