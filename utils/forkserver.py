"""forkserver: a warm runner that utils/check forks each test's run from.

Every QEMU test starts the runner (utils/kestrel), and a fresh Python costs a
trivial test about a tenth of its time before the runner's first line: the
interpreter's start and the runner's imports. A fork server pays that once: it is
forked from utils/check at its start, while utils/check is still one thread,
imports the runner (kestrel_run.boot), and then forks a child for each run it is
asked for. The child is a runner as `python3 -S utils/kestrel ARGS` would be (the
same module state, fresh, since it is forked from the server that never ran
one): its stdin, stdout and stderr are the ones the request handed over, it runs
boot.main(ARGS), and it reports its pid first and its exit status last on a
socket of the request's own.

    server = forkserver.start()           # None if this host cannot
    run = server.run(ARGS, stdin_fd, stdout_fd, stderr_fd)
    run.pid; run.wait(timeout); run.terminate(); run.kill()

A run the server cannot take (the server gone) raises OSError. A run killed
before it could report its status waits as `-9`, a killed process's code.
Linux-only (SOCK_SEQPACKET and SCM_RIGHTS over a Unix socket); elsewhere start()
returns None and utils/check starts the runner as a process.
"""

import array
import os
import select
import socket
import sys

UTILS = os.path.dirname(os.path.abspath(__file__))
REPO_ROOT = os.path.dirname(UTILS)
sys.path.insert(0, UTILS)
from kestrel_run import spawn  # noqa: E402
MAX_REQUEST = 1 << 20       # bytes of arguments a request may carry
FDS_PER_REQUEST = 4         # stdin, stdout, stderr, the report socket
KILLED = -9                 # the status of a run that ended without reporting one
REPORT_MAX = 64


class Run(spawn.Signalled):
    """One run in a child of the server: PID, and the socket it reports on;
    terminate() asks it to end (the runner stops QEMU and cleans up), kill() ends
    it now."""

    def __init__(self, report):
        """Wait for the child's pid on REPORT, our end of its socket."""
        self.report, self.returncode = report, None
        self.pid = int(self.read_line() or "0")
        if not self.pid:
            report.close()
            raise OSError("the fork server did not start the run")

    def read_line(self):
        """The next line the child wrote on the socket, without its end, or None at
        its end."""
        data = b""
        while not data.endswith(b"\n"):
            chunk = self.report.recv(1)
            if not chunk:
                return None
            data += chunk
        return data.decode().strip()

    def wait(self, timeout=None):
        """The run's exit status, once it ends; None if TIMEOUT seconds (None:
        for ever) pass first."""
        if self.returncode is None:
            ready, _, _ = select.select([self.report], [], [], timeout)
            if not ready:
                return None
            status = self.read_line()
            self.returncode = int(status) if status is not None else KILLED
            self.report.close()
        return self.returncode



class Server:
    """Our end of the fork server's request socket."""

    def __init__(self, sock, pid):
        """SOCK: the request socket; PID: the server's."""
        self.sock, self.pid = sock, pid

    def run(self, args, stdin, stdout, stderr):
        """Start the runner with ARGS (the runner's, without the program), on the
        file descriptors STDIN, STDOUT and STDERR; return its Run."""
        ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            payload = b"\0".join(a.encode() for a in args) or b"\0"
            self.sock.sendmsg([payload], [(socket.SOL_SOCKET, socket.SCM_RIGHTS,
                                           array.array("i", [stdin, stdout, stderr,
                                                             theirs.fileno()]))])
        except OSError:
            ours.close()
            raise
        finally:
            theirs.close()
        return Run(ours)

    def close(self):
        """End the server (runs under way go on) and reap it."""
        self.sock.close()
        os.waitpid(self.pid, 0)


def start(main=None):
    """Fork the server (call it while the process is one thread); return its
    Server, or None if this host cannot have one. Each run calls MAIN(ARGS)
    (default: the runner's boot.main)."""
    if not hasattr(socket, "SOCK_SEQPACKET") or not hasattr(os, "fork"):
        return None
    ours, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        ours.close()
        status = 1
        try:
            serve(theirs, main)
            status = 0
        finally:
            os._exit(status)
    theirs.close()
    return Server(ours, pid)


def serve(sock, main):
    """The server: import the runner (unless MAIN is given), then start a run for
    each request on SOCK until it closes (utils/check has ended)."""
    import signal
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # utils/check handles ^C
    if main is None:
        sys.pycache_prefix = os.path.join(REPO_ROOT, "build", "pycache")   # as utils/kestrel
        sys.dont_write_bytecode = False
        from kestrel_run import boot
        main = boot.main
    while True:
        try:
            data, ancillary, _, _ = sock.recvmsg(MAX_REQUEST, socket.CMSG_SPACE(
                FDS_PER_REQUEST * array.array("i").itemsize))
        except InterruptedError:
            continue
        if not data:
            return
        fds = array.array("i")
        for level, kind, payload in ancillary:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                fds.frombytes(payload[:len(payload) - len(payload) % fds.itemsize])
        if len(fds) != FDS_PER_REQUEST:
            for fd in fds:
                os.close(fd)
            continue
        args = [a.decode() for a in data.split(b"\0")] if data != b"\0" else []
        if os.fork() == 0:
            sock.close()
            os._exit(run_child(main, args, list(fds)))
        for fd in fds:
            os.close(fd)
        reap()


def reap():
    """Reap the runs that have ended (their status goes by their own socket)."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def run_child(main, args, fds):
    """In a run's child: take the request's descriptors FDS, report our pid, run
    MAIN(ARGS), report its status; return it."""
    import signal
    signal.signal(signal.SIGINT, signal.default_int_handler)
    for target, fd in enumerate(fds[:3]):
        os.dup2(fd, target)
    for fd in fds[:3]:
        if fd > 2:
            os.close(fd)
    report = fds[3]
    status = 1
    try:
        os.write(report, b"%d\n" % os.getpid())
        status = main(args)
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
    except BaseException:
        import traceback
        traceback.print_exc()
    finally:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:
            pass
        try:
            os.write(report, b"%d\n" % status)
        except OSError:
            pass
    return status


def fake_main(args):
    """The self-test's runner: ARGS[0] says what to do."""
    what = args[0]
    if what == "echo":                  # arguments out, stdin on stderr, status
        os.write(1, "|".join(args[1:]).encode())
        os.write(2, sys.stdin.buffer.read())
        return int(args[1])
    if what == "exit":
        raise SystemExit(int(args[1]))
    if what == "sleep":                 # until a signal; SIGTERM ends it with 3
        import signal
        import time

        def on_sigterm(signum, frame):
            """End the sleep as the runner ends a run on SIGTERM."""
            raise InterruptedError()
        signal.signal(signal.SIGTERM, on_sigterm)
        try:
            time.sleep(60)
        except InterruptedError:
            return 3
    if what == "crash":
        raise RuntimeError("crashed on purpose")
    return 0


def self_test():
    """Run fake_main() runs through a server; return the number of failures."""
    import tempfile
    failures = 0

    def check(ok, what):
        nonlocal failures
        print("%s %s" % ("ok  " if ok else "FAIL", what))
        failures += not ok

    server = start(fake_main)
    if server is None:
        print("skipped: no fork server on this host")
        return 77
    with tempfile.TemporaryDirectory() as folder:
        out_path, err_path = os.path.join(folder, "out"), os.path.join(folder, "err")

        def run(args, stdin_data=b""):
            """Run ARGS with STDIN_DATA; return (Run, out, err) once it ended."""
            read, write = os.pipe()
            with open(out_path, "wb") as out, open(err_path, "wb") as err:
                r = server.run(args, read, out.fileno(), err.fileno())
            os.close(read)
            os.write(write, stdin_data)
            os.close(write)
            r.wait()
            with open(out_path, "rb") as out, open(err_path, "rb") as err:
                return r, out.read(), err.read()

        r, out, err = run(["echo", "7", "a b", ""], b"input")
        check(r.returncode == 7 and out == b"7|a b|" and err == b"input",
              "arguments (a space, an empty one), stdin, stdout, stderr, status")
        check(r.pid != server.pid and r.pid != os.getpid(), "a process of its own")
        check(run(["exit", "4"])[0].returncode == 4, "SystemExit's code is the status")
        r, _, err = run(["crash"])
        check(r.returncode == 1 and b"crashed on purpose" in err,
              "an exception: status 1, the traceback on stderr")
        for how, expected in (("terminate", 3), ("kill", KILLED)):
            with open(out_path, "wb") as out:
                r = server.run(["sleep"], out.fileno(), out.fileno(), out.fileno())
            check(r.wait(0.2) is None, "%s: still running after 0.2 s" % how)
            getattr(r, how)()
            check(r.wait(10) == expected, "%s: ends with %d" % (how, expected))
    server.close()
    check(True, "the server ends when its socket closes")
    print("forkserver: %d failed" % failures)
    return 1 if failures else 0


if __name__ == "__main__":
    if sys.argv[1:] == ["--self-test"]:
        sys.exit(self_test())
    print("usage: forkserver.py --self-test", file=sys.stderr)
    sys.exit(2)
