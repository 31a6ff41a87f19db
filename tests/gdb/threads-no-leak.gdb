# The macros at a timer interrupt and at a page fault: they only read memory,
# so the run's page count is untouched and nothing deadlocks.
break timer_interrupt
continue
threads
current
pte 0xc0100000
delete
break page_fault
continue
threads
frames
regions
pages
swap
delete
