/* Host unit test for lib/kernel/list.c: ordering, sorting (stability
   against a reference), and random operations against an array model. */

#include <list.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"

struct item
{
  int key; /* Sort key; often duplicated. */
  int id;  /* Original position, for stability. */
  struct list_elem elem;
};

static bool
key_less (const struct list_elem *a, const struct list_elem *b, void *aux)
{
  int *compare_cnt = aux;

  if (compare_cnt != NULL)
    (*compare_cnt)++;
  return list_entry (a, struct item, elem)->key
         < list_entry (b, struct item, elem)->key;
}

static int
id_of (struct list_elem *e)
{
  return list_entry (e, struct item, elem)->id;
}

/* Checks that LIST holds exactly the items with IDS[0..N) in order, walking
   both ways, and that every link is mutual. */
static bool
list_matches (struct list *list, const int *ids, size_t n)
{
  struct list_elem *e;
  size_t i = 0;
  bool ok = list_size (list) == n && list_empty (list) == (n == 0);

  for (e = list_begin (list); ok && e != list_end (list); e = list_next (e), i++)
    ok = i < n && id_of (e) == ids[i] && e->next->prev == e && e->prev->next == e;
  ok = ok && i == n;
  for (e = list_rbegin (list); ok && e != list_rend (list); e = list_prev (e))
    ok = i > 0 && id_of (e) == ids[--i];
  return ok && i == 0;
}

static void
fill (struct list *list, struct item *items, size_t n, int key_range)
{
  size_t i;

  list_init (list);
  for (i = 0; i < n; i++)
    {
      items[i].key = key_range > 0 ? (int) (rng () % key_range) : (int) i;
      items[i].id = i;
      list_push_back (list, &items[i].elem);
    }
}

static void
test_empty (void)
{
  struct list list;

  list_init (&list);
  CHECK (list_empty (&list));
  CHECK (list_size (&list) == 0);
  CHECK (list_begin (&list) == list_end (&list));
  CHECK (list_rbegin (&list) == list_rend (&list));
  CHECK (list_head (&list) == list_rend (&list));
  CHECK (list_tail (&list) == list_end (&list));
  CHECK (list_max (&list, key_less, NULL) == list_end (&list));
  CHECK (list_min (&list, key_less, NULL) == list_end (&list));
  list_sort (&list, key_less, NULL);
  list_reverse (&list);
  CHECK (list_matches (&list, NULL, 0));
}

static void
test_push_pop (void)
{
  struct item items[4];
  struct list list;
  int ids[] = { 2, 0, 1, 3 };
  int i;

  list_init (&list);
  for (i = 0; i < 4; i++)
    items[i].id = i;
  list_push_back (&list, &items[0].elem);
  list_push_back (&list, &items[1].elem);
  list_push_front (&list, &items[2].elem);
  list_push_back (&list, &items[3].elem);
  CHECK (list_matches (&list, ids, 4));
  CHECK (list_front (&list) == &items[2].elem);
  CHECK (list_back (&list) == &items[3].elem);
  CHECK (list_next (list_head (&list)) == &items[2].elem);
  CHECK (list_prev (list_tail (&list)) == &items[3].elem);

  CHECK (list_pop_front (&list) == &items[2].elem);
  CHECK (list_pop_back (&list) == &items[3].elem);
  CHECK (list_matches (&list, ids + 1, 2));
  CHECK (list_remove (&items[0].elem) == &items[1].elem);
  CHECK (list_remove (&items[1].elem) == list_end (&list));
  CHECK (list_matches (&list, NULL, 0));
}

static void
test_remove_while_walking (void)
{
  struct item items[10];
  struct list list;
  struct list_elem *e;
  int odd_ids[] = { 1, 3, 5, 7, 9 };

  fill (&list, items, 10, 0);
  for (e = list_begin (&list); e != list_end (&list);)
    e = id_of (e) % 2 == 0 ? list_remove (e) : list_next (e);
  CHECK (list_matches (&list, odd_ids, 5));
}

static void
test_reverse (void)
{
  struct item items[10];
  int ids[10];
  size_t n, i;

  for (n = 0; n <= 10; n++)
    {
      struct list list;

      fill (&list, items, n, 0);
      list_reverse (&list);
      for (i = 0; i < n; i++)
        ids[i] = n - 1 - i;
      CHECK (list_matches (&list, ids, n));
      list_reverse (&list);
      for (i = 0; i < n; i++)
        ids[i] = i;
      CHECK (list_matches (&list, ids, n));
    }
}

static void
test_splice (void)
{
  struct item a_items[5], b_items[3];
  struct list a, b;
  int i;

  fill (&a, a_items, 5, 0);
  list_init (&b);
  for (i = 0; i < 3; i++)
    {
      b_items[i].id = 10 + i;
      list_push_back (&b, &b_items[i].elem);
    }
  /* Move a[1..4) in front of b[1]. */
  list_splice (&b_items[1].elem, &a_items[1].elem, &a_items[4].elem);
  {
    int a_ids[] = { 0, 4 };
    int b_ids[] = { 10, 1, 2, 3, 11, 12 };
    CHECK (list_matches (&a, a_ids, 2));
    CHECK (list_matches (&b, b_ids, 6));
  }
  /* An empty range is a no-op; a whole list can move to another's end. */
  list_splice (list_end (&a), list_begin (&b), list_begin (&b));
  list_splice (list_end (&a), list_begin (&b), list_end (&b));
  {
    int a_ids[] = { 0, 4, 10, 1, 2, 3, 11, 12 };
    CHECK (list_matches (&a, a_ids, 8));
    CHECK (list_matches (&b, NULL, 0));
  }
}

static int
compare_key_then_id (const void *a_, const void *b_)
{
  const struct item *a = a_, *b = b_;

  if (a->key != b->key)
    return a->key < b->key ? -1 : 1;
  return a->id < b->id ? -1 : a->id > b->id;
}

/* Sorts N items with keys drawn from KEY_RANGE (0 = already ascending) and
   compares with a stable reference sort.  Returns the comparison count. */
static int
sort_and_compare (size_t n, int key_range, bool descending)
{
  struct item *items = malloc ((n + 1) * sizeof *items);
  struct item *reference = malloc ((n + 1) * sizeof *reference);
  int *ids = malloc ((n + 1) * sizeof *ids);
  struct list list;
  int compare_cnt = 0;
  size_t i;

  fill (&list, items, n, key_range);
  if (descending)
    for (i = 0; i < n; i++)
      items[i].key = n - i;
  memcpy (reference, items, n * sizeof *items);
  qsort (reference, n, sizeof *reference, compare_key_then_id);
  for (i = 0; i < n; i++)
    ids[i] = reference[i].id;

  list_sort (&list, key_less, &compare_cnt);
  CHECK (list_matches (&list, ids, n));
  free (items);
  free (reference);
  free (ids);
  return compare_cnt;
}

static void
test_sort (void)
{
  size_t n;
  int range;

  for (n = 0; n <= 70; n++)
    for (range = 1; range <= 64; range *= 4)
      sort_and_compare (n, range, false);
  sort_and_compare (5000, 10, false);
  sort_and_compare (5000, 1000000, false);
  /* Sorted input costs one pass; reversed input stays O(n log n). */
  CHECK (sort_and_compare (5000, 0, false) < 5000);
  CHECK (sort_and_compare (5000, 1, false) < 5000);
  CHECK (sort_and_compare (4096, 0, true) <= 2 * 4096 * 13);
}

static void
test_insert_ordered (void)
{
  enum
  {
    N = 300
  };
  struct item items[N], reference[N];
  int ids[N];
  struct list list;
  size_t i;

  list_init (&list);
  for (i = 0; i < N; i++)
    {
      items[i].key = rng () % 20;
      items[i].id = i;
      list_insert_ordered (&list, &items[i].elem, key_less, NULL);
    }
  memcpy (reference, items, sizeof items);
  qsort (reference, N, sizeof *reference, compare_key_then_id);
  for (i = 0; i < N; i++)
    ids[i] = reference[i].id;
  CHECK (list_matches (&list, ids, N));
}

static void
test_max_min (void)
{
  struct item items[6];
  int keys[] = { 3, 7, 1, 7, 1, 5 };
  struct list list;
  int i;

  list_init (&list);
  for (i = 0; i < 6; i++)
    {
      items[i].key = keys[i];
      items[i].id = i;
      list_push_back (&list, &items[i].elem);
    }
  /* Ties go to the earlier element. */
  CHECK (list_max (&list, key_less, NULL) == &items[1].elem);
  CHECK (list_min (&list, key_less, NULL) == &items[2].elem);
  list_init (&list);
  list_push_back (&list, &items[0].elem);
  CHECK (list_max (&list, key_less, NULL) == &items[0].elem);
  CHECK (list_min (&list, key_less, NULL) == &items[0].elem);
}

/* Random operations, mirrored on an array of ids. */
static void
test_random_model (void)
{
  enum
  {
    POOL = 64,
    STEPS = 20000
  };
  struct item items[POOL];
  bool in_list[POOL] = { false };
  int model[POOL];
  size_t model_len = 0;
  struct list list;
  int step, i;

  list_init (&list);
  for (i = 0; i < POOL; i++)
    items[i].id = i;
  for (step = 0; step < STEPS; step++)
    {
      int op = rng () % 6;
      size_t pos = model_len > 0 ? rng () % model_len : 0;
      struct list_elem *at = list_begin (&list);
      size_t k;

      for (k = 0; k < pos; k++)
        at = list_next (at);
      if (op <= 2 && model_len < POOL)
        {
          /* Insert a free item at front, back or POS. */
          int id;
          do
            id = rng () % POOL;
          while (in_list[id]);
          in_list[id] = true;
          if (op == 0)
            pos = 0, list_push_front (&list, &items[id].elem);
          else if (op == 1)
            pos = model_len, list_push_back (&list, &items[id].elem);
          else
            list_insert (at, &items[id].elem);
          memmove (model + pos + 1, model + pos, (model_len - pos) * sizeof *model);
          model[pos] = id;
          model_len++;
        }
      else if (op == 3 && model_len > 0)
        {
          struct list_elem *e
              = rng () % 2 ? list_pop_front (&list) : list_pop_back (&list);
          pos = id_of (e) == model[0] ? 0 : model_len - 1;
          CHECK (id_of (e) == model[pos]);
          in_list[model[pos]] = false;
          memmove (model + pos, model + pos + 1,
                   (model_len - pos - 1) * sizeof *model);
          model_len--;
        }
      else if (op == 4 && model_len > 0)
        {
          in_list[id_of (at)] = false;
          list_remove (at);
          memmove (model + pos, model + pos + 1,
                   (model_len - pos - 1) * sizeof *model);
          model_len--;
        }
      else if (op == 5)
        {
          list_reverse (&list);
          for (k = 0; k < model_len / 2; k++)
            {
              int t = model[k];
              model[k] = model[model_len - 1 - k];
              model[model_len - 1 - k] = t;
            }
        }
      if (!list_matches (&list, model, model_len))
        {
          CHECK (!"list diverged from model");
          return;
        }
    }
  CHECK (true);
}

int
main (void)
{
  rng_seed (12345);
  test_empty ();
  test_push_pop ();
  test_remove_while_walking ();
  test_reverse ();
  test_splice ();
  test_sort ();
  test_insert_ordered ();
  test_max_min ();
  test_random_model ();
  return check_summary ("list");
}
