# regions before and after a line that faults in a bss page.
break touch-pages.c:33
continue
regions
next
regions
