#ifndef LIB_KERNEL_HASH_H
#define LIB_KERNEL_HASH_H

/* Intrusive chained hash table.  An object that can sit in a table embeds a
   struct hash_elem; hash_entry turns an element pointer back into the object.
   The caller supplies a hash function and a "less" function; two elements
   are equal when neither is less than the other, and equal elements must
   hash alike.  A table holds at most one element per equal class.

   The bucket array doubles and halves as elements come and go (heap memory
   via malloc), keeping chains about one or two long.  If growing fails for
   lack of memory the table keeps working, only slower.  No locking: the
   owner serialises access. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <list.h>

struct hash_elem
{
  struct list_elem list_elem;
};

/* Converts HASH_ELEM, a pointer to the struct hash_elem named MEMBER inside a
   STRUCT, to a pointer to that STRUCT. */
#define hash_entry(HASH_ELEM, STRUCT, MEMBER)      \
  ((STRUCT *) ((uint8_t *) &(HASH_ELEM)->list_elem \
               - offsetof (STRUCT, MEMBER.list_elem)))

/* Returns the hash of E's key; AUX is the table's. */
typedef unsigned hash_hash_func (const struct hash_elem *e, void *aux);

/* Returns true if A's key is less than B's. */
typedef bool hash_less_func (const struct hash_elem *a, const struct hash_elem *b,
                             void *aux);

/* Does something to E: a visitor, or a destructor for hash_clear. */
typedef void hash_action_func (struct hash_elem *e, void *aux);

struct hash
{
  size_t elem_cnt;      /* Number of elements. */
  size_t bucket_cnt;    /* Number of buckets, a power of 2. */
  struct list *buckets; /* Array of BUCKET_CNT chains. */
  hash_hash_func *hash;
  hash_less_func *less;
  void *aux; /* Passed to HASH and LESS. */
};

/* Walks every element once, in no particular order.  Inserting into or
   deleting from the table invalidates every iterator on it. */
struct hash_iterator
{
  struct hash *hash;
  struct list *bucket;    /* Chain holding ELEM. */
  struct hash_elem *elem; /* Current element; NULL before the first. */
};

/* Life cycle. */
bool hash_init (struct hash *, hash_hash_func *, hash_less_func *, void *aux);
void hash_clear (struct hash *, hash_action_func *destructor);
void hash_destroy (struct hash *, hash_action_func *destructor);

/* Search, insertion, deletion. */
struct hash_elem *hash_insert (struct hash *, struct hash_elem *);
struct hash_elem *hash_replace (struct hash *, struct hash_elem *);
struct hash_elem *hash_find (struct hash *, struct hash_elem *);
struct hash_elem *hash_delete (struct hash *, struct hash_elem *);

/* Iteration. */
void hash_apply (struct hash *, hash_action_func *);
void hash_first (struct hash_iterator *, struct hash *);
struct hash_elem *hash_next (struct hash_iterator *);
struct hash_elem *hash_cur (struct hash_iterator *);

/* Information. */
size_t hash_size (struct hash *);
bool hash_empty (struct hash *);

/* Ready-made hash functions (32-bit FNV-1a). */
unsigned hash_bytes (const void *buf, size_t size);
unsigned hash_string (const char *s);
unsigned hash_int (int i);

#endif /* lib/kernel/hash.h */
