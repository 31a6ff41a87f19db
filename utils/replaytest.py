"""replaytest: record a test's run, replay it, and check that the replay is the run.

usage: utils/replaytest.py NAME...   (utils/check runs the tests/replay suite through run_test)

A test is tests/replay/NAME.expect:
  #! record: SUITE/NAME   the test to record: tests/SUITE/NAME, run as utils/check
                          runs it (its spec's runner options, files, console input)
  # text                  a comment
It passes when (1) the recorded run (utils/kestrel --record=DIR ...) passes that
test's own spec, as utils/expect.py grades any run, and (2) the replay
(utils/kestrel --replay=DIR) writes the same console byte for byte, the same
diagnostic stream byte for byte, and ends with the same exit status; the runner's
own comparison of the replay with the recording (the final file-system image
included) must find nothing either.

Results in build/tests/replay/: NAME.output, NAME.diag, NAME.errors (the recorded
run), NAME.replay.output, NAME.replay.diag, NAME.replay.errors, NAME.result; the
recording itself in NAME.rec/.
"""

import os
import subprocess
import sys

UTILS = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(UTILS)
RUNNER = os.path.join(UTILS, "kestrel")
SUITE = "replay"
RUN_TIMEOUT_S = 600         # an outer limit per run, past the runner's own

sys.dont_write_bytecode = True
sys.path.insert(0, UTILS)
import expect  # noqa: E402


def parse_spec(text, name):
    """The SUITE/NAME that replay spec TEXT of test NAME records; raise
    expect.SpecError if the spec is malformed."""
    target = None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if line.startswith("#! record:"):
            target = line[len("#! record:"):].strip()
        elif line and line != "#" and not line.startswith("# "):
            raise expect.SpecError("line %d: only `#! record: SUITE/NAME` and comments "
                                   "belong in a replay spec" % number)
    if not target or target.count("/") != 1:
        raise expect.SpecError("%s: no `#! record: SUITE/NAME`" % name)
    return target


def run(command, stdin_data, out):
    """Run COMMAND in the tree with STDIN_DATA (bytes) as its input, its stdout and
    stderr to the files OUT['output'] and OUT['errors']; return its exit status."""
    with open(out["output"], "wb") as stdout, open(out["errors"], "wb") as stderr:
        try:
            return subprocess.run(command, input=stdin_data, stdout=stdout, stderr=stderr,
                                  cwd=REPO_ROOT, timeout=RUN_TIMEOUT_S).returncode
        except subprocess.TimeoutExpired:
            return None


def files(base):
    """The result files of a run whose names start with BASE."""
    return {"output": base + ".output", "errors": base + expect.ERRORS_SUFFIX,
            "diag": base + expect.DIAG_SUFFIX}


def same_file(what, recorded, replayed):
    """A problem if files RECORDED and REPLAYED differ (saying where), else None."""
    a, b = expect.read_text(recorded), expect.read_text(replayed)
    if a is None or b is None:
        return "%s: a file is missing (%s, %s)" % (what, recorded, replayed)
    if a == b:
        return None
    lines_a, lines_b = a.split("\n"), b.split("\n")
    for number, (line_a, line_b) in enumerate(zip(lines_a, lines_b), 1):
        if line_a != line_b:
            return "%s differs at line %d: recorded %r, replayed %r" % (
                what, number, line_a, line_b)
    return "%s: one ends early (%d lines recorded, %d replayed)" % (
        what, len(lines_a), len(lines_b))


def record_and_replay(target, base):
    """Record test TARGET (SUITE/NAME) and replay it, results under BASE; return the
    problems."""
    suite, name = target.split("/")
    spec_path = os.path.join(REPO_ROOT, "tests", suite, name + ".expect")
    spec = expect.load_spec(spec_path)
    recording = base + ".rec"
    recorded, replayed = files(base), files(base + ".replay")
    python = [sys.executable, "-S", RUNNER]
    cwd = os.getcwd()
    os.chdir(REPO_ROOT)             # runner_args names paths from the tree's root
    try:
        command = (python + ["--record=" + recording, "--diag-file=" + recorded["diag"]]
                   + expect.runner_args(suite, name, spec))
    finally:
        os.chdir(cwd)
    status = run(command, spec.stdin.encode(), recorded)
    if status is None:
        return ["the recorded run did not end in %d s" % RUN_TIMEOUT_S]
    passed = expect.grade_files(spec_path, recorded["output"], base + ".record.result", status)
    problems = [] if passed else ["the recorded run fails tests/%s: %s" % (
        target, expect.read_text(base + ".record.result").splitlines()[1])]
    replay_status = run(python + ["--replay=" + recording, "--diag-file=" + replayed["diag"]],
                        b"", replayed)
    if replay_status != status:
        said = [l for l in (expect.read_text(replayed["errors"]) or "").splitlines()
                if l.startswith("kestrel: ")]
        problems.append("the replay ended with status %s, the recorded run with %d%s"
                        % (replay_status, status, (": " + said[-1]) if said else ""))
    for what, kind in (("the console", "output"), ("the diagnostic stream", "diag")):
        problem = same_file(what, recorded[kind], replayed[kind])
        if problem:
            problems.append(problem)
    return problems


def cannot_record():
    """Why the host's QEMU cannot record and replay (a sentence), or None."""
    from kestrel_run import base, qemu, recording
    try:
        recording.check_qemu(qemu.QEMU)
    except base.UsageError as e:
        return str(e)
    return None


def run_test(name):
    """Run and grade tests/replay/NAME; write its result; return (passed, reason)."""
    out_dir = os.path.join(REPO_ROOT, "build", "tests", SUITE)
    os.makedirs(out_dir, exist_ok=True)
    base = os.path.join(out_dir, name)
    try:
        with open(os.path.join(REPO_ROOT, "tests", SUITE, name + ".expect")) as f:
            target = parse_spec(f.read(), name)
        problems = record_and_replay(target, base)
    except (OSError, expect.SpecError) as e:
        problems = ["bad spec: %s" % e]
    with open(base + ".result", "w") as f:
        f.write(expect.result_text(not problems, problems, []))
    return not problems, problems[0] if problems else None


if __name__ == "__main__":
    sys.exit(expect.suite_main(sys.argv[1:], __doc__, SUITE, run_test))
