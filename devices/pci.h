#ifndef DEVICES_PCI_H
#define DEVICES_PCI_H

/* PCI configuration space through configuration mechanism #1 (the address
   port 0xcf8 and the data port 0xcfc), on bus 0: enough for a driver to find its
   controller and read its base-address registers. */

#include <stdbool.h>
#include <stdint.h>

/* One function of one device on the bus. */
struct pci_function
{
  uint8_t bus, device, function;
};

/* Configuration-space registers (byte offsets) of the common header. */
#define PCI_REG_ID 0x00      /* Vendor (low 16 bits) and device (high). */
#define PCI_REG_COMMAND 0x04 /* 16 bits; the status register follows. */
/* Class, subclass, programming interface, revision. */
#define PCI_REG_CLASS 0x08
#define PCI_REG_HEADER 0x0c /* Header type in bits 16-23. */
#define PCI_REG_BAR0 0x10   /* Base-address registers, 4 bytes apart. */

#define PCI_COMMAND_IO 0x0001         /* The function answers its I/O ports. */
#define PCI_COMMAND_BUS_MASTER 0x0004 /* The function may master the bus (DMA). */
#define PCI_BAR_IO 0x1                /* Bit 0 of a BAR: an I/O-port range. */
#define PCI_BAR_IO_MASK 0xfffffffc    /* The port base of an I/O BAR. */

uint32_t pci_read_config (const struct pci_function *, uint8_t reg);
void pci_write_config16 (const struct pci_function *, uint8_t reg, uint16_t value);
bool pci_find_class (uint8_t class, uint8_t subclass, struct pci_function *,
                     uint8_t *prog_if);

#endif /* devices/pci.h */
