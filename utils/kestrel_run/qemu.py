"""qemu: QEMU's command line for a boot, running it with the streams pumped and a
time limit, and how it ended, as the runner's exit status."""

import os
import select
import sys
import time

import host
from kestrel_run.base import EXIT_FAILURE, EXIT_PANIC, EXIT_POWEROFF, EXIT_RESET, \
    EXIT_TIMEOUT, SETUP_SCRIPT, Terminated, UsageError, note
from kestrel_run.options import kernel_command_line
from kestrel_run.spawn import DEVNULL, PIPE, Child, TimeoutExpired

# isa-debug-exit turns a guest write of V into QEMU exit status (V << 1) | 1.
QEMU_STATUS_POWEROFF = 33   # value 0x10
QEMU_STATUS_PANIC = 35      # value 0x11
QEMU_STATUS_RESET = 0       # a reset (triple fault) ends QEMU under -no-reboot

QEMU = "qemu-system-i386"
DEBUG_EXIT_DEVICE = "isa-debug-exit,iobase=0xf4,iosize=0x04"
KILL_GRACE_S = 2            # between SIGTERM and SIGKILL for QEMU


def qemu_command(kernel, kernel_args, memory_mb, reset_log, extra=(), diag_fd=None):
    """Return the QEMU argv that boots KERNEL with KERNEL_ARGS, COM2 written to file
    descriptor DIAG_FD (inherited by QEMU) or discarded; shared with utils/bench."""
    # QEMU logs "Triple fault" among its reset records; that tells it from other resets.
    # -nodefaults: none of the machine's default devices (VGA and its firmware,
    # floppy, CD-ROM, parallel port, the default serial and monitor), which cost
    # a tenth of QEMU's start: the kernel needs the two serial ports, the IDE
    # disks attached here and the exit device. (VGA text written with no card
    # there goes nowhere.)
    diag = "null" if diag_fd is None else "file:/dev/fd/%d" % diag_fd
    return [QEMU, "-nodefaults", "-kernel", kernel,
            "-append", kernel_command_line(kernel_args),
            "-m", str(memory_mb), "-display", "none", "-serial", "stdio",
            "-serial", diag, "-monitor", "none", "-nic", "none", "-no-reboot",
            "-device", DEBUG_EXIT_DEVICE, "-d", "cpu_reset", "-D", reset_log] + list(extra)


def ensure_qemu():
    """Make sure QEMU is on PATH, running utils/setup once if not; raise UsageError if not."""
    if host.find_program(QEMU):
        return
    note("%s not found; running utils/setup" % QEMU)
    Child(["bash", SETUP_SCRIPT], stdin=DEVNULL, stdout=sys.stderr.fileno()).wait()
    if not host.find_program(QEMU):
        raise UsageError("%s is still missing after utils/setup" % QEMU)


def stdin_for_qemu():
    """Return our stdin if it is open, else DEVNULL, so QEMU never reads a stray fd 0."""
    try:
        os.fstat(0)
        return None
    except OSError:
        return DEVNULL


def stop(proc):
    """Terminate PROC politely, then forcibly after KILL_GRACE_S seconds."""
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(KILL_GRACE_S)
        except TimeoutExpired:
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


def run_qemu(cmd, timeout, console, diag, diag_fd, errors_path, on_timeout=None,
             stdin=None, on_start=None, cwd=None):
    """Run CMD streaming the console to CONSOLE and what QEMU writes to DIAG_FD (which
    it inherits; we close our copy) to DIAG; return QEMU's status, or
    'TIMEOUT'/'INTERRUPTED'. ON_TIMEOUT() runs on a timeout before QEMU is stopped.
    QEMU's stdin (the console's input) is ours unless STDIN says otherwise
    (spawn.DEVNULL or PIPE); ON_START(proc) runs once QEMU (a spawn.Child) has
    started. QEMU runs in folder CWD (None: ours)."""
    # QEMU's own messages go to file ERRORS_PATH and are shown after the run, less
    # the one it prints when we stop it on purpose (timeout), which is not news.
    errors = open(errors_path, "w+b")
    diag_in, diag_out = diag_fd
    try:
        proc = Child(cmd, stdin=stdin_for_qemu() if stdin is None else stdin,
                     stdout=PIPE, cwd=cwd, stderr=errors, pass_fds=(diag_out,))
    except OSError as e:
        errors.close()
        raise UsageError("cannot start %s: %s" % (QEMU, e))
    finally:
        os.close(diag_out)
    if on_start:
        on_start(proc)
    # When both are ready, diagnostics first: the kernel writes a kill's reason
    # before the exit line that follows it.
    sources = {diag_in: diag, proc.stdout: console}
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        try:
            if pump(sources, deadline):
                return proc.wait(None if deadline is None
                                 else max(0.0, deadline - time.monotonic()))
        except TimeoutExpired:
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
        os.close(proc.stdout)
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
