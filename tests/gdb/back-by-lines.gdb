# Line by line backwards through touch-pages' test_main: into stack_sum's last
# line (reverse-step), out to its call (reverse-finish), then back over lines 34
# and 33 (reverse-next), whose page faults the kernel served meanwhile.
break touch-pages.c:36
continue
reverse-step
reverse-finish
reverse-next
reverse-next
