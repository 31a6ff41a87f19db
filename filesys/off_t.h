#ifndef FILESYS_OFF_T_H
#define FILESYS_OFF_T_H

#include <stdint.h>

#if __STDC_HOSTED__
/* Only when host unit tests compile the kernel's file system: the C
   library has its own 64-bit off_t, so include the headers that declare
   it first and give ours another name.  The kernel is freestanding. */
#include <stdio.h>
#include <sys/types.h>
#define off_t kestrel_off_t
#endif

/* A byte offset or size within a file.  Signed so that "before the start"
   is representable; 32 bits suffice because a file holds at most
   KFS_MAX_FILE_SIZE bytes. */
typedef int32_t off_t;

#endif /* filesys/off_t.h */
