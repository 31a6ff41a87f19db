#include "hash.h"
#include <debug.h>
#include <stdlib.h>

/* The table grows when chains average more than MAX_LOAD elements and
   shrinks when they average fewer than 1/2; the gap between the two stops a
   table near a boundary from resizing on every call. */
#define MIN_BUCKETS 4
#define MAX_LOAD 2

static struct hash_elem *
elem_of (struct list_elem *e)
{
  return list_entry (e, struct hash_elem, list_elem);
}

/* Returns the chain that E belongs in, in an array of BUCKET_CNT chains. */
static struct list *
bucket_for (struct hash *h, struct list *buckets, size_t bucket_cnt,
            const struct hash_elem *e)
{
  return &buckets[h->hash (e, h->aux) & (bucket_cnt - 1)];
}

/* Returns the element of BUCKET equal to E, or NULL. */
static struct hash_elem *
find_in_bucket (struct hash *h, struct list *bucket, const struct hash_elem *e)
{
  struct list_elem *le;

  for (le = list_begin (bucket); le != list_end (bucket); le = list_next (le))
    {
      struct hash_elem *candidate = elem_of (le);
      if (!h->less (candidate, e, h->aux) && !h->less (e, candidate, h->aux))
        return candidate;
    }
  return NULL;
}

/* Returns an array of COUNT empty chains, or NULL if memory is short. */
static struct list *
alloc_buckets (size_t count)
{
  struct list *buckets = malloc (count * sizeof *buckets);
  size_t i;

  if (buckets != NULL)
    for (i = 0; i < count; i++)
      list_init (&buckets[i]);
  return buckets;
}

/* Moves H's elements into NEW_CNT buckets; keeps the old array if no
   memory is available, since a crowded table still works. */
static void
resize (struct hash *h, size_t new_cnt)
{
  struct list *new_buckets = alloc_buckets (new_cnt);
  size_t i;

  if (new_buckets == NULL)
    return;
  for (i = 0; i < h->bucket_cnt; i++)
    while (!list_empty (&h->buckets[i]))
      {
        struct list_elem *le = list_pop_front (&h->buckets[i]);
        struct list *bucket = bucket_for (h, new_buckets, new_cnt, elem_of (le));
        list_push_front (bucket, le);
      }
  free (h->buckets);
  h->buckets = new_buckets;
  h->bucket_cnt = new_cnt;
}

/* Resizes H if its load has drifted out of bounds. */
static void
rebalance (struct hash *h)
{
  if (h->elem_cnt > MAX_LOAD * h->bucket_cnt)
    resize (h, h->bucket_cnt * 2);
  else if (h->bucket_cnt > MIN_BUCKETS && h->elem_cnt < h->bucket_cnt / 2)
    resize (h, h->bucket_cnt / 2);
}

static struct hash_elem *
find (struct hash *h, const struct hash_elem *e)
{
  return find_in_bucket (h, bucket_for (h, h->buckets, h->bucket_cnt, e), e);
}

/* Initialises H as an empty table using HASH and LESS (both called with AUX).
   Returns false, leaving H unusable, if memory is short. */
bool
hash_init (struct hash *h, hash_hash_func *hash, hash_less_func *less, void *aux)
{
  ASSERT (h != NULL && hash != NULL && less != NULL);
  h->elem_cnt = 0;
  h->bucket_cnt = MIN_BUCKETS;
  h->buckets = alloc_buckets (MIN_BUCKETS);
  h->hash = hash;
  h->less = less;
  h->aux = aux;
  return h->buckets != NULL;
}

/* Removes every element from H.  If DESTRUCTOR is not NULL it is called on
   each element after its removal, so it may free the element; it must not
   touch H. */
void
hash_clear (struct hash *h, hash_action_func *destructor)
{
  size_t i;

  for (i = 0; i < h->bucket_cnt; i++)
    while (!list_empty (&h->buckets[i]))
      {
        struct hash_elem *e = elem_of (list_pop_front (&h->buckets[i]));
        if (destructor != NULL)
          destructor (e, h->aux);
      }
  h->elem_cnt = 0;
}

/* Clears H as hash_clear does, then frees its buckets.  H must be
   hash_init'ed again before reuse. */
void
hash_destroy (struct hash *h, hash_action_func *destructor)
{
  hash_clear (h, destructor);
  free (h->buckets);
  h->buckets = NULL;
  h->bucket_cnt = 0;
}

/* Inserts NEW into H unless H already holds an equal element.  Returns that
   equal element (H unchanged), or NULL if NEW was inserted. */
struct hash_elem *
hash_insert (struct hash *h, struct hash_elem *new)
{
  struct list *bucket = bucket_for (h, h->buckets, h->bucket_cnt, new);
  struct hash_elem *old = find_in_bucket (h, bucket, new);

  if (old != NULL)
    return old;
  list_push_front (bucket, &new->list_elem);
  h->elem_cnt++;
  rebalance (h);
  return NULL;
}

/* Inserts NEW into H, removing any equal element.  Returns the element
   replaced, or NULL if there was none. */
struct hash_elem *
hash_replace (struct hash *h, struct hash_elem *new)
{
  struct list *bucket = bucket_for (h, h->buckets, h->bucket_cnt, new);
  struct hash_elem *old = find_in_bucket (h, bucket, new);

  if (old != NULL)
    list_remove (&old->list_elem);
  else
    h->elem_cnt++;
  list_push_front (bucket, &new->list_elem);
  rebalance (h);
  return old;
}

/* Returns the element of H equal to E, or NULL.  E need only have its key
   filled in. */
struct hash_elem *
hash_find (struct hash *h, struct hash_elem *e)
{
  return find (h, e);
}

/* Removes the element of H equal to E and returns it, or returns NULL if
   there is none.  The caller owns (and may free) what is returned. */
struct hash_elem *
hash_delete (struct hash *h, struct hash_elem *e)
{
  struct hash_elem *found = find (h, e);

  if (found != NULL)
    {
      list_remove (&found->list_elem);
      h->elem_cnt--;
      rebalance (h);
    }
  return found;
}

/* Calls ACTION on each element of H, in no particular order.  ACTION may
   change an element's non-key data but must not insert or delete. */
void
hash_apply (struct hash *h, hash_action_func *action)
{
  size_t i;

  ASSERT (action != NULL);
  for (i = 0; i < h->bucket_cnt; i++)
    {
      struct list *bucket = &h->buckets[i];
      struct list_elem *le;

      for (le = list_begin (bucket); le != list_end (bucket); le = list_next (le))
        action (elem_of (le), h->aux);
    }
}

/* Starts iterator I over H, positioned before the first element:
     hash_first (&i, h);
     while (hash_next (&i)) { ... hash_cur (&i) ... }  */
void
hash_first (struct hash_iterator *i, struct hash *h)
{
  ASSERT (i != NULL && h != NULL);
  i->hash = h;
  i->bucket = h->buckets;
  i->elem = NULL;
}

/* Advances I and returns the next element, or NULL once all have been seen
   (and on every later call).  Undefined if the table changed since
   hash_first. */
struct hash_elem *
hash_next (struct hash_iterator *i)
{
  struct list *end = i->hash->buckets + i->hash->bucket_cnt;
  struct list_elem *le;

  if (i->bucket == end)
    return NULL;
  if (i->elem == NULL)
    le = list_begin (i->bucket);
  else
    le = list_next (&i->elem->list_elem);
  while (le == list_end (i->bucket))
    {
      if (++i->bucket == end)
        {
          i->elem = NULL;
          return NULL;
        }
      le = list_begin (i->bucket);
    }
  i->elem = elem_of (le);
  return i->elem;
}

/* Returns the element hash_next last returned, or NULL. */
struct hash_elem *
hash_cur (struct hash_iterator *i)
{
  return i->elem;
}

/* Returns the number of elements in H. */
size_t
hash_size (struct hash *h)
{
  return h->elem_cnt;
}

/* Returns true if H holds no elements. */
bool
hash_empty (struct hash *h)
{
  return h->elem_cnt == 0;
}

/* 32-bit FNV-1a parameters. */
#define FNV_OFFSET_BASIS 2166136261u
#define FNV_PRIME 16777619u

/* Returns a hash of the SIZE bytes at BUF. */
unsigned
hash_bytes (const void *buf_, size_t size)
{
  const unsigned char *buf = buf_;
  unsigned hash = FNV_OFFSET_BASIS;

  for (; size > 0; size--)
    hash = (hash ^ *buf++) * FNV_PRIME;
  return hash;
}

/* Returns a hash of null-terminated string S (not counting the null). */
unsigned
hash_string (const char *s)
{
  unsigned hash = FNV_OFFSET_BASIS;

  for (; *s != '\0'; s++)
    hash = (hash ^ (unsigned char) *s) * FNV_PRIME;
  return hash;
}

/* Returns a hash of integer I. */
unsigned
hash_int (int i)
{
  return hash_bytes (&i, sizeof i);
}
