// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc eMMC host model: the register file (Documentation/vsoc-sdhci-regs.rst).
 * Pure logic: no locks, no board calls; the glue serialises access and
 * passes the time, which the clock and DLL status depend on.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/minmax.h>
#include <linux/sizes.h>
#include <linux/string.h>

#include <vsoc/compat.h>

#include "sdhci-model.h"

#define SDHCI_MODEL_NORMAL_INTS	(GENMASK(8, 0) | VSOC_SDHCI_INT_RETUNE | \
				 VSOC_SDHCI_INT_CQE)
#define SDHCI_MODEL_ERROR_INTS	GENMASK(25, 16)
#define SDHCI_MODEL_ALL_INTS	(SDHCI_MODEL_NORMAL_INTS | SDHCI_MODEL_ERROR_INTS)
#define SDHCI_MODEL_CMD_INTS	(VSOC_SDHCI_INT_RESPONSE | GENMASK(19, 16))
#define SDHCI_MODEL_DATA_INTS	(VSOC_SDHCI_INT_DATA_END | VSOC_SDHCI_INT_BLK_GAP | \
				 VSOC_SDHCI_INT_DMA_END | VSOC_SDHCI_INT_SPACE_AVAIL | \
				 VSOC_SDHCI_INT_DATA_AVAIL | GENMASK(22, 20) | \
				 VSOC_SDHCI_INT_AUTO_CMD_ERR | VSOC_SDHCI_INT_ADMA_ERROR)
/* Host control 1 (LED, widths, DMA select), power (bus power, VDD1), block gap, wakeup. */
#define SDHCI_MODEL_HOST_CTRL_RW	0x070f0fff
#define SDHCI_MODEL_CLOCK_RW		(VSOC_SDHCI_CLOCK_INT_EN | VSOC_SDHCI_CLOCK_CARD_EN | \
					 VSOC_SDHCI_CLOCK_PLL_EN | VSOC_SDHCI_CLOCK_PROG | \
					 VSOC_SDHCI_DIV_HI_MASK | VSOC_SDHCI_DIV_MASK | \
					 VSOC_SDHCI_TIMEOUT_MASK)
#define SDHCI_MODEL_CTRL2_RW		(GENMASK(23, 16) | GENMASK(31, 27))

/**
 * sdhci_model_reset_all() - Software Reset For All
 * @r: the registers
 *
 * Every standard register goes to its reset value. The vendor registers
 * (the PHY), the sensed I/O voltage and the job sequence number survive;
 * a running job is no longer current.
 */
void sdhci_model_reset_all(struct sdhci_model_regs *r)
{
	struct sdhci_model_regs keep = *r;

	memset(r, 0, sizeof(*r));
	r->tap = keep.tap;
	r->dll_ctrl = keep.dll_ctrl;
	r->emmc_ctrl = keep.emmc_ctrl;
	r->dll_enabled_at = keep.dll_enabled_at;
	r->vqmmc_1v8 = keep.vqmmc_1v8;
	r->io_stuck_3v3 = keep.io_stuck_3v3;
	r->dat0_until = keep.dat0_until;
	r->job = keep.job + 1;
	r->side = keep.side + 1;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_reset_all);

/**
 * sdhci_model_clock_hz() - the card clock
 * @r: the registers
 *
 * Return: the SD clock frequency, 0 when it does not run (it needs
 * INT_EN, PLL_EN and CARD_EN; in version 3 mode, where drivers of older
 * controllers know no PLL_EN, INT_EN and CARD_EN).
 */
u32 sdhci_model_clock_hz(const struct sdhci_model_regs *r)
{
	u32 need = VSOC_SDHCI_CLOCK_INT_EN | VSOC_SDHCI_CLOCK_CARD_EN;
	u32 div;

	if (r->host_ctrl2 & VSOC_SDHCI_CTRL_V4_MODE)
		need |= VSOC_SDHCI_CLOCK_PLL_EN;

	if ((r->clock & need) != need)
		return 0;
	div = FIELD_GET(VSOC_SDHCI_DIV_MASK, r->clock) |
	      FIELD_GET(VSOC_SDHCI_DIV_HI_MASK, r->clock) << 8;
	return div ? SDHCI_MODEL_BASE_HZ / (2 * div) : SDHCI_MODEL_BASE_HZ;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_clock_hz);

static bool sdhci_model_dll_clock_ok(const struct sdhci_model_regs *r)
{
	return sdhci_model_clock_hz(r) >= SDHCI_MODEL_DLL_MIN_HZ;
}

/**
 * sdhci_model_dll_locked() - DLL_STATUS LOCKED
 * @r: the registers
 * @now: the time
 *
 * Return: true when DLL_ENABLE is set, the card clock runs at 50 MHz or
 * more and half of VSOC_SDHCI_DLL_LOCK_US passed since the later of the
 * enable and the last clock change.
 */
bool sdhci_model_dll_locked(const struct sdhci_model_regs *r, ktime_t now)
{
	ktime_t since = max(r->dll_enabled_at, r->clk_changed_at);

	if (!(r->dll_ctrl & VSOC_SDHCI_DLL_ENABLE) || !sdhci_model_dll_clock_ok(r))
		return false;
	return ktime_us_delta(now, since) >= VSOC_SDHCI_DLL_LOCK_US / 2;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_dll_locked);

/**
 * sdhci_model_pad_1v8() - the I/O voltage the pads see
 * @r: the registers
 *
 * Return: true for 1.8 V.
 */
bool sdhci_model_pad_1v8(const struct sdhci_model_regs *r)
{
	return r->vqmmc_1v8 && !r->io_stuck_3v3;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_pad_1v8);

static u32 sdhci_model_status(const struct sdhci_model_regs *r)
{
	u32 st = r->int_status;

	if (st & SDHCI_MODEL_ERROR_INTS)
		st |= VSOC_SDHCI_INT_ERROR;
	return st;
}

/**
 * sdhci_model_irq_line() - level of the block's interrupt line
 * @r: the registers
 *
 * Return: true when a status bit is set whose signal is enabled.
 */
bool sdhci_model_irq_line(const struct sdhci_model_regs *r)
{
	return r->int_status & r->signal_enable;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_irq_line);

/**
 * sdhci_model_raise() - set interrupt status bits
 * @r: the registers
 * @bits: the events; only those enabled in INT_ENABLE latch
 */
void sdhci_model_raise(struct sdhci_model_regs *r, u32 bits)
{
	r->int_status |= bits & r->int_enable;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_raise);

static u32 sdhci_model_present(const struct sdhci_model_regs *r, ktime_t now)
{
	u32 v = VSOC_SDHCI_CARD_PRESENT | VSOC_SDHCI_CARD_STABLE |
		VSOC_SDHCI_CARD_DETECT_PIN | VSOC_SDHCI_WRITE_PROTECT |
		VSOC_SDHCI_DATA_LVL_MASK | VSOC_SDHCI_CMD_LVL;

	if (ktime_before(now, r->dat0_until))
		v &= ~BIT(20);
	if (r->cmd_inhibit)
		v |= VSOC_SDHCI_CMD_INHIBIT;
	if (r->dat_inhibit)
		v |= VSOC_SDHCI_DAT_INHIBIT | VSOC_SDHCI_DAT_ACTIVE;
	if (r->write_active)
		v |= VSOC_SDHCI_WRITE_ACTIVE;
	if (r->read_active)
		v |= VSOC_SDHCI_READ_ACTIVE;
	if (r->buf_wr)
		v |= VSOC_SDHCI_SPACE_AVAILABLE;
	if (r->buf_rd)
		v |= VSOC_SDHCI_DATA_AVAILABLE;
	return v;
}

static u32 sdhci_model_caps(void)
{
	return FIELD_PREP(SDHCI_MODEL_CAP_TMO_FREQ, SDHCI_MODEL_TMO_HZ / 1000000) |
	       SDHCI_MODEL_CAP_TMO_MHZ |
	       FIELD_PREP(SDHCI_MODEL_CAP_BASE_CLK, SDHCI_MODEL_BASE_HZ / 1000000) |
	       SDHCI_MODEL_CAP_8BIT | SDHCI_MODEL_CAP_ADMA2 | SDHCI_MODEL_CAP_HISPD |
	       SDHCI_MODEL_CAP_SDMA | SDHCI_MODEL_CAP_VDD_330 | SDHCI_MODEL_CAP_VDD_180 |
	       SDHCI_MODEL_CAP_64BIT_V4 | SDHCI_MODEL_CAP_64BIT_V3 |
	       FIELD_PREP(SDHCI_MODEL_CAP_SLOT_TYPE, SDHCI_MODEL_SLOT_EMBEDDED);
}

static u32 sdhci_model_read_vendor(const struct sdhci_model_regs *r,
				   unsigned int off, ktime_t now)
{
	u32 v = 0;

	switch (off) {
	case VSOC_SDHCI_VENDOR_ID:
		return VSOC_SDHCI_VENDOR_ID_VALUE;
	case VSOC_SDHCI_VENDOR_VERSION:
		return SDHCI_MODEL_VENDOR_VER;
	case VSOC_SDHCI_TAP_CTRL:
		return r->tap;
	case VSOC_SDHCI_DLL_CTRL:
		return r->dll_ctrl;
	case VSOC_SDHCI_DLL_STATUS:
		if (sdhci_model_dll_locked(r, now))
			v |= VSOC_SDHCI_DLL_LOCKED;
		else if ((r->dll_ctrl & VSOC_SDHCI_DLL_ENABLE) &&
			 !sdhci_model_dll_clock_ok(r))
			v |= VSOC_SDHCI_DLL_LOCK_ERROR;
		return v;
	case VSOC_SDHCI_EMMC_CTRL:
		return r->emmc_ctrl;
	case VSOC_SDHCI_IO_STATUS:
		return sdhci_model_pad_1v8(r) ? VSOC_SDHCI_IO_1V8 : 0;
	default:
		return 0;
	}
}

/**
 * sdhci_model_read() - read a register without side effects
 * @r: the registers
 * @off: byte offset, 32-bit aligned, inside the window
 * @now: the time
 * @val: the value; reserved offsets and the buffer port read 0 (the
 *	glue pops the buffer port with sdhci_model_buf_pop())
 *
 * Return: 0.
 */
int sdhci_model_read(const struct sdhci_model_regs *r, unsigned int off,
		     ktime_t now, u32 *val)
{
	switch (off) {
	case VSOC_SDHCI_SDMA_ADDR:
		*val = r->sdma_arg2;
		break;
	case VSOC_SDHCI_BLOCK:
		*val = r->block;
		break;
	case VSOC_SDHCI_ARGUMENT:
		*val = r->argument;
		break;
	case VSOC_SDHCI_XFER_CMD:
		*val = r->xfer_cmd;
		break;
	case VSOC_SDHCI_RESPONSE(0) ... VSOC_SDHCI_RESPONSE(3):
		*val = r->resp[(off - VSOC_SDHCI_RESPONSE(0)) / 4];
		break;
	case VSOC_SDHCI_PRESENT_STATE:
		*val = sdhci_model_present(r, now);
		break;
	case VSOC_SDHCI_HOST_CONTROL:
		*val = r->host_ctrl;
		break;
	case VSOC_SDHCI_CLOCK_CONTROL:
		*val = r->clock;
		if (r->clock & VSOC_SDHCI_CLOCK_INT_EN)
			*val |= VSOC_SDHCI_CLOCK_INT_STABLE;
		break;
	case VSOC_SDHCI_INT_STATUS:
		*val = sdhci_model_status(r);
		break;
	case VSOC_SDHCI_INT_ENABLE:
		*val = r->int_enable;
		break;
	case VSOC_SDHCI_SIGNAL_ENABLE:
		*val = r->signal_enable;
		break;
	case VSOC_SDHCI_ACMD_HOST_CONTROL2:
		*val = r->host_ctrl2 | r->acmd_status;
		break;
	case VSOC_SDHCI_CAPABILITIES:
		*val = sdhci_model_caps();
		break;
	case VSOC_SDHCI_CAPABILITIES_1:
		*val = SDHCI_MODEL_CAP1_SDR50 | SDHCI_MODEL_CAP1_SDR104 |
		       SDHCI_MODEL_CAP1_DDR50 | SDHCI_MODEL_CAP1_HS400;
		break;
	case VSOC_SDHCI_MAX_CURRENT:
		*val = SDHCI_MODEL_MAX_CURRENT_VAL;
		break;
	case VSOC_SDHCI_ADMA_ERROR:
		*val = r->adma_err;
		break;
	case VSOC_SDHCI_ADMA_ADDRESS:
		*val = lower_32_bits(r->adma_addr);
		break;
	case VSOC_SDHCI_ADMA_ADDRESS_HI:
		*val = upper_32_bits(r->adma_addr);
		break;
	case VSOC_SDHCI_SLOT_INT_VERSION:
		*val = FIELD_PREP(VSOC_SDHCI_SPEC_VER_MASK, VSOC_SDHCI_SPEC_420) |
		       (sdhci_model_irq_line(r) ? BIT(0) : 0);
		break;
	default:
		*val = off >= VSOC_SDHCI_VENDOR_ID ?
		       sdhci_model_read_vendor(r, off, now) : 0;
		break;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_read);

static void sdhci_model_abort_job(struct sdhci_model_regs *r, u32 *action)
{
	if (!r->job_active)
		return;
	r->job_active = false;
	r->job++;
	*action |= SDHCI_MODEL_ACT_ABORT;
}

static void sdhci_model_reset_data(struct sdhci_model_regs *r, u32 *action)
{
	if (r->job_active && r->job_cmd_phase)
		r->cmd_inhibit = false;
	sdhci_model_abort_job(r, action);
	r->dat_inhibit = false;
	r->read_active = false;
	r->write_active = false;
	r->buf_rd = false;
	r->buf_wr = false;
	r->buf_len = 0;
	r->buf_pos = 0;
	r->sdma_wait = false;
	r->sdma_restart = false;
	r->acmd_status = 0;
	r->adma_err = 0;
	r->int_status &= ~SDHCI_MODEL_DATA_INTS;
}

static void sdhci_model_reset_cmd(struct sdhci_model_regs *r, u32 *action)
{
	/* A job past its command phase is data only: it goes on. */
	if (r->job_active && r->job_cmd_phase) {
		sdhci_model_abort_job(r, action);
		r->dat_inhibit = false;
	}
	if (r->side_active) {
		r->side_active = false;
		r->side++;
		*action |= SDHCI_MODEL_ACT_ABORT;
	}
	r->cmd_inhibit = false;
	r->int_status &= ~SDHCI_MODEL_CMD_INTS;
}

static void sdhci_model_write_clock(struct sdhci_model_regs *r, u32 val,
				    ktime_t now, u32 *action)
{
	u32 old_hz = sdhci_model_clock_hz(r);

	if (val & VSOC_SDHCI_RESET_ALL) {
		if (r->job_active || r->side_active)
			*action |= SDHCI_MODEL_ACT_ABORT;
		sdhci_model_reset_all(r);
		r->clk_changed_at = now;
		return;
	}
	r->clock = val & SDHCI_MODEL_CLOCK_RW;
	if (sdhci_model_clock_hz(r) != old_hz)
		r->clk_changed_at = now;
	if (val & VSOC_SDHCI_RESET_CMD)
		sdhci_model_reset_cmd(r, action);
	if (val & VSOC_SDHCI_RESET_DATA)
		sdhci_model_reset_data(r, action);
}

static void sdhci_model_issue(struct sdhci_model_regs *r, u32 val, u32 *action)
{
	bool data = val & VSOC_SDHCI_CMD_DATA;
	bool busy = FIELD_GET(VSOC_SDHCI_CMD_RESP_MASK, val) == 3;
	bool abort = FIELD_GET(VSOC_SDHCI_CMD_TYPE, val) == 3 ||
		     FIELD_GET(VSOC_SDHCI_CMD_INDEX, val) == SDHCI_MODEL_OP_STOP;

	/* The driver must wait for the inhibit bits; a write now is lost. */
	if (r->cmd_inhibit)
		return;
	if ((data || busy) && r->dat_inhibit) {
		if (!abort)
			return;
		/* An abort (CMD12) during a data phase ends that phase. */
		sdhci_model_abort_job(r, action);
		r->read_active = false;
		r->write_active = false;
	} else if (r->dat_inhibit) {
		/* CMD line only, beside the data phase (CMD13 in a busy). */
		r->xfer_cmd = val;
		r->cmd_inhibit = true;
		r->side++;
		r->side_active = true;
		*action |= SDHCI_MODEL_ACT_SIDE;
		return;
	}
	r->xfer_cmd = val;
	r->cmd_inhibit = true;
	r->dat_inhibit = data || busy;
	r->acmd_status = 0;
	r->buf_rd = false;
	r->buf_wr = false;
	r->job++;
	r->job_active = true;
	r->job_cmd_phase = true;
	*action |= SDHCI_MODEL_ACT_CMD;
}

static void sdhci_model_buf_push(struct sdhci_model_regs *r, u32 val,
				 u32 *action)
{
	if (!r->buf_wr)
		return;
	r->buf[r->buf_pos / 4] = val;
	r->buf_pos += 4;
	if (r->buf_pos >= r->buf_len) {
		r->buf_wr = false;
		*action |= SDHCI_MODEL_ACT_WAKE;
	}
}

/**
 * sdhci_model_buf_pop() - read the buffer data port
 * @r: the registers
 * @action: SDHCI_MODEL_ACT_WAKE is added when the block was emptied
 *
 * Return: the next word of the read block, 0 when none waits.
 */
u32 sdhci_model_buf_pop(struct sdhci_model_regs *r, u32 *action)
{
	u32 val;

	if (!r->buf_rd)
		return 0;
	val = r->buf[r->buf_pos / 4];
	r->buf_pos += 4;
	if (r->buf_pos >= r->buf_len) {
		r->buf_rd = false;
		*action |= SDHCI_MODEL_ACT_WAKE;
	}
	return val;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_buf_pop);

static void sdhci_model_sdma_addr(struct sdhci_model_regs *r, bool restarts,
				  u32 *action)
{
	if (restarts && r->sdma_wait) {
		r->sdma_restart = true;
		*action |= SDHCI_MODEL_ACT_WAKE;
	}
}

static void sdhci_model_write_vendor(struct sdhci_model_regs *r,
				     unsigned int off, u32 val, ktime_t now,
				     u32 *action)
{
	switch (off) {
	case VSOC_SDHCI_TAP_CTRL:
		r->tap = val & VSOC_SDHCI_TAP_VALUE;
		break;
	case VSOC_SDHCI_DLL_CTRL:
		if ((val & ~r->dll_ctrl) & VSOC_SDHCI_DLL_ENABLE)
			r->dll_enabled_at = now;
		r->dll_ctrl = val & (VSOC_SDHCI_DLL_ENABLE |
				     VSOC_SDHCI_DLL_STROBE_DELAY);
		break;
	case VSOC_SDHCI_EMMC_CTRL:
		if ((r->emmc_ctrl & ~val) & VSOC_SDHCI_EMMC_RST_N)
			*action |= SDHCI_MODEL_ACT_CARD_RESET;
		r->emmc_ctrl = val & (VSOC_SDHCI_EMMC_ENH_STROBE |
				      VSOC_SDHCI_EMMC_RST_N);
		break;
	default:
		break;
	}
}

/**
 * sdhci_model_write() - write a register
 * @r: the registers
 * @off: byte offset, 32-bit aligned, inside the window
 * @val: the value
 * @now: the time
 * @action: set to the SDHCI_MODEL_ACT_* the glue must carry out
 *
 * Read-only registers and reserved offsets ignore writes.
 *
 * Return: 0.
 */
int sdhci_model_write(struct sdhci_model_regs *r, unsigned int off, u32 val,
		      ktime_t now, u32 *action)
{
	bool v4 = r->host_ctrl2 & VSOC_SDHCI_CTRL_V4_MODE;
	bool a64 = r->host_ctrl2 & VSOC_SDHCI_CTRL_64BIT_ADDR;

	*action = 0;
	switch (off) {
	case VSOC_SDHCI_SDMA_ADDR:
		r->sdma_arg2 = val;
		sdhci_model_sdma_addr(r, !v4, action);
		break;
	case VSOC_SDHCI_BLOCK:
		r->block = val;
		break;
	case VSOC_SDHCI_ARGUMENT:
		r->argument = val;
		break;
	case VSOC_SDHCI_XFER_CMD:
		sdhci_model_issue(r, val, action);
		break;
	case VSOC_SDHCI_BUFFER:
		sdhci_model_buf_push(r, val, action);
		break;
	case VSOC_SDHCI_HOST_CONTROL:
		if ((r->host_ctrl & ~val) & VSOC_SDHCI_POWER_ON)
			*action |= SDHCI_MODEL_ACT_CARD_RESET;
		r->host_ctrl = val & SDHCI_MODEL_HOST_CTRL_RW;
		break;
	case VSOC_SDHCI_CLOCK_CONTROL:
		sdhci_model_write_clock(r, val, now, action);
		break;
	case VSOC_SDHCI_INT_STATUS:
		r->int_status &= ~val;
		break;
	case VSOC_SDHCI_INT_ENABLE:
		r->int_enable = val & SDHCI_MODEL_ALL_INTS;
		r->int_status &= r->int_enable;
		break;
	case VSOC_SDHCI_SIGNAL_ENABLE:
		r->signal_enable = val & SDHCI_MODEL_ALL_INTS;
		break;
	case VSOC_SDHCI_ACMD_HOST_CONTROL2:
		r->host_ctrl2 = val & SDHCI_MODEL_CTRL2_RW;
		break;
	case VSOC_SDHCI_ADMA_ADDRESS:
		r->adma_addr = (r->adma_addr & GENMASK_ULL(63, 32)) | val;
		sdhci_model_sdma_addr(r, v4 && !a64, action);
		break;
	case VSOC_SDHCI_ADMA_ADDRESS_HI:
		r->adma_addr = lower_32_bits(r->adma_addr) | (u64)val << 32;
		sdhci_model_sdma_addr(r, v4 && a64, action);
		break;
	default:
		if (off >= VSOC_SDHCI_VENDOR_ID)
			sdhci_model_write_vendor(r, off, val, now, action);
		break;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_write);

static enum sdhci_model_dma_mode sdhci_model_dma_mode(const struct sdhci_model_regs *r,
						      u32 mode)
{
	bool v4 = r->host_ctrl2 & VSOC_SDHCI_CTRL_V4_MODE;
	bool a64 = r->host_ctrl2 & VSOC_SDHCI_CTRL_64BIT_ADDR;

	if (!(mode & VSOC_SDHCI_TRNS_DMA))
		return SDHCI_MODEL_PIO;
	switch (FIELD_GET(VSOC_SDHCI_CTRL_DMA_MASK, r->host_ctrl)) {
	case 0:
		return SDHCI_MODEL_SDMA;
	case 2:
		if (v4 && a64)
			return SDHCI_MODEL_ADMA2_64_16;
		return SDHCI_MODEL_ADMA2_32;
	case 3:
		return v4 ? SDHCI_MODEL_DMA_BAD : SDHCI_MODEL_ADMA2_64_12;
	default:
		return SDHCI_MODEL_DMA_BAD;
	}
}

static void sdhci_model_latch_bus(const struct sdhci_model_regs *r,
				  ktime_t now, struct sdhci_model_host_bus *b)
{
	b->clk_hz = sdhci_model_clock_hz(r);
	if (r->host_ctrl & VSOC_SDHCI_CTRL_8BITBUS)
		b->width = 8;
	else if (r->host_ctrl & VSOC_SDHCI_CTRL_4BITBUS)
		b->width = 4;
	else
		b->width = 1;
	b->uhs = FIELD_GET(VSOC_SDHCI_CTRL_UHS_MASK, r->host_ctrl2);
	b->ddr = b->uhs == VSOC_SDHCI_UHS_DDR50 || b->uhs == VSOC_SDHCI_UHS_HS400;
	b->vdd_180 = r->host_ctrl2 & VSOC_SDHCI_CTRL_VDD_180;
	b->pad_1v8 = sdhci_model_pad_1v8(r);
	b->enh_strobe = r->emmc_ctrl & VSOC_SDHCI_EMMC_ENH_STROBE;
	b->tap = r->tap;
	b->dll_locked = sdhci_model_dll_locked(r, now);
	b->strobe_delay = FIELD_GET(VSOC_SDHCI_DLL_STROBE_DELAY, r->dll_ctrl);
}

static u32 sdhci_model_auto_cmd(const struct sdhci_model_regs *r, u32 mode)
{
	u32 sel = FIELD_GET(SDHCI_MODEL_TRNS_AUTO_MASK, mode);

	if (!(mode & VSOC_SDHCI_TRNS_MULTI))
		return 0;
	if (sel == SDHCI_MODEL_AUTO_SEL)
		return r->host_ctrl2 & SDHCI_MODEL_CTRL_CMD23_EN ?
		       SDHCI_MODEL_AUTO_CMD23 : SDHCI_MODEL_AUTO_CMD12;
	return sel;
}

/**
 * sdhci_model_latch_job() - what the command just issued asks for
 * @r: the registers, right after an issuing write of XFER_CMD
 * @now: the time
 * @job: the command, the data phase and the host side of the bus
 */
void sdhci_model_latch_job(const struct sdhci_model_regs *r, ktime_t now,
			   struct sdhci_model_job *job)
{
	u32 mode = r->xfer_cmd & 0xffff;
	u32 count = FIELD_GET(SDHCI_MODEL_BLK_COUNT, r->block);
	u32 tmo = min_t(u32, FIELD_GET(VSOC_SDHCI_TIMEOUT_MASK, r->clock), 14);

	memset(job, 0, sizeof(*job));
	job->seq = r->job;
	job->opcode = FIELD_GET(VSOC_SDHCI_CMD_INDEX, r->xfer_cmd);
	job->arg = r->argument;
	job->arg2 = r->sdma_arg2;
	job->mode = mode;
	job->resp_type = FIELD_GET(VSOC_SDHCI_CMD_RESP_MASK, r->xfer_cmd);
	job->data = r->xfer_cmd & VSOC_SDHCI_CMD_DATA;
	job->v4 = r->host_ctrl2 & VSOC_SDHCI_CTRL_V4_MODE;
	job->addr64 = job->v4 && (r->host_ctrl2 & VSOC_SDHCI_CTRL_64BIT_ADDR);
	job->blksz = FIELD_GET(SDHCI_MODEL_BLK_SIZE_MASK, r->block);
	if (!(mode & VSOC_SDHCI_TRNS_MULTI))
		job->blocks = 1;
	else
		job->blocks = count ? count : (job->v4 ? r->sdma_arg2 : 0);
	job->auto_cmd = job->data ? sdhci_model_auto_cmd(r, mode) : 0;
	job->dma = sdhci_model_dma_mode(r, mode);
	if (job->dma == SDHCI_MODEL_SDMA && !job->v4)
		job->dma_addr = r->sdma_arg2;
	else
		job->dma_addr = r->adma_addr;
	if (!job->addr64 && job->dma != SDHCI_MODEL_ADMA2_64_12)
		job->dma_addr = lower_32_bits(job->dma_addr);
	job->sdma_boundary = SZ_4K << FIELD_GET(SDHCI_MODEL_BLK_BOUNDARY, r->block);
	if (r->int_enable & VSOC_SDHCI_INT_DATA_TIMEOUT)
		job->timeout_ns = (u64)NSEC_PER_SEC / SDHCI_MODEL_TMO_HZ << (13 + tmo);
	sdhci_model_latch_bus(r, now, &job->bus);
}
EXPORT_SYMBOL_IF_KUNIT(sdhci_model_latch_job);
