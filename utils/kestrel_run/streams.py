"""streams: the run's two serial streams as they arrive: the console (COM1) to our
stdout byte for byte, the diagnostic stream (COM2) to stderr marked DIAG_MARK, and
the watch that notices a `run` program that did not load."""

import os
import sys

import headers

DIAG_MARK = "[diag] "       # starts each diagnostic line on stderr


def write_all(fd, data):
    """Write all of DATA to file descriptor FD now; a closed reader is ignored."""
    try:
        while data:
            data = data[os.write(fd, data):]
    except BrokenPipeError:
        pass


class Lines:
    """Cuts a byte stream into text lines as it arrives."""

    def __init__(self):
        """Start with no partial line."""
        self.partial = b""

    def feed(self, data):
        """Return the lines (without line ends) that DATA completes."""
        *lines, self.partial = (self.partial + data).split(b"\n")
        return [decode_line(line) for line in lines]

    def rest(self):
        """Return the unfinished last line as a list of zero or one lines."""
        rest, self.partial = self.partial, b""
        return [decode_line(rest)] if rest else []


def decode_line(data):
    """Serial bytes DATA as text, without a carriage return at the end."""
    return data.decode(errors="replace").rstrip("\r")


class Console:
    """Our stdout, written unbuffered, remembering whether a line is left open; each
    finished console line is shown to WATCH, and everything written is copied to
    TEE (an open binary file, or None)."""

    def __init__(self, watch, tee=None):
        """Start at the beginning of a line."""
        self.at_line_start = True
        self.watchers, self.tee = [watch], tee
        self.lines = Lines()
        self.diag = None            # the Diagnostics waiting for a line to end

    def copy(self, data):
        """Pass serial bytes DATA through unchanged, letting held diagnostics out
        where the line that was open ends."""
        if self.diag and self.diag.held and b"\n" in data:
            end = data.index(b"\n") + 1
            self.write(data[:end])
            data = data[end:]
        self.write(data)

    def write(self, data):
        """Write serial bytes DATA and show the lines they end to the watch."""
        if data:
            write_all(sys.stdout.fileno(), data)
            if self.tee:
                self.tee.write(data)
            self.at_line_start = data.endswith(b"\n")
            for line in self.lines.feed(data):
                for watcher in self.watchers:
                    watcher.console_line(line)
            if self.at_line_start and self.diag:
                self.diag.release()

    def line(self, text):
        """Print TEXT on a line of its own, ending any partial line first."""
        data = (b"" if self.at_line_start else b"\n") + text.encode() + b"\n"
        write_all(sys.stdout.fileno(), data)
        if self.tee:
            self.tee.write(data)
        self.at_line_start = True

    def finish(self):
        """End a partial last line so whatever follows starts on a fresh one."""
        if not self.at_line_start:
            self.copy(b"\n")


class Diagnostics:
    """The kernel's diagnostic stream: each line to stderr marked DIAG_MARK, the raw
    bytes to the --diag-file if any and to TEE (an open binary file, or None), each
    line to WATCH."""

    def __init__(self, path, console, watch, explain=lambda line: [], tee=None):
        """Open PATH (None: no file) afresh; CONSOLE says where its line stands and
        tells us when it ends one; EXPLAIN(line) returns lines shown (on stderr
        only) after LINE."""
        self.file = open(path, "wb") if path else None
        self.tee = tee
        self.console, self.watch, self.explain = console, watch, explain
        self.lines = Lines()
        self.held = []              # lines waiting for the console to end its line
        self.on_terminal = sys.stderr.isatty()
        console.diag = self

    def copy(self, data):
        """Take diagnostic bytes DATA as they arrive."""
        if self.file:
            self.file.write(data)
        if self.tee:
            self.tee.write(data)
        self.take(self.lines.feed(data))
        if self.console.at_line_start:
            self.release()

    def take(self, lines):
        """Show LINES to the watch and hold them for stderr, each followed by what
        the explainer adds."""
        for line in lines:
            self.watch.diag_line(line)
            self.held.append(line)
            self.held += self.explain(line)

    def release(self):
        """Print the held lines on stderr, marked. (QEMU writes the console byte by
        byte, so a diagnostic read in the middle of a console line is held until
        the line ends, lest it split the line on the terminal.)"""
        # A console line still open at the end would run into ours on a terminal.
        gap = "\n" if self.held and self.on_terminal and not self.console.at_line_start else ""
        text = "".join(DIAG_MARK + line + "\n" for line in self.held)
        self.held = []
        if text:
            write_all(sys.stderr.fileno(), (gap + text).encode())

    def finish(self):
        """Show what is held and an unfinished last line; close the file."""
        self.take(self.lines.rest())
        self.release()
        if self.file:
            self.file.close()


class LoadWatch:
    """Notices a `run` action whose program did not load. Its console section (the
    lines between `Executing 'run NAME ...':` and its `complete` line), less a
    `NAME: exit(-1)` line, is then either just `load: NAME: open failed` (not on the
    disk) or empty with a `load: NAME: REASON` line on the diagnostic stream
    (refused). The two streams arrive through separate pipes, so their relative
    order is not trusted: the verdict waits for the end of the run."""

    EXECUTING_RUN = ("Executing 'run ", "':")
    COMPLETE = ("Execution of 'run ", "' complete.")

    def __init__(self):
        """Nothing seen yet."""
        self.runs = []              # (process name, console lines of its section)
        self.section = None         # the lines of the run action under way
        self.load_reasons = {}      # process name -> last `load: NAME: REASON` seen

    def console_line(self, line):
        """Look at console LINE."""
        if self.section is not None and is_framed(line, self.COMPLETE):
            self.section = None
        elif is_framed(line, self.EXECUTING_RUN):
            words = line[len(self.EXECUTING_RUN[0]):-len(self.EXECUTING_RUN[1])].split()
            self.section = []
            name = words[0][:headers.abi("PROCESS_NAME_MAX")] if words else ""
            self.runs.append((name, self.section))
        elif self.section is not None:
            self.section.append(line)

    def diag_line(self, line):
        """Look at diagnostic LINE."""
        name, colon, reason = line[len("load: "):].partition(": ")
        if line.startswith("load: ") and colon:
            self.load_reasons[name] = reason

    def failures(self):
        """Return (name, reason) for each run action whose program did not load."""
        found = []
        for name, section in self.runs:
            rest = [l for l in section if l != "%s: exit(-1)" % name]
            if rest == ["load: %s: open failed" % name]:
                found.append((name, "open failed"))
            elif not rest and name in self.load_reasons:
                found.append((name, self.load_reasons[name]))
        return found


def is_framed(line, frame):
    """True if LINE starts with FRAME[0] and ends with FRAME[1]."""
    return line.startswith(frame[0]) and line.endswith(frame[1])
