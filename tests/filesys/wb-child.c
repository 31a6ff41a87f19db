/* Helper for the write-back tests (no .expect: not a test).

   usage: wb-child make|check FILE GEN
     make   gives FILE generation GEN (wb.h's wb_make);
     check  fails unless FILE holds generation GEN.
   Exits with 0; any failure prints a FAIL line and exits -1. Quiet otherwise. */

#include <stdlib.h>
#include "tests/filesys/wb.h"

int
main (int argc, char *argv[])
{
  test_name = "wb-child";
  quiet = true;
  if (argc != 4 || (strcmp (argv[1], "make") && strcmp (argv[1], "check")))
    fail ("usage: wb-child make|check FILE GEN");
  if (!strcmp (argv[1], "make"))
    wb_make (argv[2], atoi (argv[3]));
  else
    wb_check (argv[2], atoi (argv[3]));
  return 0;
}
