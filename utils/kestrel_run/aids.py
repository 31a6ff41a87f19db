"""aids: what the runner adds to a run for debugging: a kill's source line after
its diagnostic line, hints for a program that did not load, and --layout's
picture. The symbol tools are imported only when there is something to look up."""

import os
import sys

import headers
from kestrel_run.base import LAYOUT_TOOL, REPO_ROOT, display_path, note


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
        except (ValueError, OSError, KeyError):
            return []
        return [] if place.startswith("??") else ["  at %s in %s" % (place, function)]


def draw_layout(opts):
    """For --layout=SVG: draw the run program's address space at exit from the
    diagnostic stream (utils/layout), saying where on stderr."""
    program = run_program(opts)
    if program is None:
        note("--layout: no user program was run")
        return
    import subprocess
    name = os.path.basename(program)[:headers.abi("PROCESS_NAME_MAX")]
    proc = subprocess.run([sys.executable, "-S", LAYOUT_TOOL, "--from-diag",
                           opts["diag_file"], "--name", name, "--svg", opts["layout"]],
                          stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    note("--layout: " + (proc.stderr.strip() or "wrote " + display_path(opts["layout"])))


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
