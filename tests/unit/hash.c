/* Host unit test for lib/kernel/hash.c: operations against an array model,
   growth and shrinking with thousands of elements, iteration, FNV-1a. */

#include <hash.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tests/unit/check.h"

struct entry
{
  int key;
  int value;  /* Not part of the key. */
  int visits; /* Bumped by iteration checks. */
  struct hash_elem elem;
};

static struct entry *
entry_of (const struct hash_elem *e)
{
  return hash_entry (e, struct entry, elem);
}

static unsigned
entry_hash (const struct hash_elem *e, void *aux)
{
  unsigned *modulus = aux;
  unsigned h = hash_int (entry_of (e)->key);

  /* A tiny modulus forces long collision chains. */
  return modulus != NULL ? h % *modulus : h;
}

static bool
entry_less (const struct hash_elem *a, const struct hash_elem *b, void *aux)
{
  (void) aux;
  return entry_of (a)->key < entry_of (b)->key;
}

static struct hash_elem *
find_key (struct hash *h, int key)
{
  struct entry probe;

  probe.key = key;
  return hash_find (h, &probe.elem);
}

static void
bump_visits (struct hash_elem *e, void *aux)
{
  (void) aux;
  entry_of (e)->visits++;
}

static int destroyed_cnt;

static void
destroy_entry (struct hash_elem *e, void *aux)
{
  (void) aux;
  destroyed_cnt++;
  free (entry_of (e));
}

/* Checks that H holds exactly the entries MODEL[k] != NULL, by lookup, by
   iterator and by hash_apply. */
static bool
matches_model (struct hash *h, struct entry **model, int key_cnt)
{
  struct hash_iterator it;
  size_t present = 0, seen = 0;
  bool ok = true;
  int k;

  for (k = 0; k < key_cnt; k++)
    {
      struct hash_elem *found = find_key (h, k);
      ok = ok && found == (model[k] != NULL ? &model[k]->elem : NULL);
      if (model[k] != NULL)
        {
          present++;
          model[k]->visits = 0;
        }
    }
  ok = ok && hash_size (h) == present && hash_empty (h) == (present == 0);

  hash_first (&it, h);
  while (hash_next (&it))
    {
      struct entry *e = entry_of (hash_cur (&it));
      ok = ok && e->key >= 0 && e->key < key_cnt && model[e->key] == e;
      e->visits++;
      seen++;
    }
  ok = ok && seen == present && hash_next (&it) == NULL && hash_cur (&it) == NULL;

  hash_apply (h, bump_visits);
  for (k = 0; k < key_cnt; k++)
    ok = ok && (model[k] == NULL || model[k]->visits == 2);
  return ok;
}

static struct entry *
new_entry (int key, int value)
{
  struct entry *e = malloc (sizeof *e);

  e->key = key;
  e->value = value;
  return e;
}

/* Random insert/replace/delete against an array indexed by key. */
static void
test_random_model (unsigned *modulus)
{
  enum
  {
    KEYS = 300,
    STEPS = 6000
  };
  struct entry *model[KEYS] = { NULL };
  struct hash h;
  int step;

  CHECK (hash_init (&h, entry_hash, entry_less, modulus));
  CHECK (matches_model (&h, model, KEYS));
  for (step = 0; step < STEPS; step++)
    {
      int key = rng () % KEYS;
      struct entry *e = new_entry (key, step);
      struct hash_elem *old;
      struct entry probe;

      switch (rng () % 3)
        {
        case 0:
          old = hash_insert (&h, &e->elem);
          CHECK (old == (model[key] != NULL ? &model[key]->elem : NULL));
          if (old == NULL)
            model[key] = e;
          else
            free (e);
          break;
        case 1:
          old = hash_replace (&h, &e->elem);
          CHECK (old == (model[key] != NULL ? &model[key]->elem : NULL));
          free (model[key]);
          model[key] = e;
          break;
        case 2:
          probe.key = key;
          old = hash_delete (&h, &probe.elem);
          CHECK (old == (model[key] != NULL ? &model[key]->elem : NULL));
          free (model[key]);
          model[key] = NULL;
          free (e);
          break;
        }
      if (step % 97 == 0 && !matches_model (&h, model, KEYS))
        CHECK (!"hash diverged from model");
    }
  CHECK (matches_model (&h, model, KEYS));
  destroyed_cnt = 0;
  {
    size_t size = hash_size (&h);
    hash_destroy (&h, destroy_entry);
    CHECK ((size_t) destroyed_cnt == size);
  }
}

/* Thousands of elements: the bucket array must grow to keep chains short,
   then shrink back as the table empties. */
static void
test_growth (void)
{
  enum
  {
    N = 20000
  };
  static struct entry entries[N];
  struct hash h;
  size_t max_buckets = 0;
  int i;

  CHECK (hash_init (&h, entry_hash, entry_less, NULL));
  for (i = 0; i < N; i++)
    {
      entries[i].key = i * 7919;
      CHECK (hash_insert (&h, &entries[i].elem) == NULL);
      if (h.bucket_cnt > max_buckets)
        max_buckets = h.bucket_cnt;
      if (h.elem_cnt > 2 * h.bucket_cnt)
        CHECK (!"load factor above 2");
    }
  CHECK (hash_size (&h) == N);
  CHECK (max_buckets >= N / 2);
  for (i = 0; i < N; i++)
    CHECK (find_key (&h, i * 7919) == &entries[i].elem);
  CHECK (find_key (&h, 1) == NULL);

  for (i = N - 1; i >= 0; i--)
    {
      struct entry probe;
      probe.key = i * 7919;
      CHECK (hash_delete (&h, &probe.elem) == &entries[i].elem);
      if (h.elem_cnt > 4 && h.elem_cnt * 2 < h.bucket_cnt / 2)
        CHECK (!"load factor far below 1/2");
    }
  CHECK (hash_empty (&h));
  CHECK (h.bucket_cnt <= 8);
  hash_destroy (&h, NULL);
}

static void
test_clear_and_empty_iteration (void)
{
  struct entry entries[10];
  struct hash_iterator it;
  struct hash h;
  int i;

  CHECK (hash_init (&h, entry_hash, entry_less, NULL));
  hash_first (&it, &h);
  CHECK (hash_cur (&it) == NULL);
  CHECK (hash_next (&it) == NULL);
  CHECK (hash_next (&it) == NULL);
  for (i = 0; i < 10; i++)
    {
      entries[i].key = i;
      hash_insert (&h, &entries[i].elem);
    }
  hash_clear (&h, NULL);
  CHECK (hash_empty (&h));
  CHECK (find_key (&h, 3) == NULL);
  /* A cleared table is reusable. */
  CHECK (hash_insert (&h, &entries[3].elem) == NULL);
  CHECK (find_key (&h, 3) == &entries[3].elem);
  hash_destroy (&h, NULL);
}

static void
test_hash_functions (void)
{
  /* Published FNV-1a 32-bit test vectors. */
  CHECK (hash_bytes ("", 0) == 0x811c9dc5u);
  CHECK (hash_bytes ("a", 1) == 0xe40c292cu);
  CHECK (hash_bytes ("foobar", 6) == 0xbf9cf968u);
  CHECK (hash_string ("foobar") == 0xbf9cf968u);
  CHECK (hash_string ("") == hash_bytes ("", 0));
  CHECK (hash_string ("\xff\x80") == hash_bytes ("\xff\x80", 2));
  {
    int i = 123456;
    CHECK (hash_int (i) == hash_bytes (&i, sizeof i));
    CHECK (hash_int (1) != hash_int (2));
  }
}

int
main (void)
{
  unsigned tiny_modulus = 3;

  rng_seed (88172645u);
  test_hash_functions ();
  test_clear_and_empty_iteration ();
  test_growth ();
  test_random_model (NULL);
  test_random_model (&tiny_modulus);
  return check_summary ("hash");
}
