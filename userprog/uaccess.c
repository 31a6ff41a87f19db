/* Fault-free copies between kernel buffers and the running process's memory.
   The virtual-memory issue makes user_resolve() bring a non-resident page in
   (and pin it); nothing else here needs to change. */

#include "userprog/uaccess.h"
#include <stdint.h>
#include <string.h>
#include "threads/pte.h"
#include "threads/vaddr.h"
#include "userprog/pagedir.h"
#include "userprog/process.h"

/* The kernel address of user address UADDR in the running process, if UADDR is
   a user address whose page is present and user-accessible (and writable, if
   WRITE): the address to read or write instead, valid up to the end of UADDR's
   page. NULL otherwise, and always in a kernel thread. */
void *user_resolve (const void *uaddr, bool write)
{
  struct process *p = process_current ();
  uint32_t *pte;

  if (p == NULL || !is_user_vaddr (uaddr))
    return NULL;
  pte = pagedir_lookup_pte (p->pagedir, uaddr, false);
  if (pte == NULL || !(*pte & PTE_P) || !(*pte & PTE_U) || (write && !(*pte & PTE_W)))
    return NULL;
  return (uint8_t *) pte_get_page (*pte) + pg_ofs (uaddr);
}

/* Bytes from UADDR to the end of its page, at most SIZE. */
static size_t chunk (const void *uaddr, size_t size)
{
  size_t left = PGSIZE - pg_ofs (uaddr);
  return size < left ? size : left;
}

/* Copies SIZE bytes from user address USRC to kernel buffer DST. Returns false if
   any of the source bytes is not readable user memory (DST is then partly
   written). */
bool user_copy_in (void *dst, const void *usrc, size_t size)
{
  uint8_t *d = dst;
  const uint8_t *s = usrc;

  while (size > 0)
    {
      size_t n = chunk (s, size);
      const void *k = user_resolve (s, false);
      if (k == NULL)
        return false;
      memcpy (d, k, n);
      d += n;
      s += n;
      size -= n;
    }
  return true;
}

/* Copies SIZE bytes from kernel buffer SRC to user address UDST. Returns false if
   any of the destination bytes is not writable user memory (the bytes before it
   have been written). */
bool user_copy_out (void *udst, const void *src, size_t size)
{
  uint8_t *d = udst;
  const uint8_t *s = src;

  while (size > 0)
    {
      size_t n = chunk (d, size);
      void *k = user_resolve (d, true);
      if (k == NULL)
        return false;
      memcpy (k, s, n);
      d += n;
      s += n;
      size -= n;
    }
  return true;
}

/* Copies the NUL-terminated user string at USRC into DST (SIZE > 0 bytes),
   always NUL-terminating DST. Returns the string's length if it fit (less than
   SIZE), SIZE if it did not (DST then holds its first SIZE - 1 bytes and the rest
   of the string is not examined), or -1 if a byte before its end (or before the
   cut) is not readable user memory. */
int user_strlcpy (char *dst, const char *usrc, size_t size)
{
  size_t copied = 0;

  ASSERT (size > 0 && size <= INT32_MAX);
  while (copied < size)
    {
      size_t n = chunk (usrc + copied, size - copied);
      const char *k = user_resolve (usrc + copied, false);
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
          return copied + (nul - k);
        }
      memcpy (dst + copied, k, n);
      copied += n;
    }
  dst[size - 1] = '\0';
  return size;
}
