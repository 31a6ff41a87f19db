"""base: what every part of the runner shares: the tree's paths, the exit
statuses, the runner's errors, and its notes on stderr."""

import os
import sys

UTILS = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
REPO_ROOT = os.path.dirname(UTILS)
DEFAULT_KERNEL = os.path.join(REPO_ROOT, "build", "kernel.elf")
KFS_TOOL = os.path.join(REPO_ROOT, "build", "utils", "kfs")
GDB_MACROS = os.path.join(UTILS, "gdb-macros")
GDBINIT = os.path.join(REPO_ROOT, "build", "gdbinit")
SETUP_SCRIPT = os.path.join(UTILS, "setup")
LAYOUT_TOOL = os.path.join(UTILS, "layout")

if UTILS not in sys.path:
    sys.path.insert(1, UTILS)           # the tools' shared modules (headers, host, ...)

EXIT_POWEROFF = 0
EXIT_FAILURE = 1
EXIT_PANIC = 2
EXIT_RESET = 3
EXIT_TIMEOUT = 4
EXIT_FILESYS = 5
EXIT_NOT_LOADED = 6


class UsageError(Exception):
    """A malformed command line; the message says what is wrong."""


class Terminated(Exception):
    """We received SIGTERM; raised so the normal cleanup path runs."""


def note(text):
    """Print a runner message on stderr (never mixed into the serial stream)."""
    print("kestrel: " + text, file=sys.stderr, flush=True)


def display_path(path):
    """Return PATH relative to the current directory when it lies below it."""
    rel = os.path.relpath(path)
    return path if rel.startswith("..") else rel


def shell_quote(word):
    """WORD quoted for a POSIX shell (shlex.quote, without importing shlex's re)."""
    if word and all(c.isalnum() or c in "@%+=:,./-_" for c in word):
        return word
    return "'" + word.replace("'", "'\"'\"'") + "'"

