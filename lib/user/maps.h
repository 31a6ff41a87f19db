#ifndef LIB_USER_MAPS_H
#define LIB_USER_MAPS_H

/* The caller's address space, printed as Linux shows a process's
   (/proc/PID/maps, pmap -x), from the `regions' and `mincore' system calls.
   Asking changes nothing: no page comes in or goes out. */

/* Prints one line per region in the /proc/PID/maps format:
     08048000-0804a000 r-xp 00000000 00:00 0        NAME
   start-end, rights (p private, s shared), file offset, device and inode (0:
   Kestrel's file system has neither), then the file's name, [heap] or [stack]
   (nothing for anonymous bss, as Linux). */
void print_maps (void);

/* Prints the regions as `pmap -x' does, with Kestrel's kind of each region and
   per region the kB resident (RSS), in swap, dirty and shared with another
   process (MINCORE_SHARED: after a fork, or a file's page both map), counted page
   by page with mincore, then the totals. */
void print_pmap (void);

#endif /* lib/user/maps.h */
