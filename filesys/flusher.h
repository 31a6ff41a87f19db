#ifndef FILESYS_FLUSHER_H
#define FILESYS_FLUSHER_H

/* The flusher: a kernel thread that writes the cache's dirty sectors back once
   writing stops, or at the latest a second after they became dirty. It exists
   only while something is dirty. Internal to filesys/. */

#include <stdbool.h>

bool flusher_start (void);

#endif /* filesys/flusher.h */
