#ifndef THREADS_IO_H
#define THREADS_IO_H

/* x86 port I/O. */

#include <stddef.h>
#include <stdint.h>

static inline uint8_t
inb (uint16_t port)
{
  uint8_t data;
  asm volatile("inb %w1, %b0" : "=a"(data) : "Nd"(port));
  return data;
}

static inline uint16_t
inw (uint16_t port)
{
  uint16_t data;
  asm volatile("inw %w1, %w0" : "=a"(data) : "Nd"(port));
  return data;
}

/* Reads CNT 16-bit units from PORT into BUF (string I/O). */
static inline void
insw (uint16_t port, void *buf, size_t cnt)
{
  asm volatile("rep insw" : "+D"(buf), "+c"(cnt) : "d"(port) : "memory");
}

static inline uint32_t
inl (uint16_t port)
{
  uint32_t data;
  asm volatile("inl %w1, %0" : "=a"(data) : "Nd"(port));
  return data;
}

static inline void
outb (uint16_t port, uint8_t data)
{
  asm volatile("outb %b0, %w1" : : "a"(data), "Nd"(port));
}

static inline void
outw (uint16_t port, uint16_t data)
{
  asm volatile("outw %w0, %w1" : : "a"(data), "Nd"(port));
}

static inline void
outl (uint16_t port, uint32_t data)
{
  asm volatile("outl %0, %w1" : : "a"(data), "Nd"(port));
}

/* Writes CNT 16-bit units from BUF to PORT (string I/O). */
static inline void
outsw (uint16_t port, const void *buf, size_t cnt)
{
  asm volatile("rep outsw" : "+S"(buf), "+c"(cnt) : "d"(port));
}

#endif /* threads/io.h */
