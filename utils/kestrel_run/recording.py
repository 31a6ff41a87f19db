"""recording: --record=DIR records a run with QEMU's record/replay; --replay=DIR
replays it instruction for instruction, and with --gdb halts it for GDB, which can
then run backwards (reverse-stepi, reverse-continue, reverse-finish, watchpoints).

QEMU records (-icount shift=ICOUNT_SHIFT,rr=record,rrfile=...) what is not
deterministic: serial input, the clocks, interrupts, and each disk request's
completion, for which every disk sits behind QEMU's blkreplay driver. Everything
else (the CPU, memory, the devices' behaviour) is computed again on replay from
the same start: the same kernel, command line, memory size, disk images and
device set. So a recording (DIR) holds:

  recording.json          the run's settings and its recorded outcome (MANIFEST)
  replay.bin              QEMU's event log
  kernel.elf              the kernel that ran (a rebuild does not spoil the replay)
  programs/NAME           each user program put on the disk, for its symbols
  filesys.dsk             the file-system image as it was at boot (sparse)
  console.out, diag.out   the runner's stdout and the diagnostic stream

(a swap disk starts zeroed: only its size is kept). QEMU runs in DIR and is given
the kernel as kernel.elf: QEMU hands the guest the kernel's path with its command
line, so the path must not depend on where DIR is. A replay writes the disks on
copies, checks the file system afterwards as the recorded run did, and compares
its console, diagnostic stream, final file-system image and exit status with the
recording's: any difference is a failed replay (exit status 1, the first
difference said). Under --gdb the disks are temporary qcow2 overlays
(snapshot=on), where QEMU keeps the snapshot it rewinds to (`start_debugging`,
taken when GDB attaches); the streams are not compared then, since going
backwards runs parts of the machine again (printing again) and GDB may end the
run early. GDB's settings and commands for a replay: kestrel_run/gdbstub.py and
utils/gdb-backwards.py.

What works under record/replay, and what it needs (tests/replay checks each):
  - the IDE disks, by bus-master DMA and by PIO (-pio), behind blkreplay;
  - the PIT timer; the kernel is recorded with -hz=TIMER_FREQ_MAX, because a disk
    request's completion reaches the guest at the next tick (QEMU hands recorded
    events to the CPU when it next wakes), so at 100 Hz a paging test would wait
    10 ms per disk command (but not under -mlfqs, whose numbers are per tick);
  - both serial ports: COM2's output, and COM1's output and input. A recording
    QEMU takes serial input without waiting for the UART to have room, so the
    runner holds the console input until the kernel says `Boot complete.` and
    then hands it over a byte every INPUT_PACE_S, and the kernel receives it into
    the UART's FIFO (-uart-fifo): a burst that would overrun the one-byte buffer
    fits there;
  - power-off and panic (the debug-exit device), a reset (-no-reboot), and a
    timeout: the runner stops QEMU, the log ends there, and the replay ends at the
    same point (QEMU then exits as if reset, which the replay takes as the
    recorded end);
  - --disk-fault's failed requests: blkdebug sits under blkreplay and fails the
    same requests again on replay (its rules are in the manifest);
  - the RTC: Kestrel does not read it (QEMU would record what it reads).
  Avoided: icount's sleep=off (deterministic mode's): QEMU 7.2 then never hands
  recorded events to the CPU, and a recording or replay hangs; so a recording keeps
  sleep on, and --deterministic's other settings. --gdb while recording (debug a
  replay instead). QEMU older than QEMU_MINIMUM is refused with a message.
"""

import hashlib
import json
import os
import shutil
import subprocess
import time

import symbols
from kestrel_run import spawn
from kestrel_run.base import REPO_ROOT, UsageError, display_path, note
from kestrel_run.options import DETERMINISTIC_QEMU, ICOUNT_SHIFT, \
    check_command_line_length

MANIFEST = "recording.json"
EVENT_LOG = "replay.bin"
KERNEL_COPY = "kernel.elf"
PROGRAMS = "programs"
FILESYS_IMAGE = "filesys.dsk"
CONSOLE = "console.out"
DIAG = "diag.out"
FORMAT = 1
QEMU_MINIMUM = (5, 2)       # reverse debugging in QEMU's GDB stub
LAST_LINK = "last"          # build/recordings/last: the newest recording
REPLAY_EXTRA_S = 30         # a replay's own limit: the recording's, doubled, plus this
BOOT_COMPLETE = "Boot complete."    # threads/init.c: console input is taken from here on
INPUT_PACE_S = 0.01         # a recording hands the console one input byte this often
TIMER_HEADER = os.path.join(REPO_ROOT, "devices", "timer.h")
MLFQS_OPTION = "-mlfqs"     # the 4.4BSD scheduler, whose tests count 100 Hz ticks


def qemu_version(qemu):
    """QEMU's version as a tuple of ints, or None if it cannot be told."""
    try:
        out = subprocess.run([qemu, "--version"], stdin=subprocess.DEVNULL,
                             capture_output=True, text=True, timeout=30).stdout
    except (OSError, subprocess.TimeoutExpired):
        return None
    words = out.split()
    if "version" not in words or words.index("version") + 1 >= len(words):
        return None
    number = words[words.index("version") + 1]
    try:
        return tuple(int(part) for part in number.split("+")[0].split(".")[:3])
    except ValueError:
        return None


def check_qemu(qemu):
    """Raise UsageError unless QEMU can record, replay and debug backwards."""
    version = qemu_version(qemu)
    if version is None or version < QEMU_MINIMUM:
        raise UsageError(
            "record/replay needs QEMU %d.%d or later (-icount rr=, the blkreplay disk "
            "driver, reverse debugging in its GDB stub); this %s is %s"
            % (QEMU_MINIMUM + (qemu, ".".join(map(str, version)) if version
                               else "of unknown version")))


def file_digest(path):
    """The SHA-256 of file PATH, in hex, or None if it cannot be read."""
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return None
    return digest.hexdigest()


def replay_drive(path, index, temporary, faults_config=None):
    """QEMU options attaching raw image PATH as IDE drive INDEX behind blkreplay (so
    its requests are recorded or replayed), through blkdebug with the --disk-fault
    rules in file FAULTS_CONFIG if given (they fail the same requests on replay);
    TEMPORARY: writes go to a temporary qcow2 overlay, which also holds QEMU's
    snapshots."""
    name = "disk%d" % index
    if faults_config:
        path = "blkdebug:%s:%s" % (faults_config, path)
    return ["-drive", "file=%s,format=raw,if=none,id=%s%s"
            % (path, name, ",snapshot=on" if temporary else ""),
            "-drive", "driver=blkreplay,if=none,image=%s,id=%s-rr" % (name, name),
            "-device", "ide-hd,drive=%s-rr,bus=ide.%d,unit=%d" % (name, index // 2, index % 2)]


def add_recording_options(opts):
    """Put the kernel options a recorded run needs first in OPTS' kernel arguments:
    the timer at its fastest (a disk request's completion is recorded, and handed
    to the guest, at the next tick: at 100 Hz a paging test waits 10 ms per disk
    command), and console input into the UART's FIFO (InputFeeder). Not the timer
    under -mlfqs: the 4.4BSD scheduler's numbers are counted in ticks, and its tests
    follow the guide's 100 Hz. Left out, with a note, if the command line has no
    room for them."""
    import headers
    wanted = ["-uart-fifo"]
    if MLFQS_OPTION not in opts["kernel_args"]:
        wanted.insert(0, "-hz=%d" % headers.value(TIMER_HEADER, "TIMER_FREQ_MAX"))
    try:
        check_command_line_length(wanted + opts["kernel_args"])
    except UsageError:
        note("no room on the kernel command line for %s: the recording may be slow, "
             "and lose console input" % " ".join(wanted))
        return
    opts["kernel_args"] = wanted + opts["kernel_args"]


def without_deterministic_icount(qemu_args):
    """QEMU_ARGS less deterministic mode's -icount (a recording has its own)."""
    icount = DETERMINISTIC_QEMU[:2]
    if qemu_args[:2] == icount:
        return qemu_args[2:]
    return qemu_args


class Recorder:
    """--record=DIR: records the run into DIR (see the module doc)."""

    replaying = False
    kernel_name = KERNEL_COPY       # as QEMU, running in the recording's folder, sees it

    def __init__(self, opts, qemu):
        """Check QEMU, empty DIR (refusing a folder that is not a recording), and
        copy the kernel and the user programs into it."""
        check_qemu(qemu)
        if opts["gdb_port"] is not None or opts["gdb_socket"]:
            raise UsageError("--record and --gdb do not go together: record the run, "
                             "then debug its replay (--replay=DIR --gdb)")
        self.dir = os.path.abspath(opts["record"])
        prepare_folder(self.dir)
        self.opts = opts
        shutil.copyfile(opts["kernel"], os.path.join(self.dir, KERNEL_COPY))
        opts["kernel"] = os.path.join(self.dir, KERNEL_COPY)
        self.programs = []
        for host, name in opts["puts"]:
            if symbols.is_elf(host):
                os.makedirs(os.path.join(self.dir, PROGRAMS), exist_ok=True)
                copy = os.path.join(PROGRAMS, os.path.basename(name))
                shutil.copyfile(host, os.path.join(self.dir, copy))
                self.programs.append([copy, name])
        opts["qemu_args"] = without_deterministic_icount(opts["qemu_args"])
        add_recording_options(opts)
        self.console = open(os.path.join(self.dir, CONSOLE), "wb")
        self.diag = open(os.path.join(self.dir, DIAG), "wb")
        self.start_time = time.monotonic()
        self.input = InputFeeder()
        self.stdin = self.input.stdin

    def started(self, proc):
        """QEMU started as PROC: feed it our input (InputFeeder)."""
        self.input.start(proc)

    def console_line(self, line):
        """Look at console LINE: input may flow once the kernel has booted."""
        if line == BOOT_COMPLETE:
            self.input.ready()

    def disks(self, filesys, swap):
        """Keep the file-system image FILESYS (None: none) as it is at boot."""
        if filesys:
            copy_sparse(filesys, os.path.join(self.dir, FILESYS_IMAGE))
        self.had_filesys = filesys is not None

    def drive(self, path, index, faults_config=None):
        """QEMU options for disk PATH at IDE index INDEX (recorded)."""
        return replay_drive(path, index, False, faults_config)

    def qemu_options(self):
        """QEMU options that record."""
        return ["-icount", "shift=%d,rr=record,rrfile=%s"
                % (ICOUNT_SHIFT, os.path.join(self.dir, EVENT_LOG))]

    def qemu_status(self, status):
        """How QEMU ended, as the rest of the run should see it: as it is."""
        return status

    def finish(self, status, qemu_status, filesys):
        """Write the manifest for a run that ended with runner STATUS and QEMU_STATUS
        (FILESYS: its image after the run); return STATUS."""
        self.console.close()
        self.diag.close()
        opts = self.opts
        manifest = {
            "format": FORMAT, "recorded": time.strftime("%Y-%m-%d %H:%M:%S"),
            "kernel_args": opts["kernel_args"], "memory_mb": opts["memory_mb"],
            "timeout": opts["timeout"], "filesys": FILESYS_IMAGE if self.had_filesys
            else None, "filesys_index": opts["filesys_index"], "swap_mb": opts["swap_mb"],
            "qemu_args": opts["qemu_args"], "programs": self.programs,
            "disk_faults": opts["disk_faults"],
            "puts": [[display_path(os.path.abspath(h)), n] for h, n in opts["puts"]],
            "status": status, "qemu_status": qemu_status,
            "filesys_after": file_digest(filesys) if filesys else None,
            "seconds": round(time.monotonic() - self.start_time, 3),
        }
        with open(os.path.join(self.dir, MANIFEST), "w") as f:
            json.dump(manifest, f, indent=1)
            f.write("\n")
        how = ("make replay, make replay-gdb" if link_last(self.dir)
               else "utils/kestrel --replay=%s [--gdb]" % display_path(self.dir))
        note("recorded in %s; replay it with: %s" % (display_path(self.dir), how))
        return status


class Replayer:
    """--replay=DIR: replays the recording in DIR (see the module doc)."""

    replaying = True
    kernel_name = KERNEL_COPY

    def __init__(self, opts, qemu):
        """Check QEMU, read DIR's manifest and set OPTS to the recorded run's."""
        check_qemu(qemu)
        self.dir = os.path.abspath(opts["replay"])
        try:
            with open(os.path.join(self.dir, MANIFEST)) as f:
                self.manifest = json.load(f)
        except (OSError, ValueError) as e:
            raise UsageError("--replay: %s is not a recording (%s)"
                             % (display_path(self.dir), e))
        if self.manifest.get("format") != FORMAT:
            raise UsageError("--replay: %s was recorded by another version of the "
                             "runner" % display_path(self.dir))
        m = self.manifest
        self.debugging = opts["gdb_port"] is not None or opts["gdb_socket"] is not None
        opts.update(kernel=os.path.join(self.dir, KERNEL_COPY), kernel_args=m["kernel_args"],
                    memory_mb=m["memory_mb"], filesys_index=m["filesys_index"],
                    swap_mb=m["swap_mb"], qemu_args=m["qemu_args"], gets=[],
                    disk_faults=[dict(f, sector=tuple(f["sector"])
                                      if isinstance(f["sector"], list) else f["sector"])
                                 for f in m.get("disk_faults", [])],
                    puts=[[os.path.join(self.dir, copy), name] for copy, name in m["programs"]])
        if not opts["timeout_given"]:
            opts["timeout"] = 2 * m["timeout"] + REPLAY_EXTRA_S
        self.opts = opts
        self.console_path = self.diag_path = None
        self.stdin = spawn.DEVNULL          # the input is in the log

    def started(self, proc):
        """QEMU started as PROC: nothing to do."""

    def console_line(self, line):
        """Look at console LINE: nothing to do."""

    def disks(self, tmpdir):
        """(file-system image, swap image) for the replay: copies of the recorded
        ones, in TMPDIR (None where the recording had none)."""
        filesys = swap = None
        if self.manifest["filesys"]:
            filesys = os.path.join(tmpdir, "filesys.dsk")
            copy_sparse(os.path.join(self.dir, self.manifest["filesys"]), filesys)
        if self.manifest["swap_mb"]:
            swap = os.path.join(tmpdir, "swap.dsk")
            with open(swap, "wb") as f:
                f.truncate(self.manifest["swap_mb"] << 20)
        self.console_path = os.path.join(tmpdir, CONSOLE)
        self.diag_path = os.path.join(tmpdir, DIAG)
        self.console = open(self.console_path, "wb")
        self.diag = open(self.diag_path, "wb")
        return filesys, swap

    def drive(self, path, index, faults_config=None):
        """QEMU options for disk PATH at IDE index INDEX (replayed; under GDB on a
        temporary overlay that holds the snapshots)."""
        return replay_drive(path, index, self.debugging, faults_config)

    def qemu_options(self):
        """QEMU options that replay."""
        return ["-icount", "shift=%d,rr=replay,rrfile=%s"
                % (ICOUNT_SHIFT, os.path.join(self.dir, EVENT_LOG))]

    def qemu_status(self, status):
        """How QEMU ended, as the rest of the run should see it: a recording the
        runner stopped (a timeout, an interrupt) replays to where its log ends, and
        QEMU then exits as if reset; that is the recorded end."""
        recorded = self.manifest["qemu_status"]
        if recorded in ("TIMEOUT", "INTERRUPTED") and status == 0:
            return recorded
        return status

    def finish(self, status, qemu_status, filesys):
        """Compare the replay (runner STATUS, QEMU_STATUS, FILESYS after it) with the
        recording; return STATUS, or 1 if they differ (said on stderr). Not under
        GDB: going backwards replays parts of the run again, output included, and
        GDB may end the run early."""
        self.console.close()
        self.diag.close()
        if self.debugging:
            return status
        m = self.manifest
        problems = [p for p in (
            first_difference("console", os.path.join(self.dir, CONSOLE), self.console_path),
            first_difference("diagnostic stream", os.path.join(self.dir, DIAG),
                             self.diag_path)) if p]
        if status != m["status"]:
            problems.append("it ended with status %s, the recording with %s"
                            % (status, m["status"]))
        if filesys and m["filesys_after"] and file_digest(filesys) != m["filesys_after"]:
            problems.append("the file-system image after it differs from the "
                            "recorded run's")
        for problem in problems:
            note("the replay differs from the recording: " + problem)
        return 1 if problems else status


class InputFeeder:
    """Hands our stdin to a recorded QEMU's console, after boot and one byte at a
    time. Under record/replay QEMU takes serial input without waiting for the UART
    to have room (the input becomes an event in the log first), so input given at
    once would overrun the UART, or arrive before the kernel listens; paced, each
    byte is in the guest's input queue (devices/input.c) before the next comes."""

    def __init__(self):
        """QEMU's stdin is a pipe from us, if our stdin is open."""
        import threading
        self.threading = threading
        try:
            os.fstat(0)
            self.stdin = spawn.PIPE
        except OSError:
            self.stdin = spawn.DEVNULL
        self.go = threading.Event()
        self.proc = None

    def start(self, proc):
        """Start the feeding thread for QEMU process PROC; it waits for ready()."""
        if self.stdin != spawn.PIPE:
            return
        self.proc = proc
        self.threading.Thread(target=self.feed, daemon=True).start()

    def ready(self):
        """The kernel takes console input now."""
        self.go.set()

    def feed(self):
        """Copy our stdin to QEMU's, paced, once ready; close QEMU's at our EOF."""
        pipe = self.proc.stdin
        try:
            self.go.wait()
            while True:
                byte = os.read(0, 1)
                if not byte:
                    break
                pipe.write(byte)
                pipe.flush()
                time.sleep(INPUT_PACE_S)
        except (OSError, ValueError):
            pass
        try:
            pipe.close()
        except OSError:
            pass


def first_difference(what, recorded_path, replayed_path):
    """How the replayed stream at REPLAYED_PATH first differs from the recorded one,
    or None."""
    try:
        with open(recorded_path, "rb") as f:
            recorded = f.read()
        with open(replayed_path, "rb") as f:
            replayed = f.read()
    except OSError as e:
        return "%s: %s" % (what, e)
    if recorded == replayed:
        return None
    common = 0
    while common < min(len(recorded), len(replayed)) and recorded[common] == replayed[common]:
        common += 1
    line = recorded[:common].count(b"\n") + 1

    def line_at(data):
        """The line of DATA that holds byte COMMON."""
        start = data.rfind(b"\n", 0, common) + 1
        end = data.find(b"\n", common)
        return data[start:end if end >= 0 else len(data)].decode(errors="replace")
    return "%s, line %d: recorded %r, replayed %r" % (
        what, line, line_at(recorded) if common < len(recorded) else "(the end)",
        line_at(replayed) if common < len(replayed) else "(the end)")


def copy_sparse(source, target):
    """Copy disk image SOURCE to TARGET, leaving its zero blocks as holes (a fresh
    file system is mostly zeros, and a recording keeps one)."""
    block = 1 << 16
    with open(source, "rb") as src, open(target, "wb") as dst:
        while True:
            data = src.read(block)
            if not data:
                break
            if data.count(0) == len(data):
                dst.seek(len(data), os.SEEK_CUR)
            else:
                dst.write(data)
        dst.truncate()


def prepare_folder(path):
    """Make PATH an empty folder for a recording: create it, or empty it if it holds
    a recording or nothing; refuse any other folder."""
    if os.path.isdir(path) and os.listdir(path):
        if not os.path.isfile(os.path.join(path, MANIFEST)) and \
                not os.path.isfile(os.path.join(path, EVENT_LOG)):
            raise UsageError("--record: %s exists and is not a recording; pick "
                             "another folder" % display_path(path))
        shutil.rmtree(path)
    elif os.path.exists(path) and not os.path.isdir(path):
        raise UsageError("--record: %s is not a folder" % display_path(path))
    os.makedirs(path, exist_ok=True)


def link_last(path):
    """Point build/recordings/last at recording PATH when PATH lies there (where
    `make record` puts recordings); return True if it did."""
    folder = os.path.join(REPO_ROOT, "build", "recordings")
    if os.path.dirname(path) != folder:
        return False
    link = os.path.join(folder, LAST_LINK)
    try:
        if os.path.islink(link):
            os.unlink(link)
        os.symlink(os.path.basename(path), link)
    except OSError:
        return False
    return True


def start(opts, qemu):
    """The session of a run with --record or --replay (a Recorder or a Replayer)."""
    return (Recorder if opts["record"] else Replayer)(opts, qemu)
