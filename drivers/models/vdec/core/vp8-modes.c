// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: VP8 macroblock prediction records (RFC 6386
 * 10, 11, 16, 17): segment id, skip flag, intra modes, reference frame,
 * inter mode with the near/nearest motion vector search, split motion
 * vectors and motion vector decoding, from the first partition.
 */
#include "vp8.h"

static const u8 derived_bmode[4] = {
	VP8_B_DC_PRED, VP8_B_VE_PRED, VP8_B_HE_PRED, VP8_B_TM_PRED,
};

static inline bool mv_eq(struct vp8_mv a, struct vp8_mv b)
{
	return a.x == b.x && a.y == b.y;
}

static inline bool mv_zero(struct vp8_mv a)
{
	return !a.x && !a.y;
}

static void read_kf_modes(struct vp8_ctx *c, struct vp8_mb *mb)
{
	struct vp8_bool *d = &c->hdr;
	const struct vp8_mb *above = &c->above[c->mb_x + 1];
	const struct vp8_mb *left = &c->cur[c->mb_x];
	int i;

	mb->mode = vp8_read_tree(d, vp8_kf_ymode_tree, vp8_kf_ymode_probs);
	if (mb->mode == VP8_B_PRED) {
		for (i = 0; i < 16; i++) {
			int a = i < 4 ? above->bmode[i + 12] : mb->bmode[i - 4];
			int l = i & 3 ? mb->bmode[i - 1] : left->bmode[i + 3];

			mb->bmode[i] = vp8_read_tree(d, vp8_bmode_tree,
						     vp8_kf_bmode_probs[a][l]);
		}
	} else {
		memset(mb->bmode, derived_bmode[mb->mode], 16);
	}
	mb->uv_mode = vp8_read_tree(d, vp8_uv_mode_tree, vp8_kf_uv_mode_probs);
}

static void read_intra_modes(struct vp8_ctx *c, struct vp8_mb *mb)
{
	struct vp8_bool *d = &c->hdr;
	const struct vdec_vp8_entropy *e = &c->p->entropy;
	int i;

	mb->mode = vp8_read_tree(d, vp8_ymode_tree, e->y_mode_probs);
	if (mb->mode == VP8_B_PRED) {
		for (i = 0; i < 16; i++)
			mb->bmode[i] = vp8_read_tree(d, vp8_bmode_tree,
						     vp8_bmode_probs);
	} else {
		memset(mb->bmode, derived_bmode[mb->mode], 16);
	}
	mb->uv_mode = vp8_read_tree(d, vp8_uv_mode_tree, e->uv_mode_probs);
}

/* One motion vector component (RFC 6386 17.1), quarter pel */
static int read_mv_component(struct vp8_bool *d, const u8 *p)
{
	int a = 0, i;

	if (vp8_read(d, p[0])) {
		for (i = 0; i < 3; i++)
			a += vp8_read(d, p[9 + i]) << i;
		for (i = 9; i > 3; i--)
			a += vp8_read(d, p[9 + i]) << i;
		if (!(a & 0xfff0) || vp8_read(d, p[9 + 3]))
			a += 8;
	} else {
		a = vp8_read_tree(d, vp8_small_mv_tree, p + 2);
	}
	return a && vp8_read(d, p[1]) ? -a : a;
}

static struct vp8_mv read_mv(struct vp8_ctx *c, struct vp8_mv base)
{
	const struct vdec_vp8_entropy *e = &c->p->entropy;
	struct vp8_mv mv;

	mv.y = base.y + read_mv_component(&c->hdr, e->mv_probs[0]);
	mv.x = base.x + read_mv_component(&c->hdr, e->mv_probs[1]);
	return mv;
}

static struct vp8_mv clamp_mv(const struct vp8_ctx *c, struct vp8_mv mv)
{
	int lo_x = -(c->mb_x * 64) - 64, hi_x = (c->mb_w - 1 - c->mb_x) * 64 + 64;
	int lo_y = -(c->mb_y * 64) - 64, hi_y = (c->mb_h - 1 - c->mb_y) * 64 + 64;

	mv.x = clamp((int)mv.x, lo_x, hi_x);
	mv.y = clamp((int)mv.y, lo_y, hi_y);
	return mv;
}

static bool sign_bias(const struct vp8_ctx *c, int ref)
{
	if (ref == VP8_GOLDEN)
		return c->p->flags & VDEC_VP8_FL_SIGN_BIAS_GOLDEN;
	if (ref == VP8_ALTREF)
		return c->p->flags & VDEC_VP8_FL_SIGN_BIAS_ALT;
	return false;
}

/**
 * find_near_mvs() - the census of the neighbours' motion vectors
 * @c: decoder
 * @ref: reference of the current macroblock
 * @mvs: set to best, nearest, near (clamped)
 * @cnt: set to the zero, nearest, near and split weights
 *
 * RFC 6386 16.3: above, left and above-left, intra ones ignored.
 */
static void find_near_mvs(const struct vp8_ctx *c, int ref,
			  struct vp8_mv mvs[3], int cnt[4])
{
	const struct vp8_mb *nb[3] = {
		&c->above[c->mb_x + 1], &c->cur[c->mb_x], &c->above[c->mb_x],
	};
	static const int weight[3] = { 2, 2, 1 };
	struct vp8_mv list[4] = { { 0 } };
	bool bias = sign_bias(c, ref);
	int n = 0, k;

	memset(cnt, 0, 4 * sizeof(*cnt));
	for (k = 0; k < 3; k++) {
		struct vp8_mv m = nb[k]->mv;

		if (nb[k]->ref == VP8_INTRA)
			continue;
		if (mv_zero(m)) {
			cnt[0] += weight[k];
			continue;
		}
		if (sign_bias(c, nb[k]->ref) != bias) {
			m.x = -m.x;
			m.y = -m.y;
		}
		if (!n || !mv_eq(m, list[n]))
			list[++n] = m;
		cnt[n] += weight[k];
	}
	if (cnt[3] && mv_eq(list[3], list[1]))
		cnt[1] += 1;
	cnt[3] = (nb[0]->mode == VP8_SPLITMV) * 2 +
		 (nb[1]->mode == VP8_SPLITMV) * 2 +
		 (nb[2]->mode == VP8_SPLITMV);
	if (cnt[2] > cnt[1]) {
		struct vp8_mv t = list[1];
		int tc = cnt[1];

		cnt[1] = cnt[2];
		cnt[2] = tc;
		list[1] = list[2];
		list[2] = t;
	}
	if (cnt[1] >= cnt[0])
		list[0] = list[1];
	for (k = 0; k < 3; k++)
		mvs[k] = clamp_mv(c, list[k]);
}

static int sub_mv_context(struct vp8_mv l, struct vp8_mv a)
{
	bool lez = mv_zero(l), aez = mv_zero(a), lea = mv_eq(l, a);

	if (lea && lez)
		return 4;
	if (lea)
		return 3;
	if (aez)
		return 2;
	if (lez)
		return 1;
	return 0;
}

/* SPLITMV (RFC 6386 16.4) */
static void read_split(struct vp8_ctx *c, struct vp8_mb *mb,
		       struct vp8_mv best)
{
	const struct vp8_mb *above = &c->above[c->mb_x + 1];
	const struct vp8_mb *left = &c->cur[c->mb_x];
	struct vp8_bool *d = &c->hdr;
	int part = vp8_read_tree(d, vp8_split_tree, vp8_split_probs);
	int n = vp8_split_count[part], j, k;

	for (j = 0; j < n; j++) {
		struct vp8_mv l, a, mv;
		int first = j;

		if (part < 3)
			for (first = 0; vp8_split_map[part][first] != j; first++)
				;
		if (first & 3)
			l = mb->bmv[first - 1];
		else
			l = left->mode == VP8_SPLITMV ? left->bmv[first + 3] :
							left->mv;
		if (first >= 4)
			a = mb->bmv[first - 4];
		else
			a = above->mode == VP8_SPLITMV ? above->bmv[first + 12] :
							 above->mv;
		switch (vp8_read_tree(d, vp8_sub_mv_ref_tree,
				      vp8_sub_mv_ref_probs[sub_mv_context(l, a)])) {
		case 0:
			mv = l;
			break;
		case 1:
			mv = a;
			break;
		case 2:
			mv.x = 0;
			mv.y = 0;
			break;
		default:
			mv = read_mv(c, best);
			break;
		}
		if (part == 3) {
			mb->bmv[j] = mv;
			continue;
		}
		for (k = 0; k < 16; k++)
			if (vp8_split_map[part][k] == j)
				mb->bmv[k] = mv;
	}
	mb->mv = mb->bmv[15];
}

static void read_inter_modes(struct vp8_ctx *c, struct vp8_mb *mb)
{
	struct vp8_bool *d = &c->hdr;
	const struct vdec_vp8_params *p = c->p;
	struct vp8_mv mvs[3];
	u8 probs[4];
	int cnt[4], i;

	mb->ref = VP8_LAST;
	if (vp8_read(d, p->prob_last))
		mb->ref = vp8_read(d, p->prob_gf) ? VP8_ALTREF : VP8_GOLDEN;
	mb->uv_mode = VP8_DC_PRED;
	find_near_mvs(c, mb->ref, mvs, cnt);
	for (i = 0; i < 4; i++)
		probs[i] = vp8_mode_contexts[cnt[i]][i];
	mb->mode = vp8_read_tree(d, vp8_mv_ref_tree, probs);
	switch (mb->mode) {
	case VP8_NEARESTMV:
		mb->mv = mvs[1];
		break;
	case VP8_NEARMV:
		mb->mv = mvs[2];
		break;
	case VP8_ZEROMV:
		mb->mv.x = 0;
		mb->mv.y = 0;
		break;
	case VP8_NEWMV:
		mb->mv = read_mv(c, mvs[0]);
		break;
	default:
		read_split(c, mb, mvs[0]);
		return;
	}
	for (i = 0; i < 16; i++)
		mb->bmv[i] = mb->mv;
}

static void read_segment(struct vp8_ctx *c, struct vp8_mb *mb)
{
	const struct vdec_vp8_params *p = c->p;
	u32 idx = c->mb_y * c->mb_w + c->mb_x;
	u8 *map = p->seg_map && idx < p->seg_map_size ? &p->seg_map[idx] : NULL;

	if ((p->seg.flags & VDEC_VP8_SEG_ENABLED) &&
	    (p->seg.flags & VDEC_VP8_SEG_UPDATE_MAP)) {
		mb->segment = vp8_read_tree(&c->hdr, vp8_segment_tree,
					    p->seg.probs);
		if (map)
			*map = mb->segment;
	} else if (c->key || !map) {
		mb->segment = 0;
		if (map)
			*map = 0;
	} else {
		mb->segment = *map & 3;
	}
}

/**
 * vp8_read_modes() - read the prediction record of the current macroblock
 * @c: decoder, at macroblock (mb_x, mb_y)
 * @mb: its record, c->cur[mb_x + 1]
 */
void vp8_read_modes(struct vp8_ctx *c, struct vp8_mb *mb)
{
	read_segment(c, mb);
	mb->skip = 0;
	if (c->p->flags & VDEC_VP8_FL_MB_NO_SKIP_COEFF)
		mb->skip = vp8_read(&c->hdr, c->p->prob_skip_false);
	if (!c->key && vp8_read(&c->hdr, c->p->prob_intra)) {
		read_inter_modes(c, mb);
		return;
	}
	mb->ref = VP8_INTRA;
	mb->mv.x = 0;
	mb->mv.y = 0;
	if (c->key)
		read_kf_modes(c, mb);
	else
		read_intra_modes(c, mb);
}
