# After swap-word's first page went to swap and came back: a watchpoint on the
# mark in it, and reverse-continue back to the user store that wrote it; then,
# from the same point, what the page held when it was evicted.
break swap-word.c:32
continue
pte &array[1]
watch -l array[1]
reverse-continue
reverse-stepi
x/i $pc
delete
break swap-word.c:32
continue
before-eviction &array[1] 1
