#ifndef THREADS_BOOT_INFO_H
#define THREADS_BOOT_INFO_H

/* What the boot loader told us, copied out of low memory before anything can
   overwrite it. */

#include <stdint.h>

/* Bytes of kernel command line (the arguments after the kernel's own path) the
   kernel takes, its terminating null included. utils/kestrel reads this line to
   refuse a longer one before booting. */
#define BOOT_CMDLINE_MAX 1024

struct boot_info
{
  uint32_t ram_top; /* Physical end of the RAM we use (page aligned). */
  uint32_t ram_kb;  /* Usable RAM, for the banner. */
  char cmdline[BOOT_CMDLINE_MAX]; /* The arguments, without the kernel's path. */
  uint32_t cmdline_length;        /* Their whole length: more than fit means cut. */
};

extern struct boot_info boot_info;

void boot_info_load (void);

#endif /* threads/boot-info.h */
