// SPDX-License-Identifier: GPL-2.0
/*
 * sdhci-vsoc: SDHCI register access over the block's 32-bit-only bus.
 *
 * The SDHCI core reads and writes 8-, 16- and 32-bit registers; the
 * block takes aligned 32-bit accesses only. Narrow reads extract their
 * part of the word; narrow writes read, modify and write the word back,
 * except where writing back what was read would do something:
 *
 * - Transfer Mode (0x00c) and Command (0x00e) share a word, and writing
 *   that word issues the command: Transfer Mode is kept aside and sent
 *   with the next Command write.
 * - the Software Reset byte (0x02f) self-clears: a reset still under way
 *   reads as set and must not be started again by a Clock Control or
 *   Timeout Control write.
 * - the interrupt status words (0x030) and Force Event (0x050) are write
 *   1 to act: only the bits of the narrow write are written.
 * - Auto CMD Error Status (0x03c) is read only; zeroes go there.
 */
#include <linux/bits.h>
#include <linux/device.h>
#include <linux/regmap.h>

#include <vsoc/compat.h>
#include <vsoc/sdhci-regs.h>

#include "sdhci-vsoc.h"

#define SDHCI_VSOC_FORCE_EVENT	0x050

/*
 * Bits of the word at @word that a narrow write of another part must
 * write as zero: write-1-to-act and self-clearing bits, read-only ones.
 */
static u32 sdhci_vsoc_io_keep_zero(unsigned int word)
{
	switch (word) {
	case VSOC_SDHCI_CLOCK_CONTROL:
		return VSOC_SDHCI_RESET_ALL | VSOC_SDHCI_RESET_CMD |
		       VSOC_SDHCI_RESET_DATA;
	case VSOC_SDHCI_INT_STATUS:
	case SDHCI_VSOC_FORCE_EVENT:
		return GENMASK(31, 0);
	case VSOC_SDHCI_ACMD_HOST_CONTROL2:
		return GENMASK(15, 0);
	default:
		return 0;
	}
}

/**
 * sdhci_vsoc_io_readl() - read a 32-bit word of the block
 * @vs: driver state
 * @reg: aligned offset
 *
 * Return: the word; all ones if the bus failed, as a block that is gone
 * reads on silicon (the SDHCI core takes that as a dead controller).
 */
u32 sdhci_vsoc_io_readl(struct sdhci_vsoc *vs, int reg)
{
	unsigned int val;

	if (regmap_read(vs->map, reg, &val))
		return GENMASK(31, 0);
	return val;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_io_readl);

u16 sdhci_vsoc_io_readw(struct sdhci_vsoc *vs, int reg)
{
	/* What the core last wrote there, not the register's last command. */
	if (reg == SDHCI_TRANSFER_MODE)
		return vs->xfer_mode;
	return sdhci_vsoc_io_readl(vs, reg & ~3) >> ((reg & 2) * 8);
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_io_readw);

u8 sdhci_vsoc_io_readb(struct sdhci_vsoc *vs, int reg)
{
	return sdhci_vsoc_io_readl(vs, reg & ~3) >> ((reg & 3) * 8);
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_io_readb);

void sdhci_vsoc_io_writel(struct sdhci_vsoc *vs, u32 val, int reg)
{
	int ret = regmap_write(vs->map, reg, val);

	if (ret)
		dev_warn_ratelimited(vs->dev, "write of %#x at %#x failed: %d\n",
				     val, reg, ret);
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_io_writel);

/* Write the bits @mask of the word at @word, leaving the others be. */
static void sdhci_vsoc_io_update(struct sdhci_vsoc *vs, unsigned int word,
				 u32 mask, u32 val)
{
	u32 zero = sdhci_vsoc_io_keep_zero(word) & ~mask;
	u32 old = 0;

	if (zero != (GENMASK(31, 0) & ~mask))
		old = sdhci_vsoc_io_readl(vs, word);
	sdhci_vsoc_io_writel(vs, (old & ~mask & ~zero) | (val & mask), word);
}

void sdhci_vsoc_io_writew(struct sdhci_vsoc *vs, u16 val, int reg)
{
	unsigned int shift = (reg & 2) * 8;

	switch (reg) {
	case SDHCI_TRANSFER_MODE:
		vs->xfer_mode = val;
		return;
	case SDHCI_COMMAND:
		sdhci_vsoc_io_writel(vs, (u32)val << 16 | vs->xfer_mode,
				     VSOC_SDHCI_XFER_CMD);
		return;
	}
	sdhci_vsoc_io_update(vs, reg & ~3, GENMASK(15, 0) << shift,
			     (u32)val << shift);
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_io_writew);

void sdhci_vsoc_io_writeb(struct sdhci_vsoc *vs, u8 val, int reg)
{
	unsigned int shift = (reg & 3) * 8;

	sdhci_vsoc_io_update(vs, reg & ~3, GENMASK(7, 0) << shift,
			     (u32)val << shift);
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_io_writeb);

/* The sdhci_ops accessors. */
u32 sdhci_vsoc_read_l(struct sdhci_host *host, int reg)
{
	return sdhci_vsoc_io_readl(sdhci_vsoc_priv(host), reg);
}

u16 sdhci_vsoc_read_w(struct sdhci_host *host, int reg)
{
	return sdhci_vsoc_io_readw(sdhci_vsoc_priv(host), reg);
}

u8 sdhci_vsoc_read_b(struct sdhci_host *host, int reg)
{
	return sdhci_vsoc_io_readb(sdhci_vsoc_priv(host), reg);
}

void sdhci_vsoc_write_l(struct sdhci_host *host, u32 val, int reg)
{
	sdhci_vsoc_io_writel(sdhci_vsoc_priv(host), val, reg);
}

void sdhci_vsoc_write_w(struct sdhci_host *host, u16 val, int reg)
{
	sdhci_vsoc_io_writew(sdhci_vsoc_priv(host), val, reg);
}

void sdhci_vsoc_write_b(struct sdhci_host *host, u8 val, int reg)
{
	sdhci_vsoc_io_writeb(sdhci_vsoc_priv(host), val, reg);
}
