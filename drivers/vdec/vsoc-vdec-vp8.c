// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec: VP8 (V4L2_PIX_FMT_VP8_FRAME).
 *
 * One control per frame, V4L2_CID_STATELESS_VP8_FRAME: the frame
 * header's values, the probabilities after its updates and the first
 * partition's boolean decoder state where the header ends. An inter
 * frame predicts from the CAPTURE buffers of last_frame_ts,
 * golden_frame_ts and alt_frame_ts (slots VSOC_VDEC_VP8_*_REF). The
 * segment map, which VP8 keeps from frame to frame, lives in a buffer of
 * the context allocated when the OUTPUT queue starts streaming, one byte
 * per macroblock of the OUTPUT format; the block reads and writes it.
 */
#include <linux/bitfield.h>
#include <linux/dma-mapping.h>
#include <linux/regmap.h>

#include "vsoc-vdec.h"

static const u32 vsoc_vdec_vp8_req_ctrls[] = {
	V4L2_CID_STATELESS_VP8_FRAME,
	0
};

static u32 vsoc_vdec_vp8_mbs(u32 width, u32 height)
{
	return DIV_ROUND_UP(width, VSOC_VDEC_HEIGHT_ALIGN) *
	       DIV_ROUND_UP(height, VSOC_VDEC_HEIGHT_ALIGN);
}

/**
 * vsoc_vdec_vp8_check_frame() - can the block decode this VP8 frame
 * @f: the frame control of a request
 * @caps: the block's limits
 * @fmt: the OUTPUT format the frame must fit
 *
 * The frame size within the block's minimum and the OUTPUT format (the
 * CAPTURE buffers and the segment map are sized by it), a bitstream
 * version of RFC 6386 (0..3), a header that fits its partition. The
 * control framework already checked num_dct_parts (1, 2, 4 or 8).
 *
 * Return: 0 or -EINVAL.
 */
int vsoc_vdec_vp8_check_frame(const struct v4l2_ctrl_vp8_frame *f,
			      const struct vsoc_vdec_hw_caps *caps,
			      const struct v4l2_pix_format *fmt)
{
	if (f->width < caps->min_width || f->width > fmt->width ||
	    f->height < caps->min_height || f->height > fmt->height)
		return -EINVAL;
	if (f->version > 3)
		return -EINVAL;
	if (!f->first_part_size || f->first_part_size > caps->max_bs_size ||
	    f->first_part_header_bits > 8ULL * f->first_part_size)
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_vp8_check_frame);

static int vsoc_vdec_vp8_validate(struct vsoc_vdec_ctx *ctx,
				  struct v4l2_ctrl_handler *hdl)
{
	const struct v4l2_ctrl_vp8_frame *f;
	int ret;

	f = vsoc_vdec_req_ctrl_data(hdl, V4L2_CID_STATELESS_VP8_FRAME);
	if (!f)
		return -ENOENT;
	ret = vsoc_vdec_vp8_check_frame(f, &ctx->vdev->caps, &ctx->src_fmt);
	if (ret)
		dev_dbg(ctx->vdev->dev,
			"VP8 frame %ux%u v%u, partition %u (%u header bits), OUTPUT format %ux%u\n",
			f->width, f->height, f->version, f->first_part_size,
			f->first_part_header_bits, ctx->src_fmt.width,
			ctx->src_fmt.height);
	return ret;
}

static int vsoc_vdec_vp8_prepare(struct vsoc_vdec_ctx *ctx,
				 struct vsoc_vdec_run *run)
{
	const struct v4l2_ctrl_vp8_frame *f;

	f = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_VP8_FRAME);
	if (!f)
		return -EINVAL;
	run->vp8.frame = f;
	run->width = f->width;
	run->height = f->height;
	/* A frame larger than the map: the format changed since streamon. */
	if (!ctx->segmap ||
	    vsoc_vdec_vp8_mbs(f->width, f->height) > ctx->segmap_size)
		return -EINVAL;
	run->vp8.segmap = ctx->segmap_dma;
	if (V4L2_VP8_FRAME_IS_KEY_FRAME(f))
		return 0;
	return vsoc_vdec_find_ref(ctx, run, f->last_frame_ts,
				  VSOC_VDEC_VP8_LAST_REF) ?:
	       vsoc_vdec_find_ref(ctx, run, f->golden_frame_ts,
				  VSOC_VDEC_VP8_GOLDEN_REF) ?:
	       vsoc_vdec_find_ref(ctx, run, f->alt_frame_ts,
				  VSOC_VDEC_VP8_ALT_REF);
}

/* Four signed bytes, byte n at VSOC_VDEC_VP8_BYTE_SHIFT(n). */
static u32 vsoc_vdec_vp8_s8x4(const s8 v[4])
{
	u32 word = 0;
	unsigned int n;

	for (n = 0; n < 4; n++)
		word |= (u32)(u8)v[n] << VSOC_VDEC_VP8_BYTE_SHIFT(n);
	return word;
}

static u32 vsoc_vdec_vp8_seg_word(const struct v4l2_vp8_segment *seg)
{
	u32 word = FIELD_PREP(VSOC_VDEC_VP8_SEG_FLAGS, seg->flags);
	unsigned int n;

	for (n = 0; n < 3; n++)
		word |= (u32)seg->segment_probs[n] <<
			VSOC_VDEC_VP8_SEG_PROB_SHIFT(n);
	return word;
}

/**
 * vsoc_vdec_vp8_program() - write the VP8 job registers
 * @map: the block's registers
 * @run: the job, with the frame control, references and segment map set
 *
 * Frame, probability, partition, boolean decoder, quantiser,
 * segmentation and loop filter words, the segment map's address, and the
 * probabilities into the table SRAM in struct v4l2_vp8_entropy's layout.
 *
 * Return: 0 or a regmap error.
 */
int vsoc_vdec_vp8_program(struct regmap *map, const struct vsoc_vdec_run *run)
{
	const struct v4l2_ctrl_vp8_frame *f = run->vp8.frame;
	const struct reg_sequence regs[] = {
		{ VSOC_VDEC_VP8_FRAME,
		  FIELD_PREP(VSOC_VDEC_VP8_FRAME_FLAGS, f->flags) |
		  FIELD_PREP(VSOC_VDEC_VP8_FRAME_VERSION, f->version) |
		  FIELD_PREP(VSOC_VDEC_VP8_FRAME_DCT_PARTS, f->num_dct_parts) },
		{ VSOC_VDEC_VP8_PROBS,
		  FIELD_PREP(VSOC_VDEC_VP8_PROB_SKIP_FALSE, f->prob_skip_false) |
		  FIELD_PREP(VSOC_VDEC_VP8_PROB_INTRA, f->prob_intra) |
		  FIELD_PREP(VSOC_VDEC_VP8_PROB_LAST, f->prob_last) |
		  FIELD_PREP(VSOC_VDEC_VP8_PROB_GF, f->prob_gf) },
		{ VSOC_VDEC_VP8_FIRST_PART_SIZE, f->first_part_size },
		{ VSOC_VDEC_VP8_HEADER_BITS, f->first_part_header_bits },
		{ VSOC_VDEC_VP8_CODER,
		  FIELD_PREP(VSOC_VDEC_VP8_CODER_RANGE, f->coder_state.range) |
		  FIELD_PREP(VSOC_VDEC_VP8_CODER_VALUE, f->coder_state.value) |
		  FIELD_PREP(VSOC_VDEC_VP8_CODER_BIT_COUNT,
			     f->coder_state.bit_count) },
		{ VSOC_VDEC_VP8_QUANT,
		  FIELD_PREP(VSOC_VDEC_VP8_Q_Y_AC_QI, f->quant.y_ac_qi) |
		  FIELD_PREP(VSOC_VDEC_VP8_Q_Y_DC_DELTA, (u8)f->quant.y_dc_delta) |
		  FIELD_PREP(VSOC_VDEC_VP8_Q_Y2_DC_DELTA, (u8)f->quant.y2_dc_delta) |
		  FIELD_PREP(VSOC_VDEC_VP8_Q_Y2_AC_DELTA, (u8)f->quant.y2_ac_delta) },
		{ VSOC_VDEC_VP8_QUANT_UV,
		  FIELD_PREP(VSOC_VDEC_VP8_Q_UV_DC_DELTA, (u8)f->quant.uv_dc_delta) |
		  FIELD_PREP(VSOC_VDEC_VP8_Q_UV_AC_DELTA, (u8)f->quant.uv_ac_delta) },
		{ VSOC_VDEC_VP8_SEG, vsoc_vdec_vp8_seg_word(&f->segment) },
		{ VSOC_VDEC_VP8_SEG_QUANT,
		  vsoc_vdec_vp8_s8x4(f->segment.quant_update) },
		{ VSOC_VDEC_VP8_SEG_LF, vsoc_vdec_vp8_s8x4(f->segment.lf_update) },
		{ VSOC_VDEC_VP8_LF,
		  FIELD_PREP(VSOC_VDEC_VP8_LF_LEVEL, f->lf.level) |
		  FIELD_PREP(VSOC_VDEC_VP8_LF_SHARPNESS, f->lf.sharpness_level) |
		  FIELD_PREP(VSOC_VDEC_VP8_LF_FLAGS, f->lf.flags) },
		{ VSOC_VDEC_VP8_LF_REF_DELTA,
		  vsoc_vdec_vp8_s8x4(f->lf.ref_frm_delta) },
		{ VSOC_VDEC_VP8_LF_MODE_DELTA,
		  vsoc_vdec_vp8_s8x4(f->lf.mb_mode_delta) },
		{ VSOC_VDEC_VP8_SEGMAP_LO, lower_32_bits(run->vp8.segmap) },
		{ VSOC_VDEC_VP8_SEGMAP_HI, upper_32_bits(run->vp8.segmap) },
	};
	unsigned int n;
	int ret;

	/* Flags bit for bit, the probabilities as laid out in the control. */
	BUILD_BUG_ON(VSOC_VDEC_VP8_FL_KEY_FRAME != V4L2_VP8_FRAME_FLAG_KEY_FRAME);
	BUILD_BUG_ON(VSOC_VDEC_VP8_FL_SIGN_BIAS_ALT !=
		     V4L2_VP8_FRAME_FLAG_SIGN_BIAS_ALT);
	BUILD_BUG_ON(VSOC_VDEC_VP8_SEG_DELTA_MODE !=
		     V4L2_VP8_SEGMENT_FLAG_DELTA_VALUE_MODE);
	BUILD_BUG_ON(FIELD_PREP(VSOC_VDEC_VP8_LF_FLAGS,
				V4L2_VP8_LF_FILTER_TYPE_SIMPLE) !=
		     VSOC_VDEC_VP8_LF_SIMPLE);
	BUILD_BUG_ON(offsetof(struct v4l2_vp8_entropy, y_mode_probs) !=
		     VSOC_VDEC_VP8_Y_MODE_PROBS - VSOC_VDEC_VP8_COEFF_PROBS);
	BUILD_BUG_ON(offsetof(struct v4l2_vp8_entropy, uv_mode_probs) !=
		     VSOC_VDEC_VP8_UV_MODE_PROBS - VSOC_VDEC_VP8_COEFF_PROBS);
	BUILD_BUG_ON(offsetof(struct v4l2_vp8_entropy, mv_probs) !=
		     VSOC_VDEC_VP8_MV_PROBS - VSOC_VDEC_VP8_COEFF_PROBS);
	BUILD_BUG_ON(sizeof(struct v4l2_vp8_entropy) != VSOC_VDEC_VP8_PROBS_SIZE);

	ret = regmap_multi_reg_write(map, regs, ARRAY_SIZE(regs));
	for (n = 0; !ret && n < ARRAY_SIZE(f->dct_part_sizes); n++)
		ret = regmap_write(map, VSOC_VDEC_VP8_DCT_PART_SIZE(n),
				   n < f->num_dct_parts ? f->dct_part_sizes[n] : 0);
	if (ret)
		return ret;
	return vsoc_vdec_write_table(map, VSOC_VDEC_VP8_COEFF_PROBS,
				     (const u8 *)&f->entropy,
				     VSOC_VDEC_VP8_PROBS_SIZE);
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_vp8_program);

/* The segment map for frames up to the OUTPUT format's size, zeroed. */
static int vsoc_vdec_vp8_start(struct vsoc_vdec_ctx *ctx)
{
	struct device *dev = ctx->vdev->dev;
	u32 size = vsoc_vdec_vp8_mbs(ctx->src_fmt.width, ctx->src_fmt.height);

	if (ctx->segmap && ctx->segmap_size == size) {
		memset(ctx->segmap, 0, size);
		return 0;
	}
	if (ctx->segmap)
		dma_free_coherent(dev, ctx->segmap_size, ctx->segmap,
				  ctx->segmap_dma);
	ctx->segmap_size = 0;
	ctx->segmap = dma_alloc_coherent(dev, size, &ctx->segmap_dma,
					 GFP_KERNEL);
	if (!ctx->segmap)
		return -ENOMEM;
	ctx->segmap_size = size;
	return 0;
}

/**
 * vsoc_vdec_vp8_free() - free the segment map of a context
 * @ctx: the context, no job of which runs
 */
void vsoc_vdec_vp8_free(struct vsoc_vdec_ctx *ctx)
{
	if (!ctx->segmap)
		return;
	dma_free_coherent(ctx->vdev->dev, ctx->segmap_size, ctx->segmap,
			  ctx->segmap_dma);
	ctx->segmap = NULL;
	ctx->segmap_size = 0;
}

const struct vsoc_vdec_codec vsoc_vdec_codec_vp8 = {
	.pixelformat = V4L2_PIX_FMT_VP8_FRAME,
	.hw_codec = VSOC_VDEC_CODEC_VP8,
	.req_ctrls = vsoc_vdec_vp8_req_ctrls,
	.validate = vsoc_vdec_vp8_validate,
	.prepare = vsoc_vdec_vp8_prepare,
	.program = vsoc_vdec_vp8_program,
	.start = vsoc_vdec_vp8_start,
};
