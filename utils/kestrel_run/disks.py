"""disks: the run's disk images, made fresh in its temporary folder: the file
system (made and filled with kfs before boot, files fetched and the image checked
after, if the run wrote to it) and a zeroed swap disk."""

import os

from kestrel_run.base import EXIT_FAILURE, EXIT_FILESYS, KFS_TOOL, UsageError, \
    display_path, note
from kestrel_run.options import DEFAULT_FILESYS_MB
from kestrel_run.spawn import run

# The images kfs made this run. Each is dated UNWRITTEN_NS once made, so a write
# by QEMU, whenever it comes, dates it anew (a file's clock may tick too coarsely
# to tell a write soon after the making).
made = set()
UNWRITTEN_NS = 0


def run_kfs(*args):
    """Run the kfs tool with ARGS; return (ok, combined output)."""
    status, out = run([KFS_TOOL] + [str(a) for a in args])
    return status == 0, out.decode(errors="replace").strip()


def drive(path, index, faults_config=None):
    """Return QEMU options attaching raw image PATH as IDE drive INDEX (0 master, 1
    slave), through blkdebug with the rules in file FAULTS_CONFIG if given."""
    if faults_config:
        path = "blkdebug:%s:%s" % (faults_config, path)
    return ["-drive", "file=%s,format=raw,if=ide,index=%d,media=disk" % (path, index)]


# blkdebug's rule for one fault: the request's event starts the rule, its type
# (iotype) and sector select the requests it fails, with EIO (errno 5 on Linux).
EIO = 5
BLKDEBUG_EVENTS = {"read": "read_aio", "write": "write_aio"}


def faults_config(opts, index, tmpdir, filesys_image):
    """Write blkdebug's configuration for the --disk-fault rules on drive INDEX to
    TMPDIR; return its path, or None if the drive has none. A file's sector is
    found on FILESYS_IMAGE (with kfs); raise UsageError if it cannot be."""
    rules = [f for f in opts["disk_faults"] if f["index"] == index]
    if not rules:
        return None
    text = []
    for f in rules:
        sector = f["sector"]
        if isinstance(sector, tuple):
            if filesys_image is None or index != opts["filesys_index"]:
                raise UsageError("--disk-fault: a file's sector (%s) is on the "
                                 "file-system disk only" % sector[0])
            ok, out = run_kfs("sector", filesys_image, sector[0], sector[1])
            if not ok:
                raise UsageError("--disk-fault: %s" % out)
            sector = int(out)
        text += ["[inject-error]", 'event = "%s"' % BLKDEBUG_EVENTS[f["op"]],
                 'iotype = "%s"' % f["op"], 'errno = "%d"' % EIO,
                 'once = "%s"' % ("on" if f["once"] else "off")]
        if sector is not None:
            text.append('sector = "%d"' % sector)
        text.append("")
    path = os.path.join(tmpdir, "faults-%d.conf" % index)
    with open(path, "w") as conf:
        conf.write("\n".join(text))
    return path


def prepare_filesys(opts, tmpdir):
    """Make and fill the file-system image; return its path, None if no kfs, or raise."""
    wanted = opts["puts"] or opts["gets"] or opts["filesys_mb"] is not None
    if opts.get("no_filesys"):
        if wanted:
            raise UsageError("--no-filesys: no disk to put files on, fetch them from "
                             "or size")
        return None
    if not os.access(KFS_TOOL, os.X_OK):
        if wanted:
            raise UsageError("disk options need %s (run make)" % display_path(KFS_TOOL))
        return None
    image = os.path.join(tmpdir, "filesys.dsk")
    # Made and filled by one kfs process: a process start is a test's to pay.
    ok, out = run_kfs("mkfs", image, opts["filesys_mb"] or DEFAULT_FILESYS_MB,
                      *[word for pair in opts["puts"] for word in pair])
    if ok:
        os.utime(image, ns=(UNWRITTEN_NS, UNWRITTEN_NS))
        made.add(image)
    if not ok:
        raise UsageError("kfs mkfs%s failed: %s"
                         % (" and put of %s" % ", ".join(host for host, _ in opts["puts"])
                            if opts["puts"] else "", out))
    return image


def prepare_swap(opts, tmpdir):
    """Create a zeroed swap image of --swap-size MB; return its path or None."""
    if opts["swap_mb"] is None:
        return None
    image = os.path.join(tmpdir, "swap.dsk")
    with open(image, "wb") as f:
        f.truncate(opts["swap_mb"] << 20)
    return image


def finish_filesys(opts, image, clean, console):
    """Fetch -g files and (after a clean run) check IMAGE; return an exit status or
    None. An image kfs made this run that nothing has written to since is left
    unchecked: it is as kfs made it (kfs is checked by its own tests), and the
    check is for what the kernel wrote."""
    status = None
    for name, host in opts["gets"]:
        ok, out = run_kfs("get", image, name, host)
        if not ok:
            note("kfs get %s failed: %s" % (name, out))
            status = EXIT_FAILURE if clean else status
    if clean and (image not in made or os.stat(image).st_mtime_ns != UNWRITTEN_NS):
        ok, out = run_kfs("check", image)
        if not ok:
            lines = out.splitlines() or ["kfs check exited non-zero"]
            console.line("FILESYS CHECK FAILED: " + lines[0])
            for extra in lines[1:]:
                console.line("  " + extra)
            status = EXIT_FILESYS
    return status
