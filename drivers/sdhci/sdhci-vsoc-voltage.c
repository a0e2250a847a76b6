// SPDX-License-Identifier: GPL-2.0
/*
 * sdhci-vsoc: I/O voltage switching. The SDHCI core drives the vqmmc
 * regulator and Host Control 2's 1.8 V enable; the block's IO_STATUS
 * says what the pads really see. When they do not follow a switch to
 * 1.8 V, the bus goes back to 3.3 V and the modes that need 1.8 V are
 * given up, so that the MMC core's next try brings the card up at
 * DDR52 or high speed.
 */
#include <linux/mmc/host.h>
#include <linux/regmap.h>

#include <vsoc/compat.h>
#include <vsoc/sdhci-regs.h>

#include "sdhci-vsoc.h"

#define SDHCI_VSOC_IO_POLL_US	100

/**
 * sdhci_vsoc_drop_1v8_modes() - give up the bus modes that need 1.8 V I/O
 * @caps: MMC host caps
 * @caps2: MMC host caps2
 *
 * HS200, HS400 and HS400 enhanced strobe go; DDR52 stays, at 3.3 V.
 *
 * Return: true if a mode was dropped.
 */
bool sdhci_vsoc_drop_1v8_modes(u32 *caps, u32 *caps2)
{
	const u32 drop = MMC_CAP_UHS | MMC_CAP_1_8V_DDR | MMC_CAP_1_2V_DDR;
	const u32 drop2 = MMC_CAP2_HS200 | MMC_CAP2_HS400 | MMC_CAP2_HS400_ES;
	bool dropped = (*caps & drop) || (*caps2 & drop2);

	if (*caps & MMC_CAP_1_8V_DDR)
		*caps |= MMC_CAP_3_3V_DDR;
	*caps &= ~drop;
	*caps2 &= ~drop2;
	return dropped;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_drop_1v8_modes);

/* Wait for the pads to show @want_1v8; 0 or -ETIMEDOUT. */
static int sdhci_vsoc_wait_io(struct sdhci_vsoc *vs, bool want_1v8)
{
	unsigned int io;

	return regmap_read_poll_timeout(vs->map, VSOC_SDHCI_IO_STATUS, io,
					!!(io & VSOC_SDHCI_IO_1V8) == want_1v8,
					SDHCI_VSOC_IO_POLL_US,
					SDHCI_VSOC_IO_SETTLE_US);
}

/**
 * sdhci_vsoc_signal_voltage_switch() - start_signal_voltage_switch
 * @mmc: the MMC host
 * @ios: bus settings with the signal voltage wanted
 *
 * Return: 0 once the pads run at the voltage; -EIO if they do not,
 * after a failed switch to 1.8 V with the bus back at 3.3 V and the
 * 1.8 V modes dropped.
 */
int sdhci_vsoc_signal_voltage_switch(struct mmc_host *mmc,
				     struct mmc_ios *ios)
{
	struct sdhci_host *host = mmc_priv(mmc);
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);
	bool want_1v8 = ios->signal_voltage == MMC_SIGNAL_VOLTAGE_180;
	struct mmc_ios ios_330;
	int ret;

	ret = sdhci_start_signal_voltage_switch(mmc, ios);
	/* The pads report 1.8 V or 3.3 V only. */
	if (ret || ios->signal_voltage == MMC_SIGNAL_VOLTAGE_120)
		return ret;
	if (!sdhci_vsoc_wait_io(vs, want_1v8))
		return 0;

	if (!want_1v8) {
		dev_err(vs->dev, "%s: I/O voltage stuck at 1.8 V\n",
			mmc_hostname(mmc));
		return -EIO;
	}

	ios_330 = *ios;
	ios_330.signal_voltage = MMC_SIGNAL_VOLTAGE_330;
	if (sdhci_start_signal_voltage_switch(mmc, &ios_330))
		dev_err(vs->dev, "%s: cannot go back to 3.3 V I/O\n",
			mmc_hostname(mmc));
	if (sdhci_vsoc_drop_1v8_modes(&mmc->caps, &mmc->caps2)) {
		vs->fallback_done = true;
		dev_warn(vs->dev, "%s: I/O voltage stuck at 3.3 V, falling back from HS400/HS200 to DDR52/HS\n",
			 mmc_hostname(mmc));
	} else {
		dev_err(vs->dev, "%s: I/O voltage stuck at 3.3 V\n",
			mmc_hostname(mmc));
	}
	return -EIO;
}
