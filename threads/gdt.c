/* The global descriptor table: flat 4 GB code and data segments for ring 0 and ring
   3, plus the TSS that tells the CPU which kernel stack to use on a trap from user
   mode. Segmentation is otherwise unused: paging does all protection. */

#include "threads/gdt.h"
#include <stdint.h>
#include "threads/tss.h"

/* Descriptor type and flag bits (Intel SDM vol. 3, §3.4.5). */
#define DESC_CODE 0xA  /* Execute/read. */
#define DESC_DATA 0x2  /* Read/write. */
#define DESC_TSS32 0x9 /* Available 32-bit TSS. */
#define DESC_S 0x10    /* Code or data (not system). */
#define DESC_P 0x80    /* Present. */
#define DESC_DPL_SHIFT 5
#define DESC_GRAN_4K 0x8 /* Limit counts 4 kB units. */
#define DESC_32BIT 0x4   /* 32-bit operands. */

static uint64_t gdt[SEL_CNT];

/* A segment descriptor for BASE, LIMIT with access byte ACCESS and flags FLAGS. */
static uint64_t
make_descriptor (uint32_t base, uint32_t limit, uint8_t access, uint8_t flags)
{
  uint64_t d = limit & 0xffff;
  d |= (uint64_t) (base & 0xffffff) << 16;
  d |= (uint64_t) access << 40;
  d |= (uint64_t) ((limit >> 16) & 0xf) << 48;
  d |= (uint64_t) flags << 52;
  d |= (uint64_t) (base >> 24) << 56;
  return d;
}

static uint64_t
flat_segment (uint8_t type, int dpl)
{
  return make_descriptor (0, 0xfffff,
                          type | DESC_S | DESC_P | (dpl << DESC_DPL_SHIFT),
                          DESC_GRAN_4K | DESC_32BIT);
}

/* Installs the GDT and the TSS and reloads every segment register. Call first in
   main(): the loader's GDT is not ours to keep. */
void
gdt_init (void)
{
  struct
  {
    uint16_t limit;
    void *base;
  } __attribute__ ((packed)) gdtr;
  struct tss *tss = tss_get ();

  gdt[SEL_NULL / 8] = 0;
  gdt[SEL_KCSEG / 8] = flat_segment (DESC_CODE, 0);
  gdt[SEL_KDSEG / 8] = flat_segment (DESC_DATA, 0);
  gdt[SEL_UCSEG / 8] = flat_segment (DESC_CODE, 3);
  gdt[SEL_UDSEG / 8] = flat_segment (DESC_DATA, 3);
  gdt[SEL_TSS / 8]
      = make_descriptor ((uint32_t) tss, sizeof *tss - 1, DESC_TSS32 | DESC_P, 0);

  gdtr.limit = sizeof gdt - 1;
  gdtr.base = gdt;
  asm volatile("lgdt %0\n\t"
               "ljmp %1, $1f\n"
               "1:\n\t"
               "movw %w2, %%ds\n\t"
               "movw %w2, %%es\n\t"
               "movw %w2, %%ss\n\t"
               "movw %w3, %%fs\n\t"
               "movw %w3, %%gs\n\t"
               "ltr %w4"
               :
               : "m"(gdtr), "i"(SEL_KCSEG), "r"(SEL_KDSEG), "r"(SEL_NULL),
                 "r"(SEL_TSS)
               : "memory");
}
