"""headers: the integer constants of Kestrel's C headers, read by the tools.

A number the kernel and the tools share is written once, in a header: lib/abi.h
(the page size, PHYS_BASE_ADDR, USER_BASE_ADDR, STACK_MAX, the name limits),
threads/boot-info.h (the command line's limit). The Python tools, and the GDB
macros through GDB's Python, read it from there:

    import headers
    headers.abi("PGSIZE")                      # 4096, from lib/abi.h
    headers.value(path, "BOOT_CMDLINE_MAX")    # from any header

A `#define NAME EXPRESSION` is read when EXPRESSION is an integer expression
(numbers, + - * / % << >> & | ~ and parentheses) of numbers and names defined
before it in the same header; other defines (casts, strings, macros with
arguments) are skipped. No regular expressions, for the runner's start-up.
"""

import os

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ABI_HEADER = os.path.join(REPO_ROOT, "lib", "abi.h")
OPERATORS = "+-*/%<>&|~()"
_cache = {}


def strip_comments(text):
    """TEXT without its /* ... */ and // comments."""
    out, i = [], 0
    while i < len(text):
        if text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = len(text) if end < 0 else end + 2
            out.append(" ")
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = len(text) if end < 0 else end
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def evaluate(expression, known):
    """The int value of C integer EXPRESSION, its names looked up in KNOWN; None
    if it is anything else."""
    words, i = [], 0
    while i < len(expression):
        c = expression[i]
        if c.isspace():
            i += 1
            continue
        j = i + 1
        if c.isalnum() or c == "_":
            while j < len(expression) and (expression[j].isalnum() or expression[j] == "_"):
                j += 1
            word = expression[i:j]
            if word[0].isdigit():
                digits = word.rstrip("uUlL")
                try:
                    words.append(str(int(digits, 0)))
                except ValueError:
                    return None
            elif word in known:
                words.append("(%d)" % known[word])
            else:
                return None
        elif c in OPERATORS:
            if expression.startswith(("<<", ">>"), i):
                j = i + 2
            elif c in "<>":
                return None
            words.append("//" if c == "/" else expression[i:j])
        else:
            return None
        i = j
    if not words:
        return None
    try:
        value = eval(" ".join(words), {"__builtins__": {}})   # digits and operators only
    except (SyntaxError, ZeroDivisionError, TypeError):
        return None
    return value if isinstance(value, int) else None


def defines(path, known=None):
    """{NAME: int} for the integer #defines of the header at PATH (see the module
    doc); KNOWN gives values of names it uses from other headers. Raises OSError."""
    key = (path, tuple(sorted((known or {}).items())))
    if key not in _cache:
        values = dict(known or {})
        with open(path) as f:
            text = strip_comments(f.read())
        for line in text.splitlines():
            words = line.split(None, 2)
            if len(words) == 3 and words[0] == "#define" and "(" not in words[1]:
                number = evaluate(words[2], values)
                if number is not None:
                    values[words[1]] = number
        _cache[key] = values
    return _cache[key]


def value(path, name, known=None):
    """The integer NAME is #defined to in the header at PATH; raises KeyError
    (saying where it looked) if it is not there, OSError if PATH is unreadable."""
    found = defines(path, known)
    if name not in found:
        raise KeyError("%s is not an integer #define in %s" % (name, path))
    return found[name]


def abi(name):
    """The integer NAME is #defined to in lib/abi.h (PGSIZE, PHYS_BASE_ADDR, ...)."""
    return value(ABI_HEADER, name)


def self_test():
    """Check the reader on made-up text and on lib/abi.h; return the problems."""
    problems = []
    cases = [("4096", 4096), ("0xC0000000", 0xC0000000), ("(8 * 1024 * 1024)", 8 << 20),
             ("(PGSIZE - 1)", 4095), ("1u << 3", 8), ("((void *) 0)", None),
             ("\"text\"", None), ("X < 3", None), ("", None)]
    for text, want in cases:
        got = evaluate(text, {"PGSIZE": 4096})
        if got != want:
            problems.append("evaluate(%r) = %r, expected %r" % (text, got, want))
    if strip_comments("a /* b */ c // d\ne") != "a   c \ne":
        problems.append("comments are not stripped")
    for name in ("PGSIZE", "PHYS_BASE_ADDR", "USER_BASE_ADDR", "STACK_MAX",
                 "STACK_SLACK", "FILE_NAME_MAX", "PROCESS_NAME_MAX", "PGMASK"):
        try:
            abi(name)
        except (KeyError, OSError) as e:
            problems.append(str(e))
    return problems


if __name__ == "__main__":
    import sys
    found = self_test()
    for problem in found:
        print("headers self-test: " + problem)
    print("headers self-test: %d problems" % len(found))
    sys.exit(1 if found else 0)
