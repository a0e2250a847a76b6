/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sdhci-vsoc: eMMC host controller driver on the kernel's SDHCI core.
 * Private interfaces between the driver's files and its KUnit suites.
 */
#ifndef _SDHCI_VSOC_H
#define _SDHCI_VSOC_H

#include <linux/types.h>

#include "sdhci-pltfm.h"

/* Card clock below which the HS400 strobe DLL cannot lock. */
#define SDHCI_VSOC_DLL_MIN_CLOCK	50000000
/* Largest 10-bit SDHCI clock divider field value. */
#define SDHCI_VSOC_DIV_MAX		1023
/* How long the pads may take to follow the vqmmc regulator. */
#define SDHCI_VSOC_IO_SETTLE_US		5000

struct regmap;

/**
 * struct sdhci_vsoc - driver state, the private part of the pltfm host
 * @map: the block's registers (32-bit accesses only)
 * @dev: the block's device
 * @xfer_mode: Transfer Mode last written, sent with the next Command
 * @tap: sample tap chosen by the last tuning (restored after a reset)
 * @strobe_delay: HS400 strobe delay programmed with the DLL
 * @emmc_ctrl: value of the EMMC_CTRL vendor register (ES, RST_n)
 * @dll_clock: card clock the DLL locked at; 0 while the DLL is off
 * @fallback_done: the 1.8 V modes were dropped after a failed switch
 * @dma_mask: the device's own DMA mask, given back on unbind (the SDHCI
 *	core points it at the host it frees when it uses no DMA)
 */
struct sdhci_vsoc {
	struct regmap *map;
	struct device *dev;
	u16 xfer_mode;
	u8 tap;
	u32 strobe_delay;
	u32 emmc_ctrl;
	unsigned int dll_clock;
	bool fallback_done;
	u64 *dma_mask;
};

static inline struct sdhci_vsoc *sdhci_vsoc_priv(struct sdhci_host *host)
{
	return sdhci_pltfm_priv(sdhci_priv(host));
}

/* sdhci-vsoc-io.c: SDHCI registers over the 32-bit-only bus. */
u32 sdhci_vsoc_io_readl(struct sdhci_vsoc *vs, int reg);
u16 sdhci_vsoc_io_readw(struct sdhci_vsoc *vs, int reg);
u8 sdhci_vsoc_io_readb(struct sdhci_vsoc *vs, int reg);
void sdhci_vsoc_io_writel(struct sdhci_vsoc *vs, u32 val, int reg);
void sdhci_vsoc_io_writew(struct sdhci_vsoc *vs, u16 val, int reg);
void sdhci_vsoc_io_writeb(struct sdhci_vsoc *vs, u8 val, int reg);
u32 sdhci_vsoc_read_l(struct sdhci_host *host, int reg);
u16 sdhci_vsoc_read_w(struct sdhci_host *host, int reg);
u8 sdhci_vsoc_read_b(struct sdhci_host *host, int reg);
void sdhci_vsoc_write_l(struct sdhci_host *host, u32 val, int reg);
void sdhci_vsoc_write_w(struct sdhci_host *host, u16 val, int reg);
void sdhci_vsoc_write_b(struct sdhci_host *host, u8 val, int reg);

/* sdhci-vsoc-clock.c: card clock. */
unsigned int sdhci_vsoc_clk_div(unsigned int base, unsigned int target,
				unsigned int *actual);
u16 sdhci_vsoc_clk_ctrl(unsigned int div);
void sdhci_vsoc_set_clock(struct sdhci_host *host, unsigned int clock);

/* sdhci-vsoc-tuning.c: HS200 tuning, HS400 DLL, enhanced strobe. */
int sdhci_vsoc_best_tap(u64 pass, unsigned int ntaps);
int sdhci_vsoc_execute_tuning(struct sdhci_host *host, u32 opcode);
void sdhci_vsoc_restore_vendor(struct sdhci_host *host);
void sdhci_vsoc_dll_update(struct sdhci_host *host);
void sdhci_vsoc_hs400_enhanced_strobe(struct mmc_host *mmc,
				      struct mmc_ios *ios);

/* sdhci-vsoc-voltage.c: I/O voltage switching and mode fallback. */
bool sdhci_vsoc_drop_1v8_modes(u32 *caps, u32 *caps2);
int sdhci_vsoc_signal_voltage_switch(struct mmc_host *mmc,
				     struct mmc_ios *ios);
void sdhci_vsoc_check_vqmmc(struct sdhci_host *host);

#endif /* _SDHCI_VSOC_H */
