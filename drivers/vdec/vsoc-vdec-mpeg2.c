// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec: MPEG-2 (V4L2_PIX_FMT_MPEG2_SLICE).
 *
 * Every request sets V4L2_CID_STATELESS_MPEG2_PICTURE; the sequence and
 * the quantiser matrices may come with a request when they change and
 * hold until then. The forward reference goes to slot
 * VSOC_VDEC_MPEG2_FWD_REF, the backward one to VSOC_VDEC_MPEG2_BWD_REF.
 *
 * Field pictures: the two fields of a frame are two jobs decoding into
 * one CAPTURE buffer. Userspace queues the first with
 * V4L2_BUF_FLAG_M2M_HOLD_CAPTURE_BUF (GStreamer's v4l2slmpeg2dec does),
 * so the CAPTURE buffer stays queued for the second. A field picture is
 * the second of its frame when its CAPTURE buffer is held that way, or
 * when it names its own frame (its timestamp) as a reference.
 */
#include <linux/bitfield.h>
#include <linux/regmap.h>

#include "vsoc-vdec.h"

static const u32 vsoc_vdec_mpeg2_req_ctrls[] = {
	V4L2_CID_STATELESS_MPEG2_PICTURE,
	0
};

static int vsoc_vdec_mpeg2_validate(struct vsoc_vdec_ctx *ctx,
				    struct v4l2_ctrl_handler *hdl)
{
	const struct vsoc_vdec_hw_caps *caps = &ctx->vdev->caps;
	const struct v4l2_ctrl_mpeg2_picture *pic;
	const struct v4l2_ctrl_mpeg2_sequence *seq;
	unsigned int s, t;

	/*
	 * f_code of a direction the picture predicts from: 1 to 9
	 * (ISO/IEC 13818-2 6.3.10; 15 marks an unused direction).
	 */
	pic = vsoc_vdec_req_ctrl_data(hdl, V4L2_CID_STATELESS_MPEG2_PICTURE);
	for (s = 0; pic && s < 2; s++) {
		if (pic->picture_coding_type < V4L2_MPEG2_PIC_CODING_TYPE_P + s)
			break;
		for (t = 0; t < 2; t++) {
			if (pic->f_code[s][t] >= 1 && pic->f_code[s][t] <= 9)
				continue;
			dev_dbg(ctx->vdev->dev, "MPEG-2 f_code[%u][%u] %u\n", s, t,
				pic->f_code[s][t]);
			return -EINVAL;
		}
	}

	/* A sequence set by an earlier request is checked when it runs. */
	seq = vsoc_vdec_req_ctrl_data(hdl, V4L2_CID_STATELESS_MPEG2_SEQUENCE);
	if (!seq)
		return 0;
	if (seq->horizontal_size < caps->min_width ||
	    seq->horizontal_size > ctx->src_fmt.width ||
	    seq->vertical_size < caps->min_height ||
	    seq->vertical_size > ctx->src_fmt.height) {
		dev_dbg(ctx->vdev->dev,
			"MPEG-2 sequence %ux%u, OUTPUT format %ux%u\n",
			seq->horizontal_size, seq->vertical_size,
			ctx->src_fmt.width, ctx->src_fmt.height);
		return -EINVAL;
	}
	return 0;
}

static int vsoc_vdec_mpeg2_prepare(struct vsoc_vdec_ctx *ctx,
				   struct vsoc_vdec_run *run)
{
	const struct v4l2_ctrl_mpeg2_picture *pic;
	u64 own_ts = run->dst->vb2_buf.timestamp;
	int ret = 0;

	run->mpeg2.seq = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_MPEG2_SEQUENCE);
	run->mpeg2.pic = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_MPEG2_PICTURE);
	run->mpeg2.quant = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_MPEG2_QUANTISATION);
	if (!run->mpeg2.seq || !run->mpeg2.pic || !run->mpeg2.quant)
		return -EINVAL;
	pic = run->mpeg2.pic;
	run->width = run->mpeg2.seq->horizontal_size;
	run->height = run->mpeg2.seq->vertical_size;

	if (pic->picture_structure == V4L2_MPEG2_PIC_FRAME)
		run->second_field = false;
	else if (pic->forward_ref_ts == own_ts ||
		 pic->backward_ref_ts == own_ts)
		run->second_field = true;

	switch (pic->picture_coding_type) {
	case V4L2_MPEG2_PIC_CODING_TYPE_B:
		ret = vsoc_vdec_find_ref(ctx, run, pic->backward_ref_ts,
					 VSOC_VDEC_MPEG2_BWD_REF);
		fallthrough;
	case V4L2_MPEG2_PIC_CODING_TYPE_P:
		if (!ret)
			ret = vsoc_vdec_find_ref(ctx, run, pic->forward_ref_ts,
						 VSOC_VDEC_MPEG2_FWD_REF);
		break;
	default:
		break;
	}
	return ret;
}

/**
 * vsoc_vdec_mpeg2_program() - write the MPEG-2 job registers
 * @map: the block's registers
 * @run: the job, with the MPEG-2 controls and the references set
 *
 * Sequence, picture and f_code words, and the four quantiser matrices
 * into the table SRAM, in the zigzag order the controls carry.
 *
 * Return: 0 or a regmap error.
 */
int vsoc_vdec_mpeg2_program(struct regmap *map, const struct vsoc_vdec_run *run)
{
	const struct v4l2_ctrl_mpeg2_sequence *seq = run->mpeg2.seq;
	const struct v4l2_ctrl_mpeg2_picture *pic = run->mpeg2.pic;
	const struct v4l2_ctrl_mpeg2_quantisation *q = run->mpeg2.quant;
	u32 seq_word, pic_word, fcode = 0;
	unsigned int s, t;
	int ret;

	seq_word = FIELD_PREP(VSOC_VDEC_MPEG2_SEQ_CHROMA_FORMAT,
			      seq->chroma_format);
	if (seq->flags & V4L2_MPEG2_SEQ_FLAG_PROGRESSIVE)
		seq_word |= VSOC_VDEC_MPEG2_SEQ_PROGRESSIVE;

	pic_word = FIELD_PREP(VSOC_VDEC_MPEG2_PIC_CODING_TYPE,
			      pic->picture_coding_type) |
		   FIELD_PREP(VSOC_VDEC_MPEG2_PIC_DC_PRECISION,
			      pic->intra_dc_precision) |
		   FIELD_PREP(VSOC_VDEC_MPEG2_PIC_STRUCTURE,
			      pic->picture_structure);
	if (pic->flags & V4L2_MPEG2_PIC_FLAG_TOP_FIELD_FIRST)
		pic_word |= VSOC_VDEC_MPEG2_PIC_TOP_FIELD_FIRST;
	if (pic->flags & V4L2_MPEG2_PIC_FLAG_FRAME_PRED_DCT)
		pic_word |= VSOC_VDEC_MPEG2_PIC_FRAME_PRED_DCT;
	if (pic->flags & V4L2_MPEG2_PIC_FLAG_CONCEALMENT_MV)
		pic_word |= VSOC_VDEC_MPEG2_PIC_CONCEALMENT_MV;
	if (pic->flags & V4L2_MPEG2_PIC_FLAG_Q_SCALE_TYPE)
		pic_word |= VSOC_VDEC_MPEG2_PIC_Q_SCALE_TYPE;
	if (pic->flags & V4L2_MPEG2_PIC_FLAG_INTRA_VLC)
		pic_word |= VSOC_VDEC_MPEG2_PIC_INTRA_VLC;
	if (pic->flags & V4L2_MPEG2_PIC_FLAG_ALT_SCAN)
		pic_word |= VSOC_VDEC_MPEG2_PIC_ALT_SCAN;
	if (run->second_field)
		pic_word |= VSOC_VDEC_MPEG2_PIC_SECOND_FIELD;

	for (s = 0; s < 2; s++)
		for (t = 0; t < 2; t++)
			fcode |= (pic->f_code[s][t] & VSOC_VDEC_MPEG2_FCODE_MASK) <<
				 VSOC_VDEC_MPEG2_FCODE_SHIFT(s, t);

	ret = regmap_write(map, VSOC_VDEC_MPEG2_SEQ, seq_word) ?:
	      regmap_write(map, VSOC_VDEC_MPEG2_PIC, pic_word) ?:
	      regmap_write(map, VSOC_VDEC_MPEG2_FCODE, fcode);
	if (ret)
		return ret;

	return vsoc_vdec_write_table(map, VSOC_VDEC_MPEG2_QM_INTRA,
				     q->intra_quantiser_matrix,
				     VSOC_VDEC_MPEG2_QM_SIZE) ?:
	       vsoc_vdec_write_table(map, VSOC_VDEC_MPEG2_QM_NON_INTRA,
				     q->non_intra_quantiser_matrix,
				     VSOC_VDEC_MPEG2_QM_SIZE) ?:
	       vsoc_vdec_write_table(map, VSOC_VDEC_MPEG2_QM_CHROMA_INTRA,
				     q->chroma_intra_quantiser_matrix,
				     VSOC_VDEC_MPEG2_QM_SIZE) ?:
	       vsoc_vdec_write_table(map, VSOC_VDEC_MPEG2_QM_CHROMA_NON_INTRA,
				     q->chroma_non_intra_quantiser_matrix,
				     VSOC_VDEC_MPEG2_QM_SIZE);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_mpeg2_program);

const struct vsoc_vdec_codec vsoc_vdec_codec_mpeg2 = {
	.pixelformat = V4L2_PIX_FMT_MPEG2_SLICE,
	.hw_codec = VSOC_VDEC_CODEC_MPEG2,
	.req_ctrls = vsoc_vdec_mpeg2_req_ctrls,
	.hold_capture = true,
	.validate = vsoc_vdec_mpeg2_validate,
	.prepare = vsoc_vdec_mpeg2_prepare,
	.program = vsoc_vdec_mpeg2_program,
};
