/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Model of the vsoc-vdec block: its register file and the translation of
 * a job's registers into decode-core calls, as plain logic that the KUnit
 * suite drives without a board. The glue (vdec-model.c) adds locking, the
 * job worker, DMA and debugfs.
 */
#ifndef _VSOC_VDEC_MODEL_H
#define _VSOC_VDEC_MODEL_H

#include <linux/types.h>

#include <vsoc/vdec-regs.h>

#include "core/vdec-core.h"

/* Job registers: the block copies them, and the table SRAM, at KICK. */
#define VDEC_MODEL_JOB_BASE	VSOC_VDEC_CODEC
#define VDEC_MODEL_JOB_END	(VSOC_VDEC_PARAM(VSOC_VDEC_NUM_PARAMS))
#define VDEC_MODEL_JOB_WORDS	((VDEC_MODEL_JOB_END - VDEC_MODEL_JOB_BASE) / 4)

/* Capabilities of this implementation (VSOC_VDEC_CAPS and the sizes). */
#define VDEC_MODEL_CODECS	(BIT(VSOC_VDEC_CODEC_FWHT) | BIT(VSOC_VDEC_CODEC_MPEG2) | \
				 BIT(VSOC_VDEC_CODEC_H264) | BIT(VSOC_VDEC_CODEC_VP8))
#define VDEC_MODEL_FORMATS	(BIT(VSOC_VDEC_FMT_NV12) | BIT(VSOC_VDEC_FMT_NV21))
#define VDEC_MODEL_MIN_DIM	16
#define VDEC_MODEL_MAX_DIM	4096
#define VDEC_MODEL_MAX_BS	SZ_8M
/* Picture planes start on this boundary (a bus burst). */
#define VDEC_MODEL_PIC_ALIGN	64

/**
 * struct vdec_model_job - what the block works on: the job registers and
 * the table SRAM as they were at KICK
 * @regs: job registers VDEC_MODEL_JOB_BASE up to VDEC_MODEL_JOB_END
 * @table: table SRAM
 */
struct vdec_model_job {
	u32 regs[VDEC_MODEL_JOB_WORDS];
	u8 table[VSOC_VDEC_TABLE_SIZE];
};

/**
 * struct vdec_model_regs - architectural state of the block
 * @irq_status: IRQ_STATUS causes
 * @irq_enable: IRQ_ENABLE mask
 * @error: ERROR bits
 * @decoded: DECODED count of the last job
 * @busy: a job runs (STATUS.BUSY)
 * @busy_write: a job register or the table was written while busy
 * @job: job registers and table SRAM as the driver wrote them
 */
struct vdec_model_regs {
	u32 irq_status;
	u32 irq_enable;
	u32 error;
	u32 decoded;
	bool busy;
	bool busy_write;
	struct vdec_model_job job;
};

/* What a register write asks of the asynchronous side of the model. */
enum vdec_model_action {
	VDEC_MODEL_NONE,
	VDEC_MODEL_START,	/* copy the job and start it */
	VDEC_MODEL_RESET,	/* stop the running job, if any */
};

void vdec_model_reset(struct vdec_model_regs *r);
int vdec_model_read(const struct vdec_model_regs *r, unsigned int off,
		    u32 *val);
int vdec_model_write(struct vdec_model_regs *r, unsigned int off, u32 val,
		     enum vdec_model_action *action);
void vdec_model_job_end(struct vdec_model_regs *r, u32 error, u32 decoded);
bool vdec_model_irq_line(const struct vdec_model_regs *r);

/**
 * vdec_model_job_reg() - a job register's value at KICK
 * @job: the job
 * @off: register offset, VDEC_MODEL_JOB_BASE <= @off < VDEC_MODEL_JOB_END
 *
 * Return: the register's value.
 */
static inline u32 vdec_model_job_reg(const struct vdec_model_job *job,
				     unsigned int off)
{
	return job->regs[(off - VDEC_MODEL_JOB_BASE) / 4];
}

/**
 * vdec_model_job_addr() - a 64-bit bus address of a job
 * @job: the job
 * @lo: offset of the address's low word; the high word follows it
 *
 * Return: the address.
 */
static inline u64 vdec_model_job_addr(const struct vdec_model_job *job,
				      unsigned int lo)
{
	return vdec_model_job_reg(job, lo) |
	       (u64)vdec_model_job_reg(job, lo + 4) << 32;
}

/**
 * struct vdec_model_layout - where a job's pictures are, checked
 * @codec: the codec
 * @width: picture width
 * @height: picture height
 * @stride: bytes per line
 * @luma_size: bytes of a luma plane (stride * aligned height)
 * @nv21: chroma pairs are Cr Cb
 * @refs: reference slots the job reads (bit n: slot n)
 * @read_out: the job reads the output picture before it writes it
 * @aux_addr: bus address of the codec's auxiliary buffer (VP8: the
 *	segment map), which the job writes back
 * @aux_size: its bytes, 0 if the codec has none
 * @read_aux: the job reads the auxiliary buffer before it decodes
 * @coloc_size: bytes of co-located data (H.264) the job reads for each
 *	reference picture and writes for the output; 0 if none
 */
struct vdec_model_layout {
	u32 codec;
	u32 width;
	u32 height;
	u32 stride;
	u32 luma_size;
	bool nv21;
	u32 refs;
	bool read_out;
	u64 aux_addr;
	u32 aux_size;
	bool read_aux;
	u32 coloc_size;
};

u32 vdec_model_job_check(const struct vdec_model_job *job,
			 struct vdec_model_layout *lay);
enum vdec_status vdec_model_job_decode(const struct vdec_model_job *job,
				       const u8 *bs, u32 len,
				       struct vdec_pic *refs,
				       struct vdec_pic *out, u8 *aux,
				       u8 *const *coloc, u32 *decoded);
u32 vdec_model_status_error(enum vdec_status st);

#endif /* _VSOC_VDEC_MODEL_H */
