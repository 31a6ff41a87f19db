/* Interrupt dispatch: the IDT, the two 8259A PICs remapped to vectors 0x20-0x2f, and
   intr_handler(), which every stub in intr-stubs.S calls. Exceptions nobody claims
   are kernel bugs: they panic with the decoded frame. */

#include "threads/interrupt.h"
#include <debug.h>
#include <stdint.h>
#include <stdio.h>
#include "threads/cpu.h"
#include "threads/flags.h"
#include "threads/io.h"
#include "threads/thread.h"
#include "threads/gdt.h"

#define INTR_CNT 256

/* 8259A ports and commands. */
#define PIC_MASTER_CMD 0x20
#define PIC_MASTER_DATA 0x21
#define PIC_SLAVE_CMD 0xa0
#define PIC_SLAVE_DATA 0xa1
#define PIC_EOI 0x20
#define PIC_READ_ISR 0x0b
#define IRQ_CASCADE 2
#define IRQ_SPURIOUS_MASTER 7
#define IRQ_SPURIOUS_SLAVE 15

/* Gate types (Intel SDM vol. 3, §6.11). */
#define GATE_INTR 0xe /* Clears IF on entry. */
#define GATE_TRAP 0xf /* Leaves IF alone. */

static uint64_t idt[INTR_CNT];
static intr_handler_func *handlers[INTR_CNT];
static const char *names[INTR_CNT];
extern void *intr_stubs[INTR_CNT]; /* intr-stubs.S */

static bool in_external_intr; /* Handling an external interrupt now? */
static bool yield_on_return;  /* Yield when that handler returns? */

static const char *const exception_names[INTR_EXCEPTION_CNT] = {
  "#DE Divide Error",
  "#DB Debug",
  "NMI Interrupt",
  "#BP Breakpoint",
  "#OF Overflow",
  "#BR BOUND Range Exceeded",
  "#UD Invalid Opcode",
  "#NM Device Not Available",
  "#DF Double Fault",
  "Coprocessor Segment Overrun",
  "#TS Invalid TSS",
  "#NP Segment Not Present",
  "#SS Stack Fault",
  "#GP General Protection",
  "#PF Page Fault",
  "Reserved (15)",
  "#MF x87 FPU Floating-Point Error",
  "#AC Alignment Check",
  "#MC Machine Check",
  "#XM SIMD Floating-Point",
  "#VE Virtualization",
  "#CP Control Protection",
};

/* Returns the current interrupt state. */
enum intr_level
intr_get_level (void)
{
  uint32_t flags;
  asm volatile("pushfl; popl %0" : "=g"(flags));
  return flags & FLAG_IF ? INTR_ON : INTR_OFF;
}

/* Sets the interrupt state to LEVEL and returns the previous one. */
enum intr_level
intr_set_level (enum intr_level level)
{
  return level == INTR_ON ? intr_enable () : intr_disable ();
}

/* Enables interrupts and returns the previous state. Not allowed in a handler. */
enum intr_level
intr_enable (void)
{
  enum intr_level old = intr_get_level ();
  ASSERT (!intr_context ());
  asm volatile("sti");
  return old;
}

/* Disables interrupts and returns the previous state. */
enum intr_level
intr_disable (void)
{
  enum intr_level old = intr_get_level ();
  asm volatile("cli" : : : "memory");
  return old;
}

static void
pic_init (void)
{
  outb (PIC_MASTER_DATA, 0xff); /* Mask everything while we program. */
  outb (PIC_SLAVE_DATA, 0xff);
  outb (PIC_MASTER_CMD, 0x11); /* ICW1: edge, cascade, ICW4 follows. */
  outb (PIC_MASTER_DATA, INTR_EXTERNAL_FIRST);
  outb (PIC_MASTER_DATA, 1 << IRQ_CASCADE);
  outb (PIC_MASTER_DATA, 0x01); /* ICW4: 8086 mode. */
  outb (PIC_SLAVE_CMD, 0x11);
  outb (PIC_SLAVE_DATA, INTR_EXTERNAL_FIRST + 8);
  outb (PIC_SLAVE_DATA, IRQ_CASCADE);
  outb (PIC_SLAVE_DATA, 0x01);
  outb (PIC_MASTER_DATA, ~(1 << IRQ_CASCADE) & 0xff); /* Unmask on registration. */
  outb (PIC_SLAVE_DATA, 0xff);
}

static void
pic_unmask (int irq)
{
  uint16_t port = irq < 8 ? PIC_MASTER_DATA : PIC_SLAVE_DATA;
  outb (port, inb (port) & ~(1 << (irq & 7)));
}

static void
pic_end_of_interrupt (int irq)
{
  if (irq >= 8)
    outb (PIC_SLAVE_CMD, PIC_EOI);
  outb (PIC_MASTER_CMD, PIC_EOI);
}

/* A spurious IRQ 7 or 15 is not in the PIC's in-service register; it must not be
   acknowledged (15 still needs the master's EOI for the cascade). */
static bool
pic_spurious (int irq)
{
  if (irq == IRQ_SPURIOUS_MASTER || irq == IRQ_SPURIOUS_SLAVE)
    {
      uint16_t cmd = irq < 8 ? PIC_MASTER_CMD : PIC_SLAVE_CMD;
      outb (cmd, PIC_READ_ISR);
      if (!(inb (cmd) & (1 << (irq & 7))))
        {
          if (irq >= 8)
            outb (PIC_MASTER_CMD, PIC_EOI);
          return true;
        }
    }
  return false;
}

static uint64_t
make_gate (void *handler, int dpl, int type)
{
  uint32_t addr = (uint32_t) handler;
  return (addr & 0xffff) | ((uint64_t) SEL_KCSEG << 16)
         | ((uint64_t) (0x80 | (dpl << 5) | type) << 40)
         | ((uint64_t) (addr >> 16) << 48);
}

/* Sets up the PICs and the IDT; every vector starts out unhandled. */
void
intr_init (void)
{
  struct
  {
    uint16_t limit;
    void *base;
  } __attribute__ ((packed)) idtr;
  int i;

  pic_init ();
  for (i = 0; i < INTR_CNT; i++)
    {
      idt[i] = make_gate (intr_stubs[i], 0, GATE_INTR);
      names[i] = i < INTR_EXCEPTION_CNT && exception_names[i] != NULL
                     ? exception_names[i]
                     : "unknown";
    }
  idtr.limit = sizeof idt - 1;
  idtr.base = idt;
  asm volatile("lidt %0" : : "m"(idtr));
}

static void
register_handler (uint8_t vec, int dpl, enum intr_level level,
                  intr_handler_func *handler, const char *name)
{
  ASSERT (handlers[vec] == NULL);
  handlers[vec] = handler;
  names[vec] = name;
  idt[vec]
      = make_gate (intr_stubs[vec], dpl, level == INTR_ON ? GATE_TRAP : GATE_INTR);
}

/* Registers HANDLER for external interrupt VEC (0x20-0x2f), which runs with
   interrupts off and may not sleep, and unmasks that IRQ. */
void
intr_register_ext (uint8_t vec, intr_handler_func *handler, const char *name)
{
  ASSERT (vec >= INTR_EXTERNAL_FIRST && vec <= INTR_EXTERNAL_LAST);
  register_handler (vec, 0, INTR_OFF, handler, name);
  pic_unmask (vec - INTR_EXTERNAL_FIRST);
}

/* Registers HANDLER for internal interrupt VEC, reachable from privilege DPL (3 lets
   user code `int` it), entered with interrupts at LEVEL. */
void
intr_register_int (uint8_t vec, int dpl, enum intr_level level,
                   intr_handler_func *handler, const char *name)
{
  ASSERT (vec < INTR_EXTERNAL_FIRST || vec > INTR_EXTERNAL_LAST);
  register_handler (vec, dpl, level, handler, name);
}

/* True while handling an external interrupt. */
bool
intr_context (void)
{
  return in_external_intr;
}

/* Asks for a thread_yield() once the current external interrupt is done. */
void
intr_yield_on_return (void)
{
  ASSERT (intr_context ());
  yield_on_return = true;
}

/* The name VEC was registered under, or the exception's name. */
const char *
intr_name (uint8_t vec)
{
  return names[vec];
}

/* True if the interrupted code ran in ring 3. */
bool
intr_from_user (const struct intr_frame *f)
{
  return (f->cs & 3) == 3;
}

/* Prints FRAME: vector and name, decoded error code, and the registers. */
void
intr_dump_frame (const struct intr_frame *f)
{
  printf ("Interrupt 0x%02x (%s) at eip=%p\n", f->vec_no, intr_name (f->vec_no),
          (void *) f->eip);
  if (f->vec_no == VEC_PAGE_FAULT)
    printf (" cr2=%08x error=%08x: %s, %s, %s%s%s\n", read_cr2 (), f->error_code,
            f->error_code & PF_P ? "protection violation" : "page not present",
            f->error_code & PF_W ? "write" : "read",
            f->error_code & PF_U ? "user mode" : "kernel mode",
            f->error_code & PF_RSVD ? ", reserved bit set" : "",
            f->error_code & PF_I ? ", instruction fetch" : "");
  else if (f->error_code != 0)
    printf (" error=%08x (%s, %s, selector index %u)\n", f->error_code,
            f->error_code & SEL_ERR_EXT ? "external" : "internal",
            f->error_code & SEL_ERR_IDT   ? "IDT"
            : f->error_code & SEL_ERR_LDT ? "LDT"
                                          : "GDT",
            (unsigned) (f->error_code >> SEL_ERR_INDEX_SHIFT));
  printf (" eax=%08x ebx=%08x ecx=%08x edx=%08x\n", f->eax, f->ebx, f->ecx, f->edx);
  printf (" esi=%08x edi=%08x ebp=%08x esp=%p\n", f->esi, f->edi, f->ebp,
          intr_from_user (f) ? f->esp : (void *) &f->esp);
  printf (" cs=%04x ds=%04x es=%04x ss=%04x eflags=%08x\n", f->cs, f->ds, f->es,
          intr_from_user (f) ? f->ss : SEL_KDSEG, f->eflags);
}

/* Panics on an interrupt the kernel cannot survive, after dumping FRAME. */
void
intr_panic_frame (const struct intr_frame *f)
{
  intr_dump_frame (f);
  PANIC ("unexpected %s in %s", intr_name (f->vec_no),
         intr_from_user (f) ? "user mode" : "the kernel");
}

/* Called by intr_entry with the saved frame; runs the handler for the vector. */
void intr_handler (struct intr_frame *f);
void
intr_handler (struct intr_frame *f)
{
  bool external
      = f->vec_no >= INTR_EXTERNAL_FIRST && f->vec_no <= INTR_EXTERNAL_LAST;
  int irq = f->vec_no - INTR_EXTERNAL_FIRST;

  if (external)
    {
      ASSERT (intr_get_level () == INTR_OFF);
      ASSERT (!intr_context ());
      if (pic_spurious (irq))
        return;
      in_external_intr = true;
      yield_on_return = false;
    }

  /* A fault the kernel takes later on this process's behalf (inside a system
     call) judges stack growth by the user's %esp, as one taken in user mode does. */
  if (intr_from_user (f))
    thread_current ()->user_esp = f->esp;

  if (handlers[f->vec_no] != NULL)
    handlers[f->vec_no](f);
  else if (!external)
    intr_panic_frame (f);

  if (external)
    {
      in_external_intr = false;
      pic_end_of_interrupt (irq);
      if (yield_on_return)
        thread_yield ();
    }
}
