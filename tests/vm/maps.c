/* The maps view: the program's own address space as Linux shows a process's
   (/proc/PID/maps, then pmap -x with Kestrel's page counts), after growing its
   heap and touching some of it. `make layout PROG=vm/maps` shows the same from
   outside: the ELF's segments on the host beside the regions at exit. */

#include "tests/lib.h"
#include <malloc.h>
#include <maps.h>
#include <string.h>

#define HEAP_BYTES (6 * PGSIZE)

void
test_main (void)
{
  char *block = malloc (HEAP_BYTES);

  if (block == NULL)
    fail ("malloc failed");
  memset (block, 1, 2 * PGSIZE); /* Two heap pages in; the rest untouched. */
  msg ("maps:");
  print_maps ();
  msg ("pmap -x:");
  print_pmap ();
}
