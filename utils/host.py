"""host: what Kestrel's tools ask of the host: programs on PATH, a tree's files.

One copy of each, for the runner, the test driver, the grader, the kit writer and
the debugging tools. Standard library only; subprocess is imported only when a
tree is listed, so the runner's start-up does not pay for it twice.
"""

import os

# Folders a tree listing never descends into: what is built, and git's own.
NEVER_LISTED = ("build", ".git")


def find_program(*names):
    """The path of the first of NAMES that is an executable file on PATH, or None."""
    folders = os.environ.get("PATH", os.defpath).split(os.pathsep)
    for name in names:
        for folder in folders:
            path = os.path.join(folder or ".", name)
            if os.path.isfile(path) and os.access(path, os.X_OK):
                return path
    return None


def tree_files(root):
    """The files of the tree at ROOT, relative to it, sorted: what git tracks there
    and the untracked files it does not ignore (as they are now), else every file
    outside NEVER_LISTED."""
    import subprocess
    proc = subprocess.run(["git", "-C", root, "ls-files", "-z", "--cached", "--others",
                           "--exclude-standard"], stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL)
    if proc.returncode == 0 and proc.stdout:
        names = [n for n in proc.stdout.decode().split("\0") if n]
        return sorted(n for n in names if os.path.isfile(os.path.join(root, n)))
    found = []
    for base, folders, files in os.walk(root):
        folders[:] = [f for f in folders if f not in NEVER_LISTED]
        found += [os.path.relpath(os.path.join(base, f), root) for f in files]
    return sorted(found)
