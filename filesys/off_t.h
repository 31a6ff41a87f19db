#ifndef FILESYS_OFF_T_H
#define FILESYS_OFF_T_H

#include <stdint.h>

/* A byte offset or size within a file.  Signed so that "before the start"
   is representable; 32 bits suffice because a file holds at most
   KFS_MAX_FILE_SIZE bytes. */
typedef int32_t off_t;

#endif /* filesys/off_t.h */
