"""monitor: QEMU's QMP monitor on a Unix socket, asked where the CPU of a timed-out
run was before it is stopped."""

from kestrel_run.base import note

MONITOR_TIMEOUT_S = 10      # for each answer from QEMU's monitor after a timeout
WHERE_FRAMES_MAX = 24       # frames reported for a timed-out run


class Monitor:
    """A QMP connection to QEMU's monitor (a Unix socket), for asking where the CPU
    is before a timed-out run is stopped."""

    def __init__(self, path):
        """Connect to the QMP socket at PATH; raises OSError."""
        import json
        import socket
        self.json = json
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.settimeout(MONITOR_TIMEOUT_S)
        self.sock.connect(path)
        self.stream = self.sock.makefile("rw")
        self.stream.readline()                      # the greeting
        self.execute("qmp_capabilities")

    def execute(self, command, **arguments):
        """Run QMP COMMAND; return its result (raises OSError on an error)."""
        self.stream.write(self.json.dumps({"execute": command, "arguments": arguments})
                          + "\n")
        self.stream.flush()
        while True:
            line = self.stream.readline()
            if not line:
                raise OSError("QEMU closed the monitor")
            reply = self.json.loads(line)
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise OSError(reply["error"].get("desc", "monitor error"))

    def human(self, command_line):
        """The text a human monitor command prints."""
        return self.execute("human-monitor-command", **{"command-line": command_line})

    def close(self):
        """Close the connection."""
        self.sock.close()


def where_the_cpu_was(monitor_path, user_elf):
    """Lines saying where the CPU of a timed-out run is: eip, then the return
    addresses along the frame-pointer chain, with functions and lines. Stops the
    machine (it is about to be killed). [] if QEMU does not answer."""
    import symbols
    try:
        monitor = Monitor(monitor_path)
        try:
            monitor.execute("stop")
            registers = dict(word.split("=", 1) for word in
                             monitor.human("info registers").split() if "=" in word)
            eip, ebp = int(registers["EIP"], 16), int(registers["EBP"], 16)
            frames = [(eip, True)]
            while ebp and ebp % 4 == 0 and len(frames) < WHERE_FRAMES_MAX:
                words = monitor.human("x /2wx %#x" % ebp).split()
                if len(words) < 3 or not words[1].startswith("0x"):
                    break
                ebp, ret = int(words[1], 16), int(words[2], 16)
                if ret == 0:
                    break
                frames.append((ret, False))
        finally:
            monitor.close()
        described = [symbols.describe(*f) for f in symbols.symbolize(frames, user_elf)]
    except (OSError, ValueError, KeyError):
        return []
    return (["timeout: the CPU was at eip %#010x (%s mode); frames, innermost first:"
             % (eip, "kernel" if eip >= symbols.PHYS_BASE else "user")]
            + ["  " + line for line in described])


def report_where(monitor_path, user_elf):
    """Say on stderr where the CPU of a timed-out run is (see where_the_cpu_was)."""
    for line in where_the_cpu_was(monitor_path, user_elf):
        note(line)
