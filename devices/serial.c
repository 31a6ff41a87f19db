/* COM1 and COM2, 16550A UARTs. Output is polled: under QEMU the transmitter is
   always ready at once, and polling keeps panics printing with interrupts off.
   Console input arrives on COM1 by interrupt into the input queue
   (devices/input.h). A port that is not there reads back all ones, so writing to
   a missing COM2 neither hangs nor fails. */

#include "devices/serial.h"
#include "devices/input.h"
#include "threads/interrupt.h"
#include "threads/io.h"

#define COM1 0x3f8 /* The console. */
#define COM2 0x2f8 /* The diagnostic stream. */
#define REG_DATA 0 /* Transmit/receive buffer (DLAB = 0). */
#define REG_IER 1  /* Interrupt enable (DLAB = 0). */
#define REG_DLL 0  /* Divisor low byte (DLAB = 1). */
#define REG_DLM 1  /* Divisor high byte (DLAB = 1). */
#define REG_FCR 2  /* FIFO control. */
#define REG_LCR 3  /* Line control. */
#define REG_MCR 4  /* Modem control. */
#define REG_LSR 5  /* Line status. */

#define IER_RECV 0x01     /* Interrupt when data is received. */
#define FCR_ON 0x07       /* FIFOs on and emptied; interrupt from 1 byte. */
#define LCR_8N1 0x03      /* 8 data bits, no parity, 1 stop bit. */
#define LCR_DLAB 0x80     /* Divisor latch access. */
#define MCR_OUT2 0x08     /* Lets the UART raise its IRQ line. */
#define LSR_DR 0x01       /* Data ready. */
#define LSR_THRE 0x20     /* Transmit holding register empty. */
#define UART_CLOCK 115200 /* Base rate; divisor = UART_CLOCK / baud. */
#define BAUD 115200
#define SERIAL_VEC (INTR_EXTERNAL_FIRST + 4) /* COM1 is IRQ 4. */

/* Programs the UART at PORT for polled output. */
static void
uart_init (uint16_t port)
{
  outb (port + REG_IER, 0);
  outb (port + REG_FCR, 0);
  outb (port + REG_LCR, LCR_DLAB);
  outb (port + REG_DLL, (UART_CLOCK / BAUD) & 0xff);
  outb (port + REG_DLM, (UART_CLOCK / BAUD) >> 8);
  outb (port + REG_LCR, LCR_8N1);
  outb (port + REG_MCR, MCR_OUT2);
}

/* Sends BYTE through the UART at PORT, waiting for its transmitter. */
static void
uart_putc (uint16_t port, uint8_t byte)
{
  while (!(inb (port + REG_LSR) & LSR_THRE))
    continue;
  outb (port + REG_DATA, byte);
}

/* Programs both ports for polled output. Safe to call before anything else. */
void
serial_init (void)
{
  uart_init (COM1);
  uart_init (COM2);
}

static void
serial_interrupt (struct intr_frame *f __attribute__ ((unused)))
{
  while (inb (COM1 + REG_LSR) & LSR_DR)
    input_putc (inb (COM1 + REG_DATA));
}

/* Starts taking console input by interrupt. Needs intr_init() and input_init(). */
void
serial_init_interrupts (void)
{
  intr_register_ext (SERIAL_VEC, serial_interrupt, "serial");
  outb (COM1 + REG_IER, IER_RECV);
  serial_interrupt (NULL); /* Drain anything that came before. */
}

/* Receives console input into COM1's 16-byte FIFO instead of its one-byte
   buffer, for input that comes in bursts: QEMU recording a run (utils/kestrel
   --record) hands the UART input without waiting for room. Turning the FIFO on
   empties it, so call this before input arrives (at boot, for -uart-fifo). */
void
serial_use_fifo (void)
{
  outb (COM1 + REG_FCR, FCR_ON);
}

/* Sends BYTE to the console port. */
void
serial_putc (uint8_t byte)
{
  uart_putc (COM1, byte);
}

/* Sends BYTE to the diagnostic port. */
void
serial_diag_putc (uint8_t byte)
{
  uart_putc (COM2, byte);
}
