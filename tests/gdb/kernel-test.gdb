# A kernel test, no user program: break in it and look at the threads.
break timer_sleep
continue
backtrace
threads
regions
