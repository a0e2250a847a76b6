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
 * @decode: decode the job's picture with the decode core; @aux is the
 *	codec's auxiliary buffer (@lay->aux_size bytes), read before and
 *	written back after the job; @coloc the co-located data of the
 *	output (0) and of reference slot n (1 + n), when @lay->coloc_size
 */
struct vdec_model_codec {
	void (*prepare)(const struct vdec_model_job *job,
			struct vdec_model_layout *lay);
	enum vdec_status (*decode)(const struct vdec_model_job *job,
				   const u8 *bs, u32 len,
				   struct vdec_pic *refs, struct vdec_pic *out,
				   u8 *aux, u8 *const *coloc, u32 *decoded);
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
		       u8 *aux, u8 *const *coloc, u32 *decoded)
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
			u8 *aux, u8 *const *coloc, u32 *decoded)
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

static void vdec_model_vp8_prepare(const struct vdec_model_job *job,
				   struct vdec_model_layout *lay)
{
	u32 frame = vdec_model_job_reg(job, VSOC_VDEC_VP8_FRAME);

	lay->aux_size = DIV_ROUND_UP(lay->width, VDEC_CORE_MB_SIZE) *
			DIV_ROUND_UP(lay->height, VDEC_CORE_MB_SIZE);
	lay->aux_addr = vdec_model_job_addr(job, VSOC_VDEC_VP8_SEGMAP_LO);
	if (frame & VSOC_VDEC_VP8_FL_KEY_FRAME)
		return;
	/* A key frame writes the whole map; other frames may read it. */
	lay->read_aux = true;
	lay->refs = BIT(VSOC_VDEC_VP8_LAST_REF) |
		    BIT(VSOC_VDEC_VP8_GOLDEN_REF) | BIT(VSOC_VDEC_VP8_ALT_REF);
}

static void vdec_model_vp8_s8x4(s8 v[4], u32 word)
{
	unsigned int n;

	for (n = 0; n < 4; n++)
		v[n] = (s8)(word >> VSOC_VDEC_VP8_BYTE_SHIFT(n));
}

/* The frame's parameters from its job registers and the table SRAM. */
static void vdec_model_vp8_params(const struct vdec_model_job *job,
				  struct vdec_vp8_params *p)
{
	u32 frame = vdec_model_job_reg(job, VSOC_VDEC_VP8_FRAME);
	u32 probs = vdec_model_job_reg(job, VSOC_VDEC_VP8_PROBS);
	u32 coder = vdec_model_job_reg(job, VSOC_VDEC_VP8_CODER);
	u32 q = vdec_model_job_reg(job, VSOC_VDEC_VP8_QUANT);
	u32 quv = vdec_model_job_reg(job, VSOC_VDEC_VP8_QUANT_UV);
	u32 seg = vdec_model_job_reg(job, VSOC_VDEC_VP8_SEG);
	u32 lf = vdec_model_job_reg(job, VSOC_VDEC_VP8_LF);
	unsigned int n;

	p->flags = FIELD_GET(VSOC_VDEC_VP8_FRAME_FLAGS, frame);
	p->version = FIELD_GET(VSOC_VDEC_VP8_FRAME_VERSION, frame);
	p->num_dct_parts = FIELD_GET(VSOC_VDEC_VP8_FRAME_DCT_PARTS, frame);
	p->prob_skip_false = FIELD_GET(VSOC_VDEC_VP8_PROB_SKIP_FALSE, probs);
	p->prob_intra = FIELD_GET(VSOC_VDEC_VP8_PROB_INTRA, probs);
	p->prob_last = FIELD_GET(VSOC_VDEC_VP8_PROB_LAST, probs);
	p->prob_gf = FIELD_GET(VSOC_VDEC_VP8_PROB_GF, probs);
	p->first_part_size = vdec_model_job_reg(job, VSOC_VDEC_VP8_FIRST_PART_SIZE);
	p->first_part_header_bits = vdec_model_job_reg(job, VSOC_VDEC_VP8_HEADER_BITS);
	p->coder_state.range = FIELD_GET(VSOC_VDEC_VP8_CODER_RANGE, coder);
	p->coder_state.value = FIELD_GET(VSOC_VDEC_VP8_CODER_VALUE, coder);
	p->coder_state.bit_count = FIELD_GET(VSOC_VDEC_VP8_CODER_BIT_COUNT, coder);
	p->quant.y_ac_qi = FIELD_GET(VSOC_VDEC_VP8_Q_Y_AC_QI, q);
	p->quant.y_dc_delta = (s8)FIELD_GET(VSOC_VDEC_VP8_Q_Y_DC_DELTA, q);
	p->quant.y2_dc_delta = (s8)FIELD_GET(VSOC_VDEC_VP8_Q_Y2_DC_DELTA, q);
	p->quant.y2_ac_delta = (s8)FIELD_GET(VSOC_VDEC_VP8_Q_Y2_AC_DELTA, q);
	p->quant.uv_dc_delta = (s8)FIELD_GET(VSOC_VDEC_VP8_Q_UV_DC_DELTA, quv);
	p->quant.uv_ac_delta = (s8)FIELD_GET(VSOC_VDEC_VP8_Q_UV_AC_DELTA, quv);
	p->seg.flags = FIELD_GET(VSOC_VDEC_VP8_SEG_FLAGS, seg);
	for (n = 0; n < 3; n++)
		p->seg.probs[n] = seg >> VSOC_VDEC_VP8_SEG_PROB_SHIFT(n);
	vdec_model_vp8_s8x4(p->seg.quant,
			    vdec_model_job_reg(job, VSOC_VDEC_VP8_SEG_QUANT));
	vdec_model_vp8_s8x4(p->seg.lf,
			    vdec_model_job_reg(job, VSOC_VDEC_VP8_SEG_LF));
	p->lf.level = FIELD_GET(VSOC_VDEC_VP8_LF_LEVEL, lf);
	p->lf.sharpness = FIELD_GET(VSOC_VDEC_VP8_LF_SHARPNESS, lf);
	p->lf.flags = FIELD_GET(VSOC_VDEC_VP8_LF_FLAGS, lf);
	vdec_model_vp8_s8x4(p->lf.ref_delta,
			    vdec_model_job_reg(job, VSOC_VDEC_VP8_LF_REF_DELTA));
	vdec_model_vp8_s8x4(p->lf.mode_delta,
			    vdec_model_job_reg(job, VSOC_VDEC_VP8_LF_MODE_DELTA));
	for (n = 0; n < ARRAY_SIZE(p->dct_part_sizes); n++)
		p->dct_part_sizes[n] =
			vdec_model_job_reg(job, VSOC_VDEC_VP8_DCT_PART_SIZE(n));
}

static enum vdec_status
vdec_model_vp8_decode(const struct vdec_model_job *job, const u8 *bs,
		      u32 len, struct vdec_pic *refs, struct vdec_pic *out,
		      u8 *aux, u8 *const *coloc, u32 *decoded)
{
	const u8 *t = &job->table[VSOC_VDEC_VP8_COEFF_PROBS - VSOC_VDEC_TABLE];
	struct vdec_vp8_params *p;
	enum vdec_status st;
	bool key;

	/* About 1.2 KiB: too much for the stack of the block's worker. */
	p = vdec_zalloc(sizeof(*p));
	if (!p)
		return VDEC_ERR_NOMEM;
	vdec_model_vp8_params(job, p);
	p->width = out->width;
	p->height = out->height;
	memcpy(p->entropy.coeff_probs, t, sizeof(p->entropy.coeff_probs));
	memcpy(p->entropy.y_mode_probs,
	       t + VSOC_VDEC_VP8_Y_MODE_PROBS - VSOC_VDEC_VP8_COEFF_PROBS,
	       sizeof(p->entropy.y_mode_probs));
	memcpy(p->entropy.uv_mode_probs,
	       t + VSOC_VDEC_VP8_UV_MODE_PROBS - VSOC_VDEC_VP8_COEFF_PROBS,
	       sizeof(p->entropy.uv_mode_probs));
	memcpy(p->entropy.mv_probs,
	       t + VSOC_VDEC_VP8_MV_PROBS - VSOC_VDEC_VP8_COEFF_PROBS,
	       sizeof(p->entropy.mv_probs));
	p->seg_map = aux;
	p->seg_map_size = DIV_ROUND_UP(out->width, VDEC_CORE_MB_SIZE) *
			  DIV_ROUND_UP(out->height, VDEC_CORE_MB_SIZE);

	key = p->flags & VDEC_VP8_FL_KEY_FRAME;
	st = vdec_vp8_decode(p, bs, len,
			     key ? NULL : &refs[VSOC_VDEC_VP8_LAST_REF],
			     key ? NULL : &refs[VSOC_VDEC_VP8_GOLDEN_REF],
			     key ? NULL : &refs[VSOC_VDEC_VP8_ALT_REF],
			     out, decoded);
	vdec_free(p);
	return st;
}

static u32 vdec_model_h264_dpb_word(const struct vdec_model_job *job,
				    unsigned int i, unsigned int w)
{
	const u8 *t = &job->table[VSOC_VDEC_H264_DPB - VSOC_VDEC_TABLE +
				  i * VSOC_VDEC_H264_DPB_ENTRY + 4 * w];

	return t[0] | t[1] << 8 | t[2] << 16 | (u32)t[3] << 24;
}

static void vdec_model_h264_prepare(const struct vdec_model_job *job,
				    struct vdec_model_layout *lay)
{
	unsigned int i;

	for (i = 0; i < VSOC_VDEC_H264_DPB_SIZE; i++)
		if (vdec_model_h264_dpb_word(job, i, 0) & VSOC_VDEC_H264_DPB_ACTIVE)
			lay->refs |= BIT(i);
	lay->coloc_size = vdec_h264_mv_size(lay->width, lay->height);
}

/* SPS, PPS and frame words; DPB, lists and scaling lists from the table. */
static void vdec_model_h264_params(const struct vdec_model_job *job,
				   struct vdec_h264_params *p)
{
	u32 sps = vdec_model_job_reg(job, VSOC_VDEC_H264_SPS);
	u32 size = vdec_model_job_reg(job, VSOC_VDEC_H264_SPS_SIZE);
	u32 depth = vdec_model_job_reg(job, VSOC_VDEC_H264_SPS_DEPTH);
	u32 pps = vdec_model_job_reg(job, VSOC_VDEC_H264_PPS);
	u32 qp = vdec_model_job_reg(job, VSOC_VDEC_H264_PPS_QP);
	u32 dec = vdec_model_job_reg(job, VSOC_VDEC_H264_DEC);
	const u8 *t = job->table;
	unsigned int i;

	p->sps.profile_idc = FIELD_GET(VSOC_VDEC_H264_SPS_PROFILE_IDC, sps);
	p->sps.chroma_format_idc = FIELD_GET(VSOC_VDEC_H264_SPS_CHROMA_FORMAT, sps);
	p->sps.log2_max_frame_num_minus4 = FIELD_GET(VSOC_VDEC_H264_SPS_LOG2_MAX_FRAME_NUM, sps);
	p->sps.pic_order_cnt_type = FIELD_GET(VSOC_VDEC_H264_SPS_POC_TYPE, sps);
	p->sps.log2_max_pic_order_cnt_lsb_minus4 =
		FIELD_GET(VSOC_VDEC_H264_SPS_LOG2_MAX_POC_LSB, sps);
	p->sps.max_num_ref_frames = FIELD_GET(VSOC_VDEC_H264_SPS_MAX_REF_FRAMES, sps);
	p->sps.flags = FIELD_GET(VSOC_VDEC_H264_SPS_FLAGS, sps);
	p->sps.pic_width_in_mbs_minus1 = FIELD_GET(VSOC_VDEC_H264_SPS_WIDTH_MBS, size);
	p->sps.pic_height_in_map_units_minus1 =
		FIELD_GET(VSOC_VDEC_H264_SPS_HEIGHT_MAP_UNITS, size);
	p->sps.bit_depth_luma_minus8 = FIELD_GET(VSOC_VDEC_H264_SPS_DEPTH_LUMA, depth);
	p->sps.bit_depth_chroma_minus8 = FIELD_GET(VSOC_VDEC_H264_SPS_DEPTH_CHROMA, depth);
	p->pps.pic_parameter_set_id = FIELD_GET(VSOC_VDEC_H264_PPS_ID, pps);
	p->pps.num_slice_groups_minus1 = FIELD_GET(VSOC_VDEC_H264_PPS_SLICE_GROUPS, pps);
	p->pps.num_ref_idx_l0_default_active_minus1 =
		FIELD_GET(VSOC_VDEC_H264_PPS_NUM_REF_IDX_L0, pps);
	p->pps.num_ref_idx_l1_default_active_minus1 =
		FIELD_GET(VSOC_VDEC_H264_PPS_NUM_REF_IDX_L1, pps);
	p->pps.weighted_bipred_idc = FIELD_GET(VSOC_VDEC_H264_PPS_WEIGHTED_BIPRED, pps);
	p->pps.pic_init_qp_minus26 = (s8)FIELD_GET(VSOC_VDEC_H264_PPS_INIT_QP, qp);
	p->pps.pic_init_qs_minus26 = (s8)FIELD_GET(VSOC_VDEC_H264_PPS_INIT_QS, qp);
	p->pps.chroma_qp_index_offset = (s8)FIELD_GET(VSOC_VDEC_H264_PPS_CHROMA_QP_OFFSET, qp);
	p->pps.second_chroma_qp_index_offset =
		(s8)FIELD_GET(VSOC_VDEC_H264_PPS_CHROMA_QP_OFFSET2, qp);
	p->pps.flags = vdec_model_job_reg(job, VSOC_VDEC_H264_PPS_FLAGS) & 0xff;
	p->frame_num = FIELD_GET(VSOC_VDEC_H264_DEC_FRAME_NUM, dec);
	p->nal_ref_idc = FIELD_GET(VSOC_VDEC_H264_DEC_NAL_REF_IDC, dec);
	p->flags = FIELD_GET(VSOC_VDEC_H264_DEC_FLAGS, dec);
	p->annexb = dec & VSOC_VDEC_H264_DEC_ANNEX_B;
	p->top_field_order_cnt = vdec_model_job_reg(job, VSOC_VDEC_H264_TOP_POC);
	p->bottom_field_order_cnt = vdec_model_job_reg(job, VSOC_VDEC_H264_BOTTOM_POC);
	p->num_refs = min_t(u32, vdec_model_job_reg(job, VSOC_VDEC_H264_NUM_REFS),
			    VSOC_VDEC_H264_LIST_LEN);
	for (i = 0; i < VSOC_VDEC_H264_DPB_SIZE; i++) {
		u32 w0 = vdec_model_h264_dpb_word(job, i, 0);

		p->dpb[i].frame_num = FIELD_GET(VSOC_VDEC_H264_DPB_FRAME_NUM, w0);
		p->dpb[i].flags = FIELD_GET(VSOC_VDEC_H264_DPB_FLAGS, w0);
		p->dpb[i].top_field_order_cnt = vdec_model_h264_dpb_word(job, i, 1);
		p->dpb[i].bottom_field_order_cnt = vdec_model_h264_dpb_word(job, i, 2);
	}
	memcpy(p->ref_list_p, t + VSOC_VDEC_H264_LIST_P - VSOC_VDEC_TABLE,
	       VSOC_VDEC_H264_LIST_LEN);
	memcpy(p->ref_list_b0, t + VSOC_VDEC_H264_LIST_B0 - VSOC_VDEC_TABLE,
	       VSOC_VDEC_H264_LIST_LEN);
	memcpy(p->ref_list_b1, t + VSOC_VDEC_H264_LIST_B1 - VSOC_VDEC_TABLE,
	       VSOC_VDEC_H264_LIST_LEN);
	memcpy(p->scaling_4x4, t + VSOC_VDEC_H264_SCALING_4X4 - VSOC_VDEC_TABLE,
	       sizeof(p->scaling_4x4));
	memcpy(p->scaling_8x8, t + VSOC_VDEC_H264_SCALING_8X8 - VSOC_VDEC_TABLE,
	       sizeof(p->scaling_8x8));
}

static enum vdec_status
vdec_model_h264_decode(const struct vdec_model_job *job, const u8 *bs,
		       u32 len, struct vdec_pic *refs, struct vdec_pic *out,
		       u8 *aux, u8 *const *coloc, u32 *decoded)
{
	struct vdec_h264_ref *r;
	struct vdec_h264_params *p;
	enum vdec_status st = VDEC_ERR_NOMEM;
	unsigned int i;

	BUILD_BUG_ON(VSOC_VDEC_H264_DPB_SIZE != VDEC_H264_DPB_SIZE);
	BUILD_BUG_ON(VSOC_VDEC_H264_LIST_LEN != VDEC_H264_LIST_LEN);
	/* Over 1 KiB: too much for the stack of the block's worker. */
	p = vdec_zalloc(sizeof(*p));
	r = vdec_zalloc(VDEC_H264_DPB_SIZE * sizeof(*r));
	if (!p || !r)
		goto out;
	vdec_model_h264_params(job, p);
	for (i = 0; i < VDEC_H264_DPB_SIZE; i++) {
		if (!(p->dpb[i].flags & VDEC_H264_DPB_ACTIVE))
			continue;
		r[i].pic = &refs[i];
		r[i].mv = coloc[1 + i];
	}
	st = vdec_h264_decode(p, bs, len, r, out, coloc[0], decoded);
out:
	vdec_free(r);
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
	[VSOC_VDEC_CODEC_H264] = {
		.prepare = vdec_model_h264_prepare,
		.decode = vdec_model_h264_decode,
	},
	[VSOC_VDEC_CODEC_VP8] = {
		.prepare = vdec_model_vp8_prepare,
		.decode = vdec_model_vp8_decode,
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
 * @aux: the codec's auxiliary buffer (VP8: the segment map) of the
 *	job's layout, loaded if the job reads it
 * @coloc: co-located data (H.264) of the output (0) and of reference
 *	slot n (1 + n), those of the references the job reads loaded
 * @decoded: set to the macroblocks (FWHT: blocks) decoded
 *
 * Return: the decode core's status.
 */
enum vdec_status vdec_model_job_decode(const struct vdec_model_job *job,
				       const u8 *bs, u32 len,
				       struct vdec_pic *refs,
				       struct vdec_pic *out, u8 *aux,
				       u8 *const *coloc, u32 *decoded)
{
	u32 codec = vdec_model_job_reg(job, VSOC_VDEC_CODEC);

	*decoded = 0;
	return vdec_model_codecs[codec].decode(job, bs, len, refs, out, aux,
					       coloc, decoded);
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
