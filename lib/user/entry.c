/* Where every user program starts.  The kernel jumps here with the stack
   laid out as for a call _start (argc, argv), so main's return value
   becomes the exit status just as if main had called exit itself. */

#include <syscall.h>

int main (int argc, char *argv[]);
void _start (int argc, char *argv[]) NO_RETURN;

void
_start (int argc, char *argv[])
{
  exit (main (argc, argv));
}
