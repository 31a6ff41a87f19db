#ifndef LIB_KERNEL_LIST_H
#define LIB_KERNEL_LIST_H

/* Doubly linked intrusive list.  An object that can sit in a list embeds a
   struct list_elem; list_entry turns an element pointer back into a pointer
   to the object.  Nothing here allocates memory.

   A list has two sentinel elements, HEAD before the first element and TAIL
   after the last, so insertion and removal never special-case the ends:
   list_begin .. list_end iterates forwards, list_rbegin .. list_rend
   backwards.  An element may be in at most one list at a time.  No locking:
   a list shared between threads needs its owner's lock. */

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct list_elem
{
  struct list_elem *prev;
  struct list_elem *next;
};

struct list
{
  struct list_elem head;
  struct list_elem tail;
};

/* Converts ELEM, a pointer to the struct list_elem named MEMBER inside a
   STRUCT, to a pointer to that STRUCT. */
#define list_entry(ELEM, STRUCT, MEMBER) \
  ((STRUCT *) ((uint8_t *) &(ELEM)->next - offsetof (STRUCT, MEMBER.next)))

/* Orders elements: true if A is strictly less than B.  AUX is passed through
   from the caller. */
typedef bool list_less_func (const struct list_elem *a, const struct list_elem *b,
                             void *aux);

void list_init (struct list *);

/* Traversal.  list_next and list_prev must not go past the sentinels. */
struct list_elem *list_begin (struct list *);
struct list_elem *list_next (struct list_elem *);
struct list_elem *list_end (struct list *);
struct list_elem *list_rbegin (struct list *);
struct list_elem *list_prev (struct list_elem *);
struct list_elem *list_rend (struct list *);
struct list_elem *list_head (struct list *);
struct list_elem *list_tail (struct list *);

/* Insertion and removal. */
void list_insert (struct list_elem *before, struct list_elem *elem);
void list_splice (struct list_elem *before, struct list_elem *first,
                  struct list_elem *last);
void list_push_front (struct list *, struct list_elem *);
void list_push_back (struct list *, struct list_elem *);
struct list_elem *list_remove (struct list_elem *);
struct list_elem *list_pop_front (struct list *);
struct list_elem *list_pop_back (struct list *);

/* Elements at the ends; the list must not be empty. */
struct list_elem *list_front (struct list *);
struct list_elem *list_back (struct list *);

/* Properties. */
size_t list_size (struct list *);
bool list_empty (struct list *);

/* Reordering and ordered operations. */
void list_reverse (struct list *);
void list_sort (struct list *, list_less_func *, void *aux);
void list_insert_ordered (struct list *, struct list_elem *, list_less_func *,
                          void *aux);
struct list_elem *list_max (struct list *, list_less_func *, void *aux);
struct list_elem *list_min (struct list *, list_less_func *, void *aux);

#endif /* lib/kernel/list.h */
