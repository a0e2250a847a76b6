// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec: H.264 (V4L2_PIX_FMT_H264_SLICE), frame-based.
 *
 * A request is one frame: all its slice NAL units, with Annex B start
 * codes or (V4L2_STATELESS_H264_START_CODE_NONE) a single NAL unit
 * without one. The block parses the slice headers itself, so the frame
 * takes V4L2_CID_STATELESS_H264_DECODE_PARAMS and the SPS, PPS and
 * scaling matrix in force; SLICE_PARAMS and PRED_WEIGHTS exist for the
 * uAPI's sake and are not used. The DPB entries go to the reference
 * slots of the same index; the initial reference lists come from the
 * kernel's v4l2-h264 builder. Every CAPTURE buffer comes with a buffer
 * for the picture's co-located motion data (allocated with it), which
 * B pictures that use it as their co-located picture read.
 *
 * The block decodes progressive frames of the Baseline (without FMO and
 * ASO's slice groups), Main and High profiles, 8-bit 4:2:0: an SPS,
 * PPS or frame asking for more is refused at request validation.
 */
#include <linux/bitfield.h>
#include <linux/regmap.h>

#include <media/v4l2-h264.h>

#include "vsoc-vdec.h"

static const u32 vsoc_vdec_h264_req_ctrls[] = {
	V4L2_CID_STATELESS_H264_DECODE_PARAMS,
	0
};

/**
 * vsoc_vdec_h264_check_sps() - can the block decode this SPS's frames
 * @sps: the SPS control of a request
 * @caps: the block's limits
 * @fmt: the OUTPUT format its pictures must fit (in macroblocks)
 *
 * Baseline, constrained baseline, Main or High profile; 4:2:0, 8 bits;
 * frames only (no field pictures, no MBAFF); a size within the block's
 * limits and the OUTPUT format rounded up to macroblocks.
 *
 * Return: 0 or -EINVAL.
 */
int vsoc_vdec_h264_check_sps(const struct v4l2_ctrl_h264_sps *sps,
			     const struct vsoc_vdec_hw_caps *caps,
			     const struct v4l2_pix_format *fmt)
{
	u32 w = (sps->pic_width_in_mbs_minus1 + 1) * 16;
	u32 h = (sps->pic_height_in_map_units_minus1 + 1) * 16;

	switch (sps->profile_idc) {
	case 66:	/* Baseline */
	case 77:	/* Main */
	case 100:	/* High */
		break;
	default:
		return -EINVAL;
	}
	if (sps->chroma_format_idc != 1 || sps->bit_depth_luma_minus8 ||
	    sps->bit_depth_chroma_minus8)
		return -EINVAL;
	if (!(sps->flags & V4L2_H264_SPS_FLAG_FRAME_MBS_ONLY) ||
	    (sps->flags & V4L2_H264_SPS_FLAG_QPPRIME_Y_ZERO_TRANSFORM_BYPASS))
		return -EINVAL;
	if (w < caps->min_width || w > ALIGN(fmt->width, 16) ||
	    w > ALIGN(caps->max_width, 16) || h < caps->min_height ||
	    h > ALIGN(fmt->height, 16) || h > ALIGN(caps->max_height, 16))
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_h264_check_sps);

/**
 * vsoc_vdec_h264_check_pps() - can the block decode this PPS's frames
 * @pps: the PPS control of a request
 *
 * No slice groups (FMO); weighted_bipred_idc 0..2.
 *
 * Return: 0 or -EINVAL.
 */
int vsoc_vdec_h264_check_pps(const struct v4l2_ctrl_h264_pps *pps)
{
	if (pps->num_slice_groups_minus1 || pps->weighted_bipred_idc > 2)
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_h264_check_pps);

/* SPS values the control framework accepts but no 8-bit 4:2:0 block can. */
int vsoc_vdec_h264_try_sps(const struct v4l2_ctrl_h264_sps *sps)
{
	/* The control's default (chroma_format_idc 0) must stay settable. */
	if (sps->chroma_format_idc > 1 || sps->bit_depth_luma_minus8 ||
	    sps->bit_depth_chroma_minus8)
		return -EINVAL;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_h264_try_sps);

static int vsoc_vdec_h264_validate(struct vsoc_vdec_ctx *ctx,
				   struct v4l2_ctrl_handler *hdl)
{
	const struct v4l2_ctrl_h264_decode_params *dec;
	const struct v4l2_ctrl_h264_sps *sps;
	const struct v4l2_ctrl_h264_pps *pps;

	/* An SPS or PPS set by an earlier request is checked when it runs. */
	sps = vsoc_vdec_req_ctrl_data(hdl, V4L2_CID_STATELESS_H264_SPS);
	if (sps && vsoc_vdec_h264_check_sps(sps, &ctx->vdev->caps,
					    &ctx->src_fmt)) {
		dev_dbg(ctx->vdev->dev,
			"H.264 SPS: profile %u, chroma %u, depth %u/%u, flags %#x, %ux%u MBs, OUTPUT %ux%u\n",
			sps->profile_idc, sps->chroma_format_idc,
			sps->bit_depth_luma_minus8, sps->bit_depth_chroma_minus8,
			sps->flags, sps->pic_width_in_mbs_minus1 + 1,
			sps->pic_height_in_map_units_minus1 + 1,
			ctx->src_fmt.width, ctx->src_fmt.height);
		return -EINVAL;
	}
	pps = vsoc_vdec_req_ctrl_data(hdl, V4L2_CID_STATELESS_H264_PPS);
	if (pps && vsoc_vdec_h264_check_pps(pps)) {
		dev_dbg(ctx->vdev->dev, "H.264 PPS: %u slice groups\n",
			pps->num_slice_groups_minus1 + 1);
		return -EINVAL;
	}
	dec = vsoc_vdec_req_ctrl_data(hdl, V4L2_CID_STATELESS_H264_DECODE_PARAMS);
	if (!dec)
		return -ENOENT;
	if (dec->flags & V4L2_H264_DECODE_PARAM_FLAG_FIELD_PIC) {
		dev_dbg(ctx->vdev->dev, "H.264 field pictures are not decoded\n");
		return -EINVAL;
	}
	return 0;
}

static int vsoc_vdec_h264_prepare(struct vsoc_vdec_ctx *ctx,
				  struct vsoc_vdec_run *run)
{
	const struct v4l2_ctrl_h264_decode_params *dec;
	const struct v4l2_ctrl_h264_sps *sps;
	const struct v4l2_ctrl_h264_pps *pps;
	u32 w, h, mbs_w, mbs_h;
	unsigned int i;
	int ret;

	sps = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_H264_SPS);
	pps = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_H264_PPS);
	dec = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_H264_DECODE_PARAMS);
	run->h264.scaling =
		vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_H264_SCALING_MATRIX);
	run->h264.start_code = vsoc_vdec_ctrl_data(ctx, V4L2_CID_STATELESS_H264_START_CODE);
	if (!sps || !pps || !dec || !run->h264.scaling || !run->h264.start_code)
		return -EINVAL;
	/* Values of earlier requests, or changed formats: checked again. */
	if (vsoc_vdec_h264_check_sps(sps, &ctx->vdev->caps, &ctx->src_fmt) ||
	    vsoc_vdec_h264_check_pps(pps) ||
	    (dec->flags & V4L2_H264_DECODE_PARAM_FLAG_FIELD_PIC))
		return -EINVAL;
	run->h264.sps = sps;
	run->h264.pps = pps;
	run->h264.dec = dec;

	/*
	 * The picture is the SPS's macroblocks; its width and height are
	 * the CAPTURE format's where that rounds up to them (cropping).
	 */
	mbs_w = sps->pic_width_in_mbs_minus1 + 1;
	mbs_h = sps->pic_height_in_map_units_minus1 + 1;
	w = min(mbs_w * 16, ctx->dst_fmt.width);
	h = min(mbs_h * 16, ctx->dst_fmt.height);
	if (DIV_ROUND_UP(w, 16) != mbs_w || DIV_ROUND_UP(h, 16) != mbs_h)
		return -EINVAL;
	run->width = w;
	run->height = h;

	for (i = 0; i < ARRAY_SIZE(dec->dpb); i++) {
		const struct v4l2_h264_dpb_entry *e = &dec->dpb[i];

		if (!(e->flags & V4L2_H264_DPB_ENTRY_FLAG_ACTIVE))
			continue;
		ret = vsoc_vdec_find_ref(ctx, run, e->reference_ts, i);
		if (ret)
			return ret;
		if (!run->ref_extra[i])
			return -EINVAL;
	}
	/* Buffers allocated before the OUTPUT format became H.264: none. */
	return run->out_extra ? 0 : -EINVAL;
}

/* The initial reference lists as DPB indexes, into the table SRAM. */
static int vsoc_vdec_h264_write_lists(struct regmap *map,
				      const struct vsoc_vdec_run *run,
				      u32 *num_refs)
{
	struct v4l2_h264_reference p[V4L2_H264_REF_LIST_LEN];
	struct v4l2_h264_reference b0[V4L2_H264_REF_LIST_LEN];
	struct v4l2_h264_reference b1[V4L2_H264_REF_LIST_LEN];
	u8 lists[3][VSOC_VDEC_H264_LIST_LEN] = { };
	struct v4l2_h264_reflist_builder b;
	unsigned int i;

	BUILD_BUG_ON(V4L2_H264_REF_LIST_LEN != VSOC_VDEC_H264_LIST_LEN);
	BUILD_BUG_ON(V4L2_H264_NUM_DPB_ENTRIES != VSOC_VDEC_H264_DPB_SIZE);
	BUILD_BUG_ON(VSOC_VDEC_H264_DPB_SIZE > VSOC_VDEC_NUM_REFS);
	BUILD_BUG_ON(VSOC_VDEC_H264_LIST_B0 - VSOC_VDEC_H264_LIST_P !=
		     VSOC_VDEC_H264_LIST_LEN);
	BUILD_BUG_ON(VSOC_VDEC_H264_LIST_B1 - VSOC_VDEC_H264_LIST_B0 !=
		     VSOC_VDEC_H264_LIST_LEN);

	v4l2_h264_init_reflist_builder(&b, run->h264.dec, run->h264.sps,
				       run->h264.dec->dpb);
	v4l2_h264_build_p_ref_list(&b, p);
	v4l2_h264_build_b_ref_lists(&b, b0, b1);
	*num_refs = b.num_valid;
	for (i = 0; i < b.num_valid && i < VSOC_VDEC_H264_LIST_LEN; i++) {
		lists[0][i] = p[i].index;
		lists[1][i] = b0[i].index;
		lists[2][i] = b1[i].index;
	}
	return vsoc_vdec_write_table(map, VSOC_VDEC_H264_LIST_P, &lists[0][0],
				     sizeof(lists));
}

static int vsoc_vdec_h264_write_dpb(struct regmap *map,
				    const struct v4l2_ctrl_h264_decode_params *dec)
{
	u32 words[VSOC_VDEC_H264_DPB_SIZE * VSOC_VDEC_H264_DPB_ENTRY / 4];
	unsigned int i;

	BUILD_BUG_ON(VSOC_VDEC_H264_DPB_ENTRY != 16);
	for (i = 0; i < ARRAY_SIZE(dec->dpb); i++) {
		const struct v4l2_h264_dpb_entry *e = &dec->dpb[i];

		words[4 * i] = FIELD_PREP(VSOC_VDEC_H264_DPB_FRAME_NUM, e->frame_num) |
			       FIELD_PREP(VSOC_VDEC_H264_DPB_FLAGS, e->flags);
		words[4 * i + 1] = (u32)e->top_field_order_cnt;
		words[4 * i + 2] = (u32)e->bottom_field_order_cnt;
		words[4 * i + 3] = 0;
	}
	return regmap_bulk_write(map, VSOC_VDEC_H264_DPB, words, ARRAY_SIZE(words));
}

/* The co-located data buffers of the output and of each reference slot. */
static int vsoc_vdec_h264_write_colocs(struct regmap *map,
				       const struct vsoc_vdec_run *run)
{
	u32 words[2 * VSOC_VDEC_H264_DPB_SIZE];
	unsigned int n;
	int ret;

	BUILD_BUG_ON(VSOC_VDEC_H264_REF_COLOC_HI(VSOC_VDEC_H264_DPB_SIZE - 1) -
		     VSOC_VDEC_H264_REF_COLOC_LO(0) != sizeof(words) - 4);
	for (n = 0; n < VSOC_VDEC_H264_DPB_SIZE; n++) {
		words[2 * n] = lower_32_bits(run->ref_extra[n]);
		words[2 * n + 1] = upper_32_bits(run->ref_extra[n]);
	}
	ret = regmap_write(map, VSOC_VDEC_H264_OUT_COLOC_LO,
			   lower_32_bits(run->out_extra)) ?:
	      regmap_write(map, VSOC_VDEC_H264_OUT_COLOC_HI,
			   upper_32_bits(run->out_extra));
	return ret ?: regmap_bulk_write(map, VSOC_VDEC_H264_REF_COLOC_LO(0),
					words, ARRAY_SIZE(words));
}

/**
 * vsoc_vdec_h264_program() - write the H.264 job registers
 * @map: the block's registers
 * @run: the job, with the H.264 controls and the references set
 *
 * SPS, PPS and frame words; the scaling lists, the DPB and the initial
 * reference lists into the table SRAM.
 *
 * Return: 0 or a regmap error.
 */
int vsoc_vdec_h264_program(struct regmap *map, const struct vsoc_vdec_run *run)
{
	const struct v4l2_ctrl_h264_sps *sps = run->h264.sps;
	const struct v4l2_ctrl_h264_pps *pps = run->h264.pps;
	const struct v4l2_ctrl_h264_decode_params *dec = run->h264.dec;
	const struct v4l2_ctrl_h264_scaling_matrix *sm = run->h264.scaling;
	u32 dec_word, num_refs;
	int ret;

	BUILD_BUG_ON(sizeof(sm->scaling_list_4x4) != 6 * 16);
	BUILD_BUG_ON(sizeof(sm->scaling_list_8x8) != 6 * 64);
	dec_word = FIELD_PREP(VSOC_VDEC_H264_DEC_FRAME_NUM, dec->frame_num) |
		   FIELD_PREP(VSOC_VDEC_H264_DEC_NAL_REF_IDC, dec->nal_ref_idc) |
		   FIELD_PREP(VSOC_VDEC_H264_DEC_FLAGS, dec->flags & 7);
	if (*run->h264.start_code == V4L2_STATELESS_H264_START_CODE_ANNEX_B)
		dec_word |= VSOC_VDEC_H264_DEC_ANNEX_B;

	ret = vsoc_vdec_h264_write_lists(map, run, &num_refs) ?:
	      vsoc_vdec_h264_write_colocs(map, run);
	if (!ret) {
		const struct reg_sequence regs[] = {
			{ VSOC_VDEC_H264_SPS,
			  FIELD_PREP(VSOC_VDEC_H264_SPS_PROFILE_IDC, sps->profile_idc) |
			  FIELD_PREP(VSOC_VDEC_H264_SPS_CHROMA_FORMAT, sps->chroma_format_idc) |
			  FIELD_PREP(VSOC_VDEC_H264_SPS_LOG2_MAX_FRAME_NUM,
				     sps->log2_max_frame_num_minus4) |
			  FIELD_PREP(VSOC_VDEC_H264_SPS_POC_TYPE, sps->pic_order_cnt_type) |
			  FIELD_PREP(VSOC_VDEC_H264_SPS_LOG2_MAX_POC_LSB,
				     sps->log2_max_pic_order_cnt_lsb_minus4) |
			  FIELD_PREP(VSOC_VDEC_H264_SPS_MAX_REF_FRAMES,
				     min_t(u32, sps->max_num_ref_frames, 16)) |
			  FIELD_PREP(VSOC_VDEC_H264_SPS_FLAGS, sps->flags & 0x7f) },
			{ VSOC_VDEC_H264_SPS_SIZE,
			  FIELD_PREP(VSOC_VDEC_H264_SPS_WIDTH_MBS, sps->pic_width_in_mbs_minus1) |
			  FIELD_PREP(VSOC_VDEC_H264_SPS_HEIGHT_MAP_UNITS,
				     sps->pic_height_in_map_units_minus1) },
			{ VSOC_VDEC_H264_SPS_DEPTH,
			  FIELD_PREP(VSOC_VDEC_H264_SPS_DEPTH_LUMA,
				     sps->bit_depth_luma_minus8 & 0xf) |
			  FIELD_PREP(VSOC_VDEC_H264_SPS_DEPTH_CHROMA,
				     sps->bit_depth_chroma_minus8 & 0xf) },
			{ VSOC_VDEC_H264_PPS,
			  FIELD_PREP(VSOC_VDEC_H264_PPS_ID, pps->pic_parameter_set_id) |
			  FIELD_PREP(VSOC_VDEC_H264_PPS_SLICE_GROUPS,
				     pps->num_slice_groups_minus1) |
			  FIELD_PREP(VSOC_VDEC_H264_PPS_NUM_REF_IDX_L0,
				     pps->num_ref_idx_l0_default_active_minus1 & 0x1f) |
			  FIELD_PREP(VSOC_VDEC_H264_PPS_NUM_REF_IDX_L1,
				     pps->num_ref_idx_l1_default_active_minus1 & 0x1f) |
			  FIELD_PREP(VSOC_VDEC_H264_PPS_WEIGHTED_BIPRED,
				     pps->weighted_bipred_idc) },
			{ VSOC_VDEC_H264_PPS_QP,
			  FIELD_PREP(VSOC_VDEC_H264_PPS_INIT_QP, (u8)pps->pic_init_qp_minus26) |
			  FIELD_PREP(VSOC_VDEC_H264_PPS_INIT_QS, (u8)pps->pic_init_qs_minus26) |
			  FIELD_PREP(VSOC_VDEC_H264_PPS_CHROMA_QP_OFFSET,
				     (u8)pps->chroma_qp_index_offset) |
			  FIELD_PREP(VSOC_VDEC_H264_PPS_CHROMA_QP_OFFSET2,
				     (u8)pps->second_chroma_qp_index_offset) },
			{ VSOC_VDEC_H264_PPS_FLAGS, pps->flags & 0xff },
			{ VSOC_VDEC_H264_DEC, dec_word },
			{ VSOC_VDEC_H264_TOP_POC, (u32)dec->top_field_order_cnt },
			{ VSOC_VDEC_H264_BOTTOM_POC, (u32)dec->bottom_field_order_cnt },
			{ VSOC_VDEC_H264_NUM_REFS, num_refs },
		};

		ret = regmap_multi_reg_write(map, regs, ARRAY_SIZE(regs));
	}
	return ret ?:
	       vsoc_vdec_h264_write_dpb(map, dec) ?:
	       vsoc_vdec_write_table(map, VSOC_VDEC_H264_SCALING_4X4,
				     &sm->scaling_list_4x4[0][0],
				     sizeof(sm->scaling_list_4x4)) ?:
	       vsoc_vdec_write_table(map, VSOC_VDEC_H264_SCALING_8X8,
				     &sm->scaling_list_8x8[0][0],
				     sizeof(sm->scaling_list_8x8));
}
EXPORT_SYMBOL_IF_KUNIT(vsoc_vdec_h264_program);

/* Co-located motion data of each picture, a fixed size per macroblock. */
static u32 vsoc_vdec_h264_cap_extra(const struct v4l2_pix_format *pix)
{
	return DIV_ROUND_UP(pix->width, 16) * DIV_ROUND_UP(pix->height, 16) *
	       VSOC_VDEC_H264_COLOC_MB_SIZE;
}

const struct vsoc_vdec_codec vsoc_vdec_codec_h264 = {
	.pixelformat = V4L2_PIX_FMT_H264_SLICE,
	.hw_codec = VSOC_VDEC_CODEC_H264,
	.req_ctrls = vsoc_vdec_h264_req_ctrls,
	.validate = vsoc_vdec_h264_validate,
	.prepare = vsoc_vdec_h264_prepare,
	.program = vsoc_vdec_h264_program,
	.cap_extra = vsoc_vdec_h264_cap_extra,
};
