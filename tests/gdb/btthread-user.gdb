# The parent, blocked in wait(), seen from its child's exit: its backtrace goes
# from the scheduler down through the system call into its own user code.
break process_exit
continue
btthreads
current
