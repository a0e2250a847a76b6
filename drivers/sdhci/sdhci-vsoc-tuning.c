// SPDX-License-Identifier: GPL-2.0
/*
 * sdhci-vsoc: bus timing. HS200 tuning sweeps the sample tap delay line
 * with CMD21 and settles in the centre of the widest passing window;
 * HS400 reads data with the strobe through a DLL that must be locked at
 * the running card clock; HS400 enhanced strobe samples commands with
 * the strobe too.
 */
#include <linux/bitfield.h>
#include <linux/bits.h>
#include <linux/mmc/host.h>
#include <linux/regmap.h>

#include <vsoc/compat.h>
#include <vsoc/sdhci-regs.h>

#include "sdhci-vsoc.h"

/* Polling interval and limit of the DLL lock (spec: VSOC_SDHCI_DLL_LOCK_US). */
#define SDHCI_VSOC_DLL_POLL_US		5
#define SDHCI_VSOC_DLL_TIMEOUT_US	(10 * VSOC_SDHCI_DLL_LOCK_US)

/**
 * sdhci_vsoc_best_tap() - choose the sample tap from a tuning sweep
 * @pass: bit n set if tap n sampled the tuning block correctly
 * @ntaps: taps swept (at most 64), tap 0 first
 *
 * The delay line does not wrap around: a window is a run of adjacent
 * passing taps. The widest wins, the earliest of equally wide ones, and
 * its centre is chosen (the lower middle tap of an even window).
 *
 * Return: the tap, or -EIO if no tap passed.
 */
int sdhci_vsoc_best_tap(u64 pass, unsigned int ntaps)
{
	unsigned int tap, start = 0, len = 0, best_start = 0, best_len = 0;

	if (ntaps > 64)
		ntaps = 64;
	for (tap = 0; tap < ntaps; tap++) {
		if (pass & BIT_ULL(tap)) {
			if (!len)
				start = tap;
			if (++len > best_len) {
				best_len = len;
				best_start = start;
			}
		} else {
			len = 0;
		}
	}
	if (!best_len)
		return -EIO;
	return best_start + (best_len - 1) / 2;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_vsoc_best_tap);

static void sdhci_vsoc_set_tap(struct sdhci_vsoc *vs, unsigned int tap)
{
	sdhci_vsoc_io_writel(vs, FIELD_PREP(VSOC_SDHCI_TAP_VALUE, tap),
			     VSOC_SDHCI_TAP_CTRL);
}

/**
 * sdhci_vsoc_execute_tuning() - sdhci_ops.platform_execute_tuning
 * @host: the SDHCI host, at HS200
 * @opcode: the tuning command (CMD21 for eMMC)
 *
 * Sends the tuning command at every tap and keeps the centre of the
 * widest passing window. A failed try leaves the command and data lines
 * reset for the next one.
 *
 * Return: 0, or -EIO if no tap passed (the previous tap is kept).
 */
int sdhci_vsoc_execute_tuning(struct sdhci_host *host, u32 opcode)
{
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);
	u64 pass = 0;
	unsigned int tap;
	int best;

	sdhci_reset_tuning(host);
	for (tap = 0; tap < VSOC_SDHCI_TAP_COUNT; tap++) {
		sdhci_vsoc_set_tap(vs, tap);
		if (!mmc_send_tuning(host->mmc, opcode, NULL))
			pass |= BIT_ULL(tap);
		else
			host->ops->reset(host, SDHCI_RESET_CMD | SDHCI_RESET_DATA);
	}

	best = sdhci_vsoc_best_tap(pass, VSOC_SDHCI_TAP_COUNT);
	if (best < 0) {
		dev_err(vs->dev, "%s: tuning failed: no sample tap passes\n",
			mmc_hostname(host->mmc));
		sdhci_vsoc_set_tap(vs, vs->tap);
		return best;
	}
	vs->tap = best;
	sdhci_vsoc_set_tap(vs, best);
	sdhci_writew(host, sdhci_readw(host, SDHCI_HOST_CONTROL2) |
		     SDHCI_CTRL_TUNED_CLK, SDHCI_HOST_CONTROL2);
	dev_dbg(vs->dev, "%s: tuned to tap %d, passing taps %#llx\n",
		mmc_hostname(host->mmc), best, pass);
	return 0;
}

/**
 * sdhci_vsoc_restore_vendor() - program the vendor registers again
 * @host: the SDHCI host, just reset
 *
 * After a full reset the tuned tap and the eMMC controls are written
 * back; the DLL counts as off until sdhci_vsoc_dll_update() locks it.
 */
void sdhci_vsoc_restore_vendor(struct sdhci_host *host)
{
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);

	sdhci_vsoc_set_tap(vs, vs->tap);
	sdhci_vsoc_io_writel(vs, vs->emmc_ctrl, VSOC_SDHCI_EMMC_CTRL);
	sdhci_vsoc_io_writel(vs, 0, VSOC_SDHCI_DLL_CTRL);
	vs->dll_clock = 0;
}

static int sdhci_vsoc_dll_lock(struct sdhci_vsoc *vs, unsigned int clock)
{
	u32 ctrl = FIELD_PREP(VSOC_SDHCI_DLL_STROBE_DELAY, vs->strobe_delay);
	unsigned int status;
	int ret;

	/*
	 * Off and on again: a LOCKED bit from before a clock change must
	 * not be taken for a lock at the new clock.
	 */
	sdhci_vsoc_io_writel(vs, ctrl, VSOC_SDHCI_DLL_CTRL);
	sdhci_vsoc_io_writel(vs, ctrl | VSOC_SDHCI_DLL_ENABLE,
			     VSOC_SDHCI_DLL_CTRL);
	ret = regmap_read_poll_timeout(vs->map, VSOC_SDHCI_DLL_STATUS, status,
				       status & (VSOC_SDHCI_DLL_LOCKED |
						 VSOC_SDHCI_DLL_LOCK_ERROR),
				       SDHCI_VSOC_DLL_POLL_US,
				       SDHCI_VSOC_DLL_TIMEOUT_US);
	if (!ret && !(status & VSOC_SDHCI_DLL_LOCKED))
		ret = -EIO;
	if (ret) {
		dev_err(vs->dev, "HS400 strobe DLL does not lock at %u Hz (status %#x): %d\n",
			clock, status, ret);
		sdhci_vsoc_io_writel(vs, 0, VSOC_SDHCI_DLL_CTRL);
		vs->dll_clock = 0;
		return ret;
	}
	vs->dll_clock = clock;
	return 0;
}

/**
 * sdhci_vsoc_dll_update() - keep the strobe DLL in step with the bus
 * @host: the SDHCI host, after the core applied new bus settings
 *
 * At HS400 with a card clock the DLL can lock at, it is enabled and
 * waited for after every clock change; in any other mode it is off.
 * A DLL that does not lock is logged and left off: reads then fail
 * with CRC errors, which the MMC core answers by leaving HS400.
 */
void sdhci_vsoc_dll_update(struct sdhci_host *host)
{
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);
	unsigned int clock = host->mmc->actual_clock;

	if (host->mmc->ios.timing == MMC_TIMING_MMC_HS400 &&
	    clock >= SDHCI_VSOC_DLL_MIN_CLOCK) {
		if (vs->dll_clock != clock)
			sdhci_vsoc_dll_lock(vs, clock);
		return;
	}
	if (vs->dll_clock) {
		sdhci_vsoc_io_writel(vs, 0, VSOC_SDHCI_DLL_CTRL);
		vs->dll_clock = 0;
	}
}

/**
 * sdhci_vsoc_hs400_enhanced_strobe() - mmc_host_ops.hs400_enhanced_strobe
 * @mmc: the MMC host
 * @ios: bus settings; enhanced_strobe says whether to sample with it
 */
void sdhci_vsoc_hs400_enhanced_strobe(struct mmc_host *mmc,
				      struct mmc_ios *ios)
{
	struct sdhci_host *host = mmc_priv(mmc);
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);

	if (ios->enhanced_strobe)
		vs->emmc_ctrl |= VSOC_SDHCI_EMMC_ENH_STROBE;
	else
		vs->emmc_ctrl &= ~VSOC_SDHCI_EMMC_ENH_STROBE;
	sdhci_vsoc_io_writel(vs, vs->emmc_ctrl, VSOC_SDHCI_EMMC_CTRL);
}
