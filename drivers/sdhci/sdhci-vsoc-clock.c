// SPDX-License-Identifier: GPL-2.0
/*
 * sdhci-vsoc: the card clock. The block divides its base clock (the
 * "core" clock of the common clock framework) by 2N, N the 10-bit
 * divider of Clock Control, or passes it through for N = 0. The HS400
 * strobe DLL must lock again after every change (sdhci-vsoc-tuning.c).
 */
#include <linux/bitfield.h>
#include <linux/kernel.h>

#include <vsoc/compat.h>
#include <vsoc/sdhci-regs.h>

#include "sdhci-vsoc.h"

/**
 * sdhci_vsoc_clk_div() - divider for a card clock
 * @base: base clock in Hz
 * @target: wanted card clock in Hz, not 0
 * @actual: set to the card clock the divider gives
 *
 * Return: the smallest N whose clock, @base / (2N) (@base for N = 0),
 * is not above @target; the largest divider if none is that slow.
 */
unsigned int sdhci_vsoc_clk_div(unsigned int base, unsigned int target,
				unsigned int *actual)
{
	unsigned int div;

	if (!target || target >= base) {
		*actual = base;
		return 0;
	}
	div = min_t(unsigned int, DIV_ROUND_UP(base, 2 * target),
		    SDHCI_VSOC_DIV_MAX);
	*actual = base / (2 * div);
	return div;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_clk_div);

/**
 * sdhci_vsoc_clk_ctrl() - Clock Control divider fields for a divider
 * @div: the divider N, at most SDHCI_VSOC_DIV_MAX
 *
 * Return: the divider bits of the 16-bit Clock Control register.
 */
u16 sdhci_vsoc_clk_ctrl(unsigned int div)
{
	return FIELD_PREP(VSOC_SDHCI_DIV_MASK, div & 0xff) |
	       FIELD_PREP(VSOC_SDHCI_DIV_HI_MASK, div >> 8);
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_clk_ctrl);

/**
 * sdhci_vsoc_set_clock() - sdhci_ops.set_clock: stop, divide, start
 * @host: the SDHCI host
 * @clock: card clock in Hz, 0 to stop it
 */
void sdhci_vsoc_set_clock(struct sdhci_host *host, unsigned int clock)
{
	unsigned int div, actual;

	host->mmc->actual_clock = 0;
	sdhci_writew(host, 0, SDHCI_CLOCK_CONTROL);
	if (!clock)
		return;

	div = sdhci_vsoc_clk_div(host->max_clk, clock, &actual);
	host->mmc->actual_clock = actual;
	sdhci_enable_clk(host, sdhci_vsoc_clk_ctrl(div));
}
