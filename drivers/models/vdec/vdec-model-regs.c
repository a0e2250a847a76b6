// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec model: the register file (Documentation/vsoc-vdec-regs.rst).
 * Pure logic: no locks, no board calls; the glue serialises access.
 */
#include <linux/bitfield.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/string.h>

#include <vsoc/compat.h>
#include <vsoc/vdec-regs.h>

#include "vdec-model.h"

/**
 * vdec_model_reset() - put every register in its reset state
 * @r: the block's registers
 */
void vdec_model_reset(struct vdec_model_regs *r)
{
	memset(r, 0, sizeof(*r));
}
EXPORT_SYMBOL_IF_KUNIT(vdec_model_reset);

static bool vdec_model_is_job_reg(unsigned int off)
{
	return off >= VDEC_MODEL_JOB_BASE && off < VDEC_MODEL_JOB_END;
}

static bool vdec_model_is_table(unsigned int off)
{
	return off >= VSOC_VDEC_TABLE &&
	       off < VSOC_VDEC_TABLE + VSOC_VDEC_TABLE_SIZE;
}

static u32 vdec_model_table_word(const u8 *t)
{
	return t[0] | t[1] << 8 | t[2] << 16 | (u32)t[3] << 24;
}

/**
 * vdec_model_read() - read a register
 * @r: the block's registers
 * @off: byte offset, 32-bit aligned, inside the block's window
 * @val: the value read; reserved offsets and write-only registers read 0
 *
 * Return: 0.
 */
int vdec_model_read(const struct vdec_model_regs *r, unsigned int off,
		    u32 *val)
{
	if (vdec_model_is_job_reg(off)) {
		*val = vdec_model_job_reg(&r->job, off);
		return 0;
	}
	if (vdec_model_is_table(off)) {
		*val = vdec_model_table_word(&r->job.table[off - VSOC_VDEC_TABLE]);
		return 0;
	}

	switch (off) {
	case VSOC_VDEC_ID:
		*val = VSOC_VDEC_ID_VALUE;
		break;
	case VSOC_VDEC_VERSION:
		*val = FIELD_PREP(VSOC_VDEC_VERSION_MAJOR, 1) |
		       FIELD_PREP(VSOC_VDEC_VERSION_MINOR, 0);
		break;
	case VSOC_VDEC_CAPS:
		*val = FIELD_PREP(VSOC_VDEC_CAPS_CODECS, VDEC_MODEL_CODECS) |
		       FIELD_PREP(VSOC_VDEC_CAPS_FORMATS, VDEC_MODEL_FORMATS);
		break;
	case VSOC_VDEC_MAX_SIZE:
		*val = FIELD_PREP(VSOC_VDEC_SIZE_WIDTH, VDEC_MODEL_MAX_DIM) |
		       FIELD_PREP(VSOC_VDEC_SIZE_HEIGHT, VDEC_MODEL_MAX_DIM);
		break;
	case VSOC_VDEC_MIN_SIZE:
		*val = FIELD_PREP(VSOC_VDEC_SIZE_WIDTH, VDEC_MODEL_MIN_DIM) |
		       FIELD_PREP(VSOC_VDEC_SIZE_HEIGHT, VDEC_MODEL_MIN_DIM);
		break;
	case VSOC_VDEC_MAX_BS_SIZE:
		*val = VDEC_MODEL_MAX_BS;
		break;
	case VSOC_VDEC_STATUS:
		*val = r->busy ? VSOC_VDEC_STATUS_BUSY : 0;
		break;
	case VSOC_VDEC_IRQ_STATUS:
		*val = r->irq_status;
		break;
	case VSOC_VDEC_IRQ_ENABLE:
		*val = r->irq_enable;
		break;
	case VSOC_VDEC_ERROR:
		*val = r->error;
		break;
	case VSOC_VDEC_DECODED:
		*val = r->decoded;
		break;
	default:
		*val = 0;
		break;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vdec_model_read);

/* A job register or table word: ignored and flagged while a job runs. */
static void vdec_model_write_job(struct vdec_model_regs *r, unsigned int off,
				 u32 val)
{
	u8 *t;

	if (r->busy) {
		r->busy_write = true;
		return;
	}
	if (vdec_model_is_job_reg(off)) {
		r->job.regs[(off - VDEC_MODEL_JOB_BASE) / 4] = val;
		return;
	}
	t = &r->job.table[off - VSOC_VDEC_TABLE];
	t[0] = val;
	t[1] = val >> 8;
	t[2] = val >> 16;
	t[3] = val >> 24;
}

/**
 * vdec_model_write() - write a register
 * @r: the block's registers
 * @off: byte offset, 32-bit aligned, inside the block's window
 * @val: the value written
 * @action: set to what the glue must do now
 *
 * Writes to read-only registers and reserved offsets are ignored. While
 * a job runs, job registers and the table keep their values and the job
 * ends with ERROR_BUSY_WRITE; so does a second KICK.
 *
 * Return: 0.
 */
int vdec_model_write(struct vdec_model_regs *r, unsigned int off, u32 val,
		     enum vdec_model_action *action)
{
	bool busy;

	*action = VDEC_MODEL_NONE;
	if (vdec_model_is_job_reg(off) || vdec_model_is_table(off)) {
		vdec_model_write_job(r, off, val);
		return 0;
	}

	switch (off) {
	case VSOC_VDEC_CTRL:
		if (!(val & VSOC_VDEC_CTRL_RESET))
			break;
		/* BUSY clears once the engine has let go of memory. */
		busy = r->busy;
		vdec_model_reset(r);
		r->busy = busy;
		*action = VDEC_MODEL_RESET;
		break;
	case VSOC_VDEC_IRQ_STATUS:
		r->irq_status &= ~val;
		break;
	case VSOC_VDEC_IRQ_ENABLE:
		r->irq_enable = val & VSOC_VDEC_IRQ_ALL;
		break;
	case VSOC_VDEC_KICK:
		if (!(val & VSOC_VDEC_KICK_START))
			break;
		if (r->busy) {
			r->busy_write = true;
			break;
		}
		r->busy = true;
		r->busy_write = false;
		r->error = 0;
		r->decoded = 0;
		*action = VDEC_MODEL_START;
		break;
	default:
		break;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vdec_model_write);

/**
 * vdec_model_job_end() - the running job has finished
 * @r: the block's registers
 * @error: VSOC_VDEC_ERROR bits of the job (0: decoded)
 * @decoded: macroblocks (FWHT: blocks) decoded
 *
 * Raises DONE, or ERROR with the job's error bits and BUSY_WRITE if the
 * driver wrote job registers while the job ran.
 */
void vdec_model_job_end(struct vdec_model_regs *r, u32 error, u32 decoded)
{
	if (r->busy_write)
		error |= VSOC_VDEC_ERROR_BUSY_WRITE;
	r->busy = false;
	r->busy_write = false;
	r->error = error;
	r->decoded = decoded;
	r->irq_status |= error ? VSOC_VDEC_IRQ_ERROR : VSOC_VDEC_IRQ_DONE;
}
EXPORT_SYMBOL_IF_KUNIT(vdec_model_job_end);

/**
 * vdec_model_irq_line() - level of the block's interrupt line
 * @r: the block's registers
 *
 * Return: true while an enabled cause is pending.
 */
bool vdec_model_irq_line(const struct vdec_model_regs *r)
{
	return r->irq_status & r->irq_enable;
}
EXPORT_SYMBOL_IF_KUNIT(vdec_model_irq_line);
