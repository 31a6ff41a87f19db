# A plain `gdb` started in this tree runs this file once GDB trusts it; add to
# ~/.gdbinit:   add-auto-load-safe-path /path/to/this/tree/.gdbinit
# It attaches to the run that `make gdb` (or utils/kestrel --gdb) started last,
# through the command file the runner wrote: symbols, macros, target.
source build/gdbinit
