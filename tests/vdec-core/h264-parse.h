/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Test-side H.264 Annex B parser and DPB: what a stateless decoder's
 * user (GStreamer, FFmpeg's v4l2-request) and the driver do before they
 * call the core. Splits NAL units, parses SPS, PPS (scaling lists with
 * their fall-back rules) and slice headers, computes the picture order
 * count (types 0, 1, 2), keeps the DPB (sliding window and MMCO marking),
 * builds the initial reference lists the way the kernel's v4l2-h264
 * builder does, calls vdec_h264_decode() per picture and hands the
 * pictures out in output (POC) order. Header-only, host-only.
 */
#ifndef _H264_PARSE_H
#define _H264_PARSE_H

#include "vdec-core.h"

struct hp_rd {
	const u8 *p;
	u32 len;
	u64 pos;
	bool err;
};

static inline u32 hp_bit(struct hp_rd *r)
{
	u32 v;

	if (r->pos >= (u64)r->len * 8) {
		r->err = true;
		return 0;
	}
	v = (r->p[r->pos >> 3] >> (7 - (r->pos & 7))) & 1;
	r->pos++;
	return v;
}

static inline u32 hp_u(struct hp_rd *r, int n)
{
	u32 v = 0;

	while (n--)
		v = v << 1 | hp_bit(r);
	return v;
}

static inline u32 hp_ue(struct hp_rd *r)
{
	int lz = 0;

	while (!hp_bit(r) && !r->err && lz < 32)
		lz++;
	if (lz >= 32) {
		r->err = true;
		return 0;
	}
	return ((1u << lz) - 1) + hp_u(r, lz);
}

static inline s32 hp_se(struct hp_rd *r)
{
	u32 v = hp_ue(r);

	return v & 1 ? (s32)((v + 1) / 2) : -(s32)(v / 2);
}

static inline bool hp_more(struct hp_rd *r)
{
	u32 n = r->len;

	while (n && !r->p[n - 1])
		n--;
	if (!n)
		return false;
	return r->pos < (u64)n * 8 - 1 - __builtin_ctz(r->p[n - 1]);
}

static const u8 hp_zz4[16] = { 0, 1, 4, 8, 5, 2, 3, 6, 9, 12, 13, 10, 7, 11, 14, 15 };
static const u8 hp_zz8[64] = {
	0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5,
	12, 19, 26, 33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28,
	35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51,
	58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
};

/* Tables 7-3, 7-4: default scaling lists, zig-zag order */
static const u8 hp_def4[2][16] = {
	{ 6, 13, 13, 20, 20, 20, 28, 28, 28, 28, 32, 32, 32, 37, 37, 42 },
	{ 10, 14, 14, 20, 20, 20, 24, 24, 24, 24, 27, 27, 27, 30, 30, 34 },
};

static const u8 hp_def8[2][64] = {
	{ 6, 10, 10, 13, 11, 13, 16, 16, 16, 16, 18, 18, 18, 18, 18, 23,
	  23, 23, 23, 23, 23, 25, 25, 25, 25, 25, 25, 25, 27, 27, 27, 27,
	  27, 27, 27, 27, 29, 29, 29, 29, 29, 29, 29, 31, 31, 31, 31, 31,
	  31, 33, 33, 33, 33, 33, 36, 36, 36, 36, 38, 38, 38, 40, 40, 42 },
	{ 9, 13, 13, 15, 13, 15, 17, 17, 17, 17, 19, 19, 19, 19, 19, 21,
	  21, 21, 21, 21, 21, 22, 22, 22, 22, 22, 22, 22, 24, 24, 24, 24,
	  24, 24, 24, 24, 25, 25, 25, 25, 25, 25, 25, 27, 27, 27, 27, 27,
	  27, 28, 28, 28, 28, 28, 30, 30, 30, 30, 32, 32, 32, 33, 33, 35 },
};

/* Scaling lists in raster order: 0-5 4x4, 6-7 8x8 (intra, inter Y) */
struct hp_sl {
	u8 l4[6][16];
	u8 l8[2][64];
};

struct hp_sps {
	bool valid;
	struct vdec_h264_sps s;
	bool matrix;
	struct hp_sl sl;
	s32 offset_for_non_ref_pic;
	s32 offset_for_top_to_bottom_field;
	u32 num_ref_frames_in_poc_cycle;
	s32 offset_for_ref_frame[256];
	u32 crop[4];		/* left, right, top, bottom in samples */
};

struct hp_pps {
	bool valid;
	u8 sps_id;
	struct vdec_h264_pps p;
	bool matrix;
	bool list_present[8];
	struct hp_sl sl;
};

/* scaling_list(): false when useDefaultScalingMatrixFlag */
static inline bool hp_scaling_list(struct hp_rd *r, u8 *raster, int n)
{
	int last = 8, next = 8, j;

	for (j = 0; j < n; j++) {
		if (next) {
			next = (last + hp_se(r) + 256) % 256;
			if (!j && !next)
				return false;
		}
		raster[n == 16 ? hp_zz4[j] : hp_zz8[j]] = next ? next : last;
		last = raster[n == 16 ? hp_zz4[j] : hp_zz8[j]];
	}
	return true;
}

static inline void hp_default(u8 *raster, int i)
{
	int j;

	for (j = 0; j < (i < 6 ? 16 : 64); j++) {
		if (i < 6)
			raster[hp_zz4[j]] = hp_def4[i >= 3][j];
		else
			raster[hp_zz8[j]] = hp_def8[i - 6][j];
	}
}

/*
 * Parse the lists of an SPS or PPS; fall-back rule A (@seq NULL) or B
 * (@seq the SPS lists).
 */
static inline void hp_matrix(struct hp_rd *r, struct hp_sl *sl, int n,
			     const struct hp_sl *seq)
{
	int i;

	for (i = 0; i < 8; i++) {
		u8 *dst = i < 6 ? sl->l4[i] : sl->l8[i - 6];
		bool present = i < n && hp_u(r, 1);

		if (present) {
			if (!hp_scaling_list(r, dst, i < 6 ? 16 : 64))
				hp_default(dst, i);
		} else if (i == 0 || i == 3 || i >= 6) {
			if (seq)
				memcpy(dst, i < 6 ? seq->l4[i] : seq->l8[i - 6],
				       i < 6 ? 16 : 64);
			else
				hp_default(dst, i);
		} else {
			memcpy(dst, sl->l4[i - 1], 16);
		}
	}
}

static inline void hp_flat(struct hp_sl *sl)
{
	memset(sl, 16, sizeof(*sl));
}

static inline bool hp_parse_sps(struct hp_rd *r, struct hp_sps *tab)
{
	struct hp_sps t;
	u32 id, i, cw, ch;

	memset(&t, 0, sizeof(t));
	t.s.profile_idc = hp_u(r, 8);
	hp_u(r, 16);
	id = hp_ue(r);
	if (id > 31)
		return false;
	t.s.chroma_format_idc = 1;
	hp_flat(&t.sl);
	switch (t.s.profile_idc) {
	case 100: case 110: case 122: case 244: case 44: case 83: case 86:
	case 118: case 128: case 138: case 139: case 134: case 135:
		t.s.chroma_format_idc = hp_ue(r);
		if (t.s.chroma_format_idc == 3 && hp_u(r, 1))
			t.s.flags |= VDEC_H264_SPS_SEPARATE_COLOUR_PLANE;
		t.s.bit_depth_luma_minus8 = hp_ue(r);
		t.s.bit_depth_chroma_minus8 = hp_ue(r);
		if (hp_u(r, 1))
			t.s.flags |= VDEC_H264_SPS_QPPRIME_Y_ZERO_BYPASS;
		t.matrix = hp_u(r, 1);
		if (t.matrix)
			hp_matrix(r, &t.sl, t.s.chroma_format_idc == 3 ? 12 : 8,
				  NULL);
		break;
	}
	t.s.log2_max_frame_num_minus4 = hp_ue(r);
	t.s.pic_order_cnt_type = hp_ue(r);
	if (t.s.pic_order_cnt_type == 0) {
		t.s.log2_max_pic_order_cnt_lsb_minus4 = hp_ue(r);
	} else if (t.s.pic_order_cnt_type == 1) {
		if (hp_u(r, 1))
			t.s.flags |= VDEC_H264_SPS_DELTA_POC_ALWAYS_ZERO;
		t.offset_for_non_ref_pic = hp_se(r);
		t.offset_for_top_to_bottom_field = hp_se(r);
		t.num_ref_frames_in_poc_cycle = hp_ue(r);
		if (t.num_ref_frames_in_poc_cycle > 255)
			return false;
		for (i = 0; i < t.num_ref_frames_in_poc_cycle; i++)
			t.offset_for_ref_frame[i] = hp_se(r);
	}
	t.s.max_num_ref_frames = hp_ue(r);
	if (hp_u(r, 1))
		t.s.flags |= VDEC_H264_SPS_GAPS_IN_FRAME_NUM;
	t.s.pic_width_in_mbs_minus1 = hp_ue(r);
	t.s.pic_height_in_map_units_minus1 = hp_ue(r);
	if (hp_u(r, 1))
		t.s.flags |= VDEC_H264_SPS_FRAME_MBS_ONLY;
	else if (hp_u(r, 1))
		t.s.flags |= VDEC_H264_SPS_MB_ADAPTIVE_FRAME_FIELD;
	if (hp_u(r, 1))
		t.s.flags |= VDEC_H264_SPS_DIRECT_8X8_INFERENCE;
	cw = t.s.chroma_format_idc == 3 ? 1 : 2;
	ch = (t.s.chroma_format_idc == 1 ? 2 : 1) *
		(t.s.flags & VDEC_H264_SPS_FRAME_MBS_ONLY ? 1 : 2);
	if (hp_u(r, 1)) {
		t.crop[0] = hp_ue(r) * cw;
		t.crop[1] = hp_ue(r) * cw;
		t.crop[2] = hp_ue(r) * ch;
		t.crop[3] = hp_ue(r) * ch;
	}
	if (r->err)
		return false;
	t.valid = true;
	tab[id] = t;
	return true;
}

static inline bool hp_parse_pps(struct hp_rd *r, struct hp_pps *tab,
				const struct hp_sps *sps)
{
	struct hp_pps t;
	u32 id;

	memset(&t, 0, sizeof(t));
	id = hp_ue(r);
	t.sps_id = hp_ue(r);
	if (id > 255 || t.sps_id > 31 || !sps[t.sps_id].valid)
		return false;
	t.p.pic_parameter_set_id = id;
	if (hp_u(r, 1))
		t.p.flags |= VDEC_H264_PPS_ENTROPY_CODING_MODE;
	if (hp_u(r, 1))
		t.p.flags |= VDEC_H264_PPS_BOTTOM_FIELD_POC_PRESENT;
	t.p.num_slice_groups_minus1 = hp_ue(r);
	if (t.p.num_slice_groups_minus1)
		return false;
	t.p.num_ref_idx_l0_default_active_minus1 = hp_ue(r);
	t.p.num_ref_idx_l1_default_active_minus1 = hp_ue(r);
	if (hp_u(r, 1))
		t.p.flags |= VDEC_H264_PPS_WEIGHTED_PRED;
	t.p.weighted_bipred_idc = hp_u(r, 2);
	t.p.pic_init_qp_minus26 = hp_se(r);
	t.p.pic_init_qs_minus26 = hp_se(r);
	t.p.chroma_qp_index_offset = hp_se(r);
	if (hp_u(r, 1))
		t.p.flags |= VDEC_H264_PPS_DEBLOCKING_CONTROL;
	if (hp_u(r, 1))
		t.p.flags |= VDEC_H264_PPS_CONSTRAINED_INTRA_PRED;
	if (hp_u(r, 1))
		t.p.flags |= VDEC_H264_PPS_REDUNDANT_PIC_CNT_PRESENT;
	t.p.second_chroma_qp_index_offset = t.p.chroma_qp_index_offset;
	t.sl = sps[t.sps_id].sl;
	t.matrix = sps[t.sps_id].matrix;
	if (hp_more(r)) {
		bool t8 = hp_u(r, 1);

		if (t8)
			t.p.flags |= VDEC_H264_PPS_TRANSFORM_8X8_MODE;
		if (hp_u(r, 1)) {
			struct hp_sl seq = sps[t.sps_id].sl;

			hp_matrix(r, &t.sl, 6 + (t8 ? 2 : 0),
				  sps[t.sps_id].matrix ? &seq : NULL);
			t.matrix = true;
		}
		t.p.second_chroma_qp_index_offset = hp_se(r);
	}
	if (r->err)
		return false;
	t.valid = true;
	tab[id] = t;
	return true;
}

/* What the DPB marking needs of a slice header (the first of a picture) */
struct hp_slice {
	u32 nal_type, nal_ref_idc;
	u32 first_mb, slice_type, pps_id, frame_num, idr_pic_id;
	u32 poc_lsb;
	s32 delta_poc_bottom, delta_poc[2];
	bool long_term_reference, adaptive;
	u32 nmmco;
	u32 mmco[66][3];	/* op, arg1, arg2 */
};

static inline bool hp_parse_slice(struct hp_rd *r, const struct hp_sps *sps,
				  const struct hp_pps *pps, struct hp_slice *sh)
{
	const struct hp_sps *s;
	const struct hp_pps *p;
	u32 type, nref[2], l, i, j, lists;

	sh->first_mb = hp_ue(r);
	sh->slice_type = hp_ue(r) % 5;
	sh->pps_id = hp_ue(r);
	if (sh->pps_id > 255 || !pps[sh->pps_id].valid)
		return false;
	p = &pps[sh->pps_id];
	s = &sps[p->sps_id];
	type = sh->slice_type;
	sh->frame_num = hp_u(r, s->s.log2_max_frame_num_minus4 + 4);
	if (!(s->s.flags & VDEC_H264_SPS_FRAME_MBS_ONLY) && hp_u(r, 1))
		return false;	/* field pictures: not handled here */
	if (sh->nal_type == 5)
		sh->idr_pic_id = hp_ue(r);
	sh->delta_poc_bottom = 0;
	sh->delta_poc[0] = 0;
	sh->delta_poc[1] = 0;
	if (s->s.pic_order_cnt_type == 0) {
		sh->poc_lsb = hp_u(r, s->s.log2_max_pic_order_cnt_lsb_minus4 + 4);
		if (p->p.flags & VDEC_H264_PPS_BOTTOM_FIELD_POC_PRESENT)
			sh->delta_poc_bottom = hp_se(r);
	} else if (s->s.pic_order_cnt_type == 1 &&
		   !(s->s.flags & VDEC_H264_SPS_DELTA_POC_ALWAYS_ZERO)) {
		sh->delta_poc[0] = hp_se(r);
		if (p->p.flags & VDEC_H264_PPS_BOTTOM_FIELD_POC_PRESENT)
			sh->delta_poc[1] = hp_se(r);
	}
	if (p->p.flags & VDEC_H264_PPS_REDUNDANT_PIC_CNT_PRESENT)
		hp_ue(r);
	if (type == 1)
		hp_u(r, 1);
	nref[0] = p->p.num_ref_idx_l0_default_active_minus1 + 1;
	nref[1] = p->p.num_ref_idx_l1_default_active_minus1 + 1;
	if (type == 0 || type == 1 || type == 3) {
		if (hp_u(r, 1)) {
			nref[0] = hp_ue(r) + 1;
			if (type == 1)
				nref[1] = hp_ue(r) + 1;
		}
	}
	lists = type == 1 ? 2 : type == 2 || type == 4 ? 0 : 1;
	for (l = 0; l < lists; l++)
		if (hp_u(r, 1))
			for (i = 0; i < 100; i++) {
				u32 idc = hp_ue(r);

				if (idc == 3 || idc > 3 || r->err)
					break;
				hp_ue(r);
			}
	if (((p->p.flags & VDEC_H264_PPS_WEIGHTED_PRED) && (type == 0 || type == 3)) ||
	    (p->p.weighted_bipred_idc == 1 && type == 1)) {
		hp_ue(r);
		hp_ue(r);
		for (l = 0; l < lists; l++)
			for (i = 0; i < nref[l] && i < 32; i++) {
				if (hp_u(r, 1)) {
					hp_se(r);
					hp_se(r);
				}
				if (hp_u(r, 1))
					for (j = 0; j < 4; j++)
						hp_se(r);
			}
	}
	sh->nmmco = 0;
	sh->adaptive = false;
	sh->long_term_reference = false;
	if (sh->nal_ref_idc) {
		if (sh->nal_type == 5) {
			hp_u(r, 1);
			sh->long_term_reference = hp_u(r, 1);
		} else {
			sh->adaptive = hp_u(r, 1);
		}
		if (sh->adaptive) {
			while (sh->nmmco < 66 && !r->err) {
				u32 *m = sh->mmco[sh->nmmco];

				m[0] = hp_ue(r);
				if (!m[0])
					break;
				if (m[0] == 1 || m[0] == 3 || m[0] == 2 || m[0] == 4)
					m[1] = hp_ue(r);
				if (m[0] == 3)
					m[2] = hp_ue(r);
				if (m[0] == 6)
					m[1] = hp_ue(r);
				sh->nmmco++;
			}
		}
	}
	return !r->err;
}

/* A decoded frame of the host DPB */
struct hp_frame {
	struct vdec_pic pic;
	void *mv;
	int ref;		/* 0 unused, 1 short-term, 2 long-term */
	u32 frame_num;
	u32 lt_idx;
	s32 top, bottom;
	bool output_needed;
	bool in_use;
};

#define HP_FRAMES	40

/**
 * struct h264_host - the host decoder driving the core
 * @out: called with each frame in output order, cropped size @w x @h at
 *	(@cx, @cy) of the picture; nonzero stops
 * @priv: for @out
 * @errors: decode calls that did not return VDEC_OK
 * @first_error: status of the first of them
 * @pictures: pictures decoded
 */
struct h264_host {
	struct hp_sps sps[32];
	struct hp_pps pps[256];
	struct hp_frame frames[HP_FRAMES];
	int (*out)(void *priv, const struct vdec_pic *pic, u32 cx, u32 cy,
		   u32 w, u32 h);
	void *priv;
	u32 errors;
	int first_error;
	u32 pictures;
	/* POC state */
	s32 prev_poc_msb, prev_poc_lsb;
	u32 prev_frame_num, prev_frame_num_offset;
	bool prev_mmco5;	/* the previous picture had MMCO 5 */
	bool prev_ref_mmco5;	/* the previous reference picture had it */
	s32 prev_top_after_mmco5;
	int max_lt_idx;		/* -1: no long-term frame indexes */
	/* slots of the DPB passed to the core: frame index or -1 */
	int slot[VDEC_H264_DPB_SIZE];
	u32 w, h;
	bool stop;
};

static inline void hp_frame_free(struct hp_frame *f)
{
	free(f->pic.luma);
	free(f->pic.chroma);
	free(f->mv);
	memset(f, 0, sizeof(*f));
}

static inline void hp_release(struct h264_host *h, struct hp_frame *f)
{
	int i;

	if (f->ref)
		return;
	for (i = 0; i < VDEC_H264_DPB_SIZE; i++)
		if (h->slot[i] == f - h->frames)
			h->slot[i] = -1;
	if (!f->output_needed)
		hp_frame_free(f);
}

/* Output the pending frames in POC order: all, or only the first */
static inline void hp_output(struct h264_host *h, bool one)
{
	for (;;) {
		struct hp_frame *best = NULL;
		const struct hp_sps *s = NULL;
		int i;

		for (i = 0; i < HP_FRAMES; i++) {
			struct hp_frame *f = &h->frames[i];

			if (f->in_use && f->output_needed &&
			    (!best || min(f->top, f->bottom) < min(best->top, best->bottom)))
				best = f;
		}
		if (!best)
			return;
		for (i = 0; i < 32; i++)
			if (h->sps[i].valid)
				s = &h->sps[i];
		best->output_needed = false;
		if (!h->stop && h->out &&
		    h->out(h->priv, &best->pic, s ? s->crop[0] : 0,
			   s ? s->crop[2] : 0, h->w, h->h))
			h->stop = true;
		hp_release(h, best);
		if (one)
			return;
	}
}

static inline void hp_flush(struct h264_host *h)
{
	hp_output(h, false);
}

/* 8.2.1.2, 8.2.1.3: POC types 1 and 2 (frames) */
static inline s32 hp_poc12(struct h264_host *h, const struct hp_sps *s,
			   const struct hp_slice *sh, s32 *bottom)
{
	u32 max_fn = 1u << (s->s.log2_max_frame_num_minus4 + 4);
	u32 offset, prev_off = h->prev_mmco5 ? 0 : h->prev_frame_num_offset;
	u32 prev_fn = h->prev_mmco5 ? 0 : h->prev_frame_num;
	bool idr = sh->nal_type == 5;
	s32 top;

	if (idr)
		offset = 0;
	else if (prev_fn > sh->frame_num)
		offset = prev_off + max_fn;
	else
		offset = prev_off;
	h->prev_frame_num_offset = offset;
	if (s->s.pic_order_cnt_type == 2) {
		top = idr ? 0 : 2 * (offset + sh->frame_num) - !sh->nal_ref_idc;
		*bottom = top;
	} else {
		u32 n = s->num_ref_frames_in_poc_cycle, abs, i;
		s32 exp = 0, delta = 0;

		abs = n ? offset + sh->frame_num : 0;
		if (!sh->nal_ref_idc && abs)
			abs--;
		for (i = 0; i < n; i++)
			delta += s->offset_for_ref_frame[i];
		if (abs) {
			u32 cyc = (abs - 1) / n, in = (abs - 1) % n;

			exp = cyc * delta;
			for (i = 0; i <= in; i++)
				exp += s->offset_for_ref_frame[i];
		}
		if (!sh->nal_ref_idc)
			exp += s->offset_for_non_ref_pic;
		top = exp + sh->delta_poc[0];
		*bottom = top + s->offset_for_top_to_bottom_field +
			sh->delta_poc[1];
	}
	return top;
}

static inline s32 hp_poc(struct h264_host *h, const struct hp_sps *s,
			 const struct hp_slice *sh, s32 *bottom)
{
	bool idr = sh->nal_type == 5;
	s32 top;

	if (s->s.pic_order_cnt_type == 0) {
		s32 max_lsb = 1 << (s->s.log2_max_pic_order_cnt_lsb_minus4 + 4);
		s32 msb, plsb = h->prev_poc_lsb, pmsb = h->prev_poc_msb;
		s32 lsb = sh->poc_lsb;

		if (idr) {
			plsb = 0;
			pmsb = 0;
		} else if (h->prev_ref_mmco5) {
			pmsb = 0;
			plsb = h->prev_top_after_mmco5;
		}
		if (lsb < plsb && plsb - lsb >= max_lsb / 2)
			msb = pmsb + max_lsb;
		else if (lsb > plsb && lsb - plsb > max_lsb / 2)
			msb = pmsb - max_lsb;
		else
			msb = pmsb;
		top = msb + lsb;
		*bottom = top + sh->delta_poc_bottom;
		if (sh->nal_ref_idc) {
			h->prev_poc_msb = msb;
			h->prev_poc_lsb = lsb;
		}
		return top;
	}
	return hp_poc12(h, s, sh, bottom);
}

static inline int hp_picnum(const struct hp_frame *f, u32 cur, u32 max_fn)
{
	return f->frame_num > cur ? (int)f->frame_num - (int)max_fn : (int)f->frame_num;
}

/* 8.2.5: mark the current picture and the DPB after its decode */
static inline void hp_mark(struct h264_host *h, struct hp_frame *cur,
			   const struct hp_sps *s, const struct hp_slice *sh)
{
	u32 max_fn = 1u << (s->s.log2_max_frame_num_minus4 + 4), i, k;
	bool mmco5 = false, cur_lt = false;

	h->prev_mmco5 = false;
	if (sh->nal_type == 5) {
		h->prev_ref_mmco5 = false;
		for (i = 0; i < HP_FRAMES; i++)
			if (&h->frames[i] != cur && h->frames[i].ref) {
				h->frames[i].ref = 0;
				hp_release(h, &h->frames[i]);
			}
		if (sh->long_term_reference) {
			cur->ref = 2;
			cur->lt_idx = 0;
			h->max_lt_idx = 0;
		} else {
			cur->ref = 1;
			h->max_lt_idx = -1;
		}
		return;
	}
	if (!sh->nal_ref_idc)
		return;
	if (sh->adaptive) {
		for (k = 0; k < sh->nmmco; k++) {
			const u32 *m = sh->mmco[k];
			int pn = (int)sh->frame_num - (int)(m[1] + 1);

			for (i = 0; i < HP_FRAMES; i++) {
				struct hp_frame *f = &h->frames[i];

				if (f == cur || !f->ref)
					continue;
				if ((m[0] == 1 && f->ref == 1 &&
				     hp_picnum(f, sh->frame_num, max_fn) == pn) ||
				    (m[0] == 2 && f->ref == 2 && f->lt_idx == m[1]) ||
				    (m[0] == 4 && f->ref == 2 && (int)f->lt_idx >= (int)m[1]) ||
				    m[0] == 5 ||
				    ((m[0] == 3 && f->ref == 2 && f->lt_idx == m[2] &&
				      !(hp_picnum(f, sh->frame_num, max_fn) == pn))) ||
				    (m[0] == 6 && f->ref == 2 && f->lt_idx == m[1])) {
					f->ref = 0;
					hp_release(h, f);
				}
			}
			if (m[0] == 3)
				for (i = 0; i < HP_FRAMES; i++) {
					struct hp_frame *f = &h->frames[i];

					if (f != cur && f->ref == 1 &&
					    hp_picnum(f, sh->frame_num, max_fn) == pn) {
						f->ref = 2;
						f->lt_idx = m[2];
					}
				}
			if (m[0] == 4)
				h->max_lt_idx = (int)m[1] - 1;
			if (m[0] == 5) {
				mmco5 = true;
				h->max_lt_idx = -1;
			}
			if (m[0] == 6) {
				cur_lt = true;
				cur->lt_idx = m[1];
			}
		}
	} else {
		u32 n = 0;
		struct hp_frame *old = NULL;

		for (i = 0; i < HP_FRAMES; i++) {
			struct hp_frame *f = &h->frames[i];

			if (f == cur || !f->ref)
				continue;
			n++;
			if (f->ref == 1 && (!old ||
					    hp_picnum(f, sh->frame_num, max_fn) <
					    hp_picnum(old, sh->frame_num, max_fn)))
				old = f;
		}
		if (n >= max(s->s.max_num_ref_frames, 1) && old) {
			old->ref = 0;
			hp_release(h, old);
		}
	}
	cur->ref = cur_lt ? 2 : 1;
	if (mmco5) {
		s32 t = min(cur->top, cur->bottom);

		cur->output_needed = false;
		hp_flush(h);
		cur->output_needed = true;
		cur->top -= t;
		cur->bottom -= t;
		cur->frame_num = 0;
		h->prev_top_after_mmco5 = cur->top;
	}
	h->prev_mmco5 = mmco5;
	h->prev_ref_mmco5 = mmco5;
}

/* The kernel's v4l2-h264 ordering: see the header comment at the top */
struct hp_ref {
	int slot;
	bool lt;
	int fn;
	s32 poc;
};

static inline int hp_cmp_p(const struct hp_ref *a, const struct hp_ref *b)
{
	if (a->lt != b->lt)
		return a->lt ? 1 : -1;
	return a->lt ? a->fn - b->fn : b->fn - a->fn;
}

static inline int hp_cmp_b(const struct hp_ref *a, const struct hp_ref *b,
			   s32 cur, bool l1)
{
	if (a->lt != b->lt)
		return a->lt ? 1 : -1;
	if (a->lt)
		return a->fn - b->fn;
	bool a_before = a->poc < cur, b_before = b->poc < cur;

	if (a_before != b_before)
		return l1 ? (b->poc < a->poc ? -1 : 1) : (a->poc < b->poc ? -1 : 1);
	if (a->poc < cur)
		return b->poc < a->poc ? -1 : 1;
	return a->poc < b->poc ? -1 : 1;
}

static inline void hp_sort(struct hp_ref *r, int n, int kind, s32 cur)
{
	int i, j;

	for (i = 1; i < n; i++)
		for (j = i; j > 0; j--) {
			int c = kind == 0 ? hp_cmp_p(&r[j - 1], &r[j]) :
				hp_cmp_b(&r[j - 1], &r[j], cur, kind == 2);

			if (c <= 0)
				break;
			struct hp_ref t = r[j];

			r[j] = r[j - 1];
			r[j - 1] = t;
		}
}

static inline void hp_build_lists(struct h264_host *h,
				  struct vdec_h264_params *p, u32 max_fn)
{
	struct hp_ref r[VDEC_H264_DPB_SIZE], t[VDEC_H264_DPB_SIZE];
	s32 cur = min(p->top_field_order_cnt, p->bottom_field_order_cnt);
	int n = 0, i;

	for (i = 0; i < VDEC_H264_DPB_SIZE; i++) {
		const struct vdec_h264_dpb_entry *e = &p->dpb[i];

		if (!(e->flags & VDEC_H264_DPB_ACTIVE))
			continue;
		r[n].slot = i;
		r[n].lt = e->flags & VDEC_H264_DPB_LONG_TERM;
		r[n].fn = !r[n].lt && e->frame_num > p->frame_num ?
			(int)e->frame_num - (int)max_fn : e->frame_num;
		r[n].poc = min(e->top_field_order_cnt, e->bottom_field_order_cnt);
		n++;
	}
	p->num_refs = n;
	memcpy(t, r, sizeof(r));
	hp_sort(t, n, 0, cur);
	for (i = 0; i < n; i++)
		p->ref_list_p[i] = t[i].slot;
	memcpy(t, r, sizeof(r));
	hp_sort(t, n, 1, cur);
	for (i = 0; i < n; i++)
		p->ref_list_b0[i] = t[i].slot;
	memcpy(t, r, sizeof(r));
	hp_sort(t, n, 2, cur);
	for (i = 0; i < n; i++)
		p->ref_list_b1[i] = t[i].slot;
	if (n > 1 && !memcmp(p->ref_list_b0, p->ref_list_b1, n)) {
		p->ref_list_b1[0] = p->ref_list_b0[1];
		p->ref_list_b1[1] = p->ref_list_b0[0];
	}
}

static inline struct hp_frame *hp_new_frame(struct h264_host *h, u32 mbw,
					    u32 mbh)
{
	int i;

	for (i = 0; i < HP_FRAMES; i++) {
		struct hp_frame *f = &h->frames[i];

		if (f->in_use)
			continue;
		f->in_use = true;
		f->pic.width = mbw * 16;
		f->pic.height = mbh * 16;
		f->pic.stride = mbw * 16;
		f->pic.luma = calloc(1, mbw * 16 * mbh * 16);
		f->pic.chroma = calloc(1, mbw * 16 * mbh * 8);
		f->mv = calloc(1, vdec_h264_mv_size(mbw * 16, mbh * 16));
		return f;
	}
	return NULL;
}

/* Decode one picture: the slice NAL units at @b (@len bytes) */
static inline void hp_picture(struct h264_host *h, const struct hp_slice *sh,
			      const u8 *b, u32 len)
{
	const struct hp_pps *pps = &h->pps[sh->pps_id];
	const struct hp_sps *s = &h->sps[pps->sps_id];
	u32 mbw = s->s.pic_width_in_mbs_minus1 + 1;
	u32 mbh = s->s.pic_height_in_map_units_minus1 + 1;
	u32 max_fn = 1u << (s->s.log2_max_frame_num_minus4 + 4);
	struct vdec_h264_params *p = calloc(1, sizeof(*p));
	struct vdec_h264_ref refs[VDEC_H264_DPB_SIZE];
	struct hp_frame *cur;
	enum vdec_status st;
	u32 n, i, k;

	h->w = mbw * 16 - s->crop[0] - s->crop[1];
	h->h = mbh * 16 - s->crop[2] - s->crop[3];
	if (sh->nal_type == 5)
		hp_flush(h);
	/* frames wait for the output until there are too many */
	cur = hp_new_frame(h, mbw, mbh);
	while (!cur) {
		hp_output(h, true);
		cur = hp_new_frame(h, mbw, mbh);
	}
	p->sps = s->s;
	p->pps = pps->p;
	if (pps->matrix)
		p->pps.flags |= VDEC_H264_PPS_SCALING_MATRIX_PRESENT;
	memcpy(p->scaling_4x4, pps->sl.l4, sizeof(pps->sl.l4));
	memcpy(p->scaling_8x8[0], pps->sl.l8[0], 64);
	memcpy(p->scaling_8x8[1], pps->sl.l8[1], 64);
	p->nal_ref_idc = sh->nal_ref_idc;
	p->frame_num = sh->frame_num;
	p->top_field_order_cnt = hp_poc(h, s, sh, &p->bottom_field_order_cnt);
	p->flags = sh->nal_type == 5 ? VDEC_H264_DEC_IDR_PIC : 0;
	p->annexb = true;
	memset(refs, 0, sizeof(refs));
	for (i = 0; i < VDEC_H264_DPB_SIZE; i++) {
		struct hp_frame *f;

		if (h->slot[i] < 0)
			continue;
		f = &h->frames[h->slot[i]];
		if (!f->ref)
			continue;
		p->dpb[i].frame_num = f->ref == 2 ? f->lt_idx : f->frame_num;
		p->dpb[i].top_field_order_cnt = f->top;
		p->dpb[i].bottom_field_order_cnt = f->bottom;
		p->dpb[i].flags = VDEC_H264_DPB_VALID | VDEC_H264_DPB_ACTIVE |
			(f->ref == 2 ? VDEC_H264_DPB_LONG_TERM : 0);
		refs[i].pic = &f->pic;
		refs[i].mv = f->mv;
	}
	hp_build_lists(h, p, max_fn);
	st = vdec_h264_decode(p, b, len, refs, &cur->pic, cur->mv, &n);
	if (st != VDEC_OK) {
		if (!h->errors)
			h->first_error = st;
		h->errors++;
	}
	h->pictures++;
	cur->frame_num = sh->frame_num;
	cur->top = p->top_field_order_cnt;
	cur->bottom = p->bottom_field_order_cnt;
	cur->output_needed = true;
	h->prev_frame_num = sh->frame_num;
	hp_mark(h, cur, s, sh);
	if (cur->ref) {
		for (k = 0; k < VDEC_H264_DPB_SIZE && h->slot[k] >= 0; k++)
			;
		if (k < VDEC_H264_DPB_SIZE)
			h->slot[k] = cur - h->frames;
	}
	free(p);
}

/* Next start code at or after @i (the index of its 00 00 01), or @len */
static inline u32 hp_next_sc(const u8 *b, u32 len, u32 i)
{
	for (; i + 3 <= len; i++)
		if (!b[i] && !b[i + 1] && b[i + 2] == 1)
			return i;
	return len;
}

static inline u32 hp_unescape(u8 *dst, const u8 *src, u32 len)
{
	u32 i, n = 0, z = 0;

	for (i = 0; i < len; i++) {
		if (z >= 2 && src[i] == 3) {
			z = 0;
			continue;
		}
		z = src[i] ? 0 : z + 1;
		dst[n++] = src[i];
	}
	return n;
}

/**
 * h264_host_run() - decode an Annex B stream
 * @h: host decoder, zeroed, with @out set
 * @b: the stream
 * @len: bytes at @b
 *
 * Return: the number of pictures decoded.
 */
static inline int h264_host_run(struct h264_host *h, const u8 *b, u32 len)
{
	u8 *rbsp = malloc(len + 8);
	struct hp_slice sh, cur_sh;
	u32 i = hp_next_sc(b, len, 0), pic_start = 0, pic_end = 0;
	bool have = false;
	int k;

	for (k = 0; k < VDEC_H264_DPB_SIZE; k++)
		h->slot[k] = -1;
	h->max_lt_idx = -1;
	while (i < len && !h->stop) {
		u32 next = hp_next_sc(b, len, i + 3), s = i + 3, n;
		u32 type = b[s] & 31;
		struct hp_rd r;

		n = hp_unescape(rbsp, b + s + 1, next - s - 1);
		r.p = rbsp;
		r.len = n;
		r.pos = 0;
		r.err = false;
		if (type == 1 || type == 5) {
			memset(&sh, 0, sizeof(sh));
			sh.nal_type = type;
			sh.nal_ref_idc = b[s] >> 5 & 3;
			if (!hp_parse_slice(&r, h->sps, h->pps, &sh)) {
				i = next;
				continue;
			}
			if (sh.first_mb == 0 && have) {
				hp_picture(h, &cur_sh, b + pic_start,
					   pic_end - pic_start);
				have = false;
			}
			if (!have) {
				cur_sh = sh;
				pic_start = i;
				have = true;
			}
			pic_end = next;
		} else {
			if (have && (type == 7 || type == 8 || type == 9 ||
				     type == 6 || type == 11)) {
				hp_picture(h, &cur_sh, b + pic_start,
					   pic_end - pic_start);
				have = false;
			}
			if (type == 7)
				hp_parse_sps(&r, h->sps);
			else if (type == 8)
				hp_parse_pps(&r, h->pps, h->sps);
		}
		i = next;
	}
	if (have && !h->stop)
		hp_picture(h, &cur_sh, b + pic_start, pic_end - pic_start);
	hp_flush(h);
	for (k = 0; k < HP_FRAMES; k++)
		if (h->frames[k].in_use)
			hp_frame_free(&h->frames[k]);
	free(rbsp);
	return h->pictures;
}

#endif /* _H264_PARSE_H */
