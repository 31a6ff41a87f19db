/* A system call that grows the stack itself: with %esp at the stack
   region's lowest address, `read' (made with a bare int $0x30) is asked to
   fill the 32 bytes just below %esp.  The kernel's fault on that page is
   within PUSHA's reach of the user's %esp, saved at the system call, so it
   grows the stack as a user fault there would. */

#include "tests/vm/vmlib.h"
#include <syscall-nr.h>

#define SEED 5

void
test_main (void)
{
  uint8_t *bottom = stack_bottom ();
  uint8_t *target = bottom - 32;
  uint32_t *args = (uint32_t *) bottom;
  int fd, result;

  pattern_file ("data", 32, SEED);
  fd = open ("data");
  if (fd < 2)
    fail ("open \"data\" failed");
  CHECK (!in_some_region (target), "the 32 bytes below the stack are in no region");
  msg ("read into the 32 bytes below %%esp");
  args[0] = SYS_READ;
  args[1] = fd;
  args[2] = (uint32_t) target;
  args[3] = 32;
  asm volatile("movl %%esp, %%ebx\n\t"
               "movl %[esp], %%esp\n\t"
               "int $0x30\n\t"
               "movl %%ebx, %%esp"
               : "=a"(result)
               : [esp] "r"(bottom)
               : "ebx", "memory");
  CHECK (result == 32, "read returned 32");
  pattern_verify (target, 32, 0, SEED, "bytes below the stack");
  msg ("they hold the file's bytes");
  CHECK (stack_bottom () == bottom - PGSIZE, "the stack grew by one page");
  close (fd);
}
