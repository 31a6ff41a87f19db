#ifndef THREADS_BOOT_INFO_H
#define THREADS_BOOT_INFO_H

/* What the boot loader told us, copied out of low memory before anything can
   overwrite it. */

#include <stdint.h>

#define BOOT_CMDLINE_MAX 1024     /* Bytes of kernel command line kept. */

struct boot_info
  {
    uint32_t ram_top;             /* Physical end of the RAM we use (page aligned). */
    uint32_t ram_kb;              /* Usable RAM, for the banner. */
    char cmdline[BOOT_CMDLINE_MAX];
  };

extern struct boot_info boot_info;

void boot_info_load (void);

#endif /* threads/boot-info.h */
