"""boot: one run of the runner, start to end: the command line parsed, the disks
made, QEMU run with its streams, the disks checked, the exit status (base)."""

import os
import sys

from kestrel_run import aids, disks, qemu, spawn, streams
from kestrel_run.base import EXIT_FAILURE, EXIT_NOT_LOADED, EXIT_PANIC, EXIT_POWEROFF, \
    EXIT_RESET, Terminated, UsageError, display_path, note, shell_quote
from kestrel_run.options import USAGE, check_command_line_length, \
    drop_format_after_put, parse_args, swap_index

UNIX_PATH_MAX = 100         # a Unix socket's path is shorter than this


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


def boot(opts, tmpdir):
    """Run QEMU for one boot with OPTS, disks included; return the runner's exit status."""
    if not os.path.isfile(opts["kernel"]) and not opts["replay"]:
        raise UsageError("kernel not found: %s (run make)" % display_path(opts["kernel"]))
    check_command_line_length(opts["kernel_args"])
    qemu.ensure_qemu()
    session = None
    if opts["record"] or opts["replay"]:
        from kestrel_run import recording
        session = recording.start(opts, qemu.QEMU)
    kernel = opts["kernel"]
    filesys, extra = attach_disks(opts, tmpdir, session)
    timeout = opts["timeout"]
    monitor_path = os.path.join(tmpdir, "monitor.sock")
    if opts["gdb_port"] is not None or opts["gdb_socket"]:
        from kestrel_run import gdbstub
        extra += gdbstub.gdb_options(opts, kernel, tmpdir)
        timeout = None
    elif len(monitor_path) < UNIX_PATH_MAX:
        # Asked where the CPU is if the run times out.
        extra += ["-qmp", "unix:%s,server=on,wait=off" % monitor_path]
    reset_log = os.path.join(tmpdir, "reset.log")
    diag_fd = os.pipe()
    # A recording's kernel is named from its own folder, where QEMU runs: QEMU hands
    # the guest the kernel's path with its command line, and the replay's must be
    # the same, wherever the recording is.
    cmd = qemu.qemu_command(session.kernel_name if session else kernel,
                            opts["kernel_args"], opts["memory_mb"], reset_log,
                            extra + opts["qemu_args"]
                            + (session.qemu_options() if session else []), diag_fd[1])
    if opts["verbose"]:
        note(" ".join(shell_quote(c) for c in cmd))

    if opts["layout"] and not opts["diag_file"]:
        opts["diag_file"] = os.path.join(tmpdir, "diag")
    watch = streams.LoadWatch()
    console = streams.Console(watch, session.console if session else None)
    if session:
        console.watchers.append(session)
    try:
        diag = streams.Diagnostics(opts["diag_file"], console, watch,
                                   aids.KillSource(opts["puts"]),
                                   session.diag if session else None)
    except OSError as e:
        os.close(diag_fd[0])
        os.close(diag_fd[1])
        raise UsageError("--diag-file: %s" % e)
    try:
        qemu_status = qemu.run_qemu(cmd, timeout, console, diag, diag_fd,
                                    os.path.join(tmpdir, "qemu-errors.log"),
                                    lambda: report_where(monitor_path, opts),
                                    session.stdin if session else None,
                                    session.started if session else None,
                                    session.dir if session else None)
    finally:
        diag.finish()
    console.finish()
    if session:
        qemu_status = session.qemu_status(qemu_status)
    status = outcome(opts, qemu_status, reset_log, console, filesys, watch)
    return session.finish(status, qemu_status, filesys) if session else status


def attach_disks(opts, tmpdir, session):
    """Make the run's disks (a replay's are the recording's); return the file-system
    image (or None) and the QEMU options that attach them, with their --disk-fault
    rules."""
    if session and session.replaying:
        filesys, swap = session.disks(tmpdir)
    else:
        filesys = disks.prepare_filesys(opts, tmpdir)
        swap = disks.prepare_swap(opts, tmpdir)
        if session:
            session.disks(filesys, swap)
    swap_at = swap_index(opts)
    for f in opts["disk_faults"]:
        if f["index"] not in ((opts["filesys_index"],) if filesys else ()) \
                + ((swap_at,) if swap else ()):
            raise UsageError("--disk-fault: no disk at hd%d:%d"
                             % (f["index"] // 2, f["index"] % 2))
    drive = session.drive if session else disks.drive
    attached = []
    for image, index in ((filesys, opts["filesys_index"]), (swap, swap_at)):
        if image:
            attached += drive(image, index,
                              disks.faults_config(opts, index, tmpdir, filesys))
    return filesys, attached


def outcome(opts, qemu_status, reset_log, console, filesys, watch):
    """The runner's exit status for a run QEMU ended with QEMU_STATUS: the marker
    line, the file-system check and -g files, --layout's picture, a program that
    did not load."""
    status = qemu.exit_status(qemu_status, reset_log, console)
    if filesys and status in (EXIT_POWEROFF, EXIT_PANIC, EXIT_RESET):
        status = (disks.finish_filesys(opts, filesys, status == EXIT_POWEROFF, console)
                  or status)
    if opts["layout"]:
        aids.draw_layout(opts)
    if status == EXIT_POWEROFF and watch.failures():
        aids.explain_load_failures(opts, watch.failures())
        status = EXIT_NOT_LOADED
    return status


def report_where(monitor_path, opts):
    """On a timeout: say on stderr where the CPU is (monitor.where_the_cpu_was)."""
    from kestrel_run import monitor
    monitor.report_where(monitor_path, aids.run_program(opts))


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
    spawn.on_sigterm(on_sigterm)

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
