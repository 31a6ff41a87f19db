# A kernel test, no user program: break in it and look at the threads.
# (A disk driver's own one-tick waits at boot are not the test's sleeps.)
break timer_sleep if duration > 1
continue
backtrace
threads
regions
