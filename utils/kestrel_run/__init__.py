"""kestrel_run: the runner behind utils/kestrel, one module per concern.

  base      the tree's paths, the exit statuses, the runner's errors and notes
  options   the command line (`utils/kestrel -h`), the kernel's command line
  disks     the file-system and swap images: made, filled, fetched, checked
  streams   the console and the diagnostic stream, as they arrive
  spawn     child processes (QEMU, kfs) without the subprocess module
  qemu      QEMU's command line; running it; how it ended
  aids      what the runner adds for debugging: a kill's source line, hints, --layout
  gdbstub   --gdb: the stub's port or socket, build/gdbinit
  monitor   QMP: where the CPU of a timed-out run was
  recording --record and --replay: QEMU's record/replay, what a recording holds
  boot      one boot, start to end (main)

Only what every run needs is imported at start-up (base, options, disks, streams,
spawn, qemu, aids, boot), and none of it imports subprocess or signal (spawn says
why); gdbstub, monitor and recording are imported when a run asks for them: the
runner starts once per test.
"""
