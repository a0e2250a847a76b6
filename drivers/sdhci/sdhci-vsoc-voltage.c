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
#include <linux/regulator/consumer.h>

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

/* The bus back at 3.3 V and the 1.8 V modes given up, with a log line. */
static void sdhci_vsoc_fall_back(struct mmc_host *mmc, struct mmc_ios *ios,
				 const char *why)
{
	struct sdhci_host *host = mmc_priv(mmc);
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);
	struct mmc_ios ios_330 = *ios;

	ios_330.signal_voltage = MMC_SIGNAL_VOLTAGE_330;
	if (sdhci_start_signal_voltage_switch(mmc, &ios_330))
		dev_err(vs->dev, "%s: cannot go back to 3.3 V I/O\n",
			mmc_hostname(mmc));
	if (sdhci_vsoc_drop_1v8_modes(&mmc->caps, &mmc->caps2)) {
		vs->fallback_done = true;
		dev_warn(vs->dev, "%s: %s, falling back from HS400/HS200 to DDR52/HS\n",
			 mmc_hostname(mmc), why);
	} else {
		dev_err(vs->dev, "%s: %s\n", mmc_hostname(mmc), why);
	}
}

/**
 * sdhci_vsoc_signal_voltage_switch() - start_signal_voltage_switch
 * @mmc: the MMC host
 * @ios: bus settings with the signal voltage wanted
 *
 * Return: 0 once the pads run at the voltage; -EIO if the switch failed
 * or the pads did not follow it. A failed switch to 1.8 V leaves the
 * bus at 3.3 V with the 1.8 V modes dropped, so that the MMC core's
 * next initialisation of the card succeeds without them.
 */
int sdhci_vsoc_signal_voltage_switch(struct mmc_host *mmc,
				     struct mmc_ios *ios)
{
	struct sdhci_host *host = mmc_priv(mmc);
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);
	bool want_1v8 = ios->signal_voltage == MMC_SIGNAL_VOLTAGE_180;
	int ret;

	ret = sdhci_start_signal_voltage_switch(mmc, ios);
	/* The pads report 1.8 V or 3.3 V only. */
	if (ios->signal_voltage == MMC_SIGNAL_VOLTAGE_120)
		return ret;
	if (!ret && !sdhci_vsoc_wait_io(vs, want_1v8))
		return 0;

	if (!want_1v8) {
		dev_err(vs->dev, "%s: %s\n", mmc_hostname(mmc),
			ret ? "cannot switch the I/O voltage to 3.3 V" :
			      "I/O voltage stuck at 1.8 V");
		return -EIO;
	}
	sdhci_vsoc_fall_back(mmc, ios, ret ?
			     "cannot switch the I/O voltage to 1.8 V" :
			     "I/O voltage stuck at 3.3 V");
	return -EIO;
}

/**
 * sdhci_vsoc_check_vqmmc() - give up the 1.8 V modes a vqmmc cannot serve
 * @host: the SDHCI host, set up (its supplies known) but not yet added
 *
 * The SDHCI core drops the SD UHS modes when vqmmc has no 1.8 V, but not
 * the eMMC ones: without this the card's first initialisation would
 * fail on the switch to 1.8 V.
 */
void sdhci_vsoc_check_vqmmc(struct sdhci_host *host)
{
	struct mmc_host *mmc = host->mmc;
	struct regulator *vqmmc = mmc->supply.vqmmc;

	if (IS_ERR_OR_NULL(vqmmc) ||
	    regulator_is_supported_voltage(vqmmc, 1700000, 1950000) > 0)
		return;
	if (sdhci_vsoc_drop_1v8_modes(&mmc->caps, &mmc->caps2))
		dev_info(mmc_dev(mmc), "vqmmc has no 1.8 V: no HS200/HS400, DDR52 at 3.3 V at most\n");
}
