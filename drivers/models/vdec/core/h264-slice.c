// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 slice header (7.3.3): the reference
 * picture lists from the caller's initial lists and the slice's
 * ref_pic_list_modification (8.2.4.3), the explicit (pred_weight_table)
 * and implicit (8.4.2.3.1) prediction weights, deblocking parameters.
 */
#include "h264.h"

static s32 dpb_poc(const struct vdec_h264_dpb_entry *e)
{
	return min(e->top_field_order_cnt, e->bottom_field_order_cnt);
}

static bool dpb_ref(const struct h264_ctx *c, int i)
{
	return i >= 0 && i < VDEC_H264_DPB_SIZE &&
		(c->p->dpb[i].flags & VDEC_H264_DPB_ACTIVE);
}

/* The initial lists of 8.2.4.2, as the caller built them */
static void init_lists(struct h264_ctx *c)
{
	const struct vdec_h264_params *p = c->p;
	struct h264_slice *s = &c->sl;
	int l, i, n = p->num_refs;

	for (l = 0; l < 2; l++)
		for (i = 0; i < VDEC_H264_LIST_LEN + 1; i++) {
			const u8 *src = s->type == H264_SLICE_B ?
				(l ? p->ref_list_b1 : p->ref_list_b0) :
				p->ref_list_p;
			int v = i < n && i < VDEC_H264_LIST_LEN &&
				!(l && s->type != H264_SLICE_B) ? src[i] : -1;

			s->list[l][i] = dpb_ref(c, v) ? v : -1;
		}
}

/* PicNum of a short-term DPB entry (8.2.4.1, frames) */
static int pic_num(const struct h264_ctx *c, int i)
{
	int max = 1 << (c->p->sps.log2_max_frame_num_minus4 + 4);
	int fn = c->p->dpb[i].frame_num;

	return fn > c->p->frame_num ? fn - max : fn;
}

static int find_ref(const struct h264_ctx *c, int num, bool lt)
{
	int i;

	for (i = 0; i < VDEC_H264_DPB_SIZE; i++) {
		u32 f = c->p->dpb[i].flags;

		if (!(f & VDEC_H264_DPB_ACTIVE) ||
		    !!(f & VDEC_H264_DPB_LONG_TERM) != lt)
			continue;
		if (lt ? c->p->dpb[i].frame_num == num : pic_num(c, i) == num)
			return i;
	}
	return -1;
}

/* ref_pic_list_modification() of one list (7.3.3.1, 8.2.4.3) */
static int modify_list(struct h264_ctx *c, int l)
{
	struct h264_slice *s = &c->sl;
	s8 *list = s->list[l];
	int max = 1 << (c->p->sps.log2_max_frame_num_minus4 + 4);
	int cur = c->p->frame_num, pred = cur, idx = 0, n = s->num_ref[l];
	int k, j, m, pic;

	if (!vdec_bits_get1(&c->b))
		return 0;
	for (k = 0; k <= n; k++) {
		u32 idc = h264_ue(&c->b, &c->err);

		if (idc == 3)
			return 0;
		if (idc > 3 || idx >= n || c->err)
			return -1;
		if (idc < 2) {
			u32 abs = h264_ue(&c->b, &c->err) + 1;

			if (abs > (u32)max)
				return -1;
			pred = idc ? pred + abs : pred - abs;
			if (pred < 0)
				pred += max;
			else if (pred >= max)
				pred -= max;
			pic = find_ref(c, pred > cur ? pred - max : pred, false);
		} else {
			pic = find_ref(c, h264_ue(&c->b, &c->err), true);
		}
		if (pic < 0)
			c->missing_ref = true;
		for (j = n; j > idx; j--)
			list[j] = list[j - 1];
		list[idx++] = pic;
		if (pic < 0)
			continue;
		for (j = idx, m = idx; j <= n; j++)
			if (list[j] != pic)
				list[m++] = list[j];
	}
	return h264_ue(&c->b, &c->err) == 3 ? 0 : -1;
}

static int weight_entry(struct h264_ctx *c, s16 *w, s16 *o, int denom)
{
	s32 a = h264_se(&c->b, &c->err), b = h264_se(&c->b, &c->err);

	if (a < -128 || a > 127 || b < -128 || b > 127)
		return -1;
	*w = a;
	*o = b;
	(void)denom;
	return 0;
}

/* pred_weight_table() (7.3.3.2) */
static int pred_weight_table(struct h264_ctx *c)
{
	struct h264_weights *w = &c->sl.w;
	int l, i, j, lists = c->sl.type == H264_SLICE_B ? 2 : 1;

	w->luma_denom = h264_ue(&c->b, &c->err);
	w->chroma_denom = h264_ue(&c->b, &c->err);
	if (w->luma_denom > 7 || w->chroma_denom > 7)
		return -1;
	for (l = 0; l < lists; l++)
		for (i = 0; i < c->sl.num_ref[l]; i++) {
			w->lw[l][i] = 1 << w->luma_denom;
			w->lo[l][i] = 0;
			w->has_luma[l][i] = vdec_bits_get1(&c->b);
			if (w->has_luma[l][i] &&
			    weight_entry(c, &w->lw[l][i], &w->lo[l][i], 0))
				return -1;
			w->has_chroma[l][i] = vdec_bits_get1(&c->b);
			for (j = 0; j < 2; j++) {
				w->cw[l][i][j] = 1 << w->chroma_denom;
				w->co[l][i][j] = 0;
				if (w->has_chroma[l][i] &&
				    weight_entry(c, &w->cw[l][i][j],
						 &w->co[l][i][j], 0))
					return -1;
			}
		}
	return 0;
}

/* Implicit weights (8.4.2.3.1) of every pair of references */
static void implicit_weights(struct h264_ctx *c)
{
	struct h264_slice *s = &c->sl;
	s32 cur = min(c->p->top_field_order_cnt, c->p->bottom_field_order_cnt);
	int i, j;

	for (i = 0; i < s->num_ref[0]; i++)
		for (j = 0; j < s->num_ref[1]; j++) {
			int r0 = s->list[0][i], r1 = s->list[1][j], w = 32;

			if (r0 >= 0 && r1 >= 0 &&
			    !(c->p->dpb[r0].flags & VDEC_H264_DPB_LONG_TERM) &&
			    !(c->p->dpb[r1].flags & VDEC_H264_DPB_LONG_TERM)) {
				s32 p0 = dpb_poc(&c->p->dpb[r0]);
				int tb = h264_clip3(-128, 127, cur - p0);
				int td = h264_clip3(-128, 127,
						    dpb_poc(&c->p->dpb[r1]) - p0);

				if (td) {
					int tx = (16384 + abs(td / 2)) / td;
					int dsf = h264_clip3(-1024, 1023,
							     (tb * tx + 32) >> 6);

					if (dsf >> 2 >= -64 && dsf >> 2 <= 128)
						w = dsf >> 2;
				}
			}
			s->w.implicit[i][j] = w;
		}
}

/* dec_ref_pic_marking() (7.3.3.3): the caller marks; only skipped here */
static int skip_marking(struct h264_ctx *c, bool idr)
{
	int k;

	if (idr) {
		vdec_bits_get(&c->b, 2);
		return 0;
	}
	if (!vdec_bits_get1(&c->b))
		return 0;
	for (k = 0; k < 66; k++) {
		u32 op = h264_ue(&c->b, &c->err);

		if (!op || c->err)
			return c->err ? -1 : 0;
		if (op > 6)
			return -1;
		if (op == 1 || op == 3)
			h264_ue(&c->b, &c->err);
		if (op == 2)
			h264_ue(&c->b, &c->err);
		if (op == 3 || op == 6)
			h264_ue(&c->b, &c->err);
		if (op == 4)
			h264_ue(&c->b, &c->err);
	}
	return -1;
}

/* From slice_type to the reference index counts (7.3.3) */
static int ref_counts(struct h264_ctx *c)
{
	const struct vdec_h264_pps *pps = &c->p->pps;
	struct h264_slice *s = &c->sl;
	u32 n0 = pps->num_ref_idx_l0_default_active_minus1 + 1;
	u32 n1 = pps->num_ref_idx_l1_default_active_minus1 + 1;

	if (s->type == H264_SLICE_B)
		s->direct_spatial = vdec_bits_get1(&c->b);
	if (s->type == H264_SLICE_P || s->type == H264_SLICE_SP ||
	    s->type == H264_SLICE_B) {
		if (vdec_bits_get1(&c->b)) {
			n0 = h264_ue(&c->b, &c->err) + 1;
			if (s->type == H264_SLICE_B)
				n1 = h264_ue(&c->b, &c->err) + 1;
		}
	}
	if (s->type != H264_SLICE_B)
		n1 = 0;
	if (s->type == H264_SLICE_I || s->type == H264_SLICE_SI)
		n0 = 0;
	if (n0 > 32 || n1 > 32)
		return -1;
	s->num_ref[0] = n0;
	s->num_ref[1] = n1;
	return 0;
}

static int tail(struct h264_ctx *c)
{
	const struct vdec_h264_pps *pps = &c->p->pps;
	struct h264_slice *s = &c->sl;
	s32 v;

	s->cabac_init_idc = 0;
	if ((pps->flags & VDEC_H264_PPS_ENTROPY_CODING_MODE) &&
	    s->type != H264_SLICE_I && s->type != H264_SLICE_SI) {
		v = h264_ue(&c->b, &c->err);
		if (v > 2)
			return -1;
		s->cabac_init_idc = v;
	}
	v = 26 + pps->pic_init_qp_minus26 + h264_se(&c->b, &c->err);
	if (v < 0 || v > 51)
		return -1;
	s->qp = v;
	if (s->type == H264_SLICE_SP || s->type == H264_SLICE_SI)
		return -2;
	memset(&s->dbk, 0, sizeof(s->dbk));
	if (pps->flags & VDEC_H264_PPS_DEBLOCKING_CONTROL) {
		s->dbk.idc = h264_ue(&c->b, &c->err);
		if (s->dbk.idc > 2)
			return -1;
		if (s->dbk.idc != 1) {
			s32 a = h264_se(&c->b, &c->err) * 2;
			s32 b = h264_se(&c->b, &c->err) * 2;

			if (a < -12 || a > 12 || b < -12 || b > 12)
				return -1;
			s->dbk.alpha = a;
			s->dbk.beta = b;
		}
	}
	s->dbk.chroma_qp_off[0] = pps->chroma_qp_index_offset;
	s->dbk.chroma_qp_off[1] = pps->second_chroma_qp_index_offset;
	return c->err ? -1 : 0;
}

/**
 * h264_slice_header() - parse a slice header (7.3.3)
 * @c: decoder, c->b at the first bit after the NAL unit header
 * @nal_type: nal_unit_type (1 or 5)
 * @nal_ref_idc: nal_ref_idc
 *
 * Return: 0, -1 on a bitstream error, -2 for a slice the core does not
 * decode (field or SP/SI slices).
 */
int h264_slice_header(struct h264_ctx *c, u8 nal_type, u8 nal_ref_idc)
{
	const struct vdec_h264_sps *sps = &c->p->sps;
	const struct vdec_h264_pps *pps = &c->p->pps;
	struct h264_slice *s = &c->sl;
	u32 v;
	int l;

	memset(s, 0, sizeof(*s));
	s->nal_ref_idc = nal_ref_idc;
	s->first_mb = h264_ue(&c->b, &c->err);
	v = h264_ue(&c->b, &c->err);
	if (v > 9 || s->first_mb >= (u32)(c->mbw * c->mbh))
		return -1;
	s->type = v % 5;
	if (nal_type == 5 && s->type != H264_SLICE_I && s->type != H264_SLICE_SI)
		return -1;
	h264_ue(&c->b, &c->err);	/* pic_parameter_set_id */
	vdec_bits_get(&c->b, sps->log2_max_frame_num_minus4 + 4);
	if (!(sps->flags & VDEC_H264_SPS_FRAME_MBS_ONLY) && vdec_bits_get1(&c->b))
		return -2;		/* field_pic_flag */
	if (nal_type == 5)
		h264_ue(&c->b, &c->err);
	if (sps->pic_order_cnt_type == 0) {
		vdec_bits_get(&c->b, sps->log2_max_pic_order_cnt_lsb_minus4 + 4);
		if (pps->flags & VDEC_H264_PPS_BOTTOM_FIELD_POC_PRESENT)
			h264_se(&c->b, &c->err);
	} else if (sps->pic_order_cnt_type == 1 &&
		   !(sps->flags & VDEC_H264_SPS_DELTA_POC_ALWAYS_ZERO)) {
		h264_se(&c->b, &c->err);
		if (pps->flags & VDEC_H264_PPS_BOTTOM_FIELD_POC_PRESENT)
			h264_se(&c->b, &c->err);
	}
	if (pps->flags & VDEC_H264_PPS_REDUNDANT_PIC_CNT_PRESENT &&
	    h264_ue(&c->b, &c->err))
		return -2;		/* a redundant picture: not decoded */
	if (ref_counts(c))
		return -1;
	init_lists(c);
	if (s->type != H264_SLICE_I && s->type != H264_SLICE_SI)
		for (l = 0; l < 1 + (s->type == H264_SLICE_B); l++)
			if (modify_list(c, l))
				return -1;
	if (((pps->flags & VDEC_H264_PPS_WEIGHTED_PRED) &&
	     (s->type == H264_SLICE_P || s->type == H264_SLICE_SP)) ||
	    (pps->weighted_bipred_idc == 1 && s->type == H264_SLICE_B)) {
		s->w.mode = 1;
		if (pred_weight_table(c))
			return -1;
	} else if (pps->weighted_bipred_idc == 2 && s->type == H264_SLICE_B) {
		s->w.mode = 2;
		implicit_weights(c);
	}
	if (nal_ref_idc && skip_marking(c, nal_type == 5))
		return -1;
	return tail(c);
}
