// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-dummy model: register semantics (Documentation/vsoc-dummy.rst).
 * No locking here: the caller owns the state.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/kernel.h>

#include <vsoc/compat.h>
#include <vsoc/dummy-regs.h>

#include "dummy-model.h"

#define DUMMY_MODEL_VERSION	(FIELD_PREP(VSOC_DUMMY_VERSION_MAJOR, 1) | \
				 FIELD_PREP(VSOC_DUMMY_VERSION_MINOR, 1))

/**
 * dummy_model_reset() - put the block in its power-on state
 * @r: the state
 */
void dummy_model_reset(struct dummy_model_regs *r)
{
	*r = (struct dummy_model_regs){ };
}
EXPORT_SYMBOL_IF_KUNIT(dummy_model_reset);

/**
 * dummy_model_read() - read a register
 * @r: the state
 * @off: register offset
 * @val: the value read
 *
 * Reads have no side effects; write-only registers read as zero.
 *
 * Return: 0, or -EIO for an offset that decodes to no register.
 */
int dummy_model_read(const struct dummy_model_regs *r, unsigned int off,
		     u32 *val)
{
	switch (off) {
	case VSOC_DUMMY_ID:
		*val = VSOC_DUMMY_ID_VALUE;
		break;
	case VSOC_DUMMY_VERSION:
		*val = DUMMY_MODEL_VERSION;
		break;
	case VSOC_DUMMY_SCRATCH:
		*val = r->scratch;
		break;
	case VSOC_DUMMY_IRQ_STATUS:
		*val = r->irq_status;
		break;
	case VSOC_DUMMY_IRQ_ENABLE:
		*val = r->irq_enable;
		break;
	case VSOC_DUMMY_DMA_SRC_LO:
		*val = lower_32_bits(r->dma_src);
		break;
	case VSOC_DUMMY_DMA_SRC_HI:
		*val = upper_32_bits(r->dma_src);
		break;
	case VSOC_DUMMY_DMA_DST_LO:
		*val = lower_32_bits(r->dma_dst);
		break;
	case VSOC_DUMMY_DMA_DST_HI:
		*val = upper_32_bits(r->dma_dst);
		break;
	case VSOC_DUMMY_DMA_LEN:
		*val = r->dma_len;
		break;
	case VSOC_DUMMY_DMA_STATUS:
		*val = r->dma_status;
		break;
	case VSOC_DUMMY_SWI:
	case VSOC_DUMMY_DMA_CTRL:
		*val = 0;
		break;
	default:
		return -EIO;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(dummy_model_read);

static void dummy_model_set_lo(u64 *reg, u32 val)
{
	*reg = (*reg & ~(u64)U32_MAX) | val;
}

static void dummy_model_set_hi(u64 *reg, u32 val)
{
	*reg = (*reg & U32_MAX) | (u64)val << 32;
}

/**
 * dummy_model_write() - write a register
 * @r: the state
 * @off: register offset
 * @val: the value written
 * @action: what the asynchronous side must do now
 *
 * DMA parameters written while a transfer runs are ignored, as is START
 * while busy; START with a length of 0 or above VSOC_DUMMY_DMA_LEN_MAX
 * completes at once with DMA_ERR, like a descriptor check in hardware.
 * ABORT while busy asks the engine to stop (it wins over START); the
 * transfer stays BUSY until the engine stopped touching memory.
 *
 * Return: 0, or -EIO for an offset that decodes to no register.
 */
int dummy_model_write(struct dummy_model_regs *r, unsigned int off, u32 val,
		      enum dummy_model_action *action)
{
	bool busy = r->dma_status & VSOC_DUMMY_DMA_STATUS_BUSY;

	*action = DUMMY_MODEL_NONE;
	switch (off) {
	case VSOC_DUMMY_ID:
	case VSOC_DUMMY_VERSION:
	case VSOC_DUMMY_DMA_STATUS:
		break;
	case VSOC_DUMMY_SCRATCH:
		r->scratch = val;
		break;
	case VSOC_DUMMY_IRQ_STATUS:
		r->irq_status &= ~val;
		break;
	case VSOC_DUMMY_IRQ_ENABLE:
		r->irq_enable = val & VSOC_DUMMY_IRQ_ALL;
		break;
	case VSOC_DUMMY_SWI:
		if (val & VSOC_DUMMY_SWI_TRIGGER)
			r->irq_status |= VSOC_DUMMY_IRQ_SWI;
		break;
	case VSOC_DUMMY_DMA_SRC_LO:
		if (!busy)
			dummy_model_set_lo(&r->dma_src, val);
		break;
	case VSOC_DUMMY_DMA_SRC_HI:
		if (!busy)
			dummy_model_set_hi(&r->dma_src, val);
		break;
	case VSOC_DUMMY_DMA_DST_LO:
		if (!busy)
			dummy_model_set_lo(&r->dma_dst, val);
		break;
	case VSOC_DUMMY_DMA_DST_HI:
		if (!busy)
			dummy_model_set_hi(&r->dma_dst, val);
		break;
	case VSOC_DUMMY_DMA_LEN:
		if (!busy)
			r->dma_len = val;
		break;
	case VSOC_DUMMY_DMA_CTRL:
		if (val & VSOC_DUMMY_DMA_CTRL_ABORT) {
			if (busy && !r->dma_abort) {
				r->dma_abort = true;
				*action = DUMMY_MODEL_ABORT_DMA;
			}
			break;
		}
		if (!(val & VSOC_DUMMY_DMA_CTRL_START) || busy)
			break;
		if (!r->dma_len || r->dma_len > VSOC_DUMMY_DMA_LEN_MAX) {
			dummy_model_dma_done(r, true);
			break;
		}
		r->dma_status = VSOC_DUMMY_DMA_STATUS_BUSY;
		*action = DUMMY_MODEL_START_DMA;
		break;
	default:
		return -EIO;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(dummy_model_write);

/**
 * dummy_model_dma_done() - a transfer ended
 * @r: the state
 * @fault: the transfer hit a bus error
 */
void dummy_model_dma_done(struct dummy_model_regs *r, bool fault)
{
	r->dma_status = fault ? VSOC_DUMMY_DMA_STATUS_FAULT : 0;
	r->dma_abort = false;
	r->irq_status |= fault ? VSOC_DUMMY_IRQ_DMA_ERR : VSOC_DUMMY_IRQ_DMA_DONE;
}
EXPORT_SYMBOL_IF_KUNIT(dummy_model_dma_done);

/**
 * dummy_model_dma_aborted() - an aborted transfer stopped
 * @r: the state
 *
 * No interrupt: the driver that aborted polls DMA_STATUS.
 */
void dummy_model_dma_aborted(struct dummy_model_regs *r)
{
	r->dma_status = VSOC_DUMMY_DMA_STATUS_ABORTED;
	r->dma_abort = false;
}
EXPORT_SYMBOL_IF_KUNIT(dummy_model_dma_aborted);

/**
 * dummy_model_irq_line() - level of the block's interrupt line
 * @r: the state
 *
 * Return: true while an enabled cause is pending.
 */
bool dummy_model_irq_line(const struct dummy_model_regs *r)
{
	return r->irq_status & r->irq_enable;
}
EXPORT_SYMBOL_IF_KUNIT(dummy_model_irq_line);
