# The kill (process_exit, from the page-fault handler), then back to the store
# that planted the bad pointer: watch the pointer, run backwards to its last write,
# and step back onto the writing instruction.
break process_exit
continue
print table.first
watch -l table.first
reverse-continue
reverse-stepi
x/i $pc
print table.first
# The same in one command, from the kill again.
delete
break process_exit
continue
last-write table.first
