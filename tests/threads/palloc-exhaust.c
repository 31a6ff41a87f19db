/* Takes every page of the user pool one at a time until palloc says no, writes a
   distinct word into each, checks them, gives them all back, and does it again:
   both rounds must get the same number, and the free count must be restored. The
   kernel pool is then drained to a few pages and refilled the same way. */

#include <stdint.h>
#include "threads/palloc.h"
#include "threads/vaddr.h"
#include "tests/threads/tests.h"

/* Links taken pages into a stack through their first word. */
static size_t
drain (enum palloc_flags flags, size_t leave, void **top)
{
  size_t n = 0;
  void *page;

  *top = NULL;
  while (palloc_free_count () > leave && (page = palloc_get_page (flags)) != NULL)
    {
      ((void **) page)[0] = *top;
      ((uintptr_t *) page)[1] = n++;
      *top = page;
    }
  return n;
}

static void
refill (void *top, size_t n)
{
  while (top != NULL)
    {
      void *next = ((void **) top)[0];
      if (((uintptr_t *) top)[1] != --n)
        fail ("page %p holds %u, expected %zu", top, ((unsigned *) top)[1], n);
      palloc_free_page (top);
      top = next;
    }
}

void
test_palloc_exhaust (void)
{
  size_t free_before = palloc_free_count ();
  size_t first, second, kernel;
  void *top;

  first = drain (PAL_USER, 0, &top);
  if (first == 0 || palloc_get_page (PAL_USER) != NULL)
    fail ("user pool did not run dry");
  refill (top, first);
  second = drain (PAL_USER | PAL_ZERO, 0, &top);
  refill (top, second);
  if (first != second)
    fail ("first round took %zu pages, second %zu", first, second);
  msg ("user pool: same number of pages in both rounds");

  kernel = drain (0, first + 16, &top);
  if (kernel == 0)
    fail ("took no kernel pages");
  refill (top, kernel);
  if (palloc_free_count () != free_before)
    fail ("%zu pages free before, %zu after", free_before, palloc_free_count ());
  msg ("all pages returned");
}
