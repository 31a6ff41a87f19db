# Full backtraces of switched-out threads; a freed thread is refused.
break page_fault if $cr2 == 0
continue
threads
btthread 'thread.c'::initial_thread
btthreads
current-thread
set $dead = $thread
delete
break let_threads_finish
continue
btthread $dead
