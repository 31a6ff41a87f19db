"""relay: between GDB and a replay's QEMU, the GDB remote protocol passed through
as it is, less the stop replies GDB did not ask for.

Going backwards in a replay (utils/gdb-backwards.py) moves the machine through
QEMU's monitor (replay-seek), and QEMU then reports the stop to GDB although GDB
resumed nothing. GDB would keep that report and take it for the end of its next
`continue`, while the machine runs on. So the runner listens where GDB attaches,
and relays each packet to QEMU's stub and back, dropping a stop reply (T, S, W, X)
that no packet of GDB's asked for: a resume (c, s, vCont, bc, bs), `?`, or an
interrupt. Acknowledgements are passed on, and given by the relay for a packet it
drops, until the two sides agree to go without them (QStartNoAckMode).
"""

import os
import select
import socket
import threading
import time

CONNECT_TIMEOUT_S = 60      # for QEMU's stub to listen once GDB has attached
INTERRUPT = b"\x03"
STOP_REPLIES = b"TSWX"
NO_ACK = b"QStartNoAckMode"


def is_resume(payload):
    """True if GDB packet PAYLOAD is answered by a stop reply."""
    if payload.startswith(b"vCont;") or payload in (b"?", b"bc", b"bs"):
        return True
    return payload[:1] in (b"c", b"C", b"s", b"S")


class Side:
    """One direction of the relay: bytes from a socket, cut into acks, interrupts
    and packets."""

    def __init__(self, sock):
        """Read from SOCK."""
        self.sock = sock
        self.buffer = b""

    def items(self):
        """The complete items received so far (each a one-byte ack or interrupt, or a
        whole `$payload#xx` packet), removed from the buffer."""
        found = []
        while self.buffer:
            if self.buffer[:1] != b"$":
                found.append(self.buffer[:1])
                self.buffer = self.buffer[1:]
                continue
            end = self.buffer.find(b"#")
            if end < 0 or len(self.buffer) < end + 3:
                break
            found.append(self.buffer[:end + 3])
            self.buffer = self.buffer[end + 3:]
        return found


class Relay:
    """Listens for GDB at the address LISTEN (a Unix socket path, or a (host, port)
    pair) and relays one session to QEMU's stub on the Unix socket QEMU_PATH, in a
    thread of its own."""

    def __init__(self, listen, qemu_path):
        """Start listening at once, so that GDB can attach as soon as it likes."""
        family = socket.AF_UNIX if isinstance(listen, str) else socket.AF_INET
        self.server = socket.socket(family, socket.SOCK_STREAM)
        if family == socket.AF_INET:
            self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        elif os.path.exists(listen):
            os.unlink(listen)
        self.server.bind(listen)
        self.server.listen(1)
        self.qemu_path = qemu_path
        self.waiting = False        # GDB awaits a stop reply
        self.acking = True          # acknowledgements are still exchanged
        self.no_ack_asked = False
        threading.Thread(target=self.run, daemon=True).start()

    def connect_qemu(self):
        """A socket connected to QEMU's stub, or None if it never listens."""
        deadline = time.monotonic() + CONNECT_TIMEOUT_S
        while time.monotonic() < deadline:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            try:
                sock.connect(self.qemu_path)
                return sock
            except OSError:
                sock.close()
                time.sleep(0.05)
        return None

    def run(self):
        """Relay one GDB session, then stop."""
        try:
            gdb_sock, _ = self.server.accept()
        except OSError:
            return
        self.server.close()
        qemu_sock = self.connect_qemu()
        if qemu_sock is None:
            gdb_sock.close()
            return
        sides = {gdb_sock: Side(gdb_sock), qemu_sock: Side(qemu_sock)}
        try:
            while True:
                ready, _, _ = select.select(list(sides), [], [])
                for sock in ready:
                    data = sock.recv(65536)
                    if not data:
                        return
                    side = sides[sock]
                    side.buffer += data
                    for item in side.items():
                        if sock is gdb_sock:
                            self.from_gdb(item, qemu_sock)
                        else:
                            self.from_qemu(item, gdb_sock, qemu_sock)
        except OSError:
            return
        finally:
            gdb_sock.close()
            qemu_sock.close()

    def from_gdb(self, item, qemu_sock):
        """Pass ITEM from GDB on to QEMU, noting what it asks for."""
        if item == INTERRUPT:
            self.waiting = True
        elif item.startswith(b"$"):
            payload = item[1:-3]
            if is_resume(payload):
                self.waiting = True
            if payload == NO_ACK:
                self.no_ack_asked = True
        qemu_sock.sendall(item)

    def from_qemu(self, item, gdb_sock, qemu_sock):
        """Pass ITEM from QEMU on to GDB, unless it is a stop reply nobody asked for."""
        if item.startswith(b"$"):
            payload = item[1:-3]
            if self.no_ack_asked and payload == b"OK":
                self.no_ack_asked = False
                self.acking = False
            elif payload[:1] and payload[:1] in STOP_REPLIES:
                if not self.waiting:
                    if self.acking:
                        qemu_sock.sendall(b"+")
                    return
                self.waiting = False
        gdb_sock.sendall(item)
