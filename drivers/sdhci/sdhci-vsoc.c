// SPDX-License-Identifier: GPL-2.0
/*
 * sdhci-vsoc: driver of the vsoc eMMC host controller, an SDHCI 4.20
 * block with vendor registers for tuning, the HS400 strobe DLL, enhanced
 * strobe, the card's reset line and the sensed I/O voltage
 * (include/vsoc/sdhci-regs.h, Documentation/vsoc-sdhci.rst).
 *
 * The SDHCI core does the work; this file binds it to the block: the
 * registers come as a regmap (MMIO on silicon, the model on the board),
 * the base clock from the common clock framework, the DMA mode from the
 * module parameters, and the power management.
 */
#include <linux/bitfield.h>
#include <linux/clk.h>
#include <linux/delay.h>
#include <linux/mmc/host.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/pm_runtime.h>
#include <linux/property.h>
#include <linux/regmap.h>
#include <linux/string.h>

#include <vsoc/regmap.h>
#include <vsoc/sdhci-regs.h>

#include "sdhci-vsoc.h"
/* After sdhci.h, for its SDHCI shims. */
#include <vsoc/compat.h>

#define SDHCI_VSOC_AUTOSUSPEND_MS	50
/* eMMC RST_n: low for at least 1 us, then 200 us before a command. */
#define SDHCI_VSOC_RST_LOW_US		10
#define SDHCI_VSOC_RST_WAIT_US		300

static char *dma = "adma";
module_param(dma, charp, 0444);
MODULE_PARM_DESC(dma, "Transfer mode of hosts probed from now on: adma (ADMA2 with 64-bit addressing, default), sdma or pio");

static bool v4 = true;
module_param(v4, bool, 0444);
MODULE_PARM_DESC(v4, "Run hosts in SDHCI 4 mode (16-byte ADMA2 descriptors); 0 for version 3 mode (12-byte 64-bit descriptors)");

static const struct regmap_config sdhci_vsoc_regmap_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = VSOC_SDHCI_REG_SIZE - 4,
	.fast_io = true,
};

static void sdhci_vsoc_reset(struct sdhci_host *host, u8 mask)
{
	sdhci_reset(host, mask);
	if (mask & SDHCI_RESET_ALL)
		sdhci_vsoc_restore_vendor(host);
}

/* Pulse the card's RST_n line (DT "cap-mmc-hw-reset"). */
static void sdhci_vsoc_hw_reset(struct sdhci_host *host)
{
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);

	sdhci_vsoc_io_writel(vs, vs->emmc_ctrl & ~VSOC_SDHCI_EMMC_RST_N,
			     VSOC_SDHCI_EMMC_CTRL);
	usleep_range(SDHCI_VSOC_RST_LOW_US, 2 * SDHCI_VSOC_RST_LOW_US);
	sdhci_vsoc_io_writel(vs, vs->emmc_ctrl, VSOC_SDHCI_EMMC_CTRL);
	usleep_range(SDHCI_VSOC_RST_WAIT_US, 2 * SDHCI_VSOC_RST_WAIT_US);
}

/* The core's set_ios, then the strobe DLL for the new clock and mode. */
static void sdhci_vsoc_set_ios(struct mmc_host *mmc, struct mmc_ios *ios)
{
	sdhci_set_ios(mmc, ios);
	sdhci_vsoc_dll_update(mmc_priv(mmc));
}

static const struct sdhci_ops sdhci_vsoc_ops = {
	.read_l = sdhci_vsoc_read_l,
	.read_w = sdhci_vsoc_read_w,
	.read_b = sdhci_vsoc_read_b,
	.write_l = sdhci_vsoc_write_l,
	.write_w = sdhci_vsoc_write_w,
	.write_b = sdhci_vsoc_write_b,
	.set_clock = sdhci_vsoc_set_clock,
	.get_max_clock = sdhci_pltfm_clk_get_max_clock,
	.get_timeout_clock = sdhci_pltfm_clk_get_max_clock,
	.set_bus_width = sdhci_set_bus_width,
	.reset = sdhci_vsoc_reset,
	.set_uhs_signaling = sdhci_set_uhs_signaling,
	.platform_execute_tuning = sdhci_vsoc_execute_tuning,
	.hw_reset = sdhci_vsoc_hw_reset,
};

/* The DMA quirks for the "dma" parameter, or -EINVAL. */
static int sdhci_vsoc_dma_quirks(struct sdhci_host *host)
{
	if (!strcmp(dma, "adma"))
		return 0;
	if (!strcmp(dma, "sdma")) {
		host->quirks |= SDHCI_QUIRK_BROKEN_ADMA;
		return 0;
	}
	if (!strcmp(dma, "pio")) {
		host->quirks |= SDHCI_QUIRK_BROKEN_DMA | SDHCI_QUIRK_BROKEN_ADMA;
		return 0;
	}
	return -EINVAL;
}

static void sdhci_vsoc_free(void *data)
{
	vsoc_sdhci_free_host(data);
}

/*
 * Runtime PM off with the host active, so that devres then turns the
 * clock off exactly once: a runtime suspend after this point would
 * disable it a second time.
 */
static void sdhci_vsoc_rpm_off(struct device *dev)
{
	pm_runtime_disable(dev);
	pm_runtime_dont_use_autosuspend(dev);
	pm_runtime_put_noidle(dev);
}

/*
 * Without DMA the SDHCI core points the device's dma_mask at a field of
 * the host, which is freed on unbind: a later probe would write the new
 * mask into freed memory. Give the device its own mask back.
 */
static void sdhci_vsoc_restore_dma_mask(struct sdhci_host *host)
{
	struct sdhci_vsoc *vsoc = sdhci_vsoc_priv(host);

	mmc_dev(host->mmc)->dma_mask = vsoc->dma_mask;
}

/* On unbind, before devres turns the clock off. */
static void sdhci_vsoc_remove(void *data)
{
	struct sdhci_host *host = data;
	struct device *dev = mmc_dev(host->mmc);
	bool dead;

	pm_runtime_get_sync(dev);
	dead = sdhci_readl(host, SDHCI_INT_STATUS) == GENMASK(31, 0);
	sdhci_remove_host(host, dead);
	sdhci_vsoc_restore_dma_mask(host);
	sdhci_vsoc_rpm_off(dev);
}

/* Settings from the device tree and the module parameters. */
static int sdhci_vsoc_parse(struct platform_device *pdev,
			    struct sdhci_host *host)
{
	struct sdhci_vsoc *vs = sdhci_vsoc_priv(host);
	struct device *dev = &pdev->dev;
	int ret;

	ret = mmc_of_parse(host->mmc);
	if (ret)
		return dev_err_probe(dev, ret, "bad MMC properties\n");
	sdhci_get_property(pdev);

	vs->strobe_delay = VSOC_SDHCI_DLL_STROBE_DEFAULT;
	device_property_read_u32(dev, "vsoc,strobe-delay", &vs->strobe_delay);
	if (vs->strobe_delay > FIELD_MAX(VSOC_SDHCI_DLL_STROBE_DELAY))
		return dev_err_probe(dev, -EINVAL, "vsoc,strobe-delay %u above %lu\n",
				     vs->strobe_delay,
				     FIELD_MAX(VSOC_SDHCI_DLL_STROBE_DELAY));

	if (sdhci_vsoc_dma_quirks(host))
		return dev_err_probe(dev, -EINVAL,
				     "dma=%s: not adma, sdma or pio\n", dma);
	if (v4)
		sdhci_enable_v4_mode(host);
	return 0;
}

/* Allocate the host the way sdhci_pltfm_init() would, without MMIO. */
static struct sdhci_host *sdhci_vsoc_alloc(struct platform_device *pdev,
					   struct regmap *map)
{
	struct device *dev = &pdev->dev;
	struct sdhci_pltfm_host *pltfm_host;
	struct sdhci_host *host;
	struct sdhci_vsoc *vs;
	int ret;

	host = sdhci_alloc_host(dev, sizeof(*pltfm_host) + sizeof(*vs));
	if (IS_ERR(host))
		return host;
	ret = devm_add_action_or_reset(dev, sdhci_vsoc_free, host);
	if (ret)
		return ERR_PTR(ret);

	pltfm_host = sdhci_priv(host);
	vs = sdhci_pltfm_priv(pltfm_host);
	vs->map = map;
	vs->dev = dev;
	vs->emmc_ctrl = VSOC_SDHCI_EMMC_RST_N;
	host->hw_name = dev_name(dev);
	host->ops = &sdhci_vsoc_ops;
	host->quirks = SDHCI_QUIRK_CAP_CLOCK_BASE_BROKEN;
	host->quirks2 = SDHCI_QUIRK2_PRESET_VALUE_BROKEN;
	host->mmc_host_ops.set_ios = sdhci_vsoc_set_ios;
	host->mmc_host_ops.start_signal_voltage_switch =
		sdhci_vsoc_signal_voltage_switch;
	host->mmc_host_ops.hs400_enhanced_strobe =
		sdhci_vsoc_hs400_enhanced_strobe;
	platform_set_drvdata(pdev, host);
	return host;
}

static int sdhci_vsoc_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct sdhci_pltfm_host *pltfm_host;
	struct sdhci_host *host;
	struct regmap *map;
	unsigned int id;
	int ret;

	map = vsoc_regmap_get(pdev, &sdhci_vsoc_regmap_config);
	if (IS_ERR(map))
		return dev_err_probe(dev, PTR_ERR(map), "no registers\n");
	ret = regmap_read(map, VSOC_SDHCI_VENDOR_ID, &id);
	if (ret)
		return dev_err_probe(dev, ret, "cannot read the vendor id\n");
	if (id != VSOC_SDHCI_VENDOR_ID_VALUE)
		return dev_err_probe(dev, -ENODEV, "unknown vendor id %#x\n", id);

	host = sdhci_vsoc_alloc(pdev, map);
	if (IS_ERR(host))
		return dev_err_probe(dev, PTR_ERR(host), "cannot allocate the host\n");
	pltfm_host = sdhci_priv(host);

	host->irq = platform_get_irq(pdev, 0);
	if (host->irq < 0)
		return host->irq;

	pltfm_host->clk = devm_clk_get_enabled(dev, "core");
	if (IS_ERR(pltfm_host->clk))
		return dev_err_probe(dev, PTR_ERR(pltfm_host->clk),
				     "no core clock\n");

	ret = sdhci_vsoc_parse(pdev, host);
	if (ret)
		return ret;

	pm_runtime_get_noresume(dev);
	pm_runtime_set_active(dev);
	pm_runtime_set_autosuspend_delay(dev, SDHCI_VSOC_AUTOSUSPEND_MS);
	pm_runtime_use_autosuspend(dev);
	pm_runtime_enable(dev);

	sdhci_vsoc_priv(host)->dma_mask = dev->dma_mask;
	ret = sdhci_setup_host(host);
	if (!ret) {
		sdhci_vsoc_check_vqmmc(host);
		ret = __sdhci_add_host(host);
		if (ret)
			sdhci_cleanup_host(host);
	}
	if (ret) {
		sdhci_vsoc_restore_dma_mask(host);
		sdhci_vsoc_rpm_off(dev);
		return dev_err_probe(dev, ret, "cannot add the host\n");
	}
	/* On failure this removes the host and turns runtime PM off. */
	ret = devm_add_action_or_reset(dev, sdhci_vsoc_remove, host);
	if (ret) {
		pm_runtime_put_noidle(dev);
		return ret;
	}

	pm_runtime_put_autosuspend(dev);
	return 0;
}

static int sdhci_vsoc_runtime_suspend(struct device *dev)
{
	struct sdhci_host *host = dev_get_drvdata(dev);
	struct sdhci_pltfm_host *pltfm_host = sdhci_priv(host);

	sdhci_runtime_suspend_host(host);
	clk_disable_unprepare(pltfm_host->clk);
	return 0;
}

static int sdhci_vsoc_runtime_resume(struct device *dev)
{
	struct sdhci_host *host = dev_get_drvdata(dev);
	struct sdhci_pltfm_host *pltfm_host = sdhci_priv(host);
	int ret;

	ret = clk_prepare_enable(pltfm_host->clk);
	if (ret)
		return ret;
	sdhci_runtime_resume_host(host, 0);
	return 0;
}

static int sdhci_vsoc_suspend(struct device *dev)
{
	struct sdhci_host *host = dev_get_drvdata(dev);
	struct sdhci_pltfm_host *pltfm_host = sdhci_priv(host);
	int ret;

	/* Suspend from a running host, the clock on. */
	ret = pm_runtime_resume_and_get(dev);
	if (ret)
		return ret;
	ret = sdhci_suspend_host(host);
	if (ret) {
		pm_runtime_put(dev);
		return ret;
	}
	clk_disable_unprepare(pltfm_host->clk);
	return 0;
}

static int sdhci_vsoc_resume(struct device *dev)
{
	struct sdhci_host *host = dev_get_drvdata(dev);
	struct sdhci_pltfm_host *pltfm_host = sdhci_priv(host);
	int ret;

	ret = clk_prepare_enable(pltfm_host->clk);
	if (!ret)
		ret = sdhci_resume_host(host);
	pm_runtime_mark_last_busy(dev);
	pm_runtime_put_autosuspend(dev);
	return ret;
}

static const struct dev_pm_ops sdhci_vsoc_pm_ops = {
	SYSTEM_SLEEP_PM_OPS(sdhci_vsoc_suspend, sdhci_vsoc_resume)
	RUNTIME_PM_OPS(sdhci_vsoc_runtime_suspend, sdhci_vsoc_runtime_resume,
		       NULL)
};

static const struct of_device_id sdhci_vsoc_of_match[] = {
	{ .compatible = "vsoc,sdhci" },
	{ }
};
MODULE_DEVICE_TABLE(of, sdhci_vsoc_of_match);

static struct platform_driver sdhci_vsoc_driver = {
	.probe = sdhci_vsoc_probe,
	.driver = {
		.name = "sdhci-vsoc",
		.of_match_table = sdhci_vsoc_of_match,
		.pm = pm_ptr(&sdhci_vsoc_pm_ops),
		.probe_type = PROBE_PREFER_ASYNCHRONOUS,
	},
};
module_platform_driver(sdhci_vsoc_driver);

MODULE_DESCRIPTION("vsoc SDHCI eMMC host controller driver");
MODULE_LICENSE("GPL");
