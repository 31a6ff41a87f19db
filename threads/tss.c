/* The task-state segment; see tss.h. */

#include "threads/tss.h"
#include <debug.h>
#include "threads/thread.h"
#include "threads/vaddr.h"
#include "threads/gdt.h"

static struct tss tss = { .ss0 = SEL_KDSEG, .bitmap = 0xdfff };

/* The TSS, with ss0 set; esp0 is set by tss_update(). */
struct tss *
tss_get (void)
{
  return &tss;
}

/* Points esp0 at the top of the running thread's kernel stack, so a trap from
   user mode lands on it. Call on every switch to a thread. */
void
tss_update (void)
{
  tss.esp0 = (uint8_t *) thread_current () + PGSIZE;
}
