// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec model: what a job's registers mean. Checks the job registers
 * common to all codecs, then per codec turns the codec's parameter words
 * and table SRAM into a decode-core call. A codec is one entry of
 * vdec_model_codecs[].
 */
#include <linux/align.h>
#include <linux/bitfield.h>
#include <linux/export.h>
#include <linux/string.h>

#include <vsoc/compat.h>
#include <vsoc/vdec-regs.h>

#include "vdec-model.h"

/**
 * struct vdec_model_codec - one codec of the block
 * @prepare: which reference slots and whether the output picture the job
 *	reads (fills @lay->refs and @lay->read_out)
 * @decode: decode the job's picture with the decode core
 */
struct vdec_model_codec {
	void (*prepare)(const struct vdec_model_job *job,
			struct vdec_model_layout *lay);
	enum vdec_status (*decode)(const struct vdec_model_job *job,
				   const u8 *bs, u32 len,
				   struct vdec_pic *refs,
				   struct vdec_pic *out, u32 *decoded);
};

static void vdec_model_fwht_prepare(const struct vdec_model_job *job,
				    struct vdec_model_layout *lay)
{
	u32 flags = vdec_model_job_reg(job, VSOC_VDEC_FWHT_FLAGS);

	if (!(flags & VSOC_VDEC_FWHT_FL_I_FRAME))
		lay->refs = BIT(VSOC_VDEC_FWHT_REF);
}

static enum vdec_status
vdec_model_fwht_decode(const struct vdec_model_job *job, const u8 *bs,
		       u32 len, struct vdec_pic *refs, struct vdec_pic *out,
		       u32 *decoded)
{
	struct vdec_fwht_params p = {
		.version = vdec_model_job_reg(job, VSOC_VDEC_FWHT_VERSION),
		.flags = vdec_model_job_reg(job, VSOC_VDEC_FWHT_FLAGS),
	};
	const struct vdec_pic *ref = NULL;

	if (!(p.flags & VSOC_VDEC_FWHT_FL_I_FRAME))
		ref = &refs[VSOC_VDEC_FWHT_REF];
	return vdec_fwht_decode(&p, bs, len, ref, out, decoded);
}

static void vdec_model_mpeg2_prepare(const struct vdec_model_job *job,
				     struct vdec_model_layout *lay)
{
	u32 pic = vdec_model_job_reg(job, VSOC_VDEC_MPEG2_PIC);

	switch (FIELD_GET(VSOC_VDEC_MPEG2_PIC_CODING_TYPE, pic)) {
	case 2:
		lay->refs = BIT(VSOC_VDEC_MPEG2_FWD_REF);
		break;
	case 3:
		lay->refs = BIT(VSOC_VDEC_MPEG2_FWD_REF) |
			    BIT(VSOC_VDEC_MPEG2_BWD_REF);
		break;
	}
	/* A field picture leaves the other field's lines as they were. */
	lay->read_out = FIELD_GET(VSOC_VDEC_MPEG2_PIC_STRUCTURE, pic) != 3;
}

static enum vdec_status
vdec_model_mpeg2_decode(const struct vdec_model_job *job, const u8 *bs,
			u32 len, struct vdec_pic *refs, struct vdec_pic *out,
			u32 *decoded)
{
	u32 seq = vdec_model_job_reg(job, VSOC_VDEC_MPEG2_SEQ);
	u32 pic = vdec_model_job_reg(job, VSOC_VDEC_MPEG2_PIC);
	u32 fcode = vdec_model_job_reg(job, VSOC_VDEC_MPEG2_FCODE);
	struct vdec_mpeg2_params *p;
	enum vdec_status st;
	int s, t;

	/* 320 bytes: too much for the stack of the block's worker. */
	p = vdec_zalloc(sizeof(*p));
	if (!p)
		return VDEC_ERR_NOMEM;
	p->progressive_sequence = FIELD_GET(VSOC_VDEC_MPEG2_SEQ_PROGRESSIVE, seq);
	p->chroma_format = FIELD_GET(VSOC_VDEC_MPEG2_SEQ_CHROMA_FORMAT, seq);
	p->picture_coding_type = FIELD_GET(VSOC_VDEC_MPEG2_PIC_CODING_TYPE, pic);
	p->intra_dc_precision = FIELD_GET(VSOC_VDEC_MPEG2_PIC_DC_PRECISION, pic);
	p->picture_structure = FIELD_GET(VSOC_VDEC_MPEG2_PIC_STRUCTURE, pic);
	p->top_field_first = !!(pic & VSOC_VDEC_MPEG2_PIC_TOP_FIELD_FIRST);
	p->frame_pred_frame_dct = !!(pic & VSOC_VDEC_MPEG2_PIC_FRAME_PRED_DCT);
	p->concealment_motion_vectors = !!(pic & VSOC_VDEC_MPEG2_PIC_CONCEALMENT_MV);
	p->q_scale_type = !!(pic & VSOC_VDEC_MPEG2_PIC_Q_SCALE_TYPE);
	p->intra_vlc_format = !!(pic & VSOC_VDEC_MPEG2_PIC_INTRA_VLC);
	p->alternate_scan = !!(pic & VSOC_VDEC_MPEG2_PIC_ALT_SCAN);
	p->second_field = !!(pic & VSOC_VDEC_MPEG2_PIC_SECOND_FIELD);
	for (s = 0; s < 2; s++)
		for (t = 0; t < 2; t++)
			p->f_code[s][t] = (fcode >> VSOC_VDEC_MPEG2_FCODE_SHIFT(s, t)) &
					  VSOC_VDEC_MPEG2_FCODE_MASK;
	memcpy(p->qm[0], &job->table[VSOC_VDEC_MPEG2_QM_INTRA - VSOC_VDEC_TABLE], 64);
	memcpy(p->qm[1], &job->table[VSOC_VDEC_MPEG2_QM_NON_INTRA - VSOC_VDEC_TABLE], 64);
	memcpy(p->qm[2], &job->table[VSOC_VDEC_MPEG2_QM_CHROMA_INTRA - VSOC_VDEC_TABLE], 64);
	memcpy(p->qm[3], &job->table[VSOC_VDEC_MPEG2_QM_CHROMA_NON_INTRA - VSOC_VDEC_TABLE], 64);

	st = vdec_mpeg2_decode(p, bs, len,
			       p->picture_coding_type >= 2 ? &refs[VSOC_VDEC_MPEG2_FWD_REF] : NULL,
			       p->picture_coding_type == 3 ? &refs[VSOC_VDEC_MPEG2_BWD_REF] : NULL,
			       out, decoded);
	vdec_free(p);
	return st;
}

static const struct vdec_model_codec vdec_model_codecs[] = {
	[VSOC_VDEC_CODEC_FWHT] = {
		.prepare = vdec_model_fwht_prepare,
		.decode = vdec_model_fwht_decode,
	},
	[VSOC_VDEC_CODEC_MPEG2] = {
		.prepare = vdec_model_mpeg2_prepare,
		.decode = vdec_model_mpeg2_decode,
	},
};

static bool vdec_model_pic_addr_ok(const struct vdec_model_job *job,
				   unsigned int lo)
{
	return IS_ALIGNED(vdec_model_job_addr(job, lo), VDEC_MODEL_PIC_ALIGN);
}

/**
 * vdec_model_job_check() - check a job's common registers
 * @job: the job
 * @lay: filled with where the job's pictures are and what it reads
 *
 * Return: 0, or VSOC_VDEC_ERROR_PARAM if the codec, picture size, format,
 * stride, bitstream size or a picture address the job uses is invalid.
 */
u32 vdec_model_job_check(const struct vdec_model_job *job,
			 struct vdec_model_layout *lay)
{
	u32 size = vdec_model_job_reg(job, VSOC_VDEC_PIC_SIZE);
	u32 fmt = vdec_model_job_reg(job, VSOC_VDEC_OUT_FMT);
	u32 bs_size = vdec_model_job_reg(job, VSOC_VDEC_BS_SIZE);
	unsigned int n;

	memset(lay, 0, sizeof(*lay));
	lay->codec = vdec_model_job_reg(job, VSOC_VDEC_CODEC);
	lay->width = FIELD_GET(VSOC_VDEC_SIZE_WIDTH, size);
	lay->height = FIELD_GET(VSOC_VDEC_SIZE_HEIGHT, size);
	lay->stride = vdec_model_job_reg(job, VSOC_VDEC_STRIDE);
	lay->nv21 = fmt == VSOC_VDEC_FMT_NV21;

	if (lay->codec >= ARRAY_SIZE(vdec_model_codecs) ||
	    !vdec_model_codecs[lay->codec].decode ||
	    !(VDEC_MODEL_CODECS & BIT(lay->codec)))
		return VSOC_VDEC_ERROR_PARAM;
	if (lay->width < VDEC_MODEL_MIN_DIM || lay->width > VDEC_MODEL_MAX_DIM ||
	    lay->height < VDEC_MODEL_MIN_DIM || lay->height > VDEC_MODEL_MAX_DIM)
		return VSOC_VDEC_ERROR_PARAM;
	if (fmt > 31 || !(VDEC_MODEL_FORMATS & BIT(fmt)))
		return VSOC_VDEC_ERROR_PARAM;
	if (!IS_ALIGNED(lay->stride, VSOC_VDEC_STRIDE_ALIGN) ||
	    lay->stride < ALIGN(lay->width, VSOC_VDEC_STRIDE_ALIGN) ||
	    lay->stride > 2 * VDEC_MODEL_MAX_DIM)
		return VSOC_VDEC_ERROR_PARAM;
	if (!bs_size || bs_size > VDEC_MODEL_MAX_BS)
		return VSOC_VDEC_ERROR_PARAM;
	lay->luma_size = lay->stride * ALIGN(lay->height, VSOC_VDEC_HEIGHT_ALIGN);

	vdec_model_codecs[lay->codec].prepare(job, lay);
	if (!vdec_model_pic_addr_ok(job, VSOC_VDEC_OUT_LUMA_LO) ||
	    !vdec_model_pic_addr_ok(job, VSOC_VDEC_OUT_CHROMA_LO))
		return VSOC_VDEC_ERROR_PARAM;
	for (n = 0; n < VSOC_VDEC_NUM_REFS; n++) {
		if (!(lay->refs & BIT(n)))
			continue;
		if (!vdec_model_pic_addr_ok(job, VSOC_VDEC_REF_LUMA_LO(n)) ||
		    !vdec_model_pic_addr_ok(job, VSOC_VDEC_REF_CHROMA_LO(n)))
			return VSOC_VDEC_ERROR_PARAM;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vdec_model_job_check);

/**
 * vdec_model_job_decode() - decode a checked job's picture
 * @job: the job, checked by vdec_model_job_check()
 * @bs: the bitstream, as read from BS_ADDR
 * @len: BS_SIZE
 * @refs: the reference pictures, indexed by slot; those the job reads
 *	are filled
 * @out: the output picture, with its previous content if the job reads it
 * @decoded: set to the macroblocks (FWHT: blocks) decoded
 *
 * Return: the decode core's status.
 */
enum vdec_status vdec_model_job_decode(const struct vdec_model_job *job,
				       const u8 *bs, u32 len,
				       struct vdec_pic *refs,
				       struct vdec_pic *out, u32 *decoded)
{
	u32 codec = vdec_model_job_reg(job, VSOC_VDEC_CODEC);

	*decoded = 0;
	return vdec_model_codecs[codec].decode(job, bs, len, refs, out, decoded);
}
EXPORT_SYMBOL_IF_KUNIT(vdec_model_job_decode);

/**
 * vdec_model_status_error() - the ERROR bits of a decode-core status
 * @st: the status
 *
 * Return: VSOC_VDEC_ERROR bits, 0 for VDEC_OK. The block has no way to
 * run out of memory; the model reports it as a bitstream it could not
 * decode.
 */
u32 vdec_model_status_error(enum vdec_status st)
{
	switch (st) {
	case VDEC_OK:
		return 0;
	case VDEC_ERR_PARAM:
		return VSOC_VDEC_ERROR_PARAM;
	case VDEC_ERR_UNSUPPORTED:
		return VSOC_VDEC_ERROR_UNSUPPORTED;
	case VDEC_ERR_BITSTREAM:
	case VDEC_ERR_NOMEM:
	default:
		return VSOC_VDEC_ERROR_BITSTREAM;
	}
}
EXPORT_SYMBOL_IF_KUNIT(vdec_model_status_error);
