/* print_maps and print_pmap: see maps.h. */

#include <maps.h>
#include <abi.h>
#include <region-info.h>
#include <stdio.h>
#include <string.h>
#include <syscall.h>

#define MAPS_REGIONS_MAX 32 /* Regions shown at most. */
#define MAPS_CHUNK_PAGES 64 /* Pages asked of mincore at a time. */
#define MAPS_NAME_COLUMN 49 /* Where Linux starts a 32-bit maps line's name. */
#define KB(pages) ((pages) * (PGSIZE / 1024))

/* Page counts of one region. */
struct page_counts
{
  unsigned resident, swapped, dirty, shared;
};

/* Reads the caller's regions into FOUND (MAPS_REGIONS_MAX of them, on the
   caller's stack: a static buffer could bring a page in); returns how many. */
static int
read_regions (struct region_info *found)
{
  int count = regions (found, MAPS_REGIONS_MAX);
  return count < 0 ? 0 : count > MAPS_REGIONS_MAX ? MAPS_REGIONS_MAX : count;
}

/* The name Linux would show for region R: its file's, [heap], [stack], or "". */
static const char *
map_name (const struct region_info *r)
{
  if (!strcmp (r->kind, "heap"))
    return "[heap]";
  if (!strcmp (r->kind, "stack"))
    return "[stack]";
  return r->name;
}

/* Writes R's rights to MODE as maps shows them ("r-xp"). */
static void
map_mode (const struct region_info *r, char mode[5])
{
  mode[0] = r->flags & REGION_READ ? 'r' : '-';
  mode[1] = r->flags & REGION_WRITE ? 'w' : '-';
  mode[2] = r->flags & REGION_EXEC ? 'x' : '-';
  mode[3] = r->flags & REGION_SHARED ? 's' : 'p';
  mode[4] = '\0';
}

/* Counts R's resident, swapped, dirty and shared pages. */
static struct page_counts
count_pages (const struct region_info *r)
{
  struct page_counts counts = { 0, 0, 0, 0 };
  unsigned char states[MAPS_CHUNK_PAGES];
  uintptr_t page;

  for (page = r->start; page < r->end; page += MAPS_CHUNK_PAGES * PGSIZE)
    {
      unsigned n = (r->end - page) / PGSIZE;
      unsigned i;

      if (n > MAPS_CHUNK_PAGES)
        n = MAPS_CHUNK_PAGES;
      if (mincore ((const void *) page, n * PGSIZE, states) != 0)
        continue;
      for (i = 0; i < n; i++)
        {
          counts.resident += (states[i] & MINCORE_RESIDENT) != 0;
          counts.swapped += (states[i] & MINCORE_SWAPPED) != 0;
          counts.dirty
              += (states[i] & MINCORE_RESIDENT) && (states[i] & MINCORE_DIRTY);
          counts.shared += (states[i] & MINCORE_SHARED) != 0;
        }
    }
  return counts;
}

void
print_maps (void)
{
  struct region_info found[MAPS_REGIONS_MAX];
  int count = read_regions (found);
  int i;

  for (i = 0; i < count; i++)
    {
      const struct region_info *r = &found[i];
      char line[MAPS_NAME_COLUMN + 1];
      char mode[5];

      map_mode (r, mode);
      snprintf (line, sizeof line, "%08x-%08x %s %08x 00:00 0", (unsigned) r->start,
                (unsigned) r->end, mode, (unsigned) r->offset);
      printf ("%-*s%s\n", *map_name (r) ? MAPS_NAME_COLUMN - 1 : 0, line,
              map_name (r));
    }
}

void
print_pmap (void)
{
  struct page_counts total = { 0, 0, 0, 0 };
  unsigned total_pages = 0;
  struct region_info found[MAPS_REGIONS_MAX];
  int count = read_regions (found);
  int i;

  printf (
      "Address   Kbytes     RSS    Swap   Dirty  Shared Mode  Kind    Mapping\n");
  for (i = 0; i < count; i++)
    {
      const struct region_info *r = &found[i];
      struct page_counts c = count_pages (r);
      unsigned pages = (r->end - r->start) / PGSIZE;
      char mode[5];

      map_mode (r, mode);
      mode[3] = r->flags & REGION_SHARED ? 's' : '-';
      printf ("%08x %7u %7u %7u %7u %7u %s- %-7s %s\n", (unsigned) r->start,
              KB (pages), KB (c.resident), KB (c.swapped), KB (c.dirty),
              KB (c.shared), mode, r->kind,
              *map_name (r) ? map_name (r) : "[ anon ]");
      total_pages += pages;
      total.resident += c.resident;
      total.swapped += c.swapped;
      total.dirty += c.dirty;
      total.shared += c.shared;
    }
  printf ("-------- ------- ------- ------- ------- -------\n");
  printf ("total kB %7u %7u %7u %7u %7u\n", KB (total_pages), KB (total.resident),
          KB (total.swapped), KB (total.dirty), KB (total.shared));
}
