# A backtrace from the fault handler runs down into the user program.
break page_fault if $cr2 == 0x0804c000
continue
backtrace
btuser
frame 3
print data_word
info registers cs
