# A backtrace from a system call's handler down into the user program.
break sys_write
continue
backtrace
btuser
