# From a system call's handler back out of the system call: reverse-finish to its
# caller in the kernel, reverse-continue to an earlier breakpoint, and
# reverse-to-user to the user's int $0x30.
break sys_write
continue
reverse-finish
break syscall_handler
reverse-continue
reverse-to-user
backtrace 2
