// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 inter prediction (8.4.2): luma quarter
 * sample interpolation (6-tap), chroma eighth sample interpolation
 * (bilinear), reference sample positions clamped to the picture, and the
 * default, explicit and implicit weighted sample prediction.
 */
#include "h264.h"

/* Window of reference samples around a luma block: 2 before, 3 after */
#define WIN	(16 + 5)

static inline int tap6(int a, int b, int c, int d, int e, int f)
{
	return a - 5 * b + 20 * c + 20 * d - 5 * e + f;
}

static inline int avg(int a, int b)
{
	return (a + b + 1) >> 1;
}

/* @s points at the window's top left (2 samples above and left) */
static inline void half_b_w(const u8 *s, int ss, int w, int h,
			    u8 *restrict dst)
{
	int x, y;

	for (y = 0; y <= h; y++) {
		const u8 *r = s + (y + 2) * ss;

		for (x = 0; x < w; x++, r++) {
			int t = tap6(r[0], r[1], r[2], r[3], r[4], r[5]);

			dst[y * 16 + x] = h264_clip_pixel((t + 16) >> 5);
		}
	}
}

/* @w columns, and one more when @extra */
static inline void half_v_w(const u8 *s, int ss, int w, int h, bool extra,
			    u8 *restrict dst)
{
	int x, y, t;

	for (y = 0; y < h; y++) {
		const u8 *r = s + y * ss + 2;

		for (x = 0; x < w; x++) {
			t = tap6(r[x], r[x + ss], r[x + 2 * ss], r[x + 3 * ss],
				 r[x + 4 * ss], r[x + 5 * ss]);
			dst[y * 17 + x] = h264_clip_pixel((t + 16) >> 5);
		}
		if (!extra)
			continue;
		t = tap6(r[w], r[w + ss], r[w + 2 * ss], r[w + 3 * ss],
			 r[w + 4 * ss], r[w + 5 * ss]);
		dst[y * 17 + w] = h264_clip_pixel((t + 16) >> 5);
	}
}

static inline void half_j_w(const u8 *s, int ss, int w, int h,
			    struct h264_half_planes *restrict hs)
{
	int x, y;

	for (y = 0; y < h + 5; y++) {
		const u8 *r = s + y * ss;

		for (x = 0; x < w; x++, r++)
			hs->t[y * 16 + x] = tap6(r[0], r[1], r[2], r[3], r[4], r[5]);
	}
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			const s16 *t = hs->t + y * 16 + x;
			int v = tap6(t[0], t[16], t[32], t[48], t[64], t[80]);

			hs->j[y * 16 + x] = h264_clip_pixel((v + 512) >> 10);
		}
}

/* dst = average of two w x h blocks (w a constant where inlined) */
static inline void avg_rows(u8 *restrict dst, int ds, const u8 *p0,
			    int s0, const u8 *p1, int s1, int w, int h)
{
	int x, y;

	for (y = 0; y < h; y++, dst += ds, p0 += s0, p1 += s1)
		for (x = 0; x < w; x++)
			dst[x] = avg(p0[x], p1[x]);
}

static void avg_block(u8 *dst, int ds, const u8 *p0, int s0, const u8 *p1,
		      int s1, int w, int h)
{
	int y;

	if (p0 == p1 && s0 == s1) {
		for (y = 0; y < h; y++, dst += ds, p0 += s0)
			memcpy(dst, p0, w);
	} else if (w == 16) {
		avg_rows(dst, ds, p0, s0, p1, s1, 16, h);
	} else if (w == 8) {
		avg_rows(dst, ds, p0, s0, p1, s1, 8, h);
	} else if (w == 4) {
		avg_rows(dst, ds, p0, s0, p1, s1, 4, h);
	} else {
		avg_rows(dst, ds, p0, s0, p1, s1, 2, h);
	}
}

/* The half sample planes for a block width of 16, 8 or 4 */
static void half_b(const u8 *s, int ss, int w, int h, u8 *dst)
{
	if (w == 16)
		half_b_w(s, ss, 16, h, dst);
	else if (w == 8)
		half_b_w(s, ss, 8, h, dst);
	else
		half_b_w(s, ss, 4, h, dst);
}

static void half_v(const u8 *s, int ss, int w, int h, bool extra, u8 *dst)
{
	if (w == 16)
		half_v_w(s, ss, 16, h, extra, dst);
	else if (w == 8)
		half_v_w(s, ss, 8, h, extra, dst);
	else
		half_v_w(s, ss, 4, h, extra, dst);
}

static void half_j(const u8 *s, int ss, int w, int h,
		   struct h264_half_planes *hs)
{
	if (w == 16)
		half_j_w(s, ss, 16, h, hs);
	else if (w == 8)
		half_j_w(s, ss, 8, h, hs);
	else
		half_j_w(s, ss, 4, h, hs);
}

/* Luma prediction of a w x h block at (px, py) + mv (8.4.2.2.1) */
static void mc_luma(const struct vdec_pic *ref, int pw, int ph, int px,
		    int py, int w, int h, const s16 *mv, u8 *dst, int ds,
		    struct h264_half_planes *hs)
{
	u8 win[WIN * WIN];
	int ix = px + (mv[0] >> 2), iy = py + (mv[1] >> 2);
	int fx = mv[0] & 3, fy = mv[1] & 3, x, y, ss, s0, s1;
	const u8 *s, *p0, *p1;

	if (ix >= 2 && iy >= 2 && ix + w + 3 <= pw && iy + h + 3 <= ph) {
		s = ref->luma + (iy - 2) * ref->stride + ix - 2;
		ss = ref->stride;
	} else {
		bool hin = ix >= 2 && ix + w + 3 <= pw;

		for (y = 0; y < h + 5; y++) {
			const u8 *row = ref->luma +
				h264_clip3(0, ph - 1, iy - 2 + y) * ref->stride;

			if (hin) {
				memcpy(win + y * WIN, row + ix - 2, w + 5);
				continue;
			}
			for (x = 0; x < w + 5; x++)
				win[y * WIN + x] = row[h264_clip3(0, pw - 1, ix - 2 + x)];
		}
		s = win;
		ss = WIN;
	}
	/* the two samples averaged (the same one twice when not) */
	p0 = s + 2 * ss + 2;
	s0 = ss;
	if (fx && fy != 2) {
		half_b(s, ss, w, h, hs->b);
		p0 = hs->b + (fy == 3 ? 16 : 0);
		s0 = 16;
	}
	p1 = p0;
	s1 = s0;
	if (fy && fx != 2) {
		half_v(s, ss, w, h, fx == 3, hs->v);
		p1 = hs->v + (fx == 3 ? 1 : 0);
		s1 = 17;
		if (!fx) {
			p0 = fy == 1 ? s + 2 * ss + 2 : fy == 3 ? s + 3 * ss + 2 : p1;
			s0 = fy == 2 ? 17 : ss;
		}
	} else if (!fy && fx) {
		p1 = fx == 1 ? s + 2 * ss + 2 : fx == 3 ? s + 2 * ss + 3 : p0;
		s1 = fx == 2 ? 16 : ss;
	}
	if (fx == 2 && fy) {
		half_j(s, ss, w, h, hs);
		p1 = hs->j;
		s1 = 16;
		if (fy == 2) {
			p0 = p1;
			s0 = 16;
		}
	} else if (fy == 2 && fx) {
		half_j(s, ss, w, h, hs);
		p0 = hs->j;
		s0 = 16;
	}
	avg_block(dst, ds, p0, s0, p1, s1, w, h);
}

/*
 * Bilinear interpolation of @n interleaved chroma samples per row (both
 * components, each from its own neighbours two bytes on): @r at the
 * block's top left integer pair, @rs its row stride
 */
static inline void chroma_pairs(const u8 *r, int rs, int n, int h,
				const int *k, u8 *restrict dst, int ds)
{
	int x, y;

	for (y = 0; y < h; y++, r += rs, dst += ds) {
		const u8 *q = r + rs;

		for (x = 0; x < n; x++)
			dst[x] = (k[0] * r[x] + k[1] * r[x + 2] + k[2] * q[x] +
				  k[3] * q[x + 2] + 32) >> 6;
	}
}

/*
 * Chroma prediction of both components of a w x h block (8.4.2.2.2), into
 * @dst interleaved as in the picture
 */
static void mc_chroma(const struct vdec_pic *ref, int cw, int ch, int px,
		      int py, int w, int h, const s16 *mv, u8 *dst, int ds)
{
	int ix = px + (mv[0] >> 3), iy = py + (mv[1] >> 3);
	int fx = mv[0] & 7, fy = mv[1] & 7, x, y, rs;
	const int k[4] = { (8 - fx) * (8 - fy), fx * (8 - fy), (8 - fx) * fy,
			   fx * fy };
	u8 win[9 * 18];
	const u8 *r;

	if (ix >= 0 && iy >= 0 && ix + w + 1 <= cw && iy + h + 1 <= ch) {
		r = ref->chroma + iy * ref->stride + 2 * ix;
		rs = ref->stride;
	} else {
		bool hin = ix >= 0 && ix + w + 1 <= cw;

		for (y = 0; y <= h; y++) {
			const u8 *row = ref->chroma +
				h264_clip3(0, ch - 1, iy + y) * ref->stride;

			if (hin) {
				memcpy(win + y * 18, row + 2 * ix, 2 * w + 2);
				continue;
			}
			for (x = 0; x <= w; x++) {
				int sx = 2 * h264_clip3(0, cw - 1, ix + x);

				win[y * 18 + 2 * x] = row[sx];
				win[y * 18 + 2 * x + 1] = row[sx + 1];
			}
		}
		r = win;
		rs = 18;
	}
	if (!fx && !fy) {
		for (y = 0; y < h; y++, r += rs, dst += ds)
			memcpy(dst, r, 2 * w);
	} else if (w == 8) {
		chroma_pairs(r, rs, 16, h, k, dst, ds);
	} else if (w == 4) {
		chroma_pairs(r, rs, 8, h, k, dst, ds);
	} else {
		chroma_pairs(r, rs, 4, h, k, dst, ds);
	}
}

/*
 * Explicit or implicit weighted sample prediction (8.4.2.3.2) of a w x h
 * block (stride 16 for luma, 8 for chroma) into @dst: @k holds w0, w1,
 * the rounding, the shift and the offset; a single prediction passes
 * @b = @a with w1 = 0
 */
static inline void wrows(u8 *restrict dst, int ds, const u8 *a,
			 const u8 *b, int ps, int w, int h, const int *k)
{
	int x, y;

	for (y = 0; y < h; y++, dst += ds, a += ps, b += ps)
		for (x = 0; x < w; x++)
			dst[x] = h264_clip_pixel(((a[x] * k[0] + b[x] * k[1] +
						   k[2]) >> k[3]) + k[4]);
}

/*
 * wrows() of 16 samples a row when the weighted sum is within 16 bits
 * (the usual weights): the same results, with 16-bit arithmetic
 */
static inline void wrows16(u8 *restrict dst, int ds, const u8 *a,
			   const u8 *b, int ps, int h, const int *k)
{
	s16 w0 = k[0], w1 = k[1], r = k[2];
	int x, y, sh = k[3], o = k[4];

	for (y = 0; y < h; y++, dst += ds, a += ps, b += ps)
		for (x = 0; x < 16; x++) {
			s16 v = a[x] * w0 + b[x] * w1 + r;

			dst[x] = h264_clip_pixel((v >> sh) + o);
		}
}

static void weight(u8 *dst, int ds, const u8 *p0, const u8 *p1, int ps,
		   int w, int h, int denom, const int *wt, const int *off)
{
	int k[5];

	if (p0 && p1) {
		k[0] = wt[0];
		k[1] = wt[1];
		k[2] = 1 << denom;
		k[3] = denom + 1;
		k[4] = (off[0] + off[1] + 1) >> 1;
	} else {
		int l = p0 ? 0 : 1;

		k[0] = wt[l];
		k[1] = 0;
		k[2] = denom ? 1 << (denom - 1) : 0;
		k[3] = denom;
		k[4] = off[l];
		if (!p0)
			p0 = p1;
		else
			p1 = p0;
	}
	if (w == 16 && (abs(k[0]) + abs(k[1])) * 255 + k[2] <= 32767)
		wrows16(dst, ds, p0, p1, ps, h, k);
	else if (w == 16)
		wrows(dst, ds, p0, p1, ps, 16, h, k);
	else if (w == 8)
		wrows(dst, ds, p0, p1, ps, 8, h, k);
	else if (w == 4)
		wrows(dst, ds, p0, p1, ps, 4, h, k);
	else
		wrows(dst, ds, p0, p1, ps, 2, h, k);
}

/*
 * Weighted prediction of interleaved chroma: 16 samples per row (the
 * weights per sample alternate between the components), @h rows
 */
static void wpairs(u8 *restrict dst, const u8 *a, const u8 *b, int h,
		   const int (*k)[16], int rnd, int sh)
{
	s16 w0[16], w1[16];
	int x, y;

	if ((abs(k[0][0]) + abs(k[1][0])) * 255 + rnd > 32767 ||
	    (abs(k[0][1]) + abs(k[1][1])) * 255 + rnd > 32767) {
		for (y = 0; y < h; y++, dst += 16, a += 16, b += 16)
			for (x = 0; x < 16; x++)
				dst[x] = h264_clip_pixel(((a[x] * k[0][x] +
							   b[x] * k[1][x] +
							   rnd) >> sh) + k[2][x]);
		return;
	}
	/* the weighted sums are within 16 bits: the same in 16-bit math */
	for (x = 0; x < 16; x++) {
		w0[x] = k[0][x];
		w1[x] = k[1][x];
	}
	for (y = 0; y < h; y++, dst += 16, a += 16, b += 16)
		for (x = 0; x < 16; x++) {
			s16 v = a[x] * w0[x] + b[x] * w1[x] + rnd;

			dst[x] = h264_clip_pixel((v >> sh) + k[2][x]);
		}
}

/* The weights of the references of a block; mode 0 when default */
static int block_weights(struct h264_ctx *c, const int *ref, int comp,
			 int *wt, int *off, int *denom)
{
	const struct h264_weights *w = &c->sl.w;
	int l;

	if (w->mode == 2) {
		/* single prediction, or 32/32: the same as the default */
		if (ref[0] < 0 || ref[1] < 0 ||
		    w->implicit[ref[0]][ref[1]] == 32)
			return 0;
		wt[1] = w->implicit[ref[0]][ref[1]];
		wt[0] = 64 - wt[1];
		off[0] = 0;
		off[1] = 0;
		*denom = 5;
		return 1;
	}
	if (w->mode != 1)
		return 0;
	for (l = 0; l < 2; l++) {
		int r = ref[l] < 0 ? 0 : ref[l];

		if (comp < 0) {
			wt[l] = w->lw[l][r];
			off[l] = w->lo[l][r];
		} else {
			wt[l] = w->cw[l][r][comp];
			off[l] = w->co[l][r][comp];
		}
	}
	*denom = comp < 0 ? w->luma_denom : w->chroma_denom;
	return 1;
}

/*
 * The luma prediction(s) @pl of a w x h block, weighted, into @dy; @pw16
 * 16 x 16 scratch
 */
static void luma_out(u8 *dy, int ds, u8 (*pl)[256], const bool *use,
		     int mode, int w, int h, int denom, const int *wt,
		     const int *off, u8 *pw16)
{
	const u8 *src = pl[use[0] ? 0 : 1];
	int y;

	if (!mode && use[0] && use[1]) {
		avg_block(dy, ds, pl[0], 16, pl[1], 16, w, h);
		return;
	}
	if (mode) {
		/* whole 16-sample rows (one fixed-width kernel), then copied */
		weight(pw16, 16, use[0] ? pl[0] : NULL, use[1] ? pl[1] : NULL,
		       16, 16, h, denom, wt, off);
		src = pw16;
	}
	for (y = 0; y < h; y++)
		memcpy(dy + y * ds, src + y * 16, w);
}

/*
 * The chroma prediction(s) @pc (both components interleaved, 16 bytes a
 * row) of a block of w x h chroma samples, weighted, into @dst
 */
static void chroma_out(struct h264_ctx *c, const int *ref, u8 *dst, int ds,
		       u8 (*pc)[128], const bool *use, int w, int h)
{
	int k[3][16], wt[2], off[2], denom = 0, pos, x, y, l = use[0] ? 0 : 1;
	bool bi = use[0] && use[1];
	const u8 *src = pc[l];
	u8 *pw = c->halves.b;	/* free once the predictions are made */

	/* the two components have the same mode and denominator */
	for (pos = 0; pos < 2; pos++) {
		if (!block_weights(c, ref, pos ^ c->cb_off, wt, off, &denom))
			break;
		for (x = pos; x < 16; x += 2) {
			k[0][x] = wt[bi ? 0 : l];
			k[1][x] = bi ? wt[1] : 0;
			k[2][x] = bi ? (off[0] + off[1] + 1) >> 1 : off[l];
		}
	}
	if (pos < 2 && bi) {
		avg_block(dst, ds, pc[0], 16, pc[1], 16, w * 2, h);
		return;
	}
	if (pos == 2) {
		wpairs(pw, pc[l], bi ? pc[1] : pc[l], h, k,
		       bi ? 1 << denom : denom ? 1 << (denom - 1) : 0,
		       bi ? denom + 1 : denom);
		src = pw;
	}
	for (y = 0; y < h; y++)
		memcpy(dst + y * ds, src + y * 16, w * 2);
}

/**
 * h264_mc_part() - inter prediction of a rectangle of 4x4 blocks with one
 *	motion (that of its top left block) into the output picture
 * @c: decoder
 * @x: position in the macroblock, 4x4 blocks
 * @y: see @x
 * @w: size, 4x4 blocks
 * @h: see @w
 */
void h264_mc_part(struct h264_ctx *c, int x, int y, int w, int h)
{
	struct h264_mb *m = c->mb;
	struct vdec_pic *o = c->out;
	int blk = y * 4 + x, b8 = (y >> 1) * 2 + (x >> 1), l;
	int px = c->mbx * 16 + x * 4, py = c->mby * 16 + y * 4;
	int pw = c->mbw * 16, ph = c->mbh * 16, ref[2], wt[2], off[2], denom = 0;
	u8 (*pl)[16 * 16] = c->halves.pl, (*pc)[8 * 16] = c->halves.pc;
	u8 *dy = o->luma + py * o->stride + px;
	u8 *dc = o->chroma + py / 2 * o->stride + px;
	bool use[2], direct;
	int mode;

	for (l = 0; l < 2; l++) {
		ref[l] = m->ref[l][b8];
		use[l] = ref[l] >= 0;
	}
	if (!use[0] && !use[1])
		return;
	mode = block_weights(c, ref, -1, wt, off, &denom);
	/*
	 * one prediction, default weights (chroma's then too): straight into
	 * the picture
	 */
	direct = !mode && use[0] != use[1];
	for (l = 0; l < 2; l++) {
		int dpb = m->refpic[l][b8];
		const struct vdec_pic *rp;

		if (!use[l])
			continue;
		rp = dpb >= 0 ? c->refs[dpb].pic : NULL;
		if (!rp) {
			c->missing_ref = true;
			memset(pl[l], 128, sizeof(pl[l]));
			memset(pc[l], 128, sizeof(pc[l]));
			direct = false;
			continue;
		}
		if (direct) {
			mc_luma(rp, pw, ph, px, py, w * 4, h * 4, m->mv[l][blk],
				dy, o->stride, &c->halves);
			mc_chroma(rp, pw / 2, ph / 2, px / 2, py / 2, w * 2,
				  h * 2, m->mv[l][blk], dc, o->stride);
		} else {
			mc_luma(rp, pw, ph, px, py, w * 4, h * 4, m->mv[l][blk],
				pl[l], 16, &c->halves);
			mc_chroma(rp, pw / 2, ph / 2, px / 2, py / 2, w * 2,
				  h * 2, m->mv[l][blk], pc[l], 16);
		}
	}
	if (direct)
		return;
	/* the half sample scratch is free once the predictions are made */
	luma_out(dy, o->stride, pl, use, mode, w * 4, h * 4, denom, wt, off,
		 c->halves.j);
	chroma_out(c, ref, dc, o->stride, pc, use, w * 2, h * 2);
}

static bool same_motion(const struct h264_mb *m, int b0, int b1)
{
	return m->ref[0][b0 >> 4] == m->ref[0][b1 >> 4] &&
		m->ref[1][b0 >> 4] == m->ref[1][b1 >> 4] &&
		m->refpic[0][b0 >> 4] == m->refpic[0][b1 >> 4] &&
		m->refpic[1][b0 >> 4] == m->refpic[1][b1 >> 4] &&
		!memcmp(m->mv[0][b0 & 15], m->mv[0][b1 & 15], 4) &&
		!memcmp(m->mv[1][b0 & 15], m->mv[1][b1 & 15], 4);
}

/* Inter prediction of 8x8 block @blk8 predicted in direct mode */
static void mc_direct8(struct h264_ctx *c, int blk8)
{
	const struct h264_mb *m = c->mb;
	int x = (blk8 & 1) * 2, y = (blk8 >> 1) * 2, i, first;

	first = blk8 << 4 | (y * 4 + x);
	if (same_motion(m, first, blk8 << 4 | (y * 4 + x + 1)) &&
	    same_motion(m, first, blk8 << 4 | ((y + 1) * 4 + x)) &&
	    same_motion(m, first, blk8 << 4 | ((y + 1) * 4 + x + 1))) {
		h264_mc_part(c, x, y, 2, 2);
		return;
	}
	for (i = 0; i < 4; i++)
		h264_mc_part(c, x + (i & 1), y + (i >> 1), 1, 1);
}

/**
 * h264_mc_direct() - inter prediction of an 8x8 block predicted in direct
 *	mode, in one piece when its 4x4 blocks share their motion
 * @c: decoder
 * @blk8: the 8x8 block, or -1 for the whole macroblock (B_Skip,
 *	B_Direct_16x16)
 */
void h264_mc_direct(struct h264_ctx *c, int blk8)
{
	const struct h264_mb *m = c->mb;
	int i, k, b;

	if (blk8 >= 0) {
		mc_direct8(c, blk8);
		return;
	}
	for (k = 1; k < 16; k++) {
		b = h264_blk_raster[k];
		if (!same_motion(m, 0, ((b >> 3) * 2 + ((b & 3) >> 1)) << 4 | b))
			break;
	}
	if (k == 16) {
		h264_mc_part(c, 0, 0, 4, 4);
		return;
	}
	for (i = 0; i < 4; i++)
		mc_direct8(c, i);
}
