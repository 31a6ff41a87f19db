# GDB commands for debugging backwards in a replay (utils/kestrel --replay=DIR
# --gdb, `make replay-gdb`), sourced after utils/gdb-macros by the command file
# the runner writes for a replay. `help user-defined` lists them with the macros.
#
# QEMU replays the recorded run instruction for instruction, so any earlier
# moment can be reached again: reverse-stepi (QEMU's own) loads the snapshot
# taken when GDB attached and replays to one instruction before. QEMU 7.2's own
# reverse-continue (which GDB's reverse-finish, reverse-next and reverse-step use
# too) collects the breakpoints it passes in a way that now and then deadlocks
# QEMU, so in a replay those four are replaced: reverse-continue seeks back to the
# start of the recording through QEMU's monitor (QMP, replay-seek), runs forward
# with the breakpoints and watchpoints as they are up to where it started,
# counting their stops, then runs forward again to the last of them (only forward
# execution and seeks: no deadlock, the same answer); reverse-finish, reverse-next
# and reverse-step are built on it and on reverse-stepi. (A seek stops the machine
# without telling GDB, which is why GDB's caches are flushed after one.) Then, for
# the questions students ask:
#
#   last-write EXPR        who last wrote this? (a watchpoint, backwards)
#   reverse-to-user        how did I get into this fault? (back to the user
#                          instruction that faulted or trapped, with its operands)
#   before-eviction ADDR   what did this page hold before it was evicted?

import json
import re
import socket
import time

import gdb

REPLAY_MONITOR = "kestrel_qmp"      # the convenience variable naming QMP's socket
SEEK_TIMEOUT_S = 600                # for one seek or one forward pass
POLL_S = 0.02
SYSTEM_CALL = b"\xcd\x30"            # int $0x30: the system-call trap (lib/user/syscall.c)
LINE_STEPS_MAX = 200                # reverse-stepi's a reverse-step or -next takes at most
INTR_ENTRY = "intr_entry"           # threads/intr-stubs.S: where every interrupt meets
ENTRY_EIP = 12                      # there, the interrupted %eip's offset from %esp
# Where the kernel writes a page out as it evicts it: (location, the page's user
# address there, its frame's kernel address), the first that the kernel has.
EVICTIONS = [
    ("anon.c:finish_eviction", "e->page", "e->kpage"),            # vm/anon.c
    ("addrspace_start_eviction", "(unsigned) upage", "kpage"),  # the vm/ before fork
]


class ReplayMonitor:
    """The replay's QMP monitor, connected on first use."""

    def __init__(self):
        self.stream = None

    def connect(self):
        """Connect to the socket $kestrel_qmp names, or raise gdb.GdbError."""
        if self.stream is not None:
            return
        path = gdb.convenience_variable(REPLAY_MONITOR)
        if path is None:
            raise gdb.GdbError("not a replay: going backwards needs one (utils/kestrel "
                               "--replay=DIR --gdb, make replay-gdb)")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(SEEK_TIMEOUT_S)
        try:
            sock.connect(path.string())
        except OSError as e:
            raise gdb.GdbError("cannot reach the replay's monitor %s: %s"
                               % (path.string(), e))
        self.stream = sock.makefile("rw")
        self.stream.readline()
        self.command("qmp_capabilities")

    def command(self, name, **arguments):
        """Run QMP command NAME; return its result, or raise gdb.GdbError."""
        self.connect()
        self.stream.write(json.dumps({"execute": name, "arguments": arguments}) + "\n")
        self.stream.flush()
        while True:
            line = self.stream.readline()
            if not line:
                raise gdb.GdbError("the replay's monitor closed")
            reply = json.loads(line)
            if "return" in reply:
                return reply["return"]
            if "error" in reply:
                raise gdb.GdbError("QEMU: %s" % reply["error"].get("desc", reply))

    def icount(self):
        """The instructions the replay has run so far."""
        return int(self.command("query-replay")["icount"])

    def seek(self, icount):
        """Bring the replay to ICOUNT instructions (from the nearest snapshot before
        it) and wait until it is there; GDB's view of the machine is refreshed."""
        self.command("replay-seek", icount=icount)
        deadline = time.monotonic() + SEEK_TIMEOUT_S
        while self.command("query-status")["running"] or self.icount() != icount:
            if time.monotonic() > deadline:
                raise gdb.GdbError("the replay did not reach instruction %d" % icount)
            time.sleep(POLL_S)
        gdb.execute("maintenance flush register-cache", to_string=True)
        gdb.execute("maintenance flush dcache", to_string=True)
        refresh_watchpoints()


def step_back_one():
    """reverse-stepi, unannounced."""
    with Quiet():
        gdb.execute("reverse-stepi", to_string=True)


def refresh_watchpoints():
    """Have GDB read each enabled watchpoint's value again, as it is here: GDB stops
    at a watchpoint only for a write that changes the value it last saw, and what
    it last saw was at another moment of the run."""
    for point in gdb.breakpoints():
        if point.type in (gdb.BP_WATCHPOINT, gdb.BP_HARDWARE_WATCHPOINT) and point.enabled:
            point.enabled = False
            point.enabled = True


replay_monitor = ReplayMonitor()


class StopWatch:
    """Tells how the last stop came: the breakpoints and watchpoints it was at
    (none: otherwise, e.g. the replay-break that is a pass's safety net)."""

    def __init__(self):
        self.breakpoints = []
        gdb.events.stop.connect(self.on_stop)

    def on_stop(self, event):
        self.breakpoints = (list(event.breakpoints)
                            if isinstance(event, gdb.BreakpointEvent) else [])


stop_watch = StopWatch()


class Quiet:
    """Within `with Quiet():`, GDB does not announce where the machine stops: the
    steps and passes these commands take on their way are not the user's."""

    def __enter__(self):
        self.before = gdb.parameter("suppress-cli-notifications")
        gdb.execute("set suppress-cli-notifications on", to_string=True)

    def __exit__(self, *exception):
        gdb.execute("set suppress-cli-notifications %s" % ("on" if self.before else "off"),
                    to_string=True)


class PassEnd(gdb.Breakpoint):
    """Where a pass forward ends: the instruction at PC when the replay has run END
    instructions (where the pass began), a silent hardware breakpoint that stops
    only then. (QEMU's replay-break, one instruction later, is the safety net; it
    would stop the machine as an interrupt.)"""

    def __init__(self, pc, end):
        super().__init__("*%#x" % pc, gdb.BP_HARDWARE_BREAKPOINT, internal=True)
        self.silent = True
        self.end = end

    def stop(self):
        return replay_monitor.icount() >= self.end


def forward_to(pc, end, hits_max=None):
    """Run the replay forward with the breakpoints and watchpoints as they are, to
    instruction END, at address PC (or, with HITS_MAX, to the HITS_MAX-th stop at
    one of them, where it stays); return the number of such stops. The stops are
    silent: GDB would report them as if the run went on."""
    marker = PassEnd(pc, end)
    quieted = [b for b in gdb.breakpoints() if b.enabled and not b.silent]
    for point in quieted:
        point.silent = True
    replay_monitor.command("replay-break", icount=end + 1)
    hits = 0
    try:
        while hits_max is None or hits < hits_max:
            gdb.execute("continue", to_string=True)
            if not stop_watch.breakpoints or marker in stop_watch.breakpoints:
                break
            hits += 1
    finally:
        replay_monitor.command("replay-delete-break")
        marker.delete()
        for point in quieted:
            point.silent = False
    return hits


def run_back(quiet=False, or_start=True):
    """Go back to the last stop (breakpoint, watchpoint) before here; return True if
    there was one, else go back to the start of the recording (without OR_START:
    stay here) and return False.
    Two passes forward from the start: one counts the stops up to here, the other
    stops at the last of them, exactly where GDB stopped running forward (the
    instruction count QEMU reports at a watchpoint's stop can be a little past it,
    so the stop is found again by counting, not by seeking to that count)."""
    end = replay_monitor.icount()
    pc = int(gdb.parse_and_eval("$pc")) & 0xffffffff
    with Quiet():
        replay_monitor.seek(0)
        hits = forward_to(pc, end)  # which ends here again
        if hits:
            replay_monitor.seek(0)
            forward_to(pc, end, hits)
        elif or_start:
            replay_monitor.seek(0)
    if not quiet:
        if not hits:
            print("No earlier stop: back at the start of the recording.")
        else:
            names = ["%s %d%s" % ("watchpoint" if b.type != gdb.BP_BREAKPOINT
                                  and b.type != gdb.BP_HARDWARE_BREAKPOINT else
                                  "breakpoint", b.number,
                                  ": " + b.expression if b.expression else "")
                     for b in stop_watch.breakpoints if b.number > 0]
            print("Back at the last stop before here%s:"
                  % (" (%s)" % ", ".join(names) if names else ""))
        gdb.execute("frame")
    return hits > 0


class KestrelReverseContinue(gdb.Command):
    """reverse-continue (rc): run backwards to the last breakpoint or watchpoint hit
before here (or to the start of the recording). In a replay it runs the replay
forward from its start up to here and stops at the last hit (see
utils/gdb-backwards.py for why QEMU's own is replaced)."""

    def __init__(self):
        super().__init__("reverse-continue", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        run_back()


class KestrelReverseFinish(gdb.Command):
    """reverse-finish: run backwards to where the selected frame's function was
called (the call instruction in its caller), as GDB's own does."""

    def __init__(self):
        super().__init__("reverse-finish", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        frame = gdb.selected_frame()
        caller = frame.older()
        if frame.function() is None or caller is None:
            raise gdb.GdbError("reverse-finish: no function or caller to go back to")
        print("Run back to call of #%d %s" % (frame.level(), frame.function().name))
        esp = int(frame.read_register("esp")) & 0xffffffff
        if frame.type() == gdb.INLINE_FRAME:
            # Inlined: back to the first instruction of its body, in the same frame.
            block = frame.block()
            while block.function != frame.function():
                block = block.superblock
            entry, wanted_esp, then_step = block.start, esp, False
        else:
            # At its entry the function's return address is on top of its caller's
            # stack: the caller's stack pointer after the call, less one word.
            entry = int(frame.function().value().address)
            wanted_esp = (int(caller.read_register("esp")) & 0xffffffff) - 4
            then_step = True
        found = int(gdb.parse_and_eval("$pc")) & 0xffffffff == entry and esp == wanted_esp
        if not found:
            stop = gdb.Breakpoint("*%#x" % entry, gdb.BP_HARDWARE_BREAKPOINT,
                                  internal=True)
            stop.condition = "(unsigned) $esp == %#x" % wanted_esp
            try:
                found = run_back(quiet=True)
            finally:
                stop.delete()
        if found and then_step:
            step_back_one()
        gdb.execute("frame")


def line_starts(function_block, line=None):
    """The addresses where a source line of FUNCTION_BLOCK's function begins (only
    LINE's, if given): in its line table, sorted by address, an entry whose line
    differs from the one before it."""
    entries = sorted((e.pc, e.line) for e in function_block.function.symtab.linetable()
                     if function_block.start <= e.pc < function_block.end)
    starts, previous = [], None
    for pc, number in entries:
        if number > 0 and number != previous and (line is None or number == line):
            starts.append(pc)
        previous = number
    return starts


def outermost_block(frame):
    """The block of FRAME's function (not of an inner lexical block)."""
    block = frame.block()
    while block.function is None and block.superblock is not None:
        block = block.superblock
    return block


def frame_id(frame):
    """What tells FRAME's call of its function from another: the stack pointer its
    caller has once it returns (its CFA)."""
    caller = frame.older()
    return int(caller.read_register("esp")) & 0xffffffff if caller is not None else None


class InFrame(gdb.Breakpoint):
    """A silent hardware breakpoint at ADDRESS that stops only in the call of its
    function whose frame_id() is FRAME."""

    def __init__(self, address, frame):
        super().__init__("*%#x" % address, gdb.BP_HARDWARE_BREAKPOINT, internal=True)
        self.silent = True
        self.frame = frame

    def stop(self):
        try:
            return frame_id(gdb.newest_frame()) == self.frame
        except gdb.error:
            return False


def back_to_line_start(block, frame, line=None):
    """Run back to the last moment BLOCK's function, in its call whose frame_id() is
    FRAME, was at the start of one of its lines (LINE's only, if given); return True
    if it was."""
    stops = [InFrame(address, frame) for address in line_starts(block, line)]
    try:
        return run_back(quiet=True, or_start=False)
    finally:
        for stop in stops:
            stop.delete()


def where():
    """(pc, its line-table entry, the frame's function block or None, its
    frame_id(), user mode) of the innermost frame."""
    frame = gdb.newest_frame()
    pc = int(gdb.parse_and_eval("$pc")) & 0xffffffff
    block = outermost_block(frame) if frame.function() is not None else None
    return pc, gdb.find_pc_line(pc), block, frame_id(frame), user_mode()


def back_over_kernel(user_pc):
    """From kernel code that the user instruction at USER_PC was interrupted for
    (or faulted or trapped into), back to the user instruction run before: the last
    entry from user mode at USER_PC (intr_entry, with the interrupted %eip and %cs
    where the stub left them), then one step back."""
    stop = gdb.Breakpoint("*%#x" % int(gdb.parse_and_eval("(unsigned) &%s" % INTR_ENTRY)),
                          gdb.BP_HARDWARE_BREAKPOINT, internal=True)
    stop.condition = ("*(unsigned *) ($esp + %d) == %#x && (*(unsigned *) ($esp + %d) & 3)"
                      " == 3" % (ENTRY_EIP, user_pc, ENTRY_EIP + 4))
    try:
        found = run_back(quiet=True, or_start=False)
    finally:
        stop.delete()
    if found:
        step_back_one()
    return found


def step_back_line(over_calls):
    """reverse-step's (OVER_CALLS: reverse-next's) one step: instruction by
    instruction back out of the current line, over what the kernel ran for user
    code, and over whole calls when OVER_CALLS (back to the call at once); then to
    the start of the line reached, in its frame. Returns False if it gave up."""
    pc, start, block, frame, user = where()
    for _ in range(LINE_STEPS_MAX):
        before = pc
        step_back_one()
        pc, here, here_block, here_frame, here_user = where()
        if user and not here_user:
            if not back_over_kernel(before):
                return False
            pc, here, here_block, here_frame, here_user = where()
        if over_calls and here_block is not None and frame is not None \
                and here_frame is not None and here_frame < frame:
            # In a function the line called (its last instruction): back to its call.
            entry = InFrame(here_block.start, here_frame)
            try:
                run_back(quiet=True, or_start=False)
            finally:
                entry.delete()
            step_back_one()
            pc, here, here_block, here_frame, here_user = where()
        if here.symtab is not None and (here.line != start.line or here.symtab != start.symtab
                                        or here_frame != frame):
            break
    else:
        return False
    if here_block is not None:
        back_to_line_start(here_block, here_frame, line=here.line)
    return True


class KestrelReverseNext(gdb.Command):
    """reverse-next: run backwards to the start of the previous source line run in
this frame (of the current line, if stopped inside it), over the calls it made, and
over what the kernel ran for user code. (GDB's own would use QEMU's
reverse-continue in a replay: see reverse-continue.)"""

    def __init__(self):
        super().__init__("reverse-next", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        for _ in range(int(arg) if arg.strip() else 1):
            if not step_back_line(over_calls=True):
                print("reverse-next: gave up after %d steps back" % LINE_STEPS_MAX)
                break
        gdb.execute("frame")


class KestrelReverseStep(gdb.Command):
    """reverse-step: run backwards to the start of the previous source line run,
into a function the current line called (at its last line); what the kernel ran
for user code is stepped over."""

    def __init__(self):
        super().__init__("reverse-step", gdb.COMMAND_RUNNING)

    def invoke(self, arg, from_tty):
        for _ in range(int(arg) if arg.strip() else 1):
            if not step_back_line(over_calls=False):
                print("reverse-step: gave up after %d steps back" % LINE_STEPS_MAX)
                break
        gdb.execute("frame")


def user_mode():
    """True if the CPU is in user code (ring 3)."""
    return int(gdb.parse_and_eval("$cs")) & 3 == 3


MEMORY_OPERAND = re.compile(r"(-?0x[0-9a-f]+)?\((%\w+)?(?:,(%\w+)(?:,(\d))?)?\)")
ABSOLUTE_OPERAND = re.compile(r"(?:^|[ ,])(0x[0-9a-f]+)(?:$|,)")
REGISTER = re.compile(r"%(e?[a-d]x|e?[sd]i|e?[sb]p|[a-d][lh])\b")


def describe_operands(instruction):
    """Lines naming what INSTRUCTION (GDB's disassembly of the one at $pc) reads:
    each register with its value, and the address of its memory operand."""
    text = instruction.split(":", 1)[-1]
    lines = []
    for register in sorted(set(REGISTER.findall(text))):
        lines.append("  %%%s = %#x" % (register, int(gdb.parse_and_eval("$" + register))
                                        & 0xffffffff))
    memory = MEMORY_OPERAND.search(text)
    if memory:
        displacement, base, index, scale = memory.groups()
        address = int(displacement, 16) if displacement else 0
        if base:
            address += int(gdb.parse_and_eval("$" + base[1:]))
        if index:
            address += int(gdb.parse_and_eval("$" + index[1:])) * int(scale or 1)
        lines.append("  memory operand at %#010x" % (address & 0xffffffff))
    elif not text.split()[0].startswith(("call", "j", "int")):
        absolute = ABSOLUTE_OPERAND.findall(text)
        if absolute:
            lines.append("  memory operand at %#010x" % int(absolute[-1], 16))
    return lines


class KestrelReverseToUser(gdb.Command):
    """reverse-to-user: from a stop in the kernel (page_fault, a system call), go
back to the user instruction that faulted or trapped, just before it ran, and show
it with its operands: the registers it reads and the address its memory operand
names (for a page fault, the faulting address). The instruction is the innermost
user frame's (for a trap, the `int $0x30' before it); this runs back to its last
execution in user mode. (reverse-stepi from the kernel's first instruction stops
one user instruction earlier: QEMU counts the faulting instruction and the
exception it raised as one step.)"""

    def __init__(self):
        super().__init__("reverse-to-user", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        replay_monitor.connect()
        if not user_mode():
            frame = innermost_user_frame()  # noqa: F821 (utils/gdb-macros)
            if frame is None:
                raise gdb.GdbError("reverse-to-user: no user frame to go back to")
            pc = frame.pc()
            try:
                before = bytes(gdb.selected_inferior().read_memory(pc - 2, 2))
            except gdb.MemoryError:
                before = b""
            if before == SYSTEM_CALL:
                pc -= len(SYSTEM_CALL)
            stop = gdb.Breakpoint("*%#x" % pc, gdb.BP_HARDWARE_BREAKPOINT, internal=True)
            stop.condition = "($cs & 3) == 3"
            try:
                run_back(quiet=True, or_start=False)
            finally:
                stop.delete()
        gdb.execute("frame")
        try:
            instruction = gdb.execute("x/i $pc", to_string=True).strip()
        except gdb.MemoryError:
            print("=> %#x: its page is not in memory (it is the page that faulted: the "
                  "CPU could not fetch the instruction)" % (int(gdb.parse_and_eval("$pc"))
                                                            & 0xffffffff))
            return
        print(instruction)
        for line in describe_operands(instruction):
            print(line)


class KestrelLastWrite(gdb.Command):
    """last-write EXPR: who last wrote EXPR (an lvalue: a variable, `*(int *) ADDR`)
before here? Watches its location (watch -l), runs backwards to the last write,
steps back onto the writing instruction, and shows it, where it is, and the value
EXPR held before that write. Leaves no watchpoint behind."""

    def __init__(self):
        super().__init__("last-write", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        if not arg.strip():
            raise gdb.GdbError("usage: last-write EXPR (an lvalue)")
        after = str(gdb.parse_and_eval(arg))
        known = {b.number for b in gdb.breakpoints()}
        gdb.execute("watch -l %s" % arg, to_string=True)
        watch = [b for b in gdb.breakpoints() if b.number not in known][0]
        watch.silent = True
        try:
            found = run_back(quiet=True, or_start=False)
        finally:
            watch.delete()
        if not found:
            print("last-write: %s was not written since the recording began" % arg)
            return
        step_back_one()
        print("last-write: %s was written here (it held %s after the write, and holds "
              "%s before it):" % (arg, after, gdb.parse_and_eval(arg)))
        gdb.execute("frame")
        print(gdb.execute("x/i $pc", to_string=True).strip())


def eviction_stop(page):
    """A hardware breakpoint where the kernel writes out the evicted page whose user
    address is PAGE (EVICTIONS), and the expression there for its frame; raise
    gdb.GdbError if the kernel has none of them."""
    for location, user_page, frame in EVICTIONS:
        try:
            stop = gdb.Breakpoint(location, gdb.BP_HARDWARE_BREAKPOINT, internal=True)
        except gdb.error:
            continue
        if stop.pending:
            stop.delete()
            continue
        stop.condition = "(unsigned) (%s) == %#x" % (user_page, page)
        return stop, frame
    raise gdb.GdbError("before-eviction: the kernel has none of %s"
                       % ", ".join(e[0] for e in EVICTIONS))


class KestrelBeforeEviction(gdb.Command):
    """before-eviction ADDR [WORDS]: what did the page holding user address ADDR hold
before it was evicted? Runs backwards to the last time the kernel wrote that page
out (vm/anon.c, finish_eviction) and shows WORDS words (default 8) at ADDR, read
from the frame the page was leaving: its last contents in RAM, on their way to
swap."""

    def __init__(self):
        super().__init__("before-eviction", gdb.COMMAND_USER)

    def invoke(self, arg, from_tty):
        words = gdb.string_to_argv(arg)
        if not words or len(words) > 2:
            raise gdb.GdbError("usage: before-eviction ADDR [WORDS]")
        address = int(gdb.parse_and_eval(words[0])) & 0xffffffff
        count = int(words[1]) if len(words) == 2 else 8
        mask = kestrel_number("PGMASK")  # noqa: F821 (utils/gdb-macros)
        stop, frame = eviction_stop(address & ~mask)
        try:
            found = run_back(quiet=True, or_start=False)
        finally:
            stop.delete()
        if not found:
            print("before-eviction: page %#x was not evicted since the recording began"
                  % (address & ~mask))
            return
        kpage = int(gdb.parse_and_eval("(unsigned) (%s)" % frame)) & 0xffffffff
        print("before-eviction: page %#x leaves frame %#x (kernel address); at %#x it "
              "held:" % (address & ~mask, kpage, address))
        gdb.execute("x/%dxw %#x" % (count, kpage + (address & mask)))


KestrelReverseContinue()
KestrelReverseFinish()
KestrelReverseNext()
KestrelReverseStep()
KestrelReverseToUser()
KestrelLastWrite()
KestrelBeforeEviction()
