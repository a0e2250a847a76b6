// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests of the vsoc eMMC host model (suite vsoc-sdhci-model): the
 * register semantics, the bus timing rules, ADMA2 descriptor parsing and
 * the fault knobs (Documentation/vsoc-sdhci-regs.rst). The module
 * vsoc-sdhci-model-kunit also carries the card's suite (emmc-model-kunit.c,
 * which holds the module information).
 */
#include <kunit/test.h>
#include <linux/bitfield.h>
#include <linux/sizes.h>

#include <vsoc/compat.h>
#include <vsoc/sdhci-regs.h>

#include "sdhci-model.h"

#define T0	ms_to_ktime(1000)

static struct sdhci_model_regs *regs_new(struct kunit *test)
{
	struct sdhci_model_regs *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, r);
	sdhci_model_reset_all(r);
	return r;
}

static u32 rd(struct kunit *test, struct sdhci_model_regs *r, unsigned int off)
{
	u32 val = 0xdeadbeef;

	KUNIT_EXPECT_EQ(test, sdhci_model_read(r, off, T0, &val), 0);
	return val;
}

static u32 wr(struct kunit *test, struct sdhci_model_regs *r,
	      unsigned int off, u32 val)
{
	u32 action = 0xdead;

	KUNIT_EXPECT_EQ(test, sdhci_model_write(r, off, val, T0, &action), 0);
	return action;
}

static void sdhci_model_identity(struct kunit *test)
{
	struct sdhci_model_regs *r = regs_new(test);
	u32 caps = rd(test, r, VSOC_SDHCI_CAPABILITIES);
	u32 caps1 = rd(test, r, VSOC_SDHCI_CAPABILITIES_1);

	KUNIT_EXPECT_EQ(test, FIELD_GET(VSOC_SDHCI_SPEC_VER_MASK,
					rd(test, r, VSOC_SDHCI_SLOT_INT_VERSION)), 5U);
	KUNIT_EXPECT_EQ(test, FIELD_GET(SDHCI_MODEL_CAP_BASE_CLK, caps), 200U);
	KUNIT_EXPECT_EQ(test, caps & SDHCI_MODEL_CAP_TMO_MHZ, SDHCI_MODEL_CAP_TMO_MHZ);
	KUNIT_EXPECT_EQ(test, FIELD_GET(SDHCI_MODEL_CAP_TMO_FREQ, caps), 1U);
	KUNIT_EXPECT_TRUE(test, caps & SDHCI_MODEL_CAP_8BIT);
	KUNIT_EXPECT_TRUE(test, caps & SDHCI_MODEL_CAP_ADMA2);
	KUNIT_EXPECT_TRUE(test, caps & SDHCI_MODEL_CAP_SDMA);
	KUNIT_EXPECT_TRUE(test, caps & SDHCI_MODEL_CAP_64BIT_V3);
	KUNIT_EXPECT_TRUE(test, caps & SDHCI_MODEL_CAP_64BIT_V4);
	KUNIT_EXPECT_TRUE(test, caps & SDHCI_MODEL_CAP_VDD_180);
	KUNIT_EXPECT_EQ(test, FIELD_GET(SDHCI_MODEL_CAP_SLOT_TYPE, caps), 1U);
	KUNIT_EXPECT_TRUE(test, caps1 & SDHCI_MODEL_CAP1_HS400);
	KUNIT_EXPECT_TRUE(test, caps1 & SDHCI_MODEL_CAP1_SDR104);
	KUNIT_EXPECT_FALSE(test, caps1 & BIT(13));	/* SDR50 needs no tuning */
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_VENDOR_ID), VSOC_SDHCI_VENDOR_ID_VALUE);
	/* Read-only registers ignore writes. */
	wr(test, r, VSOC_SDHCI_CAPABILITIES, 0);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_CAPABILITIES), caps);
	KUNIT_EXPECT_EQ(test, rd(test, r, 0x1fc), 0U);
}

static void sdhci_model_interrupts(struct kunit *test)
{
	struct sdhci_model_regs *r = regs_new(test);

	/* Only enabled causes latch. */
	sdhci_model_raise(r, VSOC_SDHCI_INT_RESPONSE);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_INT_STATUS), 0U);
	wr(test, r, VSOC_SDHCI_INT_ENABLE, 0xffffffff);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_INT_ENABLE) & VSOC_SDHCI_INT_ERROR, 0U);
	sdhci_model_raise(r, VSOC_SDHCI_INT_RESPONSE | VSOC_SDHCI_INT_DATA_CRC);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_INT_STATUS),
			VSOC_SDHCI_INT_RESPONSE | VSOC_SDHCI_INT_DATA_CRC |
			VSOC_SDHCI_INT_ERROR);
	/* The line follows status & signal enable. */
	KUNIT_EXPECT_FALSE(test, sdhci_model_irq_line(r));
	wr(test, r, VSOC_SDHCI_SIGNAL_ENABLE, VSOC_SDHCI_INT_DATA_CRC);
	KUNIT_EXPECT_TRUE(test, sdhci_model_irq_line(r));
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_SLOT_INT_VERSION) & 1, 1U);
	/* W1C; the summary bit cannot be cleared by itself. */
	wr(test, r, VSOC_SDHCI_INT_STATUS, VSOC_SDHCI_INT_ERROR);
	KUNIT_EXPECT_TRUE(test, sdhci_model_irq_line(r));
	wr(test, r, VSOC_SDHCI_INT_STATUS, VSOC_SDHCI_INT_DATA_CRC);
	KUNIT_EXPECT_FALSE(test, sdhci_model_irq_line(r));
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_INT_STATUS), VSOC_SDHCI_INT_RESPONSE);
	/* Disabling a cause drops its status. */
	wr(test, r, VSOC_SDHCI_INT_ENABLE, 0);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_INT_STATUS), 0U);
}

static void sdhci_model_clock(struct kunit *test)
{
	struct sdhci_model_regs *r = regs_new(test);
	u32 clk;

	wr(test, r, VSOC_SDHCI_ACMD_HOST_CONTROL2, VSOC_SDHCI_CTRL_V4_MODE);
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, VSOC_SDHCI_CLOCK_INT_EN |
	   FIELD_PREP(VSOC_SDHCI_DIV_MASK, 0xfa));
	clk = rd(test, r, VSOC_SDHCI_CLOCK_CONTROL);
	KUNIT_EXPECT_TRUE(test, clk & VSOC_SDHCI_CLOCK_INT_STABLE);
	KUNIT_EXPECT_EQ(test, sdhci_model_clock_hz(r), 0U);
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, clk | VSOC_SDHCI_CLOCK_PLL_EN);
	KUNIT_EXPECT_EQ(test, sdhci_model_clock_hz(r), 0U);
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, clk | VSOC_SDHCI_CLOCK_PLL_EN |
	   VSOC_SDHCI_CLOCK_CARD_EN);
	KUNIT_EXPECT_EQ(test, sdhci_model_clock_hz(r), 400000U);
	/* The 10-bit divider; 0 is the base clock. */
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, VSOC_SDHCI_CLOCK_INT_EN |
	   VSOC_SDHCI_CLOCK_PLL_EN | VSOC_SDHCI_CLOCK_CARD_EN |
	   FIELD_PREP(VSOC_SDHCI_DIV_HI_MASK, 1));
	KUNIT_EXPECT_EQ(test, sdhci_model_clock_hz(r), 200000000U / 512);
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, VSOC_SDHCI_CLOCK_INT_EN |
	   VSOC_SDHCI_CLOCK_PLL_EN | VSOC_SDHCI_CLOCK_CARD_EN);
	KUNIT_EXPECT_EQ(test, sdhci_model_clock_hz(r), 200000000U);
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, 0);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_CLOCK_CONTROL), 0U);
	/* Version 3 mode: no PLL_EN needed. */
	wr(test, r, VSOC_SDHCI_ACMD_HOST_CONTROL2, 0);
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, VSOC_SDHCI_CLOCK_INT_EN |
	   VSOC_SDHCI_CLOCK_CARD_EN);
	KUNIT_EXPECT_EQ(test, sdhci_model_clock_hz(r), 200000000U);
}

static void sdhci_model_issue_and_resets(struct kunit *test)
{
	struct sdhci_model_regs *r = regs_new(test);
	u32 cmd = FIELD_PREP(VSOC_SDHCI_CMD_INDEX, 17) | VSOC_SDHCI_CMD_DATA |
		  FIELD_PREP(VSOC_SDHCI_CMD_RESP_MASK, 2) | VSOC_SDHCI_TRNS_READ;

	wr(test, r, VSOC_SDHCI_TAP_CTRL, 7);
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_XFER_CMD, cmd), SDHCI_MODEL_ACT_CMD);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_PRESENT_STATE) & 3, 3U);
	/* A second command while inhibited is lost. */
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_XFER_CMD, cmd), 0U);
	/* RESET_CMD during the command phase stops the job; reads back 0. */
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_CLOCK_CONTROL,
				 VSOC_SDHCI_RESET_CMD), SDHCI_MODEL_ACT_ABORT);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_CLOCK_CONTROL), 0U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_PRESENT_STATE) & 3, 0U);
	KUNIT_EXPECT_FALSE(test, r->job_active);

	/* Past the command phase, RESET_CMD leaves the data alone. */
	wr(test, r, VSOC_SDHCI_XFER_CMD, cmd);
	r->job_cmd_phase = false;
	r->cmd_inhibit = false;
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_CLOCK_CONTROL,
				 VSOC_SDHCI_RESET_CMD), 0U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_PRESENT_STATE) & 3, 2U);
	/* A CMD-line-only command runs beside the data phase. */
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_XFER_CMD,
				 FIELD_PREP(VSOC_SDHCI_CMD_INDEX, 13) |
				 FIELD_PREP(VSOC_SDHCI_CMD_RESP_MASK, 2)),
			SDHCI_MODEL_ACT_SIDE);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_PRESENT_STATE) & 3, 3U);
	KUNIT_EXPECT_TRUE(test, r->job_active);
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_CLOCK_CONTROL,
				 VSOC_SDHCI_RESET_CMD), SDHCI_MODEL_ACT_ABORT);
	KUNIT_EXPECT_FALSE(test, r->side_active);
	KUNIT_EXPECT_TRUE(test, r->job_active);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_PRESENT_STATE) & 3, 2U);
	/* A busy command must wait for DAT, except CMD12, which aborts. */
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_XFER_CMD,
				 FIELD_PREP(VSOC_SDHCI_CMD_INDEX, 6) |
				 FIELD_PREP(VSOC_SDHCI_CMD_RESP_MASK, 3)), 0U);
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_XFER_CMD,
				 FIELD_PREP(VSOC_SDHCI_CMD_INDEX, 12) |
				 FIELD_PREP(VSOC_SDHCI_CMD_RESP_MASK, 3)),
			SDHCI_MODEL_ACT_ABORT | SDHCI_MODEL_ACT_CMD);
	KUNIT_EXPECT_FALSE(test, r->read_active);
	r->job_cmd_phase = false;
	r->cmd_inhibit = false;
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_CLOCK_CONTROL,
				 VSOC_SDHCI_RESET_DATA), SDHCI_MODEL_ACT_ABORT);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_PRESENT_STATE) & 7, 0U);

	/* RESET_ALL: standard registers reset, the PHY's stay. */
	wr(test, r, VSOC_SDHCI_INT_ENABLE, 0xff);
	wr(test, r, VSOC_SDHCI_HOST_CONTROL, VSOC_SDHCI_POWER_ON);
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, VSOC_SDHCI_RESET_ALL);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_INT_ENABLE), 0U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_HOST_CONTROL), 0U);
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_TAP_CTRL), 7U);
}

static void sdhci_model_pio_buffer(struct kunit *test)
{
	struct sdhci_model_regs *r = regs_new(test);
	u32 action = 0;

	r->buf[0] = 0x11;
	r->buf[1] = 0x22;
	r->buf_len = 8;
	r->buf_rd = true;
	/* An ordinary read does not pop. */
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_BUFFER), 0U);
	KUNIT_EXPECT_TRUE(test, rd(test, r, VSOC_SDHCI_PRESENT_STATE) &
			  VSOC_SDHCI_DATA_AVAILABLE);
	KUNIT_EXPECT_EQ(test, sdhci_model_buf_pop(r, &action), 0x11U);
	KUNIT_EXPECT_EQ(test, action, 0U);
	KUNIT_EXPECT_EQ(test, sdhci_model_buf_pop(r, &action), 0x22U);
	KUNIT_EXPECT_EQ(test, action, SDHCI_MODEL_ACT_WAKE);
	KUNIT_EXPECT_FALSE(test, rd(test, r, VSOC_SDHCI_PRESENT_STATE) &
			   VSOC_SDHCI_DATA_AVAILABLE);
	/* Nothing waits: 0, no effect. */
	action = 0;
	KUNIT_EXPECT_EQ(test, sdhci_model_buf_pop(r, &action), 0U);
	KUNIT_EXPECT_EQ(test, action, 0U);
	/* Writes fill a write block. */
	r->buf_len = 4;
	r->buf_pos = 0;
	r->buf_wr = true;
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_BUFFER, 0x33), SDHCI_MODEL_ACT_WAKE);
	KUNIT_EXPECT_EQ(test, r->buf[0], 0x33U);
	KUNIT_EXPECT_EQ(test, wr(test, r, VSOC_SDHCI_BUFFER, 0x44), 0U);
}

static void sdhci_model_job_latch(struct kunit *test)
{
	struct sdhci_model_regs *r = regs_new(test);
	struct sdhci_model_job *job = kunit_kzalloc(test, sizeof(*job), GFP_KERNEL);
	u32 mode = VSOC_SDHCI_TRNS_DMA | VSOC_SDHCI_TRNS_BLK_CNT_EN |
		   VSOC_SDHCI_TRNS_MULTI | VSOC_SDHCI_TRNS_READ |
		   FIELD_PREP(SDHCI_MODEL_TRNS_AUTO_MASK, SDHCI_MODEL_AUTO_SEL);

	KUNIT_ASSERT_NOT_NULL(test, job);
	wr(test, r, VSOC_SDHCI_ACMD_HOST_CONTROL2, VSOC_SDHCI_CTRL_V4_MODE |
	   VSOC_SDHCI_CTRL_64BIT_ADDR | SDHCI_MODEL_CTRL_CMD23_EN);
	wr(test, r, VSOC_SDHCI_HOST_CONTROL, FIELD_PREP(VSOC_SDHCI_CTRL_DMA_MASK, 2) |
	   VSOC_SDHCI_CTRL_8BITBUS);
	wr(test, r, VSOC_SDHCI_SDMA_ADDR, 70000);	/* 32-bit count, arg 2 */
	wr(test, r, VSOC_SDHCI_BLOCK, 512);
	wr(test, r, VSOC_SDHCI_ADMA_ADDRESS, 0x1000);
	wr(test, r, VSOC_SDHCI_ADMA_ADDRESS_HI, 0x1);
	wr(test, r, VSOC_SDHCI_INT_ENABLE, VSOC_SDHCI_INT_DATA_TIMEOUT);
	wr(test, r, VSOC_SDHCI_CLOCK_CONTROL, FIELD_PREP(VSOC_SDHCI_TIMEOUT_MASK, 2));
	wr(test, r, VSOC_SDHCI_XFER_CMD, mode | VSOC_SDHCI_CMD_DATA |
	   FIELD_PREP(VSOC_SDHCI_CMD_INDEX, 18));
	sdhci_model_latch_job(r, T0, job);
	KUNIT_EXPECT_EQ(test, job->opcode, 18U);
	KUNIT_EXPECT_EQ(test, job->blocks, 70000U);
	KUNIT_EXPECT_EQ(test, job->arg2, 70000U);
	KUNIT_EXPECT_EQ(test, job->auto_cmd, (u32)SDHCI_MODEL_AUTO_CMD23);
	KUNIT_EXPECT_EQ(test, job->dma, SDHCI_MODEL_ADMA2_64_16);
	KUNIT_EXPECT_EQ(test, job->dma_addr, 0x100001000ULL);
	KUNIT_EXPECT_EQ(test, job->timeout_ns, 32768ULL * 1000);
	KUNIT_EXPECT_EQ(test, job->bus.width, 8);

	/* v3: 16-bit count first, 12-byte descriptors for DMA select 3. */
	sdhci_model_reset_all(r);
	wr(test, r, VSOC_SDHCI_HOST_CONTROL, FIELD_PREP(VSOC_SDHCI_CTRL_DMA_MASK, 3));
	wr(test, r, VSOC_SDHCI_BLOCK, 512 | 8 << 16);
	wr(test, r, VSOC_SDHCI_XFER_CMD, mode | VSOC_SDHCI_CMD_DATA);
	sdhci_model_latch_job(r, T0, job);
	KUNIT_EXPECT_EQ(test, job->blocks, 8U);
	KUNIT_EXPECT_EQ(test, job->auto_cmd, (u32)SDHCI_MODEL_AUTO_CMD12);
	KUNIT_EXPECT_EQ(test, job->dma, SDHCI_MODEL_ADMA2_64_12);
	KUNIT_EXPECT_EQ(test, job->timeout_ns, 0ULL);
}

static void sdhci_model_window(struct kunit *test)
{
	struct sdhci_model_window a, b;
	unsigned int s;

	for (s = 0; s < 200; s++) {
		sdhci_model_window_draw(s, "mmc@3000", &a);
		KUNIT_EXPECT_GE(test, a.hi - a.lo + 1, SDHCI_MODEL_WIN_MIN);
		KUNIT_EXPECT_LE(test, a.hi - a.lo + 1, SDHCI_MODEL_WIN_MAX);
		KUNIT_EXPECT_LT(test, a.hi, VSOC_SDHCI_TAP_COUNT);
		sdhci_model_window_draw(s, "mmc@3000", &b);
		KUNIT_EXPECT_EQ(test, a.lo, b.lo);
	}
	sdhci_model_window_draw(1, "mmc@3000", &a);
	sdhci_model_window_draw(2, "mmc@3000", &b);
	KUNIT_EXPECT_TRUE(test, a.lo != b.lo || a.hi != b.hi);
	b = a;
	sdhci_model_window_drift(&b, 3);
	KUNIT_EXPECT_EQ(test, b.hi - b.lo, a.hi - a.lo);
	sdhci_model_window_drift(&b, -100);
	KUNIT_EXPECT_EQ(test, b.lo, 0);
	sdhci_model_window_drift(&b, 100);
	KUNIT_EXPECT_EQ(test, b.hi, VSOC_SDHCI_TAP_COUNT - 1);
}

static const struct vsoc_emmc_bus card_hs200 = {
	.hs_timing = 2, .bus_width = 8, .max_hz = 200000000,
};

static const struct vsoc_emmc_bus card_hs400 = {
	.hs_timing = 3, .bus_width = 8, .ddr = true, .max_hz = 200000000,
};

static const struct sdhci_model_window win = { .lo = 20, .hi = 30 };

static struct sdhci_model_host_bus host_hs200(void)
{
	return (struct sdhci_model_host_bus) {
		.clk_hz = 200000000, .width = 8, .uhs = VSOC_SDHCI_UHS_SDR104,
		.vdd_180 = true, .pad_1v8 = true, .tap = 25,
		.strobe_delay = VSOC_SDHCI_DLL_STROBE_DEFAULT,
	};
}

static void sdhci_model_hs200_rules(struct kunit *test)
{
	struct sdhci_model_host_bus h = host_hs200();
	struct vsoc_emmc_bus legacy = { .bus_width = 1, .max_hz = 26000000 };

	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs200, &win), 0);
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs200, &win, true), 0);
	h.tap = 31;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs200, &win, true), -EILSEQ);
	/* Writes and commands do not depend on the tap. */
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs200, &win, false), 0);
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs200, &win), 0);
	h.tap = 20;
	h.uhs = VSOC_SDHCI_UHS_SDR50;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs200, &win, true), -EILSEQ);
	h = host_hs200();
	h.width = 4;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs200, &win, false), -EILSEQ);
	/* Clock: none is a timeout, too fast is CRC. */
	h = host_hs200();
	h.clk_hz = 0;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs200, &win), -ETIMEDOUT);
	h.clk_hz = 52000000;
	h.vdd_180 = false;
	h.pad_1v8 = false;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &legacy, &win), -EILSEQ);
	h.clk_hz = 400000;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &legacy, &win), 0);
}

static void sdhci_model_voltage_rules(struct kunit *test)
{
	struct sdhci_model_host_bus h = host_hs200();

	/* HS200 at 3.3 V. */
	h.vdd_180 = false;
	h.pad_1v8 = false;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs200, &win), -EILSEQ);
	/* Host signalling not what the pads see. */
	h.vdd_180 = true;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs200, &win), -EILSEQ);
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs200, &win, false), -EILSEQ);
	h.pad_1v8 = true;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs200, &win), 0);
}

static void sdhci_model_io_stuck(struct kunit *test)
{
	struct sdhci_model_regs *r = regs_new(test);

	r->vqmmc_1v8 = true;
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_IO_STATUS), VSOC_SDHCI_IO_1V8);
	r->io_stuck_3v3 = true;
	KUNIT_EXPECT_EQ(test, rd(test, r, VSOC_SDHCI_IO_STATUS), 0U);
}

static void sdhci_model_hs400_rules(struct kunit *test)
{
	struct sdhci_model_host_bus h = host_hs200();
	struct vsoc_emmc_bus es = card_hs400;

	h.uhs = VSOC_SDHCI_UHS_HS400;
	h.ddr = true;
	h.dll_locked = true;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs400, &win, true), 0);
	h.strobe_delay = VSOC_SDHCI_DLL_STROBE_DEFAULT + 25;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs400, &win, true), -EILSEQ);
	h.strobe_delay = VSOC_SDHCI_DLL_STROBE_DEFAULT - 24;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs400, &win, true), 0);
	h.dll_locked = false;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_data(&h, &card_hs400, &win, true), -EILSEQ);
	/* Without enhanced strobe, responses need the tap. */
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs400, &win), 0);
	h.tap = 40;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs400, &win), -EILSEQ);
	/* With it, the DLL; on one side only, nothing works. */
	es.enhanced_strobe = true;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &es, &win), -EILSEQ);
	h.enh_strobe = true;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &es, &win), -EILSEQ);
	h.dll_locked = true;
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &es, &win), 0);
	KUNIT_EXPECT_EQ(test, sdhci_model_check_cmd(&h, &card_hs400, &win), -EILSEQ);
}

static void sdhci_model_dll(struct kunit *test)
{
	struct sdhci_model_regs *r = regs_new(test);
	u32 run = VSOC_SDHCI_CLOCK_INT_EN | VSOC_SDHCI_CLOCK_PLL_EN |
		  VSOC_SDHCI_CLOCK_CARD_EN;
	ktime_t half = ns_to_ktime(VSOC_SDHCI_DLL_LOCK_US / 2 * NSEC_PER_USEC);
	u32 action, val;

	r->host_ctrl2 = VSOC_SDHCI_CTRL_V4_MODE;
	/* Enabled without a clock: lock error. */
	sdhci_model_write(r, VSOC_SDHCI_DLL_CTRL, VSOC_SDHCI_DLL_ENABLE, T0, &action);
	sdhci_model_read(r, VSOC_SDHCI_DLL_STATUS, T0, &val);
	KUNIT_EXPECT_EQ(test, val, VSOC_SDHCI_DLL_LOCK_ERROR);
	/* 200 MHz from T0: locked half the lock time later. */
	sdhci_model_write(r, VSOC_SDHCI_CLOCK_CONTROL, run, T0, &action);
	KUNIT_EXPECT_FALSE(test, sdhci_model_dll_locked(r, ktime_add(T0, half) - 1));
	KUNIT_EXPECT_TRUE(test, sdhci_model_dll_locked(r, ktime_add(T0, half)));
	sdhci_model_read(r, VSOC_SDHCI_DLL_STATUS, ktime_add(T0, half), &val);
	KUNIT_EXPECT_EQ(test, val, VSOC_SDHCI_DLL_LOCKED);
	/* A divider change drops the lock until it locks again. */
	sdhci_model_write(r, VSOC_SDHCI_CLOCK_CONTROL,
			  run | FIELD_PREP(VSOC_SDHCI_DIV_MASK, 1), ms_to_ktime(2000), &action);
	KUNIT_EXPECT_FALSE(test, sdhci_model_dll_locked(r, ms_to_ktime(2000)));
	KUNIT_EXPECT_TRUE(test, sdhci_model_dll_locked(r, ktime_add(ms_to_ktime(2000), half)));
	/* Below 50 MHz: no lock. */
	sdhci_model_write(r, VSOC_SDHCI_CLOCK_CONTROL,
			  run | FIELD_PREP(VSOC_SDHCI_DIV_MASK, 4), ms_to_ktime(3000), &action);
	sdhci_model_read(r, VSOC_SDHCI_DLL_STATUS, ms_to_ktime(4000), &val);
	KUNIT_EXPECT_EQ(test, val, VSOC_SDHCI_DLL_LOCK_ERROR);
	/* Disabled: neither. */
	sdhci_model_write(r, VSOC_SDHCI_DLL_CTRL, 0, ms_to_ktime(4000), &action);
	sdhci_model_read(r, VSOC_SDHCI_DLL_STATUS, ms_to_ktime(5000), &val);
	KUNIT_EXPECT_EQ(test, val, 0U);
}

static void sdhci_model_adma(struct kunit *test)
{
	static const u8 d32[8] = { 0x23, 0x00, 0x00, 0x02, 0x00, 0x10, 0x00, 0x80 };
	static const u8 d64[16] = { 0x27, 0x00, 0x00, 0x00, 0x00, 0x20, 0x00, 0x00,
				    0x01, 0x00, 0x00, 0x00, 0xff, 0xff, 0xff, 0xff };
	static const u8 link[12] = { 0x31, 0x00, 0x00, 0x00, 0x40, 0x00, 0x00, 0x00,
				     0x00, 0x00, 0x00, 0x00 };
	static const u8 invalid[8] = { 0x22, 0x00, 0x00, 0x02 };
	struct sdhci_model_adma_desc d;

	KUNIT_EXPECT_EQ(test, sdhci_model_adma_desc_size(SDHCI_MODEL_ADMA2_32), 8U);
	KUNIT_EXPECT_EQ(test, sdhci_model_adma_desc_size(SDHCI_MODEL_ADMA2_64_12), 12U);
	KUNIT_EXPECT_EQ(test, sdhci_model_adma_desc_size(SDHCI_MODEL_ADMA2_64_16), 16U);
	KUNIT_EXPECT_EQ(test, sdhci_model_adma_desc_size(SDHCI_MODEL_SDMA), 0U);

	KUNIT_EXPECT_EQ(test, sdhci_model_adma_parse(SDHCI_MODEL_ADMA2_32, d32, &d), 0);
	KUNIT_EXPECT_TRUE(test, d.end);
	KUNIT_EXPECT_FALSE(test, d.irq);
	KUNIT_EXPECT_EQ(test, d.act, SDHCI_MODEL_ADMA_TRAN);
	KUNIT_EXPECT_EQ(test, d.len, 512U);
	KUNIT_EXPECT_EQ(test, d.addr, 0x80001000ULL);

	/* 16 bytes (v4): length 0 is 64 KiB, reserved word ignored. */
	KUNIT_EXPECT_EQ(test, sdhci_model_adma_parse(SDHCI_MODEL_ADMA2_64_16, d64, &d), 0);
	KUNIT_EXPECT_TRUE(test, d.irq);
	KUNIT_EXPECT_EQ(test, d.len, 65536U);
	KUNIT_EXPECT_EQ(test, d.addr, 0x100002000ULL);

	KUNIT_EXPECT_EQ(test, sdhci_model_adma_parse(SDHCI_MODEL_ADMA2_64_12, link, &d), 0);
	KUNIT_EXPECT_EQ(test, d.act, SDHCI_MODEL_ADMA_LINK);
	KUNIT_EXPECT_EQ(test, d.addr, 0x40ULL);

	KUNIT_EXPECT_EQ(test, sdhci_model_adma_parse(SDHCI_MODEL_ADMA2_32, invalid, &d), -EINVAL);
	KUNIT_EXPECT_EQ(test, sdhci_model_adma_parse(SDHCI_MODEL_PIO, d32, &d), -EINVAL);
}

static void sdhci_model_faults(struct kunit *test)
{
	struct sdhci_model_fault f = {};
	static const char *const bad[] = { "", "x", "1 2 3", "5 101", "-1", "1 -1" };
	unsigned int i;

	KUNIT_EXPECT_EQ(test, sdhci_model_fault_parse("2\n", &f), 0);
	KUNIT_EXPECT_EQ(test, f.left, 2U);
	KUNIT_EXPECT_EQ(test, f.pct, 100U);
	KUNIT_EXPECT_TRUE(test, sdhci_model_fault_hit(&f, 99));
	KUNIT_EXPECT_TRUE(test, sdhci_model_fault_hit(&f, 0));
	KUNIT_EXPECT_FALSE(test, sdhci_model_fault_hit(&f, 0));
	KUNIT_EXPECT_EQ(test, f.pct, 0U);

	KUNIT_EXPECT_EQ(test, sdhci_model_fault_parse("1 30", &f), 0);
	KUNIT_EXPECT_FALSE(test, sdhci_model_fault_hit(&f, 30));
	KUNIT_EXPECT_TRUE(test, sdhci_model_fault_hit(&f, 29));
	KUNIT_EXPECT_FALSE(test, sdhci_model_fault_hit(&f, 0));

	KUNIT_EXPECT_EQ(test, sdhci_model_fault_parse("0 50", &f), 0);
	KUNIT_EXPECT_TRUE(test, f.unlimited);
	for (i = 0; i < 10; i++)
		KUNIT_EXPECT_TRUE(test, sdhci_model_fault_hit(&f, 10));
	KUNIT_EXPECT_EQ(test, f.pct, 50U);

	KUNIT_EXPECT_EQ(test, sdhci_model_fault_parse("0", &f), 0);
	KUNIT_EXPECT_FALSE(test, sdhci_model_fault_hit(&f, 0));

	for (i = 0; i < ARRAY_SIZE(bad); i++) {
		f = (struct sdhci_model_fault) { .left = 7, .pct = 7 };
		KUNIT_EXPECT_EQ_MSG(test, sdhci_model_fault_parse(bad[i], &f), -EINVAL,
				    "\"%s\"", bad[i]);
		KUNIT_EXPECT_EQ(test, f.left, 7U);
	}
}

static void sdhci_model_bus_time(struct kunit *test)
{
	struct sdhci_model_host_bus h = { .clk_hz = 200000000, .width = 8 };

	KUNIT_EXPECT_EQ(test, sdhci_model_xfer_ns(&h, SZ_1M), 5242880ULL);
	h.ddr = true;
	KUNIT_EXPECT_EQ(test, sdhci_model_xfer_ns(&h, SZ_1M), 2621440ULL);
	h = (struct sdhci_model_host_bus) { .clk_hz = 400000, .width = 1 };
	KUNIT_EXPECT_EQ(test, sdhci_model_xfer_ns(&h, 512), 10240000ULL);
	h.clk_hz = 0;
	KUNIT_EXPECT_EQ(test, sdhci_model_xfer_ns(&h, 512), 0ULL);
}

static struct kunit_case sdhci_model_cases[] = {
	KUNIT_CASE(sdhci_model_identity),
	KUNIT_CASE(sdhci_model_interrupts),
	KUNIT_CASE(sdhci_model_clock),
	KUNIT_CASE(sdhci_model_issue_and_resets),
	KUNIT_CASE(sdhci_model_pio_buffer),
	KUNIT_CASE(sdhci_model_job_latch),
	KUNIT_CASE(sdhci_model_window),
	KUNIT_CASE(sdhci_model_hs200_rules),
	KUNIT_CASE(sdhci_model_voltage_rules),
	KUNIT_CASE(sdhci_model_io_stuck),
	KUNIT_CASE(sdhci_model_hs400_rules),
	KUNIT_CASE(sdhci_model_dll),
	KUNIT_CASE(sdhci_model_adma),
	KUNIT_CASE(sdhci_model_faults),
	KUNIT_CASE(sdhci_model_bus_time),
	{}
};

static struct kunit_suite sdhci_model_suite = {
	.name = "vsoc-sdhci-model",
	.test_cases = sdhci_model_cases,
};

kunit_test_suites(&sdhci_model_suite);
