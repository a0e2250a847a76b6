// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 direct prediction of B_Skip,
 * B_Direct_16x16 and B_Direct_8x8 (8.4.1.2): spatial and temporal, from
 * the co-located picture's motion (RefPicList1[0], as vdec_h264_decode()
 * stored it through its out_mv).
 */
#include "h264.h"

static s32 ref_poc(const struct h264_ctx *c, int dpb)
{
	const struct vdec_h264_dpb_entry *e = &c->p->dpb[dpb];

	return min(e->top_field_order_cnt, e->bottom_field_order_cnt);
}

static bool long_term(const struct h264_ctx *c, int dpb)
{
	return c->p->dpb[dpb].flags & VDEC_H264_DPB_LONG_TERM;
}

/* mvCol, refIdxCol and the POC of its reference for 4x4 block @blk */
static void col_motion(const struct h264_colmb *col, int blk, s16 *mv,
		       int *ref, s32 *poc)
{
	int b8 = (blk >> 3) * 2 + ((blk & 3) >> 1);
	int l = col->ref[0][b8] >= 0 ? 0 : 1;

	*ref = col->ref[l][b8];
	if (*ref < 0) {
		mv[0] = 0;
		mv[1] = 0;
		*poc = 0;
		return;
	}
	mv[0] = col->mv[l][blk][0];
	mv[1] = col->mv[l][blk][1];
	*poc = col->poc[l][b8];
}

static int min_positive(int a, int b)
{
	return a >= 0 && b >= 0 ? min(a, b) : max(a, b);
}

/* Neighbour reference index of the macroblock's 16x16 partition */
static int nb_ref(struct h264_ctx *c, int list, int bx, int by)
{
	int blk;
	struct h264_mb *m = h264_nb_blk(c, bx, by, &blk);

	if (!m)
		return -2;
	return m->ref[list][(blk >> 3) * 2 + ((blk & 3) >> 1)];
}

/*
 * refIdxL0/L1 and the motion vector predictions of spatial direct mode
 * (8.4.1.2.2): those of the whole macroblock, computed once per macroblock
 */
static void spatial_pred(struct h264_ctx *c, int *ref, s16 (*mvp)[2])
{
	int l, mb = c->mby * c->mbw + c->mbx + 1;

	if (c->direct_mb == mb) {
		memcpy(ref, c->direct_ref, sizeof(c->direct_ref));
		memcpy(mvp, c->direct_mvp, sizeof(c->direct_mvp));
		return;
	}
	memset(mvp, 0, sizeof(c->direct_mvp));
	for (l = 0; l < 2; l++) {
		int a = nb_ref(c, l, -1, 0), b = nb_ref(c, l, 0, -1);
		int cc = nb_ref(c, l, 4, -1);

		if (cc == -2)
			cc = nb_ref(c, l, -1, -1);
		ref[l] = min_positive(a < -1 ? -1 : a,
				      min_positive(b < -1 ? -1 : b,
						   cc < -1 ? -1 : cc));
	}
	if (ref[0] < 0 && ref[1] < 0) {
		ref[0] = 0;
		ref[1] = 0;
	} else {
		for (l = 0; l < 2; l++)
			if (ref[l] >= 0)
				h264_mv_pred(c, l, 0, 0, 4, 4, ref[l], mvp[l]);
	}
	c->direct_mb = mb;
	memcpy(c->direct_ref, ref, sizeof(c->direct_ref));
	memcpy(c->direct_mvp, mvp, sizeof(c->direct_mvp));
}

static void spatial(struct h264_ctx *c, int blk8, const struct h264_colmb *col)
{
	int x0 = (blk8 & 1) * 2, y0 = (blk8 >> 1) * 2, ref[2], l, i;
	bool inf = c->p->sps.flags & VDEC_H264_SPS_DIRECT_8X8_INFERENCE;
	int n = inf ? 1 : 4, sz = inf ? 2 : 1;
	bool lt1 = long_term(c, c->sl.list[1][0]);
	s16 mvp[2][2];

	spatial_pred(c, ref, mvp);
	/* with direct_8x8_inference, one co-located block for the 8x8 */
	for (i = 0; i < n; i++) {
		int x = x0 + (i & 1), y = y0 + (i >> 1), cref;
		int cb = n == 1 ? (y0 ? 12 : 0) + (x0 ? 3 : 0) : y * 4 + x;
		s16 cmv[2], mv[2];
		s32 cpoc;
		bool zero;

		col_motion(&col[c->mby * c->mbw + c->mbx], cb, cmv, &cref, &cpoc);
		zero = !lt1 && cref == 0 && cmv[0] >= -1 && cmv[0] <= 1 &&
			cmv[1] >= -1 && cmv[1] <= 1;
		for (l = 0; l < 2; l++) {
			bool z = ref[l] < 0 || (ref[l] == 0 && zero);

			mv[0] = z ? 0 : mvp[l][0];
			mv[1] = z ? 0 : mvp[l][1];
			h264_set_motion(c, l, x, y, sz, sz,
					ref[l] < 0 ? -1 : ref[l], mv);
		}
	}
}

static int temporal(struct h264_ctx *c, int blk8, const struct h264_colmb *col)
{
	int x0 = (blk8 & 1) * 2, y0 = (blk8 >> 1) * 2, i, k, ret = 0;
	bool inf = c->p->sps.flags & VDEC_H264_SPS_DIRECT_8X8_INFERENCE;
	int n = inf ? 1 : 4, sz = inf ? 2 : 1;
	s32 cur = min(c->p->top_field_order_cnt, c->p->bottom_field_order_cnt);
	s32 poc1 = ref_poc(c, c->sl.list[1][0]);

	for (i = 0; i < n; i++) {
		int x = x0 + (i & 1), y = y0 + (i >> 1), cref, r0 = 0;
		int cb = n == 1 ? (y0 ? 12 : 0) + (x0 ? 3 : 0) : y * 4 + x;
		s16 cmv[2], mv0[2], mv1[2];
		s32 cpoc;

		col_motion(&col[c->mby * c->mbw + c->mbx], cb, cmv, &cref, &cpoc);
		if (cref >= 0) {
			r0 = -1;
			for (k = 0; k < c->sl.num_ref[0] && r0 < 0; k++)
				if (c->sl.list[0][k] >= 0 &&
				    ref_poc(c, c->sl.list[0][k]) == cpoc)
					r0 = k;
			if (r0 < 0) {
				ret = -1;
				r0 = 0;
			}
		}
		if (c->sl.list[0][r0] < 0) {
			ret = -1;
			mv0[0] = cmv[0];
			mv0[1] = cmv[1];
		} else {
			s32 p0 = ref_poc(c, c->sl.list[0][r0]);
			int tb = h264_clip3(-128, 127, cur - p0);
			int td = h264_clip3(-128, 127, poc1 - p0);

			if (long_term(c, c->sl.list[0][r0]) || !td) {
				mv0[0] = cmv[0];
				mv0[1] = cmv[1];
			} else {
				int tx = (16384 + abs(td / 2)) / td;
				int dsf = h264_clip3(-1024, 1023, (tb * tx + 32) >> 6);

				mv0[0] = (dsf * cmv[0] + 128) >> 8;
				mv0[1] = (dsf * cmv[1] + 128) >> 8;
			}
		}
		mv1[0] = mv0[0] - cmv[0];
		mv1[1] = mv0[1] - cmv[1];
		if (long_term(c, c->sl.list[0][r0] < 0 ? 0 : c->sl.list[0][r0])) {
			mv1[0] = 0;
			mv1[1] = 0;
		}
		h264_set_motion(c, 0, x, y, sz, sz, r0, mv0);
		h264_set_motion(c, 1, x, y, sz, sz, 0, mv1);
	}
	return ret;
}

/**
 * h264_direct() - motion of one 8x8 block predicted in direct mode
 * @c: decoder
 * @blk8: the 8x8 block (0..3)
 *
 * Return: 0, or -1 when the co-located picture or its motion is missing
 * (the block then gets zero motion from reference index 0).
 */
int h264_direct(struct h264_ctx *c, int blk8)
{
	static const s16 zero[2];
	int x = (blk8 & 1) * 2, y = (blk8 >> 1) * 2, r1 = c->sl.list[1][0];
	const struct h264_colmb *col;

	col = r1 >= 0 ? c->refs[r1].mv : NULL;
	if (!col) {
		h264_set_motion(c, 0, x, y, 2, 2, 0, zero);
		h264_set_motion(c, 1, x, y, 2, 2, -1, zero);
		return -1;
	}
	if (c->sl.direct_spatial) {
		spatial(c, blk8, col);
		return 0;
	}
	return temporal(c, blk8, col);
}
