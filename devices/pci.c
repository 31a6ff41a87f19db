/* PCI configuration mechanism #1: writing a function's bus, device, function
   and register number (with the enable bit) to CONFIG_ADDRESS makes the dword
   register appear at CONFIG_DATA; a 16-bit register at offset 2 in that dword
   appears at CONFIG_DATA + 2. PCI Local Bus Specification 3.0, §3.2.2.3.2. */

#include "devices/pci.h"
#include <debug.h>
#include "threads/interrupt.h"
#include "threads/io.h"

#define CONFIG_ADDRESS 0xcf8
#define CONFIG_DATA 0xcfc
#define CONFIG_ENABLE 0x80000000u
#define DEVICES_PER_BUS 32
#define FUNCTIONS_PER_DEVICE 8
#define NO_VENDOR 0xffff /* What an empty slot's vendor ID reads as. */
#define HEADER_MULTIFUNCTION 0x00800000u /* In PCI_REG_HEADER. */

/* Selects register REG (its dword) of F; the caller keeps interrupts off until
   it has used the data port, so nobody selects another register meanwhile. */
static void
select_register (const struct pci_function *f, uint8_t reg)
{
  outl (CONFIG_ADDRESS, CONFIG_ENABLE | (uint32_t) f->bus << 16
                            | (uint32_t) f->device << 11
                            | (uint32_t) f->function << 8 | (reg & 0xfc));
}

/* The dword register of F at REG (a multiple of 4). */
uint32_t
pci_read_config (const struct pci_function *f, uint8_t reg)
{
  enum intr_level old = intr_disable ();
  uint32_t value;

  ASSERT (reg % 4 == 0);
  select_register (f, reg);
  value = inl (CONFIG_DATA);
  intr_set_level (old);
  return value;
}

/* Writes VALUE to the 16-bit register of F at REG (a multiple of 2), leaving
   the other half of its dword (often a status register whose bits a write of 1
   clears) alone. */
void
pci_write_config16 (const struct pci_function *f, uint8_t reg, uint16_t value)
{
  enum intr_level old = intr_disable ();

  ASSERT (reg % 2 == 0);
  select_register (f, reg);
  outw (CONFIG_DATA + (reg & 2), value);
  intr_set_level (old);
}

/* Finds the first function on bus 0 of CLASS and SUBCLASS; stores it in F and
   its programming interface in PROG_IF and returns true, or returns false. */
bool
pci_find_class (uint8_t class, uint8_t subclass, struct pci_function *f,
                uint8_t *prog_if)
{
  f->bus = 0;
  for (f->device = 0; f->device < DEVICES_PER_BUS; f->device++)
    for (f->function = 0; f->function < FUNCTIONS_PER_DEVICE; f->function++)
      {
        uint32_t class_reg;

        if ((pci_read_config (f, PCI_REG_ID) & 0xffff) == NO_VENDOR)
          {
            if (f->function == 0)
              break;
            continue;
          }
        class_reg = pci_read_config (f, PCI_REG_CLASS);
        if (class_reg >> 24 == class && ((class_reg >> 16) & 0xff) == subclass)
          {
            *prog_if = (class_reg >> 8) & 0xff;
            return true;
          }
        if (f->function == 0
            && !(pci_read_config (f, PCI_REG_HEADER) & HEADER_MULTIFUNCTION))
          break;
      }
  return false;
}
