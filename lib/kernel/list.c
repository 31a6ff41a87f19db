#include "list.h"
#include <debug.h>

static bool
is_head (const struct list_elem *elem)
{
  return elem != NULL && elem->prev == NULL && elem->next != NULL;
}

static bool
is_interior (const struct list_elem *elem)
{
  return elem != NULL && elem->prev != NULL && elem->next != NULL;
}

static bool
is_tail (const struct list_elem *elem)
{
  return elem != NULL && elem->prev != NULL && elem->next == NULL;
}

/* Makes LIST empty.  Any elements it held are simply forgotten. */
void
list_init (struct list *list)
{
  ASSERT (list != NULL);
  list->head.prev = NULL;
  list->head.next = &list->tail;
  list->tail.prev = &list->head;
  list->tail.next = NULL;
}

/* Returns LIST's first element, or list_end (LIST) if it is empty. */
struct list_elem *
list_begin (struct list *list)
{
  ASSERT (list != NULL);
  return list->head.next;
}

/* Returns the element after ELEM, which may be the tail sentinel.  ELEM
   must be the head sentinel or an interior element. */
struct list_elem *
list_next (struct list_elem *elem)
{
  ASSERT (is_head (elem) || is_interior (elem));
  return elem->next;
}

/* Returns LIST's tail sentinel: the end marker of a forward walk. */
struct list_elem *
list_end (struct list *list)
{
  ASSERT (list != NULL);
  return &list->tail;
}

/* Returns LIST's last element, or list_rend (LIST) if it is empty. */
struct list_elem *
list_rbegin (struct list *list)
{
  ASSERT (list != NULL);
  return list->tail.prev;
}

/* Returns the element before ELEM, which may be the head sentinel.  ELEM
   must be an interior element or the tail sentinel. */
struct list_elem *
list_prev (struct list_elem *elem)
{
  ASSERT (is_interior (elem) || is_tail (elem));
  return elem->prev;
}

/* Returns LIST's head sentinel: the end marker of a backward walk. */
struct list_elem *
list_rend (struct list *list)
{
  ASSERT (list != NULL);
  return &list->head;
}

/* Returns LIST's head sentinel, for walks that advance before using the
   element: for (e = list_head (l); (e = list_next (e)) != list_end (l); ). */
struct list_elem *
list_head (struct list *list)
{
  ASSERT (list != NULL);
  return &list->head;
}

/* Returns LIST's tail sentinel. */
struct list_elem *
list_tail (struct list *list)
{
  ASSERT (list != NULL);
  return &list->tail;
}

/* Inserts ELEM, which must not be in a list, just before BEFORE, which is an
   interior element or a tail sentinel. */
void
list_insert (struct list_elem *before, struct list_elem *elem)
{
  ASSERT (is_interior (before) || is_tail (before));
  ASSERT (elem != NULL);
  elem->prev = before->prev;
  elem->next = before;
  before->prev->next = elem;
  before->prev = elem;
}

/* Moves the elements FIRST up to but not including LAST out of their list
   and inserts them, in order, just before BEFORE (possibly in another list).
   BEFORE must not lie within [FIRST, LAST).  An empty range does nothing. */
void
list_splice (struct list_elem *before, struct list_elem *first,
             struct list_elem *last)
{
  struct list_elem *final;

  ASSERT (is_interior (before) || is_tail (before));
  if (first == last)
    return;
  ASSERT (is_interior (first));
  ASSERT (is_interior (last) || is_tail (last));
  final = last->prev;

  /* Close the gap in the source list... */
  first->prev->next = last;
  last->prev = first->prev;

  /* ...and open one before BEFORE. */
  first->prev = before->prev;
  final->next = before;
  before->prev->next = first;
  before->prev = final;
}

/* Inserts ELEM at the front of LIST. */
void
list_push_front (struct list *list, struct list_elem *elem)
{
  list_insert (list_begin (list), elem);
}

/* Inserts ELEM at the back of LIST. */
void
list_push_back (struct list *list, struct list_elem *elem)
{
  list_insert (list_end (list), elem);
}

/* Removes interior element ELEM from its list and returns the element that
   followed it, so a loop can remove while walking:
   for (e = list_begin (l); e != list_end (l); ) e = keep ? list_next (e)
   : list_remove (e);  ELEM's links are left stale: it is in no list. */
struct list_elem *
list_remove (struct list_elem *elem)
{
  ASSERT (is_interior (elem));
  elem->prev->next = elem->next;
  elem->next->prev = elem->prev;
  return elem->next;
}

/* Removes and returns LIST's first element; LIST must not be empty. */
struct list_elem *
list_pop_front (struct list *list)
{
  struct list_elem *front = list_front (list);

  list_remove (front);
  return front;
}

/* Removes and returns LIST's last element; LIST must not be empty. */
struct list_elem *
list_pop_back (struct list *list)
{
  struct list_elem *back = list_back (list);

  list_remove (back);
  return back;
}

/* Returns LIST's first element; LIST must not be empty. */
struct list_elem *
list_front (struct list *list)
{
  ASSERT (!list_empty (list));
  return list->head.next;
}

/* Returns LIST's last element; LIST must not be empty. */
struct list_elem *
list_back (struct list *list)
{
  ASSERT (!list_empty (list));
  return list->tail.prev;
}

/* Returns how many elements LIST holds.  Walks the list: O(n). */
size_t
list_size (struct list *list)
{
  struct list_elem *e;
  size_t count = 0;

  for (e = list_begin (list); e != list_end (list); e = list_next (e))
    count++;
  return count;
}

/* Returns true if LIST has no elements.  O(1). */
bool
list_empty (struct list *list)
{
  return list_begin (list) == list_end (list);
}

static void
swap_links (struct list_elem **a, struct list_elem **b)
{
  struct list_elem *t = *a;
  *a = *b;
  *b = t;
}

/* Reverses the order of LIST's elements. */
void
list_reverse (struct list *list)
{
  struct list_elem *e;

  if (list_empty (list))
    return;
  /* Swapping each element's links reverses the chain; the sentinels then
     trade their neighbours. */
  for (e = list_begin (list); e != list_end (list); e = e->prev)
    swap_links (&e->prev, &e->next);
  swap_links (&list->head.next, &list->tail.prev);
  list->head.next->prev = &list->head;
  list->tail.prev->next = &list->tail;
}

/* Returns the element just past the sorted run that starts at RUN, i.e. the
   first element that is less than its predecessor, or END. */
static struct list_elem *
find_run_end (struct list_elem *run, struct list_elem *end, list_less_func *less,
              void *aux)
{
  do
    run = list_next (run);
  while (run != end && !less (run, run->prev, aux));
  return run;
}

/* Merges the adjacent sorted runs [A, B) and [B, END) in place.  Elements of
   the second run move in front of the first run's elements only when
   strictly less, which keeps the merge stable. */
static void
merge_runs (struct list_elem *a, struct list_elem *b, struct list_elem *end,
            list_less_func *less, void *aux)
{
  while (a != b && b != end)
    {
      if (less (b, a, aux))
        {
          struct list_elem *moved = b;
          b = list_next (b);
          list_splice (a, moved, b);
        }
      else
        a = list_next (a);
    }
}

/* Sorts LIST by LESS, stably (equal elements keep their order).  A natural
   merge sort: O(n log n) comparisons, O(n) on sorted input, no memory. */
void
list_sort (struct list *list, list_less_func *less, void *aux)
{
  size_t run_cnt;

  ASSERT (list != NULL && less != NULL);
  do
    {
      struct list_elem *a = list_begin (list);

      /* Each pass merges runs pairwise, halving their number. */
      run_cnt = 0;
      while (a != list_end (list))
        {
          struct list_elem *b = find_run_end (a, list_end (list), less, aux);
          struct list_elem *end = b;

          if (b != list_end (list))
            {
              end = find_run_end (b, list_end (list), less, aux);
              merge_runs (a, b, end, less, aux);
            }
          run_cnt++;
          a = end;
        }
    }
  while (run_cnt > 1);
}

/* Inserts ELEM into LIST, which must be sorted by LESS, keeping it sorted.
   ELEM goes after any elements equal to it. */
void
list_insert_ordered (struct list *list, struct list_elem *elem, list_less_func *less,
                     void *aux)
{
  struct list_elem *e;

  ASSERT (list != NULL && elem != NULL && less != NULL);
  for (e = list_begin (list); e != list_end (list); e = list_next (e))
    if (less (elem, e, aux))
      break;
  list_insert (e, elem);
}

/* Returns LIST's largest element by LESS (the first of several equal ones),
   or list_end (LIST) if LIST is empty. */
struct list_elem *
list_max (struct list *list, list_less_func *less, void *aux)
{
  struct list_elem *max = list_begin (list);
  struct list_elem *e;

  if (max == list_end (list))
    return max;
  for (e = list_next (max); e != list_end (list); e = list_next (e))
    if (less (max, e, aux))
      max = e;
  return max;
}

/* Returns LIST's smallest element by LESS (the first of several equal ones),
   or list_end (LIST) if LIST is empty. */
struct list_elem *
list_min (struct list *list, list_less_func *less, void *aux)
{
  struct list_elem *min = list_begin (list);
  struct list_elem *e;

  if (min == list_end (list))
    return min;
  for (e = list_next (min); e != list_end (list); e = list_next (e))
    if (less (e, min, aux))
      min = e;
  return min;
}
