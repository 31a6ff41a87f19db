"""spawn: the runner's child processes (QEMU, kfs) started with os.posix_spawn and
waited for with os.waitpid, without the subprocess module.

Every test starts the runner, and importing subprocess (with signal's enum,
threading, selectors and locale's regular expressions) costs more CPU than the
rest of the runner's Python together; this is the little of it the runner uses.
A Child has the part of subprocess.Popen's interface the runner needs (pid,
stdin, stdout, poll, wait, terminate, kill, returncode), so code written for one
reads the same with the other.
"""

import os
import time

try:
    import _signal as signals   # the C module alone: `signal` imports enum
except ImportError:             # another Python than CPython
    import signal as signals

DEVNULL = -3                    # as subprocess names them
PIPE = -1
STDOUT = -2
SIGTERM = signals.SIGTERM
SIGKILL = signals.SIGKILL
# Python ignores these; a child gets them back at their defaults, as Popen's
# restore_signals gives them.
RESTORED_SIGNALS = tuple(getattr(signals, name) for name in ("SIGPIPE", "SIGXFSZ")
                         if hasattr(signals, name))
FIRST_POLL_S = 0.0005           # wait() with a timeout polls, from this often ...
LAST_POLL_S = 0.05              # ... to this often


class TimeoutExpired(Exception):
    """A wait(timeout) ran out with the child still running."""


def on_sigterm(handler):
    """Make HANDLER(signum, frame) our SIGTERM handler."""
    signals.signal(SIGTERM, handler)


class Signalled:
    """send, terminate and kill for an object with a PID and a RETURNCODE (None
    until it has been waited for): a Child, and utils/forkserver.py's Run."""

    def send(self, signum):
        """Send signal SIGNUM, unless the process has been reaped."""
        if self.returncode is None:
            try:
                os.kill(self.pid, signum)
            except ProcessLookupError:
                pass

    def terminate(self):
        """Ask the process to end (SIGTERM)."""
        self.send(SIGTERM)

    def kill(self):
        """End the process (SIGKILL)."""
        self.send(SIGKILL)


class Child(Signalled):
    """A process running ARGV (found on PATH unless it names a file), its stdin
    inherited (None), /dev/null (DEVNULL) or a pipe from us (PIPE: self.stdin, an
    unbuffered binary file); its stdout inherited, a pipe to us (PIPE:
    self.stdout, the file descriptor to read) or a descriptor of ours; its stderr
    inherited, STDOUT (where stdout goes) or a file (an open file or a
    descriptor). The descriptors in
    PASS_FDS are inherited under the same numbers; every other one but 0, 1 and 2
    is closed to it, as Popen does. It runs in folder CWD (None: ours), which is
    made ours for the moment of the start: the runner starts children from its one
    thread. Raises OSError if it cannot be started."""

    def __init__(self, argv, stdin=None, stdout=None, stderr=None, pass_fds=(), cwd=None):
        """Start the process (see the class)."""
        self.returncode = None
        self.stdin = self.stdout = None
        actions, ours, theirs = [], [], []
        if stdin == DEVNULL:
            actions.append((os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0))
        elif stdin == PIPE:
            read, write = os.pipe()
            actions.append((os.POSIX_SPAWN_DUP2, read, 0))
            ours.append(write)
            theirs.append(read)
        if stdout == PIPE:
            read, write = os.pipe()
            actions.append((os.POSIX_SPAWN_DUP2, write, 1))
            ours.append(read)
            theirs.append(write)
        elif stdout is not None:
            actions.append((os.POSIX_SPAWN_DUP2, stdout, 1))
        if stderr == STDOUT:
            actions.append((os.POSIX_SPAWN_DUP2, 1, 2))
        elif stderr is not None:
            err = stderr if isinstance(stderr, int) else stderr.fileno()
            actions.append((os.POSIX_SPAWN_DUP2, err, 2))
        keep_only(pass_fds)
        try:
            self.pid = start(argv, actions, cwd)
        except OSError:
            for fd in ours:
                os.close(fd)
            raise
        finally:
            for fd in theirs:
                os.close(fd)
            for fd in pass_fds:
                os.set_inheritable(fd, False)
        if stdin == PIPE:
            self.stdin = os.fdopen(ours[0], "wb", buffering=0)
        if stdout == PIPE:
            self.stdout = ours[-1]

    def reaped(self, status):
        """Note wait status STATUS (os.waitpid's); return the return code: the
        exit status, or minus the signal that ended it."""
        self.returncode = os.waitstatus_to_exitcode(status)
        return self.returncode

    def poll(self):
        """The return code if the process has ended (reaping it), else None."""
        if self.returncode is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.reaped(status)
        return self.returncode

    def wait(self, timeout=None):
        """Wait for the end, at most TIMEOUT seconds (None: for ever); return the
        return code, or raise TimeoutExpired."""
        if self.returncode is not None:
            return self.returncode
        if timeout is None:
            return self.reaped(os.waitpid(self.pid, 0)[1])
        deadline, pause = time.monotonic() + timeout, FIRST_POLL_S
        while self.poll() is None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise TimeoutExpired()
            time.sleep(min(pause, left))
            pause = min(pause * 2, LAST_POLL_S)
        return self.returncode


def keep_only(pass_fds):
    """Make PASS_FDS inheritable and every other descriptor above 2 not: a child
    gets those and 0, 1, 2 only (Python makes its own descriptors so; this is for
    those we were given)."""
    for fd in pass_fds:
        os.set_inheritable(fd, True)
    for name in os.listdir("/proc/self/fd") if os.path.isdir("/proc/self/fd") else ():
        fd = int(name)
        if fd > 2 and fd not in pass_fds:
            try:
                if os.get_inheritable(fd):
                    os.set_inheritable(fd, False)
            except OSError:
                pass        # the listing's own descriptor, closed by now


def start(argv, actions, cwd):
    """posix_spawn ARGV with file ACTIONS in folder CWD; return the pid."""
    spawn = os.posix_spawn if "/" in argv[0] else os.posix_spawnp
    if cwd is None:
        return spawn(argv[0], argv, os.environ, file_actions=actions,
                     setsigdef=RESTORED_SIGNALS)
    here = os.open(".", os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.chdir(cwd)
        return spawn(argv[0], argv, os.environ, file_actions=actions,
                     setsigdef=RESTORED_SIGNALS)
    finally:
        os.fchdir(here)
        os.close(here)


def run(argv):
    """Run ARGV with stdin /dev/null, its stdout and stderr read together; return
    (return code, what it printed)."""
    child = Child(argv, stdin=DEVNULL, stdout=PIPE, stderr=STDOUT)
    chunks = []
    try:
        while True:
            data = os.read(child.stdout, 65536)
            if not data:
                break
            chunks.append(data)
    finally:
        os.close(child.stdout)
    return child.wait(), b"".join(chunks)
