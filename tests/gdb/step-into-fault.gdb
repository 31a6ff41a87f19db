# From the faulting user line into the kernel's fault handler, and back out.
break touch-pages.c:33
continue
step
backtrace
finish
step
next
