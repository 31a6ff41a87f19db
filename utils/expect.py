#!/usr/bin/env python3
"""expect: a test's expected-output spec (NAME.expect), and one Kestrel run graded
against it. (utils/check, the test driver, runs the tests and grades each with this.)

usage: utils/expect.py SPEC OUTPUT RESULT [STATUS]
       utils/expect.py --self-test

OUTPUT (NAME.output) is what the runner wrote on stdout: the console. Beside it, the
diagnostic stream NAME.diag (the runner's --diag-file) and the runner's stderr
NAME.errors are read when they exist. Writes RESULT: `PASS` or `FAIL` on the first
line, then for a failure the reason, any further problems as `also: ...` lines, for an
output mismatch a unified diff against the closest alternative (preceded by a line
naming the first difference), and for a failed stream assertion the stream itself.
STATUS is the runner's exit status; without it the sidecar file OUTPUT.status is read,
and if that is missing too the status is not checked. Exits 0 on PASS, 1 on FAIL, 2 on
bad usage.

Spec format (tests/SUITE/NAME.expect), one item per line:
  #! run: OPTS       runner options placed before `--`, e.g. `-m 8 -T 120`
  #! args: ARGS      kernel arguments after `-q` (default `run NAME`); shell quoting
  #! files: A B      extra host files (relative to tests/SUITE/) put on the disk
  #! unordered       the expected lines may appear in any order
  #! status: N       expected runner exit status (default 0; 2 for a test that must
                     panic; 1 for a command line the runner must refuse, with no boot)
  #! panic: REGEX     the run must panic with a message (after `Kernel PANIC at `)
                     matching REGEX in full; with `#! status: 2` and no expected
                     lines, the panic may come before any action runs
  #! stdin: TEXT      what the serial port receives (backslash escapes such as \\n work)
  #! ignore: REGEX    drop output lines matching REGEX in full (e.g. a varying number of
                     `child: exit(N)` lines); repeatable
  #! diag: REGEX      some line of the diagnostic stream (NAME.diag) must match REGEX
                     in full, e.g. `kill: t: bad pointer in system call`; repeatable
  #! no-diag: REGEX   no line of the diagnostic stream may match REGEX in full;
                     repeatable
  #! stderr: REGEX    some line the runner wrote on stderr (NAME.errors) must match
                     REGEX in full (a runner note or hint); repeatable
  #! console: REGEX   some line of the whole console, outside the compared lines too
                     (a later action's, the power-off counts), must match REGEX in
                     full; repeatable
  # text, or `#`     a comment
  --- or ---         separates alternative expected outputs; any one may match
  ~ REGEX            an expected output line matching the Python regular expression
                     REGEX in full (for lines with addresses); not with `unordered`
  anything else      an expected output line, compared exactly
Trailing whitespace is ignored, as are blank lines at either end of an alternative.

The compared output is the lines strictly between the first `Executing '...':` line and
its `Execution of '...' complete.` line (if that is missing: up to the first `Timer: `,
`Powering off`, `Kernel PANIC` line or runner marker (`TRIPLE FAULT`, `RESET`,
`TIMEOUT`), or the end). Every line counts: the console carries only what ABI.md
allows there, and the kernel's diagnostics are judged through `#! diag:`.

A run fails if it panicked, booted twice or never (a run the runner must refuse,
`#! status: 1`, never boots), timed out, triple-faulted or reset, failed the
file-system check (each allowed only when `#! status:` expects exactly that outcome),
ended with a status other than the expected one, lacks the `Free pages: B at boot, P
at power-off` line (runs that powered off: status 0 or 6), leaked pages (P < B) or
swap slots (a `Free swap slots: B at boot, P at power-off` line with P < B; neither
leak is checked after a user `halt`, which the kernel marks "not a leak check"), its
diagnostic stream has a `vmcheck: VIOLATION` line (the kernel's isolation check,
-vmcheck), its lines differ from every alternative, or a stream directive fails.
"""

import difflib
import os
import re
import shlex
import sys

ALTERNATIVE_SEPARATOR = "--- or ---"
EXECUTING = re.compile(r"^Executing '(.*)':$")
FALLBACK_ENDS = ("Timer: ", "Powering off", "Kernel PANIC", "TRIPLE FAULT", "RESET", "TIMEOUT")
BOOT_BANNER = "Kestrel booting"
PANIC_PREFIX = "Kernel PANIC at "
FREE_PAGES = re.compile(r"^Free pages: (\d+) at boot, (\d+) at power-off(.*)$")
FREE_SWAP = re.compile(r"^Free swap slots: (\d+) at boot, (\d+) at power-off(.*)$")
VMCHECK_VIOLATION = "vmcheck: VIOLATION at "   # vm/check.c, on the diagnostic stream
NOT_A_LEAK_CHECK = "not a leak check"   # the kernel's note after a user `halt`

# Runner exit statuses (see utils/kestrel) and the output marker each one permits.
STATUS_MEANING = {0: "clean power-off", 1: "runner or QEMU failure", 2: "kernel panic",
                  3: "triple fault or reset", 4: "timeout", 5: "file-system check failed",
                  6: "a run action's program did not load"}
STATUS_POWEROFF, STATUS_FAILURE, STATUS_PANIC, STATUS_RESET = 0, 1, 2, 3
STATUS_TIMEOUT, STATUS_FILESYS, STATUS_NOT_LOADED = 4, 5, 6
STATUS_POWERED_OFF = (STATUS_POWEROFF, STATUS_NOT_LOADED)   # the leak check applies

# Sidecar files beside NAME.output: the diagnostic stream and the runner's stderr.
DIAG_SUFFIX, ERRORS_SUFFIX = ".diag", ".errors"
STREAM_SHOWN_MAX = 40       # lines of a stream quoted in a result


class SpecError(Exception):
    """A malformed spec file; the message says where."""


class Spec:
    """A parsed expected-output spec: directives plus alternative line lists."""

    def __init__(self, name):
        """Start an empty spec for test NAME, with every directive at its default."""
        self.name = name
        self.run_options = []
        self.args = ["run", name]
        self.files = []
        self.unordered = False
        self.status = 0
        self.ignore = []
        self.stdin = ""
        self.panic = None
        self.alternatives = [[]]
        # Stream assertions: (stream, must match?, compiled REGEX), in spec order.
        self.stream_rules = []


# The streams a spec may assert on: directive -> (stream, whether a line must match).
STREAM_DIRECTIVES = {"diag": ("diag", True), "no-diag": ("diag", False),
                     "stderr": ("stderr", True), "console": ("console", True)}
STREAM_FILES = {"diag": "NAME" + DIAG_SUFFIX, "stderr": "NAME" + ERRORS_SUFFIX,
                "console": "NAME.output"}
STREAM_TITLES = {"diag": "diagnostic stream", "stderr": "runner's stderr",
                 "console": "whole console"}


def parse_spec(text, name):
    """Parse spec TEXT for test NAME into a Spec; raise SpecError if malformed."""
    spec = Spec(name)
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("#! "):
            apply_directive(spec, line[3:].strip(), number)
        elif line == "#" or line.startswith("# "):
            continue
        elif line == ALTERNATIVE_SEPARATOR:
            spec.alternatives.append([])
        else:
            spec.alternatives[-1].append(line)
    spec.alternatives = [trim_blank(a) for a in spec.alternatives]
    if spec.unordered and any(l.startswith(REGEX_PREFIX)
                              for alt in spec.alternatives for l in alt):
        raise SpecError("%s: `~ REGEX` lines cannot be used with `#! unordered`" % name)
    return spec


def apply_directive(spec, directive, number):
    """Apply one `#! ` DIRECTIVE (from line NUMBER) to SPEC; raise SpecError if unknown."""
    key, colon, value = directive.partition(":")
    key, value = key.strip(), value.strip()
    try:
        if key == "unordered" and not colon:
            spec.unordered = True
        elif key == "run" and colon:
            spec.run_options = shlex.split(value)
        elif key == "args" and colon:
            spec.args = shlex.split(value)
        elif key == "files" and colon:
            spec.files = shlex.split(value)
        elif key == "status" and colon:
            spec.status = int(value)
        elif key == "panic" and colon:
            spec.panic = re.compile(value)
        elif key == "stdin" and colon:
            spec.stdin = value.encode().decode("unicode_escape")
        elif key == "ignore" and colon:
            spec.ignore.append(re.compile(value))
        elif key in STREAM_DIRECTIVES and colon:
            stream, must = STREAM_DIRECTIVES[key]
            spec.stream_rules.append((stream, must, re.compile(value)))
        else:
            raise SpecError("line %d: unknown directive '#! %s'" % (number, directive))
    except (ValueError, re.error) as e:
        raise SpecError("line %d: bad '#! %s': %s" % (number, directive, e))


def load_spec(path):
    """Read and parse the spec at PATH, naming the test after the file."""
    name = os.path.splitext(os.path.basename(path))[0]
    with open(path, encoding="utf-8", errors="replace") as f:
        return parse_spec(f.read(), name)


KERNEL_SUITE = "threads"            # kernel tests: no user program to put on the disk


def runner_args(suite, name, spec):
    """The runner's arguments for test tests/SUITE/NAME with parsed SPEC, paths
    relative to the tree's root (the caller runs there): the spec's run options, the
    program build/tests/SUITE/NAME (outside the kernel suite, when built) and each
    `#! files:` entry put on the disk, then `-- -q`, -vmcheck outside the kernel
    suite, and the spec's kernel arguments.
    Options of the caller's own go before them."""
    args = list(spec.run_options)
    program = os.path.join("build", "tests", suite, name)
    if suite != KERNEL_SUITE and os.path.isfile(program):
        args += ["-p", program, "-a", name]
    for extra in spec.files:
        # A built file (a helper program, a generated bad ELF) wins over a source one.
        built = os.path.join("build", "tests", suite, extra)
        path = built if os.path.isfile(built) else os.path.join("tests", suite, extra)
        args += ["-p", path, "-a", os.path.basename(extra)]
    # Every run of user programs checks their page tables at each exit and at
    # power-off (-vmcheck): a violation fails it as a leak would. Kernel tests have
    # no address space to check, and their command lines are measured to the byte.
    check = ["-vmcheck"] if suite != KERNEL_SUITE else []
    return args + ["--", "-q"] + check + spec.args


def trim_blank(lines):
    """Return LINES without blank lines at either end."""
    start, end = 0, len(lines)
    while start < end and not lines[start]:
        start += 1
    while end > start and not lines[end - 1]:
        end -= 1
    return lines[start:end]


def extract(output_lines, spec):
    """Return the compared lines of a run (see the module doc), or None if no action ran."""
    start = None
    for i, line in enumerate(output_lines):
        match = EXECUTING.match(line)
        if match:
            start, finish = i, "Execution of '%s' complete." % match.group(1)
            break
    if start is None:
        return None
    rest = output_lines[start + 1:]
    if finish in rest:
        body = rest[:rest.index(finish)]
    else:
        ends = [i for i, line in enumerate(rest) if line.startswith(FALLBACK_ENDS)]
        body = rest[:ends[0]] if ends else rest
    return trim_blank([l for l in body if not any(r.fullmatch(l) for r in spec.ignore)])


def leak_problem(lines, pattern, what):
    """Return the leak the last line matching PATTERN reports ('B at boot, P at
    power-off' of WHAT), or None; the second value says whether a line was there."""
    found = [pattern.match(l) for l in lines if pattern.match(l)]
    if not found:
        return None, False
    at_boot, at_end = int(found[-1].group(1)), int(found[-1].group(2))
    if at_end < at_boot and NOT_A_LEAK_CHECK not in found[-1].group(3):
        return ("%s leak: %d free %s at boot, %d at power-off (%d lost)"
                % (what, at_boot, what + "s", at_end, at_boot - at_end)), True
    return None, True


def outcome_problems(lines, spec, status, errors=()):
    """Return reasons the run's outcome (not its test lines) is wrong, most serious
    first; ERRORS are the lines the runner wrote on stderr."""
    problems = []
    if status == STATUS_FAILURE and spec.status != STATUS_FAILURE:
        said = [l for l in list(lines) + list(errors)
                if l.startswith(("kestrel: ", "qemu-system-i386: "))]
        problems.append("runner failed (exit status 1)" + (": " + said[-1] if said else ""))
    panics = [l for l in lines if l.startswith("Kernel PANIC")]
    if panics and spec.status != STATUS_PANIC:
        problems.append("kernel panic: " + panics[0])
    boots = sum(1 for l in lines if l.startswith(BOOT_BANNER))
    if boots == 0 and spec.status != STATUS_FAILURE:
        problems.append("no '%s' line: the kernel never started" % BOOT_BANNER)
    elif boots > 1:
        problems.append("'%s' appears %d times: the machine rebooted" % (BOOT_BANNER, boots))
    markers = [("TIMEOUT", STATUS_TIMEOUT, "run timed out"),
               ("TRIPLE FAULT", STATUS_RESET, "triple fault"),
               ("RESET", STATUS_RESET, "unexpected reset")]
    for marker, allowed, reason in markers:
        if marker in lines and spec.status != allowed:
            problems.append(reason)
    fs_failures = [l for l in lines if l.startswith("FILESYS CHECK FAILED")]
    if fs_failures and spec.status != STATUS_FILESYS:
        problems.append("file-system check failed: " + fs_failures[0])
    if status not in (None, 1) and status != spec.status:
        problems.append("runner exit status %d (%s), expected %d (%s)" % (
            status, STATUS_MEANING.get(status, "unknown"),
            spec.status, STATUS_MEANING.get(spec.status, "unknown")))
    if spec.status in STATUS_POWERED_OFF and status in (spec.status, None):
        page_leak, present = leak_problem(lines, FREE_PAGES, "page")
        if not present:
            problems.append("no 'Free pages: B at boot, P at power-off' line")
        swap_leak, _ = leak_problem(lines, FREE_SWAP, "swap slot")
        problems += [p for p in (page_leak, swap_leak) if p]
    return problems


def stream_problems(spec, streams):
    """Return (reasons, quoted streams) for SPEC's stream directives that STREAMS
    (a dict: stream name -> its lines, or None when its file is missing) fail."""
    reasons, failed = [], []
    for stream, must, regex in spec.stream_rules:
        lines, title = streams.get(stream), STREAM_TITLES[stream]
        if lines is None:
            reasons.append("no %s to check %r against (%s missing)"
                           % (title, regex.pattern, STREAM_FILES[stream]))
            continue
        hits = [l for l in lines if regex.fullmatch(l)]
        if must and not hits:
            reasons.append("%s has no line matching %r" % (title, regex.pattern))
        elif not must and hits:
            reasons.append("%s has a line matching %r, which it must not: %r"
                           % (title, regex.pattern, hits[0]))
        else:
            continue
        if stream not in failed:
            failed.append(stream)
    quoted = []
    for stream in failed:
        lines = streams[stream]
        more = (", the first %d shown" % STREAM_SHOWN_MAX
                if len(lines) > STREAM_SHOWN_MAX else "")
        quoted += ([""] if quoted else []) + [
            "%s (%s, %d lines%s):" % (STREAM_TITLES[stream], STREAM_FILES[stream],
                                      len(lines), more)]
        quoted += ["  " + l for l in lines[:STREAM_SHOWN_MAX]]
    return reasons, quoted


REGEX_PREFIX = "~ "


def line_matches(want, got):
    """True if output line GOT satisfies expected line WANT (exact, or `~ REGEX`)."""
    if want.startswith(REGEX_PREFIX):
        return re.fullmatch(want[len(REGEX_PREFIX):], got) is not None
    return want == got


def lines_match(expected, actual):
    """True if ACTUAL satisfies EXPECTED line by line."""
    return len(expected) == len(actual) and all(
        line_matches(want, got) for want, got in zip(expected, actual))


def first_difference(expected, actual):
    """Describe the first line where ACTUAL departs from EXPECTED."""
    for i, (want, got) in enumerate(zip(expected, actual), 1):
        if not line_matches(want, got):
            return "first difference at line %d: expected %r, got %r" % (i, want, got)
    if len(actual) < len(expected):
        return "output ends early: missing line %d %r" % (len(actual) + 1,
                                                          expected[len(actual)])
    return "extra output at line %d: %r" % (len(expected) + 1, actual[len(expected)])


def compare_lines(actual, spec):
    """Return (None, []) if ACTUAL matches an alternative, else (reason, diff lines)."""
    def canonical(lines):
        """Return LINES in the form compared: sorted when order does not matter."""
        return sorted(lines) if spec.unordered else list(lines)

    got = canonical(actual)
    alternatives = [canonical(a) for a in spec.alternatives]
    if any(lines_match(want, got) for want in alternatives):
        return None, []
    closest = max(alternatives,
                  key=lambda want: difflib.SequenceMatcher(None, want, got).ratio())
    count = len(alternatives)
    reason = "output differs from expected" + (
        " (and from all %d alternatives)" % count if count > 1 else "")
    header = [first_difference(closest, got)]
    if spec.unordered:
        header.append("(unordered test: both sides sorted before comparing)")
    if count > 1:
        header.append("(diff against closest alternative, #%d of %d)"
                      % (alternatives.index(closest) + 1, count))
    diff = difflib.unified_diff(closest, got, "expected", "actual", lineterm="")
    return reason, header + list(diff)


def text_lines(text):
    """TEXT as a list of lines without line ends or trailing blanks; None stays None."""
    if text is None:
        return None
    return [l.rstrip() for l in text.replace("\r", "").splitlines()]


def grade(spec, output_text, status, diag_text=None, errors_text=None):
    """Grade OUTPUT_TEXT (and runner STATUS or None, the diagnostic stream DIAG_TEXT and
    the runner's stderr ERRORS_TEXT, None if missing) against SPEC: (passed, reasons,
    detail lines)."""
    lines = text_lines(output_text)
    streams = {"diag": text_lines(diag_text), "stderr": text_lines(errors_text),
               "console": lines}
    reasons = outcome_problems(lines, spec, status, streams["stderr"] or ())
    actual = extract(lines, spec)
    diff = []
    if spec.panic is not None:
        panics = [l[len(PANIC_PREFIX):] for l in lines if l.startswith(PANIC_PREFIX)]
        if not panics or not spec.panic.fullmatch(panics[0]):
            reasons.append("expected a panic matching %r, got %r" % (
                spec.panic.pattern, panics[0] if panics else "no panic"))
    if actual is None:
        # A run that must fail before any action (a bad command line) expects none.
        if spec.status == 0 or any(spec.alternatives):
            reasons.append("no \"Executing '...':\" line: no action ran")
    else:
        mismatch, diff = compare_lines(actual, spec)
        if mismatch:
            reasons.append(mismatch)
    # The kernel's isolation check (-vmcheck) fails a run as a leak does.
    violations = [l for l in streams["diag"] or () if l.startswith(VMCHECK_VIOLATION)]
    if violations:
        reasons.append("isolation check: " + violations[0][len(VMCHECK_VIOLATION):])
    stream_reasons, quoted = stream_problems(spec, streams)
    reasons += stream_reasons
    return not reasons, reasons, diff + ([""] if diff and quoted else []) + quoted


def result_text(passed, reasons, diff):
    """Format a grade as the text of a .result file."""
    if passed:
        return "PASS\n"
    out = ["FAIL", reasons[0]] + ["also: " + r for r in reasons[1:]]
    if diff:
        out += [""] + diff
    return "\n".join(out) + "\n"


def suite_main(argv, doc, suite, run_test):
    """The main of a suite's own driver (gdbtest.py, replaytest.py): runs each test
    named in ARGV with RUN_TEST(NAME), which returns (passed, first reason), and
    lists it as utils/check does. Returns the exit status: 2 (DOC's usage
    paragraph printed) without tests, 1 if any failed."""
    if not argv or argv[0].startswith("-"):
        print(doc.split("\n\n")[1], file=sys.stderr)
        return 2
    failed = 0
    for name in argv:
        passed, reason = run_test(os.path.basename(name).replace(".expect", ""))
        print("%s tests/%s/%s%s" % ("pass" if passed else "FAIL", suite, name,
                                    "" if passed else "\n    " + reason))
        failed += not passed
    return 1 if failed else 0


def read_status(output_path, status_arg=None):
    """Return the runner status from STATUS_ARG, else OUTPUT_PATH.status, else None."""
    text = status_arg
    if text is None:
        try:
            with open(output_path + ".status") as f:
                text = f.read()
        except OSError:
            return None
    try:
        return int(text.strip())
    except ValueError:
        return None


def read_text(path):
    """The text of file PATH, or None if it cannot be read."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return f.read()
    except OSError:
        return None


def sibling(output_path, suffix):
    """The file beside OUTPUT_PATH (NAME.output) called NAME + SUFFIX."""
    return os.path.splitext(output_path)[0] + suffix


def grade_files(spec_path, output_path, result_path, status=None):
    """Grade one run from files (OUTPUT_PATH and its sibling .diag and .errors), write
    RESULT_PATH, and return True on PASS."""
    try:
        spec = load_spec(spec_path)
        with open(output_path, encoding="utf-8", errors="replace") as f:
            output = f.read()
        passed, reasons, diff = grade(spec, output, status,
                                      read_text(sibling(output_path, DIAG_SUFFIX)),
                                      read_text(sibling(output_path, ERRORS_SUFFIX)))
    except (OSError, SpecError) as e:
        passed, reasons, diff = False, ["cannot grade: %s" % e], []
    with open(result_path, "w") as f:
        f.write(result_text(passed, reasons, diff))
    return passed


# ---------------------------------------------------------------- self-test

def fake_run(body, action="run t", free=(500, 500), finish=True, boots=1, after=()):
    """Return the text of a plausible run printing BODY lines inside ACTION."""
    lines = ["Kestrel booting with 4096 kB RAM..."] * boots + ["Boot complete."]
    lines += ["Executing '%s':" % action] + list(body)
    if finish:
        lines.append("Execution of '%s' complete." % action)
    lines += list(after)
    if free:
        lines += ["Timer: 42 ticks", "Free pages: %d at boot, %d at power-off" % free,
                  "Powering off..."]
    return "\r\n".join(lines) + "\n"


SELF_TESTS = [
    # (name, spec text, run output, runner status, expected pass, text the result needs
    #  [, grade()'s stream arguments])
    ("match", "(t) begin\n(t) end\n", fake_run(["(t) begin  ", "(t) end"]), 0, True, ""),
    ("mismatch", "(t) begin\n(t) two\n(t) end\n",
     fake_run(["(t) begin", "(t) TWO", "(t) end"]), 0, False,
     "first difference at line 2: expected '(t) two', got '(t) TWO'"),
    ("missing-line", "a\nb\n", fake_run(["a"]), 0, False, "output ends early"),
    ("alternative", "a\nb\n--- or ---\nb\na\n", fake_run(["b", "a"]), 0, True, ""),
    ("no-alternative", "a\nb\n--- or ---\na\nc\n", fake_run(["a", "x"]), 0, False,
     "all 2 alternatives"),
    ("unordered", "#! unordered\na\nb\nc\n", fake_run(["c", "a", "b"]), 0, True, ""),
    ("unordered-dup", "#! unordered\na\na\n", fake_run(["a"]), 0, False, "sorted"),
    ("comments-directives", "# about\n#\n#! run: -m 8 -T 9\n#! args: run 'x y'\nq\n",
     fake_run(["q"], action="run 'x y'"), 0, True, ""),
    ("kill-on-console", "t: exit(-1)\n", fake_run(["kill: bad pointer", "t: exit(-1)"]),
     0, False, "first difference at line 1: expected 't: exit(-1)', got 'kill: bad"),
    ("diag", "#! diag: kill: t: bad pointer in system call\nt: exit(-1)\n",
     fake_run(["t: exit(-1)"]), 0, True, "",
     {"diag_text": "kill: t: bad pointer in system call\n"}),
    ("diag-missing", "#! diag: kill: t: bad .*\n#! diag: load: .*\nt: exit(-1)\n",
     fake_run(["t: exit(-1)"]), 0, False,
     "FAIL\ndiagnostic stream has no line matching 'kill: t: bad .*'\n"
     "also: diagnostic stream has no line matching 'load: .*'\n\n"
     "diagnostic stream (NAME.diag, 1 lines):\n  kill: t: other\n",
     {"diag_text": "kill: t: other\n"}),
    ("vmcheck-violation", "t: exit(0)\n", fake_run(["t: exit(0)"]), 0, False,
     "FAIL\nisolation check: power-off: frame 3 is mapped 2 times but counts 1",
     {"diag_text": "vmcheck: VIOLATION at power-off: frame 3 is mapped 2 times but "
                   "counts 1 sharers\n"}),
    ("diag-in-full", "#! diag: kill: t\nt: exit(-1)\n", fake_run(["t: exit(-1)"]), 0,
     False, "stream has no line matching 'kill: t'", {"diag_text": "kill: t: x\n"}),
    ("diag-no-file", "#! diag: kill: .*\nt: exit(-1)\n", fake_run(["t: exit(-1)"]), 0,
     False, "no diagnostic stream to check 'kill: .*' against (NAME.diag missing)"),
    ("no-diag", "#! no-diag: kill: .*\na\n", fake_run(["a"]), 0, False,
     "must not: 'kill: t: x'", {"diag_text": "load: t: y\nkill: t: x\n"}),
    ("stderr", "#! stderr: kestrel: dropped .*\na\n", fake_run(["a"]), 0, True, "",
     {"errors_text": "kestrel: dropped kernel option -f: why\n[diag] x\n"}),
    ("console-anywhere", "#! console: b: exit\\(0\\)\na\n",
     fake_run(["a"], after=["b: exit(0)"]), 0, True, ""),
    ("console-missing", "#! console: b: exit\\(0\\)\na\n", fake_run(["a"]), 0,
     False, "whole console has no line matching 'b: exit\\\\(0\\\\)'"),
    ("swap-leak", "a\n", fake_run(["a"], after=[
        "Free swap slots: 1024 at boot, 1020 at power-off"]), 0, False,
     "swap slot leak: 1024 free swap slots at boot, 1020 at power-off (4 lost)"),
    ("swap-no-leak", "a\n", fake_run(["a"], after=[
        "Free swap slots: 1024 at boot, 1024 at power-off"]), 0, True, ""),
    ("not-loaded", "#! status: 6\nload: t: open failed\n",
     fake_run(["load: t: open failed"]), 6, True, ""),
    ("not-loaded-leak", "#! status: 6\nload: t: open failed\n",
     fake_run(["load: t: open failed"], free=(500, 499)), 6, False, "page leak"),
    ("refused", "#! status: 1\n#! stderr: kestrel: the kernel command line is .*\n", "", 1,
     True, "", {"errors_text": "kestrel: the kernel command line is 2000 bytes\n"}),
    ("runner-failed-stderr", "a\n", "", 1, False,
     "runner failed (exit status 1): kestrel: kernel not found",
     {"errors_text": "kestrel: kernel not found: build/kernel.elf\n"}),
    ("panic", "a\n", fake_run(["a", "Kernel PANIC at x.c:1 in f(): boom"], finish=False,
                              free=None), 2, False, "kernel panic: Kernel PANIC at x.c"),
    ("expected-panic", "#! status: 2\na\n",
     fake_run(["a", "Kernel PANIC at x.c:1 in f(): boom", "Call stack: 0x1"],
              finish=False, free=None), 2, True, ""),
    ("leak", "a\n", fake_run(["a"], free=(500, 497)), 0, False, "page leak"),
    ("halt-no-leak-check", "a\n", fake_run(["a"], finish=False, free=None, after=[
        "Timer: 9 ticks", "Free pages: 500 at boot, 480 at power-off (halted with processes running: "
        "not a leak check)"]), 0, True, ""),
    ("no-free-line", "a\n", fake_run(["a"], free=None), 0, False, "no 'Free pages"),
    ("second-boot", "a\n", fake_run(["a"], boots=2), 0, False, "rebooted"),
    ("timeout", "a\n", fake_run(["a"], finish=False, free=None, after=["TIMEOUT"]), 4,
     False, "run timed out"),
    ("wrong-status", "a\n", fake_run(["a"]), 3, False, "runner exit status 3"),
    ("fs-check", "a\n", fake_run(["a"], after=["FILESYS CHECK FAILED: bad bitmap"]), 5,
     False, "file-system check failed"),
    ("runner-failed", "a\n", "kestrel: kernel not found: build/kernel.elf\n", 1, False,
     "runner failed (exit status 1): kestrel: kernel not found"),
    ("regex", "a\n~ b=0x[0-9a-f]+\n", fake_run(["a", "b=0xc0101234"]), 0, True, ""),
    ("regex-mismatch", "~ b=0x[0-9a-f]+\n", fake_run(["b=zz"]), 0, False,
     "first difference at line 1"),
    ("ignore", "#! ignore: c: exit\\(\\d+\\)\na\n", fake_run(["c: exit(1)", "a", "c: exit(22)"]),
     0, True, ""),
    ("panic-before-action", "#! status: 2\n#! panic: x.c:\\d+ in f\\(\\): bad option .*\n",
     "Kestrel booting with 4096 kB RAM...\nKernel PANIC at x.c:3 in f(): bad option -z\n",
     2, True, ""),
    ("panic-wrong-message", "#! status: 2\n#! panic: .*bad option.*\n",
     "Kestrel booting with 4096 kB RAM...\nKernel PANIC at x.c:3 in f(): other\n",
     2, False, "expected a panic matching"),
    ("no-action", "a\n", "Kestrel booting with 4096 kB RAM...\n", 0, False, "no action"),
]


def self_test():
    """Run the built-in cases; print each failure and return the number failed."""
    failures = 0
    for name, spec_text, output, status, want_pass, needle, *streams in SELF_TESTS:
        passed, reasons, diff = grade(parse_spec(spec_text, "t"), output, status,
                                      **(streams[0] if streams else {}))
        text = result_text(passed, reasons, diff)
        if passed != want_pass or needle not in text:
            failures += 1
            print("self-test %s: expected %s containing %r, got:\n%s" % (
                name, "PASS" if want_pass else "FAIL", needle, text))
    try:
        parse_spec("#! bogus\n", "t")
        failures += 1
        print("self-test bad-directive: accepted an unknown directive")
    except SpecError:
        pass
    print("expect self-test: %d cases, %d failed" % (len(SELF_TESTS) + 1, failures))
    # The result files every check writes (results.json, junit.xml) and the rubric
    # behind their points are validated by the grading module's own cases.
    import grading
    return failures + grading.self_test()


def main(argv):
    """Command-line entry: grade one run or run the self-test; return the exit status."""
    if argv == ["--self-test"]:
        return 1 if self_test() else 0
    if len(argv) not in (3, 4) or argv[0].startswith("-"):
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 2
    spec_path, output_path, result_path = argv[:3]
    status = read_status(output_path, argv[3] if len(argv) == 4 else None)
    return 0 if grade_files(spec_path, output_path, result_path, status) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
