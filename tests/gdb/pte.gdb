# pte, stopped in user mode (the page directory from %cr3): present and absent.
break touch-pages.c:33
continue
pte 0x08048000
pte 0x0804c000
pte 0
pte 0xbffff000
current-thread
print $thread->name
next
pte 0x0804c000
