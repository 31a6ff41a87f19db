/* COM1, a 16550A UART. Output is polled: under QEMU the transmitter is always ready
   at once, and polling keeps panics printing with interrupts off. Input arrives by
   interrupt into the input queue (devices/input.h). */

#include "devices/serial.h"
#include "devices/input.h"
#include "threads/interrupt.h"
#include "threads/io.h"

#define COM1 0x3f8
#define REG_DATA (COM1 + 0)     /* Transmit/receive buffer (DLAB = 0). */
#define REG_IER (COM1 + 1)      /* Interrupt enable (DLAB = 0). */
#define REG_DLL (COM1 + 0)      /* Divisor low byte (DLAB = 1). */
#define REG_DLM (COM1 + 1)      /* Divisor high byte (DLAB = 1). */
#define REG_FCR (COM1 + 2)      /* FIFO control. */
#define REG_LCR (COM1 + 3)      /* Line control. */
#define REG_MCR (COM1 + 4)      /* Modem control. */
#define REG_LSR (COM1 + 5)      /* Line status. */

#define IER_RECV 0x01           /* Interrupt when data is received. */
#define LCR_8N1 0x03            /* 8 data bits, no parity, 1 stop bit. */
#define LCR_DLAB 0x80           /* Divisor latch access. */
#define MCR_OUT2 0x08           /* Lets the UART raise its IRQ line. */
#define LSR_DR 0x01             /* Data ready. */
#define LSR_THRE 0x20           /* Transmit holding register empty. */
#define UART_CLOCK 115200       /* Base rate; divisor = UART_CLOCK / baud. */
#define BAUD 115200
#define SERIAL_VEC (INTR_EXTERNAL_FIRST + 4)   /* COM1 is IRQ 4. */

/* Programs the UART for polled output. Safe to call before anything else. */
void serial_init (void)
{
  outb (REG_IER, 0);
  outb (REG_FCR, 0);
  outb (REG_LCR, LCR_DLAB);
  outb (REG_DLL, (UART_CLOCK / BAUD) & 0xff);
  outb (REG_DLM, (UART_CLOCK / BAUD) >> 8);
  outb (REG_LCR, LCR_8N1);
  outb (REG_MCR, MCR_OUT2);
}

static void serial_interrupt (struct intr_frame *f __attribute__ ((unused)))
{
  while (inb (REG_LSR) & LSR_DR)
    input_putc (inb (REG_DATA));
}

/* Starts taking input by interrupt. Needs intr_init() and input_init(). */
void serial_init_interrupts (void)
{
  intr_register_ext (SERIAL_VEC, serial_interrupt, "serial");
  outb (REG_IER, IER_RECV);
  serial_interrupt (NULL);      /* Drain anything that came before. */
}

/* Sends BYTE, waiting for the transmitter. */
void serial_putc (uint8_t byte)
{
  while (!(inb (REG_LSR) & LSR_THRE))
    continue;
  outb (REG_DATA, byte);
}
