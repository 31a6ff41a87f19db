"""grading: points for test results, and the result files made from them.

Used by utils/check (every run writes results.json and junit.xml; --grade adds the
points report) and utils/grade (an instructor's tests against a submission).

Rubric files. Each suite folder may hold a `Rubric` (tests/SUITE/Rubric; the unit
tests' is tests/unit/Rubric), in the spirit of Pintos's Rubric files:

  # a comment
  [functionality]            the category of the entries that follow
  - Alarm clock              a group heading (shown beside lost points)
  2 alarm-single alarm-zero  POINTS, then test names or globs (alarm-*) of this suite
  3 priority-* hidden        ...optionally ending with a Gradescope visibility
  default: 1                 a test of this suite named by no entry gets 1 point in
                             the current category (without it, such a test is a
                             rubric error: whoever adds a test gives it points)

The first entry naming a test wins. Categories are free-form; the category
`tooling` holds the tests of Kestrel's own tools (the checker, the disk tool, the
kit, the grader): they run and report, but weigh nothing, whatever their points.
Visibility (Gradescope's): visible (default), hidden, after_due_date,
after_published.

A test outcome is a dict: label (tests/SUITE/NAME or unit/NAME), passed (bool),
reason (one line, None on a pass), detail (the .result text), seconds (float).
"""

import fnmatch
import glob
import json
import os
import re
import sys
import xml.etree.ElementTree as ET

RUBRIC_FILE = "Rubric"
TOOLING = "tooling"                 # the category that weighs nothing
VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")
OUTPUT_MAX = 4000                   # characters of a result quoted in results.json


class RubricError(Exception):
    """A malformed rubric line; the message says where."""


class Entry:
    """What one passing test is worth: POINTS in CATEGORY, under GROUP."""

    def __init__(self, points, category, group, visibility, explicit=True):
        """A rubric entry; EXPLICIT is False for a suite's default."""
        self.points, self.category, self.group = points, category, group
        self.visibility, self.explicit = visibility, explicit

    def weight(self):
        """The points this entry counts toward the grade (tooling counts none)."""
        return 0.0 if self.category == TOOLING else self.points


class SuiteRubric:
    """One suite's parsed Rubric: its entries (patterns -> Entry) and default."""

    def __init__(self, suite):
        """An empty rubric for SUITE."""
        self.suite = suite
        self.entries = []           # (pattern, Entry, line number)
        self.default = None         # Entry for tests no pattern names


def parse_rubric(text, suite, where="Rubric"):
    """Parse rubric TEXT of SUITE (WHERE names it in errors) into a SuiteRubric."""
    rubric = SuiteRubric(suite)
    category, group = None, None
    for number, raw in enumerate(text.splitlines(), 1):
        line = raw.strip()
        at = "%s:%d" % (where, number)
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            category, group = line[1:-1].strip(), None
            if not re.fullmatch(r"[A-Za-z][\w-]*", category):
                raise RubricError("%s: bad category name %r" % (at, category))
            continue
        if line.startswith("- "):
            group = line[2:].strip()
            continue
        if category is None:
            raise RubricError("%s: an entry before any [category]" % at)
        words = line.split()
        if words[0] == "default:":
            if len(words) != 2:
                raise RubricError("%s: `default: POINTS`" % at)
            rubric.default = Entry(points_of(words[1], at), category, group,
                                   "visible", explicit=False)
            continue
        visibility = "visible"
        if words[-1] in VISIBILITIES:
            visibility = words.pop()
        if len(words) < 2:
            raise RubricError("%s: expected `POINTS TEST...`, got %r" % (at, line))
        entry = Entry(points_of(words[0], at), category, group, visibility)
        for pattern in words[1:]:
            rubric.entries.append((pattern, entry, number))
    return rubric


def points_of(text, at):
    """TEXT as a number of points (at least 0), or RubricError naming AT."""
    try:
        points = float(text)
    except ValueError:
        raise RubricError("%s: %r is not a number of points" % (at, text))
    if points < 0:
        raise RubricError("%s: negative points" % at)
    return points


def suite_and_name(label):
    """Split a test label (tests/SUITE/NAME or unit/NAME) into (suite, name)."""
    parts = label.split("/")
    if parts[0] == "tests" and len(parts) == 3:
        return parts[1], parts[2]
    return parts[0], parts[-1]


def load_rubrics(tests_dir):
    """Parse every TESTS_DIR/SUITE/Rubric; return {suite: SuiteRubric}."""
    rubrics = {}
    try:
        suites = sorted(os.listdir(tests_dir))
    except OSError:
        return rubrics
    for suite in suites:
        path = os.path.join(tests_dir, suite, RUBRIC_FILE)
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                rubrics[suite] = parse_rubric(f.read(), suite, os.path.relpath(path))
    return rubrics


def assign(rubrics, labels):
    """Give each test label its Entry: returns ({label: Entry or None}, problems),
    problems being rubric errors (a test without points, an entry naming no test)."""
    entries, problems, used = {}, [], set()
    for label in labels:
        suite, name = suite_and_name(label)
        rubric = rubrics.get(suite)
        entry = None
        if rubric is not None:
            for pattern, candidate, number in rubric.entries:
                if fnmatch.fnmatchcase(name, pattern):
                    entry = candidate
                    used.add((suite, number, pattern))
                    break
            if entry is None:
                entry = rubric.default
        if entry is None:
            problems.append("%s has no rubric entry (add it to tests/%s/%s, or give the "
                            "suite a `default:`)" % (label, suite, RUBRIC_FILE))
        entries[label] = entry
    suites = {suite_and_name(l)[0] for l in labels}
    for suite, rubric in sorted(rubrics.items()):
        if suite not in suites:
            continue
        for pattern, entry, number in rubric.entries:
            # A tool's test may be missing (a starter kit has no instructor tools).
            if (suite, number, pattern) not in used and entry.category != TOOLING:
                problems.append("tests/%s/%s:%d: %r names no test"
                                % (suite, RUBRIC_FILE, number, pattern))
    return entries, problems


def score(outcomes, entries):
    """Per test: (outcome, Entry or None, earned, possible), in label order."""
    rows = []
    for outcome in sorted(outcomes, key=lambda o: o["label"]):
        entry = entries.get(outcome["label"])
        possible = entry.weight() if entry else 0.0
        rows.append((outcome, entry, possible if outcome["passed"] else 0.0, possible))
    return rows


def number(points):
    """POINTS printed without a needless .0."""
    return ("%d" % points) if points == int(points) else ("%.1f" % points)


def report(outcomes, entries, problems=(), title="Kestrel grade"):
    """The human grade report: points per suite and category, the total, and each
    lost point with its reason."""
    rows = score(outcomes, entries)
    categories = sorted({e.category for _, e, _, _ in rows if e},
                        key=lambda c: (c == TOOLING, c))
    suites = sorted({suite_and_name(o["label"])[0] for o, _, _, _ in rows})

    def total(suite=None, category=None):
        """(earned, possible, tests) over the rows of SUITE and CATEGORY (None: all)."""
        picked = [(g, p) for o, e, g, p in rows
                  if (suite is None or suite_and_name(o["label"])[0] == suite)
                  and (category is None or (e and e.category == category))]
        return sum(g for g, _ in picked), sum(p for _, p in picked), len(picked)

    width = max([len(c) for c in categories] + [13])
    lines = [title, ""]
    lines.append("%-10s " % "suite" + " ".join("%*s" % (width, c) for c in categories)
                 + "  %13s" % "total")
    for suite in suites + [None]:
        cells = []
        for category in categories:
            got, out_of, count = total(suite, category)
            cells.append("%*s" % (width, "%s/%s" % (number(got), number(out_of))
                                  if count and category != TOOLING
                                  else "%d tests" % count if count else "-"))
        got, out_of, _ = total(suite)
        lines.append("%-10s " % (suite or "all") + " ".join(cells)
                     + "  %13s" % ("%s/%s" % (number(got), number(out_of))))
    got, out_of, _ = total()
    lines += ["", "TOTAL %s/%s (%.1f%%)" % (number(got), number(out_of),
                                            100.0 * got / out_of if out_of else 0.0)]
    lost = [(o, e, p) for o, e, g, p in rows if not o["passed"]]
    if lost:
        lines += ["", "Lost points:"]
        for outcome, entry, possible in lost:
            where = ("%s%s" % (entry.category, ", " + entry.group if entry.group else "")
                     if entry else "no rubric entry")
            lines.append("  -%-4s %s (%s)" % (number(possible), outcome["label"], where))
            lines.append("         " + (outcome.get("reason") or "failed"))
    if problems:
        lines += ["", "Rubric problems:"] + ["  " + p for p in problems]
    return "\n".join(lines) + "\n"


def clip(text, limit=OUTPUT_MAX):
    """TEXT cut to LIMIT characters, saying so."""
    if len(text) <= limit:
        return text
    return text[:limit] + "\n[... %d more characters in the .result file]" % (
        len(text) - limit)


def results_json(outcomes, entries, seconds, output=""):
    """Gradescope's autograder results (a dict for results.json): one test per
    outcome with name, score, max_score, status, output (the first difference
    and the diff), visibility, and the category as a tag."""
    tests = []
    for outcome, entry, got, possible in score(outcomes, entries):
        detail = outcome.get("detail") or ("PASS\n" if outcome["passed"] else "FAIL\n")
        test = {"name": outcome["label"], "score": got, "max_score": possible,
                "status": "passed" if outcome["passed"] else "failed",
                "output": clip(detail), "visibility": entry.visibility if entry
                else "visible", "tags": [entry.category] if entry else [],
                "execution_time": round(outcome.get("seconds", 0.0), 2)}
        tests.append(test)
    return {"score": sum(t["score"] for t in tests),
            "execution_time": int(round(seconds)), "output": output,
            "visibility": "visible", "stdout_visibility": "hidden", "tests": tests}


def junit_xml(outcomes, entries, seconds, name="kestrel", skipped=()):
    """JUnit XML text: one <testsuite> per suite, one <testcase> per test, a
    <failure> with the reason and the .result text for each failed one, and a
    <skipped> for each of SKIPPED (outcomes whose test could not run here)."""
    root = ET.Element("testsuites", name=name)
    by_suite = {}
    for outcome in sorted(list(outcomes) + list(skipped), key=lambda o: o["label"]):
        by_suite.setdefault(suite_and_name(outcome["label"])[0], []).append(outcome)
    for suite, group in sorted(by_suite.items()):
        element = ET.SubElement(root, "testsuite", name=suite, tests=str(len(group)),
                                failures=str(sum(o["passed"] is False for o in group)),
                                errors="0",
                                skipped=str(sum(o["passed"] is None for o in group)),
                                time="%.3f" % sum(o.get("seconds", 0.0) for o in group))
        for outcome in group:
            entry = entries.get(outcome["label"])
            case = ET.SubElement(element, "testcase",
                                 classname=(os.path.dirname(outcome["label"])
                                            .replace("/", ".")),
                                 name=suite_and_name(outcome["label"])[1],
                                 time="%.3f" % outcome.get("seconds", 0.0))
            if entry is not None:
                props = ET.SubElement(case, "properties")
                ET.SubElement(props, "property", name="category", value=entry.category)
                ET.SubElement(props, "property", name="points", value=number(entry.weight()))
            if outcome["passed"] is None:
                ET.SubElement(case, "skipped",
                              message=xml_safe(outcome.get("reason") or "skipped"))
            elif not outcome["passed"]:
                failure = ET.SubElement(case, "failure",
                                        message=xml_safe(outcome.get("reason") or "failed"),
                                        type="FAIL")
                failure.text = xml_safe(outcome.get("detail") or "")
    root.set("tests", str(len(outcomes)))
    root.set("failures", str(sum(not o["passed"] for o in outcomes)))
    root.set("time", "%.3f" % seconds)
    return ET.tostring(root, encoding="unicode") + "\n"


def xml_safe(text):
    """TEXT without the characters XML 1.0 cannot hold (a console may send any)."""
    return re.sub("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "?", text)


def write_results(folder, outcomes, entries, seconds, output="", skipped=()):
    """Write FOLDER/results.json and FOLDER/junit.xml (which also lists the
    SKIPPED outcomes; results.json leaves them out); return their paths."""
    os.makedirs(folder, exist_ok=True)
    json_path = os.path.join(folder, "results.json")
    xml_path = os.path.join(folder, "junit.xml")
    with open(json_path + ".tmp", "w") as f:
        json.dump(results_json(outcomes, entries, seconds, output), f, indent=1)
        f.write("\n")
    os.replace(json_path + ".tmp", json_path)
    with open(xml_path + ".tmp", "w") as f:
        f.write(junit_xml(outcomes, entries, seconds, skipped=skipped))
    os.replace(xml_path + ".tmp", xml_path)
    return json_path, xml_path


# ---------------------------------------------------------------- validation

# Gradescope's results.json, by hand (https://gradescope-autograders.readthedocs.io/
# en/latest/specs/): field -> (types, required).
RESULTS_FIELDS = {"score": ((int, float), False), "execution_time": ((int, float), False),
                  "output": ((str,), False), "visibility": ((str,), False),
                  "stdout_visibility": ((str,), False), "tests": ((list,), False),
                  "extra_data": ((dict,), False), "leaderboard": ((list,), False),
                  "output_format": ((str,), False)}
TEST_FIELDS = {"score": ((int, float), False), "max_score": ((int, float), False),
               "status": ((str,), False), "name": ((str,), False),
               "number": ((str,), False), "output": ((str,), False),
               "tags": ((list,), False), "visibility": ((str,), False),
               "execution_time": ((int, float), False), "extra_data": ((dict,), False),
               "name_format": ((str,), False), "output_format": ((str,), False)}
STATUSES = ("passed", "failed")


def check_fields(obj, fields, where):
    """Problems with dict OBJ against FIELDS (unknown keys, wrong types, missing)."""
    problems = []
    if not isinstance(obj, dict):
        return ["%s is not an object" % where]
    for key, value in obj.items():
        if key not in fields:
            problems.append("%s: unknown field %r" % (where, key))
        elif isinstance(value, bool) or not isinstance(value, fields[key][0]):
            problems.append("%s: %r is a %s" % (where, key, type(value).__name__))
    problems += ["%s: %r missing" % (where, k) for k, (_, need) in fields.items()
                 if need and k not in obj]
    return problems


def validate_results_json(obj):
    """Problems with OBJ as Gradescope results.json (an empty list: valid)."""
    problems = check_fields(obj, RESULTS_FIELDS, "results")
    if problems:
        return problems
    if "score" not in obj and not all("score" in t for t in obj.get("tests", [])):
        problems.append("results: no top-level score and a test without one")
    for key in ("visibility", "stdout_visibility"):
        if key in obj and obj[key] not in VISIBILITIES:
            problems.append("results: bad %s %r" % (key, obj[key]))
    for i, test in enumerate(obj.get("tests", [])):
        where = "tests[%d]" % i
        found = check_fields(test, TEST_FIELDS, where)
        problems += found
        if found:
            continue
        if test.get("visibility", "visible") not in VISIBILITIES:
            problems.append("%s: bad visibility %r" % (where, test["visibility"]))
        if test.get("status", "passed") not in STATUSES:
            problems.append("%s: bad status %r" % (where, test["status"]))
        if "score" in test and "max_score" in test and test["score"] > test["max_score"]:
            problems.append("%s: score above max_score" % where)
        if not all(isinstance(t, str) for t in test.get("tags", [])):
            problems.append("%s: a tag that is not a string" % where)
    if "tests" in obj and "score" in obj:
        total = sum(t.get("score", 0) for t in obj["tests"])
        if abs(total - obj["score"]) > 1e-6:
            problems.append("results: score %s is not the tests' sum %s"
                            % (obj["score"], total))
    return problems


def validate_junit(text):
    """Problems with TEXT as JUnit XML (parsed with the standard library)."""
    try:
        root = ET.fromstring(text)
    except ET.ParseError as e:
        return ["not well-formed XML: %s" % e]
    problems = []
    if root.tag != "testsuites":
        return ["root element is <%s>, not <testsuites>" % root.tag]
    cases = failures = 0
    for suite in root:
        if suite.tag != "testsuite":
            problems.append("<%s> inside <testsuites>" % suite.tag)
            continue
        for attr in ("name", "tests", "failures", "time"):
            if attr not in suite.attrib:
                problems.append("testsuite without %s" % attr)
        found = suite.findall("testcase")
        failed = [c for c in found if c.find("failure") is not None]
        if suite.get("tests") != str(len(found)):
            problems.append("testsuite %s: tests=%s but %d testcases"
                            % (suite.get("name"), suite.get("tests"), len(found)))
        if suite.get("failures") != str(len(failed)):
            problems.append("testsuite %s: failures=%s but %d failed"
                            % (suite.get("name"), suite.get("failures"), len(failed)))
        for case in found:
            if not case.get("name") or not case.get("classname"):
                problems.append("testcase without name or classname")
            try:
                float(case.get("time", "x"))
            except ValueError:
                problems.append("testcase %s: bad time" % case.get("name"))
        cases, failures = cases + len(found), failures + len(failed)
    if root.get("tests") != str(cases) or root.get("failures") != str(failures):
        problems.append("testsuites totals do not add up")
    return problems


# ---------------------------------------------------------------- self-test

SELF_RUBRIC = """\
# two categories, a group, globs, a default
[functionality]
- Alarms
2 alarm-*
- Other
1.5 other hidden
[robustness]
default: 1
"""


def self_test():
    """Check rubric parsing and scoring, and that results.json and the JUnit file
    pass their validators (and that the validators catch broken ones). Returns the
    number of failed cases, printing each."""
    failures = []

    def expect(name, condition, detail=""):
        """Record case NAME as failed unless CONDITION."""
        if not condition:
            failures.append("%s %s" % (name, detail))

    rubric = parse_rubric(SELF_RUBRIC, "threads")
    tool = parse_rubric("[tooling]\n5 expect\n", "unit")
    outcomes = [
        {"label": "tests/threads/alarm-one", "passed": True, "seconds": 1.0},
        {"label": "tests/threads/alarm-two", "passed": False, "seconds": 2.0,
         "reason": "output differs: first difference at line 1",
         "detail": "FAIL\nfirst difference at line 1: expected 'a', got '\x01b<&>'\n"},
        {"label": "tests/threads/other", "passed": True, "seconds": 0.5},
        {"label": "tests/threads/new-one", "passed": False, "seconds": 0.5,
         "reason": "timed out"},
        {"label": "unit/expect", "passed": False, "seconds": 0.1, "reason": "exit 1"},
    ]
    entries, problems = assign({"threads": rubric, "unit": tool},
                               [o["label"] for o in outcomes])
    expect("glob", entries["tests/threads/alarm-two"].points == 2)
    expect("default", entries["tests/threads/new-one"].category == "robustness"
           and not entries["tests/threads/new-one"].explicit)
    expect("visibility", entries["tests/threads/other"].visibility == "hidden")
    expect("problems", problems == [], repr(problems))
    rows = score(outcomes, entries)
    earned = sum(r[2] for r in rows)
    possible = sum(r[3] for r in rows)
    expect("score", (earned, possible) == (3.5, 6.5), repr((earned, possible)))
    text = report(outcomes, entries)
    expect("report-total", "TOTAL 3.5/6.5" in text, text)
    expect("report-lost", "-2    tests/threads/alarm-two (functionality, Alarms)" in text
           and "first difference at line 1" in text, text)
    expect("report-tooling-free", "-0    unit/expect" in text, text)

    _, missing = assign({"threads": parse_rubric("[f]\n1 a\n1 zzz\n", "threads")},
                        ["tests/threads/a", "tests/threads/b"])
    expect("no-entry", any("tests/threads/b has no rubric entry" in p for p in missing),
           repr(missing))
    expect("unused", any("'zzz' names no test" in p for p in missing), repr(missing))
    for bad in ("1 a\n", "[f]\nx a\n", "[f]\n1\n", "[f]\ndefault: 1 2\n", "[f g]\n"):
        try:
            parse_rubric(bad, "s")
            expect("bad-rubric", False, repr(bad))
        except RubricError:
            pass

    results = results_json(outcomes, entries, 4.1, "all ran")
    encoded = json.loads(json.dumps(results))
    expect("json-valid", validate_results_json(encoded) == [],
           repr(validate_results_json(encoded)))
    expect("json-score", encoded["score"] == 3.5 and len(encoded["tests"]) == 5)
    two = [t for t in encoded["tests"] if t["name"] == "tests/threads/alarm-two"][0]
    expect("json-test", two["max_score"] == 2 and two["score"] == 0
           and "first difference at line 1" in two["output"]
           and two["status"] == "failed", repr(two))
    for breakage in ({"score": "3"}, {"tests": [{"score": 1, "max_score": "x"}]},
                     {"tests": [{"visibility": "sometimes"}]}, {"bogus": 1},
                     {"tests": [{"score": 3, "max_score": 2}]},
                     {"score": 1, "tests": [{"score": 2}]}):
        expect("json-catches", validate_results_json(breakage) != [], repr(breakage))

    xml = junit_xml(outcomes, entries, 4.1)
    expect("junit-valid", validate_junit(xml) == [], repr(validate_junit(xml)) + xml)
    root = ET.fromstring(xml)
    threads = [s for s in root if s.get("name") == "threads"][0]
    failure = [c for c in threads if c.get("name") == "alarm-two"][0].find("failure")
    expect("junit-failure", failure is not None and "first difference" in failure.text
           and failure.get("message").startswith("output differs"), xml)
    expect("junit-totals", root.get("tests") == "5" and root.get("failures") == "3")
    for broken in ("<testsuites", "<suites/>",
                   '<testsuites tests="1" failures="0"><testsuite name="a" tests="2" '
                   'failures="0" time="1"><testcase name="x" classname="a" time="1"/>'
                   '</testsuite></testsuites>'):
        expect("junit-catches", validate_junit(broken) != [], broken)

    for failure in failures:
        print("grading self-test: " + failure)
    print("grading self-test: %d failed" % len(failures))
    return len(failures)


def lint(repo):
    """Check the rubric files of REPO against its tests (every tests/*/*.expect and
    every unit test binary in build/unit): return the problems."""
    labels = [p[len(repo) + 1:-len(".expect")] for p in
              sorted(glob.glob(os.path.join(repo, "tests", "*", "*.expect")))]
    unit_dir = os.path.join(repo, "build", "unit")
    try:
        labels += ["unit/" + n for n in sorted(os.listdir(unit_dir))
                   if "." not in n and os.access(os.path.join(unit_dir, n), os.X_OK)]
    except OSError:
        pass
    try:
        _, problems = assign(load_rubrics(os.path.join(repo, "tests")), labels)
    except RubricError as e:
        problems = [str(e)]
    return problems


def main(argv):
    """`grading.py --self-test` or `grading.py --lint [REPO]`; returns the exit status."""
    if argv == ["--self-test"]:
        return 1 if self_test() else 0
    if argv[:1] == ["--lint"] and len(argv) <= 2:
        repo = os.path.abspath(argv[1] if len(argv) == 2
                               else os.path.dirname(os.path.dirname(__file__)))
        problems = lint(repo)
        for problem in problems:
            print("rubric: " + problem)
        print("rubric lint: %d problems" % len(problems))
        return 1 if problems else 0
    print("usage: grading.py --self-test | --lint [REPO]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
