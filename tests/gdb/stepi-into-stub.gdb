# One instruction: the faulting store, straight into the page-fault stub.
break touch-pages.c:33
continue
stepi
x/i $pc
backtrace
info registers cs
