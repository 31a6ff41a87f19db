"""webrun: what Kestrel in v86 (web/) shares with the tools around it.

A test's spec (tests/SUITE/NAME.expect, read by expect.py) says how the QEMU
runner boots it; this module turns that into a v86 run: the RAM, time limit and
disks, the files put on the file-system disk (as utils/check puts them), and the
command line of web/run-v86.mjs, the Node.js runner. utils/mkweb (the page's
program list), utils/v86check (the v86 tests), utils/webtest (the page's test)
and utils/bench (v86 timings) use it. Standard-library Python only.
"""

import os
import subprocess
import sys

UTILS = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, UTILS)
import host  # noqa: E402
# Kernel tests (KERNEL_SUITE): nothing of theirs goes on the disk.
from expect import KERNEL_SUITE  # noqa: E402
# The QEMU runner's defaults (utils/kestrel), which a spec's options change.
from kestrel_run.options import (DEFAULT_FILESYS_MB, DEFAULT_MEMORY_MB,  # noqa: E402
                                 DEFAULT_TIMEOUT_S)

REPO_ROOT = os.path.dirname(UTILS)
WEB = os.path.join(REPO_ROOT, "web")
RUN_V86 = os.path.join(WEB, "run-v86.mjs")
V86_BUILD = os.path.join(WEB, "node_modules", "v86", "build")
KERNEL = os.path.join(REPO_ROOT, "build", "kernel.elf")
KFS = os.path.join(REPO_ROOT, "build", "utils", "kfs")
# v86 gives the primary channel's two disks: the file system on hd0:0 (hda) and
# swap on hd0:1 (hdb): the runner puts swap on hd1:0 in QEMU, but the kernel takes
# the first disk that is not the file system's for swap, wherever it is.
FILESYS_DISK = "hd0:0"


class Unsupported(Exception):
    """A spec asks for something a v86 run cannot give; the message says what."""


def node():
    """The path of Node.js, or None if it is not installed."""
    return host.find_program("node")


def v86_installed():
    """True if web/'s npm packages (v86) are installed."""
    return os.path.isfile(os.path.join(V86_BUILD, "libv86.mjs"))


def run_settings(spec):
    """The v86 run that SPEC's runner options ask for: a dict of memory_mb,
    timeout, swap_mb (None: no swap disk) and filesys_mb. Raises Unsupported
    for an option a v86 run cannot follow."""
    settings = {"memory_mb": DEFAULT_MEMORY_MB, "timeout": DEFAULT_TIMEOUT_S,
                "swap_mb": None, "filesys_mb": DEFAULT_FILESYS_MB}
    options = list(spec.run_options)
    while options:
        option = options.pop(0)
        name, eq, value = option.partition("=")
        if name in ("-m", "-T", "--swap-size", "--filesys-size", "--filesys-disk") \
                and not eq:
            if not options:
                raise Unsupported("option %s needs a value" % name)
            value = options.pop(0)
        if name == "-m":
            settings["memory_mb"] = int(value)
        elif name == "-T":
            settings["timeout"] = int(value)
        elif name == "--swap-size":
            settings["swap_mb"] = int(value)
        elif name == "--filesys-size":
            settings["filesys_mb"] = int(value)
        elif name == "--filesys-disk" and value == FILESYS_DISK:
            pass
        elif name in ("--vm-trace", "--deterministic"):
            # The trace is a kernel option (added below); v86 has no
            # instruction-counting clock, and no test's output depends on one.
            pass
        else:
            raise Unsupported("runner option %s" % option)
    return settings


def kernel_args(spec, trace=False):
    """The kernel arguments of SPEC's run, as the runner passes them: -q first
    (power off when done), then -vmtrace if the spec's options ask for the
    trace or TRACE does, then the spec's arguments."""
    args = list(spec.args)
    wants_trace = trace or "--vm-trace" in spec.run_options
    if wants_trace and "-vmtrace" not in args:
        args = ["-vmtrace"] + args
    return ["-q"] + args


def disk_files(suite, name, spec):
    """The (host path, disk name) pairs utils/check puts on the disk for test
    tests/SUITE/NAME: the built program, then each `#! files:` entry (a built
    file before a source one)."""
    files = []
    program = os.path.join(REPO_ROOT, "build", "tests", suite, name)
    if suite != KERNEL_SUITE and os.path.isfile(program):
        files.append((program, name))
    for extra in spec.files:
        built = os.path.join(REPO_ROOT, "build", "tests", suite, extra)
        path = built if os.path.isfile(built) else os.path.join(REPO_ROOT, "tests",
                                                                 suite, extra)
        files.append((path, os.path.basename(extra)))
    return files


def kfs(*args):
    """Run build/utils/kfs with ARGS; return (ok, its output)."""
    proc = subprocess.run([KFS] + [str(a) for a in args], stdin=subprocess.DEVNULL,
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return proc.returncode == 0, proc.stdout.strip()


def make_filesys(image, size_mb, files):
    """Make a file-system image of SIZE_MB at IMAGE holding FILES ((host path, disk
    name) pairs); raise OSError if kfs fails."""
    ok, out = kfs("mkfs", image, size_mb)
    for path, disk_name in files if ok else ():
        ok, out = kfs("put", image, path, disk_name)
        if not ok:
            break
    if not ok:
        raise OSError("kfs: %s" % out)


def make_swap(image, size_mb):
    """Make a zeroed swap image of SIZE_MB at IMAGE."""
    with open(image, "wb") as f:
        f.truncate(size_mb << 20)


def run_v86_command(args, memory_mb, timeout, hda=None, hdb=None, diag_file=None,
                    stdin=""):
    """The argv of web/run-v86.mjs booting the kernel with kernel arguments ARGS."""
    command = [node() or "node", RUN_V86, "--kernel=" + KERNEL,
               "--memory=%d" % memory_mb, "--timeout=%d" % timeout]
    for option, value in (("--hda", hda), ("--hdb", hdb), ("--diag-file", diag_file)):
        if value:
            command.append("%s=%s" % (option, value))
    if stdin:
        command.append("--stdin=" + stdin)
    return command + ["--"] + list(args)
