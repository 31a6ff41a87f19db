"""gdbtest: run and grade one scripted GDB test (tests/gdb/NAME.gdb, tests/gdb/README.md).

usage: utils/gdbtest.py NAME        (utils/check runs the tests/gdb suite through run_test)

A test boots Kestrel halted under the runner (`--gdb=SOCKET`: a Unix socket of its
own, so tests running side by side never share a port), drives `gdb -batch` with
the GDB command file the runner writes (kernel and program symbols, the macros,
the target), then `set may-call-functions off` (so a macro that would call into
the kernel fails), then the script, then detaches if the machine is still
attached, and lets the run power off. Nothing depends on timing: the machine
waits for GDB, and only the outer limits (GDB_TIMEOUT_S, RUN_TIMEOUT_S) stop a
stuck test.

The spec tests/gdb/NAME.expect:
  #! prog: SUITE/NAME  the user program build/tests/SUITE/NAME: put on the disk as
                       NAME, run (`run NAME`), its symbols loaded
  #! args: ARGS        kernel arguments after -q instead (shell quoting)
  #! run: OPTS         more runner options (e.g. --swap-size=1)
  #! files: A B        more files from build/tests/SUITE/ (SUITE of prog) for the disk
  #! status: N         the runner's expected exit status (default 0)
  #! replay            record the run first (utils/kestrel --record), then debug
                       its replay (--replay --gdb), where GDB can also go backwards
  #! diag: REGEX       some diagnostic line matches REGEX in full (repeatable; also
                       #! no-diag: and #! stderr:, as utils/expect.py reads them)
  #! no: REGEX         no transcript line may match REGEX in full (repeatable)
  # text              a comment
  ~ REGEX / text      transcript lines that must appear in this order, each matching
                      REGEX in full or equal to the text (trailing blanks ignored);
                      any other lines may come between them
Every test also fails on a GDB error in the script, a corrupt stack, a call into
the guest, a Python error, and on the run's outcome as utils/expect.py judges
any run (a panic, a timeout, lost pages or swap slots, another status). For a
`#! replay` test that is the recorded run's outcome (a replay that GDB takes
backwards runs parts of the machine again, printing their output again), and the
replay, once GDB detaches, must run to the end and end with the same status.

Results in build/tests/gdb/: NAME.transcript (GDB's output), NAME.output (the
console), NAME.diag, NAME.errors (the runner's stderr), NAME.result; for a
`#! replay` test also NAME.rec/ (the recording) and NAME.record.output, .diag and
.errors (the recorded run's streams).
"""

import os
import re
import subprocess
import sys
import tempfile
import time

UTILS = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(UTILS)
RUNNER = os.path.join(UTILS, "kestrel")
SUITE = "gdb"
STARTUP_TIMEOUT_S = 120     # for the runner to build the disk and QEMU to listen
GDB_TIMEOUT_S = 300         # for GDB to run the whole script
RUN_TIMEOUT_S = 300         # for the run to power off after GDB detaches
POLL_S = 0.05
# Transcript lines no test may show (full matches).
ALWAYS_FORBIDDEN = [
    r".*Error in sourced command file.*",       # any command of the script failed
    r".*corrupt stack\?.*",                     # an unwinding that went astray
    r".*may-call-functions is off.*",           # a macro tried to call the kernel
    r".*function called from GDB.*",
    r"Python Exception.*",
    r".*Remote connection closed.*",
    r"gdb-macros: .*",                          # a kernel number the macros lack
]
GDB_SETTINGS = ["set may-call-functions off", "set width 0", "set height 0",
                "set pagination off"]
DETACH_IF_ATTACHED = "python gdb.selected_inferior().pid and gdb.execute('detach')"

sys.dont_write_bytecode = True
sys.path.insert(0, UTILS)
import expect  # noqa: E402


def parse_spec(text, name):
    """Parse spec TEXT of test NAME into an expect.Spec (for the directives the QEMU
    specs share: run, args, files, status, diag) with .prog, .forbidden and
    .expected added; raise expect.SpecError if malformed."""
    spec = expect.Spec(name)
    spec.args = None
    spec.prog = None
    spec.forbidden = [re.compile(r) for r in ALWAYS_FORBIDDEN]
    spec.expected = []
    spec.replay = False
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        key, colon, value = line[3:].partition(":")
        if line == "#! replay":
            spec.replay = True
        elif line.startswith("#! prog:"):
            spec.prog = value.strip()
        elif line.startswith("#! no:"):
            try:
                spec.forbidden.append(re.compile(value.strip()))
            except re.error as e:
                raise expect.SpecError("line %d: %s" % (number, e))
        elif line.startswith("#! "):
            expect.apply_directive(spec, line[3:].strip(), number)
        elif line and line != "#" and not line.startswith("# "):
            spec.expected.append(line)
    if spec.prog is None and spec.args is None:
        raise expect.SpecError("no `#! prog:` and no `#! args:`: nothing to run")
    return spec


def replays(name):
    """True if test tests/gdb/NAME debugs a replay (`#! replay`)."""
    try:
        with open(os.path.join(REPO_ROOT, "tests", SUITE, name + ".expect")) as f:
            return any(line.rstrip() == "#! replay" for line in f)
    except OSError:
        return False


def gdb_options(socket, gdbinit, diag_file):
    """The runner's options for a run halted for GDB on SOCKET, its command file at
    GDBINIT, the diagnostic stream saved to DIAG_FILE."""
    return [sys.executable, "-S", RUNNER, "--gdb=" + socket, "--gdbinit=" + gdbinit,
            "--diag-file=" + diag_file]


def runner_command(spec, options):
    """The runner's argv for SPEC's run, with the runner OPTIONS (its argv up to
    them) first."""
    cmd = options + spec.run_options
    args = spec.args
    if spec.prog:
        suite, name = os.path.split(spec.prog)
        cmd += ["-p", os.path.join("build", "tests", spec.prog), "-a", name]
        for extra in spec.files:
            cmd += ["-p", os.path.join("build", "tests", suite, extra),
                    "-a", os.path.basename(extra)]
        if args is None:
            args = ["run", name]
    return cmd + ["--", "-q"] + args


def wait_for(paths, proc, timeout):
    """Wait until every one of PATHS exists; False if PROC ends or TIMEOUT passes."""
    deadline = time.monotonic() + timeout
    while not all(os.path.exists(p) for p in paths):
        if proc.poll() is not None or time.monotonic() > deadline:
            return False
        time.sleep(POLL_S)
    return True


def stop_group(proc):
    """Kill PROC's process group (the runner and its QEMU) and reap PROC."""
    try:
        os.killpg(proc.pid, 15)
        proc.wait(10)
    except (OSError, subprocess.TimeoutExpired):
        try:
            os.killpg(proc.pid, 9)
        except OSError:
            pass
        proc.wait()


def record(spec, out):
    """Record SPEC's run (no GDB) into OUT['recording']; return (its status or
    None, problems), its streams in OUT['record']'s files."""
    files = out["record"]
    command = runner_command(spec, [sys.executable, "-S", RUNNER,
                                    "--record=" + out["recording"],
                                    "--diag-file=" + files["diag"]])
    with open(files["output"], "wb") as stdout, open(files["errors"], "wb") as stderr:
        try:
            status = subprocess.run(command, stdin=subprocess.DEVNULL, stdout=stdout,
                                    stderr=stderr, timeout=RUN_TIMEOUT_S).returncode
        except subprocess.TimeoutExpired:
            return None, ["the recorded run did not end in %d s" % RUN_TIMEOUT_S]
    return status, []


def run_session(spec, out):
    """Boot SPEC's run halted (for `#! replay`, record it, then its replay), drive
    GDB through its script; return (runner status or None, problems). OUT maps
    'output', 'errors', 'diag', 'transcript' (and 'recording', 'record') to paths."""
    script = os.path.join("tests", SUITE, spec.name + ".gdb")
    problems = []
    with tempfile.TemporaryDirectory(prefix="kgdb-") as tmp:
        socket, gdbinit = os.path.join(tmp, "gdb.sock"), os.path.join(tmp, "gdbinit")
        options = gdb_options(socket, gdbinit, out["diag"])
        if spec.replay:
            status, problems = record(spec, out)
            out["record_status"] = status
            if problems:
                return status, problems
            command = options + ["--replay=" + out["recording"]]
        else:
            command = runner_command(spec, options)
        with open(out["output"], "wb") as stdout, open(out["errors"], "wb") as stderr:
            runner = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stdout,
                                      stderr=stderr, start_new_session=True)
        try:
            if not wait_for([gdbinit, socket], runner, STARTUP_TIMEOUT_S):
                stop_group(runner)
                return runner.returncode, ["the runner never listened for GDB (see %s)"
                                           % out["errors"]]
            gdb = ["gdb", "-batch", "-nx", "-x", gdbinit]
            for command in GDB_SETTINGS:
                gdb += ["-ex", command]
            gdb += ["-x", script, "-ex", DETACH_IF_ATTACHED]
            with open(out["transcript"], "wb") as transcript:
                try:
                    subprocess.run(gdb, stdin=subprocess.DEVNULL, stdout=transcript,
                                   stderr=subprocess.STDOUT, timeout=GDB_TIMEOUT_S,
                                   cwd=REPO_ROOT)
                except subprocess.TimeoutExpired:
                    problems.append("GDB did not finish the script in %d s" % GDB_TIMEOUT_S)
            try:
                runner.wait(RUN_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                problems.append("the run did not end %d s after GDB detached" % RUN_TIMEOUT_S)
        finally:
            if runner.poll() is None:
                stop_group(runner)
    return runner.returncode, problems


def transcript_problems(spec, lines):
    """Reasons the transcript LINES fail SPEC: an expected line missing (in order),
    a forbidden one present."""
    problems = []
    position = 0
    for want in spec.expected:
        while position < len(lines) and not expect.line_matches(want, lines[position]):
            position += 1
        if position == len(lines):
            problems.append("transcript has no line %r (in order after the lines "
                            "expected before it)" % want)
            break
        position += 1
    for regex in spec.forbidden:
        hits = [l for l in lines if regex.fullmatch(l)]
        if hits:
            problems.append("transcript has a line matching %r: %r"
                            % (regex.pattern, hits[0]))
    return problems


def run_test(name):
    """Run and grade tests/gdb/NAME; write its result; return (passed, reason)."""
    out_dir = os.path.join(REPO_ROOT, "build", "tests", SUITE)
    os.makedirs(out_dir, exist_ok=True)
    base = os.path.join(out_dir, name)
    out = {"output": base + ".output", "errors": base + expect.ERRORS_SUFFIX,
           "diag": base + expect.DIAG_SUFFIX, "transcript": base + ".transcript",
           "recording": base + ".rec",
           "record": {"output": base + ".record.output",
                      "errors": base + ".record" + expect.ERRORS_SUFFIX,
                      "diag": base + ".record" + expect.DIAG_SUFFIX}}
    try:
        with open(os.path.join(REPO_ROOT, "tests", SUITE, name + ".expect")) as f:
            spec = parse_spec(f.read(), name)
    except (OSError, expect.SpecError) as e:
        problems, status = ["bad spec: %s" % e], None
    else:
        cwd = os.getcwd()
        os.chdir(REPO_ROOT)
        try:
            status, problems = run_session(spec, out)
        finally:
            os.chdir(cwd)
        transcript = expect.text_lines(expect.read_text(out["transcript"])) or []
        judged = out["record"] if spec.replay else out
        console = expect.text_lines(expect.read_text(judged["output"])) or []
        diag = expect.text_lines(expect.read_text(judged["diag"]))
        problems += transcript_problems(spec, transcript)
        problems += expect.outcome_problems(
            console, spec, out.get("record_status") if spec.replay else status)
        if spec.replay and status != spec.status:
            problems.append("the replay ended with status %s, not %d" % (status, spec.status))
        errors = expect.text_lines(expect.read_text(judged["errors"]))
        problems += expect.stream_problems(spec, {"diag": diag, "stderr": errors})[0]
    with open(base + ".result", "w") as f:
        f.write(expect.result_text(not problems, problems,
                                   ["GDB transcript: %s" % out["transcript"]]))
    return not problems, problems[0] if problems else None


if __name__ == "__main__":
    sys.exit(expect.suite_main(sys.argv[1:], __doc__, SUITE, run_test))
