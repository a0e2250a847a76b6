// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the sdhci-vsoc driver without a block: the tuning
 * window choice, the register accessors on a regmap whose registers are
 * an array (with a log of the bus writes), the clock divider and the
 * fallback from the 1.8 V modes.
 */
#include <kunit/test.h>
#include <linux/bits.h>
#include <linux/mmc/host.h>
#include <linux/regmap.h>

#include <vsoc/sdhci-regs.h>

#include "sdhci-vsoc.h"
#include <vsoc/compat.h>

/* --- tuning window --- */

static void sdhci_vsoc_tap_none(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(0, 64), -EIO);
	/* Passing taps past the swept ones do not count. */
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(GENMASK_ULL(63, 8), 8), -EIO);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(~0ULL, 0), -EIO);
}

static void sdhci_vsoc_tap_all(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(~0ULL, 64), 31);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(~0ULL, 100), 31);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(GENMASK_ULL(7, 0), 8), 3);
}

static void sdhci_vsoc_tap_one_window(struct kunit *test)
{
	/* 8..20: odd width, exact centre. */
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(GENMASK_ULL(20, 8), 64), 14);
	/* 10..17: even width, the lower middle tap. */
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(GENMASK_ULL(17, 10), 64), 13);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(BIT_ULL(42), 64), 42);
}

static void sdhci_vsoc_tap_widest_wins(struct kunit *test)
{
	u64 pass = GENMASK_ULL(5, 2) | GENMASK_ULL(30, 20) | GENMASK_ULL(50, 45);

	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(pass, 64), 25);
	/* A lone tap amid failures is no window to speak of. */
	pass = BIT_ULL(0) | BIT_ULL(2) | GENMASK_ULL(40, 38) | BIT_ULL(63);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(pass, 64), 39);
}

static void sdhci_vsoc_tap_tie_first(struct kunit *test)
{
	u64 pass = GENMASK_ULL(14, 10) | GENMASK_ULL(44, 40);

	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(pass, 64), 12);
}

static void sdhci_vsoc_tap_edges(struct kunit *test)
{
	/* Windows at either end of the line do not wrap around. */
	u64 pass = GENMASK_ULL(3, 0) | GENMASK_ULL(63, 58);

	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(pass, 64), 60);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(GENMASK_ULL(63, 61), 64), 62);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_best_tap(GENMASK_ULL(2, 0), 64), 1);
}

static struct kunit_case sdhci_vsoc_tuning_cases[] = {
	KUNIT_CASE(sdhci_vsoc_tap_none),
	KUNIT_CASE(sdhci_vsoc_tap_all),
	KUNIT_CASE(sdhci_vsoc_tap_one_window),
	KUNIT_CASE(sdhci_vsoc_tap_widest_wins),
	KUNIT_CASE(sdhci_vsoc_tap_tie_first),
	KUNIT_CASE(sdhci_vsoc_tap_edges),
	{ }
};

static struct kunit_suite sdhci_vsoc_tuning_suite = {
	.name = "sdhci-vsoc-tuning",
	.test_cases = sdhci_vsoc_tuning_cases,
};

/* --- register accessors --- */

#define SDHCI_VSOC_TEST_WORDS	(VSOC_SDHCI_REG_SIZE / 4)
#define SDHCI_VSOC_TEST_LOG	16

/* The block as an array of words, and the bus writes made. */
struct sdhci_vsoc_test_bus {
	u32 regs[SDHCI_VSOC_TEST_WORDS];
	unsigned int nwrites;
	unsigned int nreads;
	struct { unsigned int reg; u32 val; } log[SDHCI_VSOC_TEST_LOG];
	struct sdhci_vsoc vs;
};

static int sdhci_vsoc_test_read(void *ctx, unsigned int reg, unsigned int *val)
{
	struct sdhci_vsoc_test_bus *b = ctx;

	b->nreads++;
	*val = b->regs[reg / 4];
	return 0;
}

static int sdhci_vsoc_test_write(void *ctx, unsigned int reg, unsigned int val)
{
	struct sdhci_vsoc_test_bus *b = ctx;

	if (b->nwrites < SDHCI_VSOC_TEST_LOG) {
		b->log[b->nwrites].reg = reg;
		b->log[b->nwrites].val = val;
	}
	b->nwrites++;
	b->regs[reg / 4] = val;
	return 0;
}

static const struct regmap_config sdhci_vsoc_test_regmap_config = {
	.reg_bits = 32,
	.val_bits = 32,
	.reg_stride = 4,
	.max_register = VSOC_SDHCI_REG_SIZE - 4,
	.reg_read = sdhci_vsoc_test_read,
	.reg_write = sdhci_vsoc_test_write,
	.fast_io = true,
	.cache_type = REGCACHE_NONE,
};

static void sdhci_vsoc_test_regmap_exit(void *map)
{
	regmap_exit(map);
}

static struct sdhci_vsoc_test_bus *sdhci_vsoc_test_bus(struct kunit *test)
{
	struct sdhci_vsoc_test_bus *b;
	struct regmap *map;

	b = kunit_kzalloc(test, sizeof(*b), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, b);
	map = regmap_init(NULL, NULL, b, &sdhci_vsoc_test_regmap_config);
	KUNIT_ASSERT_FALSE(test, IS_ERR(map));
	KUNIT_ASSERT_EQ(test, kunit_add_action_or_reset(test, sdhci_vsoc_test_regmap_exit,
							map), 0);
	b->vs.map = map;
	return b;
}

static void sdhci_vsoc_io_narrow_reads(struct kunit *test)
{
	struct sdhci_vsoc_test_bus *b = sdhci_vsoc_test_bus(test);

	b->regs[VSOC_SDHCI_BLOCK / 4] = 0x00100200;
	b->regs[VSOC_SDHCI_HOST_CONTROL / 4] = 0x0a0b0c0d;
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readw(&b->vs, SDHCI_BLOCK_SIZE), 0x0200);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readw(&b->vs, SDHCI_BLOCK_COUNT), 0x0010);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readb(&b->vs, SDHCI_HOST_CONTROL), 0x0d);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readb(&b->vs, SDHCI_POWER_CONTROL), 0x0c);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readb(&b->vs, SDHCI_BLOCK_GAP_CONTROL), 0x0b);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readb(&b->vs, SDHCI_WAKE_UP_CONTROL), 0x0a);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readl(&b->vs, SDHCI_HOST_CONTROL), 0x0a0b0c0d);
	KUNIT_EXPECT_EQ(test, b->nwrites, 0U);
}

static void sdhci_vsoc_io_narrow_writes_merge(struct kunit *test)
{
	struct sdhci_vsoc_test_bus *b = sdhci_vsoc_test_bus(test);

	b->regs[VSOC_SDHCI_HOST_CONTROL / 4] = 0x0a0b0c0d;
	sdhci_vsoc_io_writeb(&b->vs, 0x5e, SDHCI_POWER_CONTROL);
	KUNIT_EXPECT_EQ(test, b->regs[VSOC_SDHCI_HOST_CONTROL / 4], 0x0a0b5e0d);
	sdhci_vsoc_io_writew(&b->vs, 0x1234, SDHCI_BLOCK_COUNT);
	KUNIT_EXPECT_EQ(test, b->regs[VSOC_SDHCI_BLOCK / 4], 0x12340000);
	KUNIT_EXPECT_EQ(test, b->nwrites, 2U);
}

static void sdhci_vsoc_io_command_issues_once(struct kunit *test)
{
	struct sdhci_vsoc_test_bus *b = sdhci_vsoc_test_bus(test);

	sdhci_vsoc_io_writew(&b->vs, 0x0037, SDHCI_TRANSFER_MODE);
	KUNIT_EXPECT_EQ(test, b->nwrites, 0U);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readw(&b->vs, SDHCI_TRANSFER_MODE), 0x0037);
	sdhci_vsoc_io_writew(&b->vs, 0x113a, SDHCI_COMMAND);
	KUNIT_ASSERT_EQ(test, b->nwrites, 1U);
	KUNIT_EXPECT_EQ(test, b->log[0].reg, (unsigned int)VSOC_SDHCI_XFER_CMD);
	KUNIT_EXPECT_EQ(test, b->log[0].val, 0x113a0037U);
	/* A command without data reuses what the core wrote last. */
	sdhci_vsoc_io_writew(&b->vs, 0, SDHCI_TRANSFER_MODE);
	sdhci_vsoc_io_writew(&b->vs, 0x0d1a, SDHCI_COMMAND);
	KUNIT_ASSERT_EQ(test, b->nwrites, 2U);
	KUNIT_EXPECT_EQ(test, b->log[1].val, 0x0d1a0000U);
}

static void sdhci_vsoc_io_reset_not_replayed(struct kunit *test)
{
	struct sdhci_vsoc_test_bus *b = sdhci_vsoc_test_bus(test);
	u32 word = VSOC_SDHCI_CLOCK_CONTROL / 4;

	/* A reset still under way reads back as set. */
	b->regs[word] = VSOC_SDHCI_RESET_CMD | 0x000e0007;
	sdhci_vsoc_io_writew(&b->vs, 0x0107, SDHCI_CLOCK_CONTROL);
	KUNIT_EXPECT_EQ(test, b->regs[word], 0x000e0107U);
	b->regs[word] = VSOC_SDHCI_RESET_DATA | 0x000e0007;
	sdhci_vsoc_io_writeb(&b->vs, 0x0c, SDHCI_TIMEOUT_CONTROL);
	KUNIT_EXPECT_EQ(test, b->regs[word], 0x000c0007U);
	/* The reset byte itself keeps the clock running. */
	b->regs[word] = 0x000e0007;
	sdhci_vsoc_io_writeb(&b->vs, SDHCI_RESET_DATA, SDHCI_SOFTWARE_RESET);
	KUNIT_EXPECT_EQ(test, b->regs[word], VSOC_SDHCI_RESET_DATA | 0x000e0007);
}

static void sdhci_vsoc_io_w1c_untouched(struct kunit *test)
{
	struct sdhci_vsoc_test_bus *b = sdhci_vsoc_test_bus(test);

	b->regs[VSOC_SDHCI_INT_STATUS / 4] = 0x80030003;
	sdhci_vsoc_io_writew(&b->vs, 0x0001, SDHCI_INT_STATUS);
	KUNIT_ASSERT_EQ(test, b->nwrites, 1U);
	KUNIT_EXPECT_EQ(test, b->log[0].val, 0x00000001U);
	sdhci_vsoc_io_writew(&b->vs, 0x0002, SDHCI_INT_STATUS + 2);
	KUNIT_EXPECT_EQ(test, b->log[1].val, 0x00020000U);
	/* Nothing to merge: no read of a word that clears on write. */
	KUNIT_EXPECT_EQ(test, b->nreads, 0U);
	sdhci_vsoc_io_writel(&b->vs, 0xffffffff, SDHCI_INT_STATUS);
	KUNIT_EXPECT_EQ(test, b->log[2].val, 0xffffffffU);
}

static void sdhci_vsoc_io_host_control2(struct kunit *test)
{
	struct sdhci_vsoc_test_bus *b = sdhci_vsoc_test_bus(test);

	/* Auto CMD error status is read only: zeroes are written there. */
	b->regs[VSOC_SDHCI_ACMD_HOST_CONTROL2 / 4] = 0x00030011;
	sdhci_vsoc_io_writew(&b->vs, 0x000b, SDHCI_HOST_CONTROL2);
	KUNIT_EXPECT_EQ(test, b->log[0].val, 0x000b0000U);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_io_readw(&b->vs, SDHCI_AUTO_CMD_STATUS), 0x0000);
}

static struct kunit_case sdhci_vsoc_io_cases[] = {
	KUNIT_CASE(sdhci_vsoc_io_narrow_reads),
	KUNIT_CASE(sdhci_vsoc_io_narrow_writes_merge),
	KUNIT_CASE(sdhci_vsoc_io_command_issues_once),
	KUNIT_CASE(sdhci_vsoc_io_reset_not_replayed),
	KUNIT_CASE(sdhci_vsoc_io_w1c_untouched),
	KUNIT_CASE(sdhci_vsoc_io_host_control2),
	{ }
};

static struct kunit_suite sdhci_vsoc_io_suite = {
	.name = "sdhci-vsoc-io",
	.test_cases = sdhci_vsoc_io_cases,
};

/* --- clock divider --- */

static void sdhci_vsoc_clk_div_values(struct kunit *test)
{
	const unsigned int base = 200000000;
	unsigned int actual;

	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_div(base, base, &actual), 0U);
	KUNIT_EXPECT_EQ(test, actual, base);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_div(base, 300000000, &actual), 0U);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_div(base, 100000000, &actual), 1U);
	KUNIT_EXPECT_EQ(test, actual, 100000000U);
	/* 52 MHz: 50 MHz, never above the target. */
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_div(base, 52000000, &actual), 2U);
	KUNIT_EXPECT_EQ(test, actual, 50000000U);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_div(base, 26000000, &actual), 4U);
	KUNIT_EXPECT_EQ(test, actual, 25000000U);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_div(base, 400000, &actual), 250U);
	KUNIT_EXPECT_EQ(test, actual, 400000U);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_div(base, 300000, &actual), 334U);
	KUNIT_EXPECT_LE(test, actual, 300000U);
	/* Slower than the divider reaches: the slowest clock. */
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_div(base, 1000, &actual),
			(unsigned int)SDHCI_VSOC_DIV_MAX);
	KUNIT_EXPECT_EQ(test, actual, base / (2 * SDHCI_VSOC_DIV_MAX));
}

static void sdhci_vsoc_clk_ctrl_fields(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_ctrl(0), 0);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_ctrl(2), 0x0200);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_ctrl(250), 0xfa00);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_ctrl(334), 0x4e40);
	KUNIT_EXPECT_EQ(test, sdhci_vsoc_clk_ctrl(SDHCI_VSOC_DIV_MAX), 0xffc0);
}

static struct kunit_case sdhci_vsoc_clock_cases[] = {
	KUNIT_CASE(sdhci_vsoc_clk_div_values),
	KUNIT_CASE(sdhci_vsoc_clk_ctrl_fields),
	{ }
};

static struct kunit_suite sdhci_vsoc_clock_suite = {
	.name = "sdhci-vsoc-clock",
	.test_cases = sdhci_vsoc_clock_cases,
};

/* --- mode fallback --- */

static void sdhci_vsoc_modes_fallback(struct kunit *test)
{
	u32 caps = MMC_CAP_8_BIT_DATA | MMC_CAP_MMC_HIGHSPEED | MMC_CAP_1_8V_DDR |
		   MMC_CAP_NONREMOVABLE;
	u32 caps2 = MMC_CAP2_HS200_1_8V_SDR | MMC_CAP2_HS400_1_8V |
		    MMC_CAP2_HS400_ES | MMC_CAP2_NO_SD | MMC_CAP2_NO_SDIO;

	KUNIT_EXPECT_TRUE(test, sdhci_vsoc_drop_1v8_modes(&caps, &caps2));
	KUNIT_EXPECT_EQ(test, caps, MMC_CAP_8_BIT_DATA | MMC_CAP_MMC_HIGHSPEED |
			MMC_CAP_3_3V_DDR | MMC_CAP_NONREMOVABLE);
	KUNIT_EXPECT_EQ(test, caps2, MMC_CAP2_NO_SD | MMC_CAP2_NO_SDIO);
	/* Once is enough: nothing left to drop. */
	KUNIT_EXPECT_FALSE(test, sdhci_vsoc_drop_1v8_modes(&caps, &caps2));
	KUNIT_EXPECT_EQ(test, caps2, MMC_CAP2_NO_SD | MMC_CAP2_NO_SDIO);
}

static void sdhci_vsoc_modes_hs200_only(struct kunit *test)
{
	u32 caps = MMC_CAP_8_BIT_DATA | MMC_CAP_MMC_HIGHSPEED;
	u32 caps2 = MMC_CAP2_HS200_1_8V_SDR;

	KUNIT_EXPECT_TRUE(test, sdhci_vsoc_drop_1v8_modes(&caps, &caps2));
	/* No DDR52 was offered; none is made up. */
	KUNIT_EXPECT_EQ(test, caps, MMC_CAP_8_BIT_DATA | MMC_CAP_MMC_HIGHSPEED);
	KUNIT_EXPECT_EQ(test, caps2, 0U);
}

static struct kunit_case sdhci_vsoc_modes_cases[] = {
	KUNIT_CASE(sdhci_vsoc_modes_fallback),
	KUNIT_CASE(sdhci_vsoc_modes_hs200_only),
	{ }
};

static struct kunit_suite sdhci_vsoc_modes_suite = {
	.name = "sdhci-vsoc-modes",
	.test_cases = sdhci_vsoc_modes_cases,
};

kunit_test_suites(&sdhci_vsoc_tuning_suite, &sdhci_vsoc_io_suite,
		  &sdhci_vsoc_clock_suite, &sdhci_vsoc_modes_suite);

MODULE_DESCRIPTION("KUnit tests of the sdhci-vsoc driver");
MODULE_LICENSE("GPL");
VSOC_IMPORT_NS_KUNIT();
