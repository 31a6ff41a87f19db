/* Host unit test for vm/region.c: the sorted region set (add, remove, resize,
   find, overlaps, iteration), the file/zero split of each page and which pages
   can be a file's one cached copy, and the user-visible description. Ends with
   random operations checked against a page-by-page model. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* glibc before 2.38 has no strlcpy; snprintf does the same job (region.c does
   not use the length it returns). */
#define strlcpy(DST, SRC, SIZE) ((size_t) snprintf (DST, SIZE, "%s", SRC))

#include "vm/region.c"

#include "tests/unit/check.h"

/* ---- A stand-in for the file objects regions point at. ---- */

struct file_object
{
  int id;
};

static void
file_make (struct file_object *file)
{
  static int next_id;
  file->id = ++next_id;
}

/* ---- Helpers. ---- */

#define BASE 0x10000000u

/* The user address of page N (counted from BASE). */
static void *
page (int n)
{
  return (void *) (uintptr_t) (BASE + (uint32_t) n * PGSIZE);
}

/* Removes every region of SET. */
static void
region_set_destroy (struct region_set *set)
{
  while (region_first (set) != NULL)
    region_remove (set, region_first (set));
}

static struct region *
add_anon (struct region_set *set, int first, int end, enum region_kind kind)
{
  return region_add (set, page (first), page (end), true, false, NULL, kind);
}

static struct region *
add_file (struct region_set *set, int first, int end, struct file_object *file,
          off_t offset, uint32_t file_bytes, enum region_kind kind)
{
  struct region_backing backing;

  memset (&backing, 0, sizeof backing);
  backing.file = file;
  backing.offset = offset;
  backing.file_bytes = file_bytes;
  strlcpy (backing.name, "prog", sizeof backing.name);
  return region_add (set, page (first), page (end), false, true, &backing, kind);
}

/* True if SET's regions, in iteration order, are exactly the page ranges
   [FIRSTS[i], ENDS[i]) for i < N, and region_set_count says N. */
static bool
set_is (struct region_set *set, const int *firsts, const int *ends, int n)
{
  struct region *r;
  int i = 0;

  for (r = region_first (set); r != NULL; r = region_next (set, r), i++)
    if (i >= n || r->start != page (firsts[i]) || r->end != page (ends[i]))
      return false;
  return i == n && region_set_count (set) == n;
}

/* ---- The cases. ---- */

/* Adding in any order keeps the set sorted; iteration visits each once. */
static void
test_add_order (void)
{
  static const int orders[][4] = {
    { 0, 1, 2, 3 },
    { 3, 2, 1, 0 },
    { 2, 0, 3, 1 },
    { 1, 3, 0, 2 },
  };
  static const int firsts[] = { 0, 4, 10, 11 };
  static const int ends[] = { 2, 8, 11, 20 };
  size_t o;

  for (o = 0; o < sizeof orders / sizeof *orders; o++)
    {
      struct region_set set;
      int i;

      region_set_init (&set);
      CHECK (region_first (&set) == NULL && region_set_count (&set) == 0);
      for (i = 0; i < 4; i++)
        {
          int k = orders[o][i];
          CHECK (add_anon (&set, firsts[k], ends[k], REGION_BSS) != NULL);
        }
      CHECK (set_is (&set, firsts, ends, 4));
      CHECK (region_next (&set, region_first (&set))->start == page (4));
      region_set_destroy (&set);
      CHECK (region_set_count (&set) == 0 && region_first (&set) == NULL);
    }
}

/* Overlapping adds are refused and change nothing; touching edges are fine. */
static void
test_add_overlap (void)
{
  static const int firsts[] = { 4, 8 };
  static const int ends[] = { 8, 12 };
  struct region_set set;
  struct file_object file;

  region_set_init (&set);
  CHECK (add_anon (&set, 4, 8, REGION_DATA) != NULL);
  CHECK (add_anon (&set, 8, 12, REGION_BSS) != NULL);  /* Touches the end. */
  CHECK (add_anon (&set, 3, 5, REGION_BSS) == NULL);   /* One page at the front. */
  CHECK (add_anon (&set, 11, 13, REGION_BSS) == NULL); /* One page at the back. */
  CHECK (add_anon (&set, 7, 9, REGION_BSS) == NULL);   /* Straddles both. */
  CHECK (add_anon (&set, 2, 14, REGION_BSS) == NULL);  /* Contains both. */
  CHECK (add_anon (&set, 5, 6, REGION_BSS) == NULL);   /* Inside one. */
  CHECK (add_anon (&set, 4, 8, REGION_BSS) == NULL);   /* The same range. */
  CHECK (set_is (&set, firsts, ends, 2));

  /* A refused region leaves its file to the caller, unclosed. */
  file_make (&file);
  CHECK (add_file (&set, 6, 10, &file, 0, PGSIZE, REGION_TEXT) == NULL);

  CHECK (add_anon (&set, 3, 4, REGION_BSS) != NULL); /* Touches the start. */
  CHECK (add_anon (&set, 12, 13, REGION_BSS) != NULL);
  region_set_destroy (&set);
}

/* region_find: first byte, last byte, end exclusive, gaps, empty set. */
static void
test_find (void)
{
  struct region_set set;
  struct region *a, *b;

  region_set_init (&set);
  CHECK (region_find (&set, page (0)) == NULL);
  a = add_anon (&set, 2, 4, REGION_DATA);
  b = add_anon (&set, 6, 7, REGION_BSS);
  CHECK (region_find (&set, page (2)) == a);
  CHECK (region_find (&set, (uint8_t *) page (2) + 1) == a);
  CHECK (region_find (&set, (uint8_t *) page (4) - 1) == a);
  CHECK (region_find (&set, page (4)) == NULL);
  CHECK (region_find (&set, page (5)) == NULL);
  CHECK (region_find (&set, (uint8_t *) page (2) - 1) == NULL);
  CHECK (region_find (&set, page (6)) == b);
  CHECK (region_find (&set, (uint8_t *) page (7) - 1) == b);
  CHECK (region_find (&set, page (7)) == NULL);
  CHECK (region_find (&set, NULL) == NULL);
  CHECK (region_find (&set, (void *) 0xbfffffffu) == NULL);
  region_set_destroy (&set);
  CHECK (region_find (&set, page (2)) == NULL);
}

/* region_overlaps: any shared page counts, touching does not. */
static void
test_overlaps (void)
{
  struct region_set set;

  region_set_init (&set);
  CHECK (!region_overlaps (&set, page (0), page (100)));
  add_anon (&set, 4, 8, REGION_DATA);
  add_anon (&set, 10, 11, REGION_BSS);
  CHECK (!region_overlaps (&set, page (0), page (4)));
  CHECK (!region_overlaps (&set, page (8), page (10)));
  CHECK (!region_overlaps (&set, page (11), page (12)));
  CHECK (region_overlaps (&set, page (3), page (5)));
  CHECK (region_overlaps (&set, page (7), page (9)));
  CHECK (region_overlaps (&set, page (5), page (6)));
  CHECK (region_overlaps (&set, page (0), page (20)));
  CHECK (region_overlaps (&set, page (9), page (11)));
  CHECK (region_overlaps (&set, page (10), page (11)));
  region_set_destroy (&set);
}

/* region_remove at each position takes that region out and keeps the rest in
   order. */
static void
test_remove (void)
{
  static const int firsts_no_middle[] = { 0, 8 };
  static const int ends_no_middle[] = { 2, 10 };
  struct region_set set;
  struct file_object files[5];
  struct region *r[5];
  int i;

  region_set_init (&set);
  for (i = 0; i < 5; i++)
    {
      file_make (&files[i]);
      r[i] = add_file (&set, 4 * i, 4 * i + 2, &files[i], 0, PGSIZE, REGION_TEXT);
      CHECK (r[i] != NULL);
    }
  region_remove (&set, r[2]); /* Middle. */
  CHECK (region_set_count (&set) == 4);
  CHECK (region_find (&set, page (8)) == NULL);
  region_remove (&set, r[0]); /* First. */
  CHECK (region_first (&set) == r[1]);
  region_remove (&set, r[4]); /* Last. */
  CHECK (region_next (&set, r[3]) == NULL);
  region_set_destroy (&set);

  /* Removing anonymous regions (no file) and reusing the room. */
  region_set_init (&set);
  r[0] = add_anon (&set, 0, 2, REGION_BSS);
  r[1] = add_anon (&set, 4, 6, REGION_BSS);
  r[2] = add_anon (&set, 8, 10, REGION_BSS);
  region_remove (&set, r[1]);
  CHECK (set_is (&set, (const int[]){ 0, 8 }, (const int[]){ 2, 10 }, 2));
  CHECK (add_anon (&set, 2, 8, REGION_BSS) != NULL);
  CHECK (set_is (&set, (const int[]){ 0, 2, 8 }, (const int[]){ 2, 8, 10 }, 3));
  region_remove (&set, region_find (&set, page (2)));
  CHECK (set_is (&set, firsts_no_middle, ends_no_middle, 2));
  region_set_destroy (&set);
}

/* region_resize: grow down and up, shrink at both ends, refuse overlaps. */
static void
test_resize (void)
{
  struct region_set set;
  struct region *heap, *stack, *low;

  region_set_init (&set);
  low = add_anon (&set, 0, 2, REGION_DATA);
  heap = add_anon (&set, 2, 3, REGION_HEAP);
  stack = add_anon (&set, 30, 31, REGION_STACK);

  /* The stack grows down, the heap up. */
  CHECK (region_resize (&set, stack, page (28), page (31)));
  CHECK (stack->start == page (28) && stack->end == page (31));
  CHECK (region_find (&set, page (28)) == stack);
  CHECK (region_resize (&set, heap, page (2), page (10)));
  CHECK (heap->end == page (10) && region_find (&set, page (9)) == heap);
  CHECK (set_is (&set, (const int[]){ 0, 2, 28 }, (const int[]){ 2, 10, 31 }, 3));

  /* Into a neighbour, by one page or past it: refused, nothing moves. */
  CHECK (!region_resize (&set, heap, page (2), page (29)));
  CHECK (!region_resize (&set, heap, page (2), page (40)));
  CHECK (!region_resize (&set, heap, page (1), page (10)));
  CHECK (!region_resize (&set, stack, page (9), page (31)));
  CHECK (!region_resize (&set, stack, page (0), page (31)));
  CHECK (!region_resize (&set, low, page (0), page (3)));
  CHECK (set_is (&set, (const int[]){ 0, 2, 28 }, (const int[]){ 2, 10, 31 }, 3));

  /* Right up to a neighbour is allowed. */
  CHECK (region_resize (&set, heap, page (2), page (28)));
  CHECK (region_resize (&set, heap, page (2), page (10)));
  CHECK (region_resize (&set, stack, page (10), page (31)));
  CHECK (region_resize (&set, stack, page (28), page (31)));

  /* Shrinking at either end, and to the same range. */
  CHECK (region_resize (&set, heap, page (4), page (10)));
  CHECK (region_resize (&set, heap, page (4), page (6)));
  CHECK (region_resize (&set, heap, page (4), page (6)));
  CHECK (heap->start == page (4) && heap->end == page (6));
  CHECK (region_find (&set, page (3)) == NULL
         && region_find (&set, page (6)) == NULL);
  /* And growing back down into the room it left. */
  CHECK (region_resize (&set, heap, page (2), page (6)));
  CHECK (set_is (&set, (const int[]){ 0, 2, 28 }, (const int[]){ 2, 6, 31 }, 3));
  region_set_destroy (&set);
}

/* Moving the front of a file-backed region moves its file part with it. */
static void
test_resize_file (void)
{
  struct region_set set;
  struct file_object file;
  struct region *r;
  off_t offset;
  size_t bytes;

  file_make (&file);
  region_set_init (&set);
  r = add_file (&set, 0, 6, &file, 2 * PGSIZE, 3 * PGSIZE + 100, REGION_TEXT);
  CHECK (r != NULL);

  CHECK (region_resize (&set, r, page (1), page (6)));
  CHECK (r->backing.offset == 3 * PGSIZE
         && r->backing.file_bytes == 2 * PGSIZE + 100);
  CHECK (region_page_from_file (r, page (1), &offset, &bytes));
  CHECK (offset == 3 * PGSIZE && bytes == PGSIZE);
  CHECK (region_page_from_file (r, page (3), &offset, &bytes));
  CHECK (offset == 5 * PGSIZE && bytes == 100);

  CHECK (region_resize (&set, r, page (3), page (6)));
  CHECK (r->backing.offset == 5 * PGSIZE && r->backing.file_bytes == 100);
  CHECK (region_page_from_file (r, page (3), &offset, &bytes));
  CHECK (offset == 5 * PGSIZE && bytes == 100);
  CHECK (!region_page_from_file (r, page (4), &offset, &bytes));

  /* Past the file part: nothing of the file is left. */
  CHECK (region_resize (&set, r, page (4), page (6)));
  CHECK (r->backing.file_bytes == 0);
  CHECK (!region_page_from_file (r, page (4), &offset, &bytes));

  /* Cutting the end clamps the file part to what is left. */
  r = add_file (&set, 10, 14, &file, 0, 3 * PGSIZE + 100, REGION_DATA);
  CHECK (region_resize (&set, r, page (10), page (12)));
  CHECK (r->backing.offset == 0 && r->backing.file_bytes == 2 * PGSIZE);
  CHECK (region_resize (&set, r, page (10), page (14)));
  CHECK (r->backing.file_bytes == 2 * PGSIZE); /* Growing adds zeros. */
  CHECK (!region_page_from_file (r, page (12), &offset, &bytes));

  region_set_destroy (&set);
}

/* region_page_from_file: whole pages, the partial last page, zero pages. */
static void
test_page_from_file (void)
{
  struct region_set set;
  struct file_object file;
  struct region *r;
  off_t offset = -1;
  size_t bytes = 0;

  file_make (&file);
  region_set_init (&set);
  r = add_file (&set, 0, 4, &file, 3 * PGSIZE, 2 * PGSIZE + 100, REGION_TEXT);
  CHECK (region_page_from_file (r, page (0), &offset, &bytes));
  CHECK (offset == 3 * PGSIZE && bytes == PGSIZE);
  CHECK (region_page_from_file (r, page (1), &offset, &bytes));
  CHECK (offset == 4 * PGSIZE && bytes == PGSIZE);
  CHECK (region_page_from_file (r, page (2), &offset, &bytes));
  CHECK (offset == 5 * PGSIZE && bytes == 100);
  offset = -1;
  bytes = 7;
  CHECK (!region_page_from_file (r, page (3), &offset, &bytes));

  /* An exact number of pages: no partial page. */
  r = add_file (&set, 10, 12, &file, 0, PGSIZE, REGION_DATA);
  CHECK (region_page_from_file (r, page (10), &offset, &bytes));
  CHECK (offset == 0 && bytes == PGSIZE);
  CHECK (!region_page_from_file (r, page (11), &offset, &bytes));

  /* One byte more than a page: the second page holds just that byte. */
  r = add_file (&set, 14, 17, &file, 0, PGSIZE + 1, REGION_DATA);
  CHECK (region_page_from_file (r, page (14), &offset, &bytes));
  CHECK (offset == 0 && bytes == PGSIZE);
  CHECK (region_page_from_file (r, page (15), &offset, &bytes));
  CHECK (offset == PGSIZE && bytes == 1);
  CHECK (!region_page_from_file (r, page (16), &offset, &bytes));

  /* Anonymous: every page is zero. */
  r = add_anon (&set, 20, 22, REGION_BSS);
  CHECK (!region_page_from_file (r, page (20), &offset, &bytes));
  CHECK (!region_page_from_file (r, page (21), &offset, &bytes));
  region_set_destroy (&set);
}

/* region_page_is_whole_file_page: a page of a private region is the file's one
   cached copy only when it is all file bytes; in a shared mapping the file's
   last, partial page is too; an anonymous page never is. */
static void
test_whole_file_page (void)
{
  struct region_set set;
  struct file_object file;
  struct region *r;

  file_make (&file);
  region_set_init (&set);
  r = add_file (&set, 0, 4, &file, 0, 2 * PGSIZE + 100, REGION_DATA);
  CHECK (region_page_is_whole_file_page (r, page (0)));
  CHECK (region_page_is_whole_file_page (r, page (1)));
  CHECK (!region_page_is_whole_file_page (r, page (2))); /* 100 bytes, then zeros. */
  CHECK (!region_page_is_whole_file_page (r, page (3))); /* All zeros. */
  r->shared = true;
  CHECK (region_page_is_whole_file_page (r, page (2)));
  CHECK (!region_page_is_whole_file_page (r, page (3)));
  r = add_anon (&set, 10, 11, REGION_BSS);
  CHECK (!region_page_is_whole_file_page (r, page (10)));
  region_set_destroy (&set);
}

/* region_describe: range, rights, file bytes, kind, file name and offset (none
   for an anonymous region); every kind has its name. */
static void
test_describe (void)
{
  static const struct
  {
    bool writable, executable;
    uint32_t flags;
  } rights[] = {
    { false, false, REGION_READ },
    { true, false, REGION_READ | REGION_WRITE },
    { false, true, REGION_READ | REGION_EXEC },
    { true, true, REGION_READ | REGION_WRITE | REGION_EXEC },
  };
  struct region_set set;
  struct region_info info;
  struct file_object file;
  struct region *r;
  size_t i;

  region_set_init (&set);
  for (i = 0; i < sizeof rights / sizeof *rights; i++)
    {
      r = region_add (&set, page (2 * i), page (2 * i + 1), rights[i].writable,
                      rights[i].executable, NULL, REGION_STACK);
      memset (&info, 0xff, sizeof info);
      region_describe (r, &info);
      CHECK_DETAIL (info.flags == rights[i].flags, "rights %zu: flags %#x", i,
                    (unsigned) info.flags);
      CHECK (info.start == (uintptr_t) page (2 * i));
      CHECK (info.end == (uintptr_t) page (2 * i + 1));
      CHECK (info.file_bytes == 0 && strcmp (info.kind, "stack") == 0);
      CHECK (info.name[0] == '\0' && info.offset == 0);
    }

  file_make (&file);
  r = add_file (&set, 20, 23, &file, 0, PGSIZE + 9, REGION_RODATA);
  region_describe (r, &info);
  CHECK (info.file_bytes == PGSIZE + 9);
  CHECK (info.flags == (REGION_READ | REGION_EXEC));
  CHECK (strcmp (info.kind, "rodata") == 0);
  CHECK (strcmp (region_kind_name (REGION_TEXT), "text") == 0
         && strcmp (region_kind_name (REGION_DATA), "data") == 0
         && strcmp (region_kind_name (REGION_BSS), "bss") == 0
         && strcmp (region_kind_name (REGION_HEAP), "heap") == 0
         && strcmp (region_kind_name (REGION_MMAP), "mmap") == 0
         && strcmp (region_kind_name (REGION_STACK), "stack") == 0);
  CHECK (strcmp (r->backing.name, "prog") == 0);
  CHECK (strcmp (info.name, "prog") == 0 && info.offset == 0);
  CHECK ((info.flags & REGION_SHARED) == 0);
  region_set_destroy (&set);
}

/* Random adds, removes and resizes of anonymous regions over MODEL_PAGES pages,
   against a model holding each page's region (or NULL). */
#define MODEL_PAGES 64
static void
test_random (void)
{
  struct region *owner[MODEL_PAGES];
  struct region_set set;
  int step;

  rng_seed (12345);
  region_set_init (&set);
  memset (owner, 0, sizeof owner);
  for (step = 0; step < 20000; step++)
    {
      int first = rng () % MODEL_PAGES;
      int end = first + 1 + rng () % (rng () % 4 == 0 ? 16 : 4);
      int op = rng () % 4;
      bool free_range = true;
      int fail_before = fail_cnt;
      struct region *r;
      int p;

      if (end > MODEL_PAGES)
        end = MODEL_PAGES;
      if (op <= 1)
        {
          for (p = first; p < end; p++)
            free_range &= owner[p] == NULL;
          CHECK_DETAIL (region_overlaps (&set, page (first), page (end))
                            == !free_range,
                        "step %d: overlaps [%d,%d)", step, first, end);
          r = add_anon (&set, first, end, REGION_BSS);
          CHECK_DETAIL ((r != NULL) == free_range, "step %d: add [%d,%d)", step,
                        first, end);
          for (p = first; r != NULL && p < end; p++)
            owner[p] = r;
        }
      else if ((r = owner[rng () % MODEL_PAGES]) != NULL && op == 2)
        {
          for (p = 0; p < MODEL_PAGES; p++)
            if (owner[p] == r)
              owner[p] = NULL;
          region_remove (&set, r);
        }
      else if (r != NULL)
        {
          /* A new range: mostly around the old one (each end moves by up to 4
             pages), sometimes anywhere, jumping over neighbours. */
          if (rng () % 4 == 0)
            {
              first = (int) (rng () % MODEL_PAGES);
              end = first + 1 + (int) (rng () % 6);
            }
          else
            {
              first = (int) pg_no (r->start) - (int) pg_no (page (0))
                      + (int) (rng () % 9) - 4;
              end = (int) pg_no (r->end) - (int) pg_no (page (0))
                    + (int) (rng () % 9) - 4;
            }
          first = first < 0 ? 0 : first;
          end = end > MODEL_PAGES ? MODEL_PAGES : end;
          if (first >= end)
            continue;
          for (p = first; p < end; p++)
            free_range &= owner[p] == NULL || owner[p] == r;
          CHECK_DETAIL (region_resize (&set, r, page (first), page (end))
                            == free_range,
                        "step %d: resize to [%d,%d)", step, first, end);
          for (p = 0; free_range && p < MODEL_PAGES; p++)
            if (owner[p] == r || (p >= first && p < end))
              owner[p] = p >= first && p < end ? r : NULL;
        }

      /* Every page is found in its region; the set is sorted and disjoint. */
      for (p = 0; p < MODEL_PAGES; p++)
        CHECK_DETAIL (region_find (&set, (uint8_t *) page (p) + p * 61) == owner[p],
                      "step %d: page %d", step, p);
      {
        struct region *prev = NULL;
        int count = 0;

        for (r = region_first (&set); r != NULL; prev = r, r = region_next (&set, r))
          {
            CHECK_DETAIL (r->start < r->end
                              && (prev == NULL || prev->end <= r->start),
                          "step %d: order", step);
            count++;
          }
        CHECK_DETAIL (count == region_set_count (&set), "step %d: count", step);
      }
      if (fail_cnt != fail_before)
        break; /* Later steps would only repeat the damage. */
    }
  region_set_destroy (&set);
}

int
main (void)
{
  test_add_order ();
  test_add_overlap ();
  test_find ();
  test_overlaps ();
  test_remove ();
  test_resize ();
  test_resize_file ();
  test_page_from_file ();
  test_whole_file_page ();
  test_describe ();
  test_random ();
  return check_summary ("region");
}
