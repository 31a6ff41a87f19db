"""symbols: code addresses as functions and source lines, for utils/backtrace and
the runner (a kill's eip, where a timed-out run was).

An address is either exact (a faulting or interrupted eip: the instruction itself)
or a return address (it points after a call: one byte back lands in the call, so
that is what is looked up). In a kernel `Call stack:` every address is a return
address except the one after intr_entry's: debug_backtrace() follows the frame
pointer saved in the interrupt frame, whose return slot holds the interrupted eip.
"""

import os
import subprocess

import headers
import host

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KERNEL_ELF = os.path.join(REPO_ROOT, "build", "kernel.elf")
PHYS_BASE = headers.abi("PHYS_BASE_ADDR")   # user addresses lie below
INTERRUPT_ENTRY = "intr_entry"  # threads/intr-stubs.S
ADDR2LINE_NAMES = ("i686-elf-addr2line", "i686-linux-gnu-addr2line", "addr2line")


def lookup(elf, addresses):
    """(function, place) for each int in ADDRESSES, looked up as is in ELF; place is
    FILE:LINE relative to the tree when it lies in it, `??:0` if unknown. Raises
    OSError if there is no addr2line or it fails."""
    if not addresses:
        return []
    tool = host.find_program(*ADDR2LINE_NAMES)
    if tool is None:
        raise OSError("no addr2line found (run utils/setup)")
    proc = subprocess.run([tool, "-f", "-C", "-e", elf] + ["%#x" % a for a in addresses],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True)
    out = proc.stdout.splitlines()
    if proc.returncode != 0 or len(out) < 2 * len(addresses):
        raise OSError("addr2line failed on %s: %s" % (elf, proc.stderr.strip()))
    places = []
    for place in out[1::2]:
        place = place.split(" (discriminator")[0]
        if place.startswith(REPO_ROOT + os.sep):
            place = os.path.relpath(place, REPO_ROOT)
        places.append(place)
    return list(zip(out[0::2], places))


def elf_for(address, user_elf, kernel_elf=KERNEL_ELF):
    """The ELF that holds ADDRESS: the kernel's above PHYS_BASE, else USER_ELF
    (None if there is none)."""
    return kernel_elf if address >= PHYS_BASE else user_elf


def symbolize(frames, user_elf=None, kernel_elf=KERNEL_ELF):
    """For FRAMES, a list of (address, exact), return one (address, function, place)
    each; a return address is looked up one byte back, and the address that
    follows one into intr_entry is taken as exact. Function is None for an
    address with no ELF to look in."""
    looked = [(a if exact else max(a - 1, 0)) for a, exact in frames]
    results = [None] * len(frames)
    # Two passes: exactness after intr_entry depends on the first answer.
    for _ in range(2):
        by_elf = {}
        for i, address in enumerate(looked):
            elf = elf_for(frames[i][0], user_elf, kernel_elf)
            if elf is not None:
                by_elf.setdefault(elf, []).append(i)
        for elf, indexes in by_elf.items():
            for i, answer in zip(indexes, lookup(elf, [looked[i] for i in indexes])):
                results[i] = answer
        changed = False
        for i in range(1, len(frames)):
            if results[i - 1] and results[i - 1][0] == INTERRUPT_ENTRY \
                    and looked[i] != frames[i][0]:
                looked[i] = frames[i][0]
                changed = True
        if not changed:
            break
    return [(frames[i][0],) + (results[i] or (None, None)) for i in range(len(frames))]


def describe(address, function, place):
    """One line for a symbolized frame: `0xADDRESS: FUNCTION (PLACE)`."""
    if function is None:
        return "%#010x: (no symbols for it)" % address
    return "%#010x: %s (%s)" % (address, function, place)


def program_elf(name, candidates=()):
    """The host ELF of a user process called NAME: the first of CANDIDATES (pairs
    of host path and name on the disk) whose disk name, cut to a process name,
    is NAME; else build/tests/*/NAME if exactly one exists; else None."""
    cut = headers.abi("PROCESS_NAME_MAX")
    for path, disk_name in candidates:
        if disk_name.split()[0][:cut] == name and is_elf(path):
            return path
    tests = os.path.join(REPO_ROOT, "build", "tests")
    try:
        found = [os.path.join(tests, suite, name) for suite in sorted(os.listdir(tests))
                 if is_elf(os.path.join(tests, suite, name))]
    except OSError:
        found = []
    return found[0] if len(found) == 1 else None


def is_elf(path):
    """True if PATH is a readable file starting with the ELF magic."""
    try:
        with open(path, "rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False
