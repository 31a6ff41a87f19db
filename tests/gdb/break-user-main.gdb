# The user program's symbols are loaded: break main is the program's main.
break main
continue
info symbol $pc
next
next
backtrace
