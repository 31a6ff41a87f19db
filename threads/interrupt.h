#ifndef THREADS_INTERRUPT_H
#define THREADS_INTERRUPT_H

/* Interrupts: the IDT, the 8259A PICs, and the C side of every interrupt stub. */

#include <debug.h>
#include <stdbool.h>
#include <stdint.h>

enum intr_level
{
  INTR_OFF, /* Interrupts disabled. */
  INTR_ON   /* Interrupts enabled. */
};

enum intr_level intr_get_level (void);
enum intr_level intr_set_level (enum intr_level);
enum intr_level intr_enable (void);
enum intr_level intr_disable (void);

#define INTR_EXTERNAL_FIRST 0x20 /* IRQ 0 after the PIC remap. */
#define INTR_EXTERNAL_LAST 0x2f  /* IRQ 15. */
#define INTR_EXCEPTION_CNT 32    /* Vectors the CPU reserves for exceptions. */

/* The registers an interrupt stub saves, lowest address first: the layout of
   threads/intr-stubs.S, then what the CPU pushed. */
struct intr_frame
{
  uint32_t edi, esi, ebp, esp_dummy, ebx, edx, ecx, eax; /* pushal */
  uint16_t gs, : 16;
  uint16_t fs, : 16;
  uint16_t es, : 16;
  uint16_t ds, : 16;
  uint32_t vec_no;     /* Interrupt vector number. */
  uint32_t error_code; /* The CPU's, or 0. */
  void *frame_pointer; /* Saved %ebp, so backtraces cross the interrupt. */
  void (*eip) (void);  /* Interrupted instruction. */
  uint16_t cs, : 16;
  uint32_t eflags;
  void *esp; /* Only when the interrupt came from ring 3. */
  uint16_t ss, : 16;
};

typedef void intr_handler_func (struct intr_frame *);

void intr_init (void);
void intr_register_ext (uint8_t vec, intr_handler_func *, const char *name);
void intr_register_int (uint8_t vec, int dpl, enum intr_level, intr_handler_func *,
                        const char *name);
bool intr_context (void);
void intr_yield_on_return (void);
const char *intr_name (uint8_t vec);
bool intr_from_user (const struct intr_frame *);
void intr_dump_frame (const struct intr_frame *);
void intr_panic_frame (const struct intr_frame *) NO_RETURN;

#endif /* threads/interrupt.h */
