# next over a line whose store faults stays in user code; with a breakpoint on
# the fault handler, next stops there instead.
break touch-pages.c:33
continue
next
next
print $cs
break page_fault
next
