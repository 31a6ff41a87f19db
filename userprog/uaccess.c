/* Fault-free copies between kernel buffers and the running process's memory,
   through pinned pages (vm/addrspace.h). */

#include "userprog/uaccess.h"
#include <stdint.h>
#include <string.h>
#include "threads/interrupt.h"
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "vm/addrspace.h"

/* The kernel address of user address UADDR in the running process, if the process
   may read it (and write it, if WRITE): its page is brought in if need be and
   pinned until user_unpin(). The address is valid up to the end of UADDR's page.
   NULL if the process may not access UADDR so, or cannot get the page (no memory),
   and always in a kernel thread. The caller must hold no file-system lock. */
void *
user_pin (const void *uaddr, bool write)
{
  struct thread *t = thread_current ();

  if (t->addrspace == NULL)
    return NULL;
  return addrspace_pin (t->addrspace, uaddr, write, t->user_esp);
}

/* Ends the pin of the page that user_pin() returned KADDR in. */
void
user_unpin (void *kaddr)
{
  addrspace_unpin (kaddr);
}

/* True if every byte of [UADDR, UADDR + SIZE) is user memory the running process
   may read (and write, if WRITE), resident or not: its regions decide, and the
   stack counts as far as it may grow from the user's %esp. */
bool
user_range_ok (const void *uaddr, size_t size, bool write)
{
  struct thread *t = thread_current ();

  return t->addrspace != NULL
         && addrspace_check_range (t->addrspace, uaddr, size, write, t->user_esp);
}

/* Bytes from UADDR to the end of its page, at most SIZE. */
static size_t
chunk (const void *uaddr, size_t size)
{
  size_t left = PGSIZE - pg_ofs (uaddr);
  return size < left ? size : left;
}

/* Copies N bytes, which lie in one page, from SRC to DST, one of them the user
   address UADDR (DST if TO_USER). A resident page is copied at once, with
   interrupts off so that nothing evicts it meanwhile (the fast path every system
   call's arguments take); any other is brought in and pinned for the copy.
   Returns false if the process may not access UADDR so. */
static bool
copy_chunk (void *dst, const void *src, size_t n, const void *uaddr, bool to_user)
{
  struct thread *t = thread_current ();
  enum intr_level old;
  void *k;

  if (t->addrspace == NULL)
    return false;
  old = intr_disable ();
  k = addrspace_peek (t->addrspace, uaddr, to_user);
  if (k != NULL)
    memcpy (to_user ? k : dst, to_user ? src : k, n);
  intr_set_level (old);
  if (k != NULL)
    return true;

  k = user_pin (uaddr, to_user);
  if (k == NULL)
    return false;
  memcpy (to_user ? k : dst, to_user ? src : k, n);
  user_unpin (k);
  return true;
}

/* Copies SIZE bytes from SRC to DST, the user side being DST if TO_USER and SRC
   if not, a page at a time. Returns false at the first user byte the process
   may not access so (the bytes before it have been copied). */
static bool
copy (void *dst, const void *src, size_t size, bool to_user)
{
  uint8_t *d = dst;
  const uint8_t *s = src;

  while (size > 0)
    {
      const void *uaddr = to_user ? (const void *) d : s;
      size_t n = chunk (uaddr, size);
      if (!copy_chunk (d, s, n, uaddr, to_user))
        return false;
      d += n;
      s += n;
      size -= n;
    }
  return true;
}

/* Copies SIZE bytes from user address USRC to kernel buffer DST. Returns false if
   any of the source bytes is not readable user memory (DST is then partly
   written). */
bool
user_copy_in (void *dst, const void *usrc, size_t size)
{
  return copy (dst, usrc, size, false);
}

/* Copies SIZE bytes from kernel buffer SRC to user address UDST. Returns false if
   any of the destination bytes is not writable user memory (the bytes before it
   have been written). */
bool
user_copy_out (void *udst, const void *src, size_t size)
{
  return copy (udst, src, size, true);
}

/* Copies the NUL-terminated user string at USRC into DST (SIZE > 0 bytes),
   always NUL-terminating DST. Returns the string's length if it fit (less than
   SIZE), SIZE if it did not (DST then holds its first SIZE - 1 bytes and the rest
   of the string is not examined), or -1 if a byte before its end (or before the
   cut) is not readable user memory. */
int
user_strlcpy (char *dst, const char *usrc, size_t size)
{
  size_t copied = 0;

  ASSERT (size > 0 && size <= INT32_MAX);
  while (copied < size)
    {
      size_t n = chunk (usrc + copied, size - copied);
      char *k = user_pin (usrc + copied, false);
      const char *nul;

      if (k == NULL)
        {
          dst[copied] = '\0';
          return -1;
        }
      nul = memchr (k, '\0', n);
      if (nul != NULL)
        {
          memcpy (dst + copied, k, nul - k + 1);
          user_unpin (k);
          return copied + (nul - k);
        }
      memcpy (dst + copied, k, n);
      user_unpin (k);
      copied += n;
    }
  dst[size - 1] = '\0';
  return size;
}
