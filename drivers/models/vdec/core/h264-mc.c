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

/* b at (x + 1/2, y) */
static inline int half_h(const u8 *w, int x, int y)
{
	const u8 *r = w + (y + 2) * WIN + x;

	return h264_clip_pixel((tap6(r[0], r[1], r[2], r[3], r[4], r[5]) + 16) >> 5);
}

/* h at (x, y + 1/2) */
static inline int half_v(const u8 *w, int x, int y)
{
	const u8 *r = w + y * WIN + x + 2;

	return h264_clip_pixel((tap6(r[0], r[WIN], r[2 * WIN], r[3 * WIN],
				     r[4 * WIN], r[5 * WIN]) + 16) >> 5);
}

/* j at (x + 1/2, y + 1/2) */
static inline int half_hv(const u8 *w, int x, int y)
{
	int t[6], k;

	for (k = 0; k < 6; k++) {
		const u8 *r = w + (y + k) * WIN + x;

		t[k] = tap6(r[0], r[1], r[2], r[3], r[4], r[5]);
	}
	return h264_clip_pixel((tap6(t[0], t[1], t[2], t[3], t[4], t[5]) +
				512) >> 10);
}

static inline int full(const u8 *w, int x, int y)
{
	return w[(y + 2) * WIN + x + 2];
}

static inline int avg(int a, int b)
{
	return (a + b + 1) >> 1;
}

/* Luma prediction of a w x h block at (px, py) + mv (8.4.2.2.1) */
static void mc_luma(const struct vdec_pic *ref, int pw, int ph, int px,
		    int py, int w, int h, const s16 *mv, u8 *dst)
{
	u8 win[WIN * WIN];
	int ix = px + (mv[0] >> 2), iy = py + (mv[1] >> 2);
	int f = (mv[1] & 3) * 4 + (mv[0] & 3), x, y, v;

	for (y = 0; y < h + 5; y++) {
		const u8 *row = ref->luma +
			h264_clip3(0, ph - 1, iy - 2 + y) * ref->stride;

		for (x = 0; x < w + 5; x++)
			win[y * WIN + x] = row[h264_clip3(0, pw - 1, ix - 2 + x)];
	}
	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			switch (f) {
			case 0:
				v = full(win, x, y);
				break;
			case 1:
				v = avg(full(win, x, y), half_h(win, x, y));
				break;
			case 2:
				v = half_h(win, x, y);
				break;
			case 3:
				v = avg(half_h(win, x, y), full(win, x + 1, y));
				break;
			case 4:
				v = avg(full(win, x, y), half_v(win, x, y));
				break;
			case 5:
				v = avg(half_h(win, x, y), half_v(win, x, y));
				break;
			case 6:
				v = avg(half_h(win, x, y), half_hv(win, x, y));
				break;
			case 7:
				v = avg(half_h(win, x, y), half_v(win, x + 1, y));
				break;
			case 8:
				v = half_v(win, x, y);
				break;
			case 9:
				v = avg(half_v(win, x, y), half_hv(win, x, y));
				break;
			case 10:
				v = half_hv(win, x, y);
				break;
			case 11:
				v = avg(half_hv(win, x, y), half_v(win, x + 1, y));
				break;
			case 12:
				v = avg(half_v(win, x, y), full(win, x, y + 1));
				break;
			case 13:
				v = avg(half_v(win, x, y), half_h(win, x, y + 1));
				break;
			case 14:
				v = avg(half_hv(win, x, y), half_h(win, x, y + 1));
				break;
			default:
				v = avg(half_v(win, x + 1, y), half_h(win, x, y + 1));
				break;
			}
			dst[y * 16 + x] = v;
		}
}

/* Chroma prediction of a w x h block (chroma samples) (8.4.2.2.2) */
static void mc_chroma(const struct vdec_pic *ref, int cw, int ch, int px,
		      int py, int w, int h, const s16 *mv, int comp, u8 *dst)
{
	int ix = px + (mv[0] >> 3), iy = py + (mv[1] >> 3);
	int fx = mv[0] & 7, fy = mv[1] & 7, x, y;

	for (y = 0; y < h; y++) {
		const u8 *r0 = ref->chroma + comp +
			h264_clip3(0, ch - 1, iy + y) * ref->stride;
		const u8 *r1 = ref->chroma + comp +
			h264_clip3(0, ch - 1, iy + y + 1) * ref->stride;

		for (x = 0; x < w; x++) {
			int x0 = 2 * h264_clip3(0, cw - 1, ix + x);
			int x1 = 2 * h264_clip3(0, cw - 1, ix + x + 1);

			dst[y * 8 + x] = ((8 - fx) * (8 - fy) * r0[x0] +
					  fx * (8 - fy) * r0[x1] +
					  (8 - fx) * fy * r1[x0] +
					  fx * fy * r1[x1] + 32) >> 6;
		}
	}
}

/* Weighted sample prediction of one plane block into @dst */
static void weight(u8 *dst, int ds, int step, const u8 *p0, const u8 *p1,
		   int ps, int w, int h, int denom, const int *wt,
		   const int *off, int mode)
{
	int x, y, v;

	for (y = 0; y < h; y++)
		for (x = 0; x < w; x++) {
			int a = p0 ? p0[y * ps + x] : 0, b = p1 ? p1[y * ps + x] : 0;

			if (!mode) {
				v = p0 && p1 ? (a + b + 1) >> 1 : p0 ? a : b;
			} else if (p0 && p1) {
				v = ((a * wt[0] + b * wt[1] + (1 << denom)) >>
				     (denom + 1)) + ((off[0] + off[1] + 1) >> 1);
			} else {
				int s = p0 ? a : b, k = p0 ? 0 : 1;

				v = denom >= 1 ? ((s * wt[k] + (1 << (denom - 1))) >>
						  denom) + off[k] :
					s * wt[k] + off[k];
			}
			dst[y * ds + x * step] = h264_clip_pixel(v);
		}
}

/* The weights of the references of a block; mode 0 when default */
static int block_weights(struct h264_ctx *c, const int *ref, int comp,
			 int *wt, int *off, int *denom)
{
	const struct h264_weights *w = &c->sl.w;
	int l;

	if (w->mode == 2) {
		if (ref[0] < 0 || ref[1] < 0)
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
	int blk = y * 4 + x, b8 = (y >> 1) * 2 + (x >> 1), l, comp;
	int px = c->mbx * 16 + x * 4, py = c->mby * 16 + y * 4;
	int pw = c->mbw * 16, ph = c->mbh * 16, ref[2], wt[2], off[2], denom = 0;
	u8 pl[2][16 * 16], pc[2][2][8 * 8];
	bool use[2];
	int mode;

	for (l = 0; l < 2; l++) {
		int dpb = m->refpic[l][b8];
		const struct vdec_pic *rp;

		ref[l] = m->ref[l][b8];
		use[l] = ref[l] >= 0;
		if (!use[l])
			continue;
		rp = dpb >= 0 ? c->refs[dpb].pic : NULL;
		if (!rp) {
			c->missing_ref = true;
			memset(pl[l], 128, sizeof(pl[l]));
			memset(pc[l], 128, sizeof(pc[l]));
			continue;
		}
		mc_luma(rp, pw, ph, px, py, w * 4, h * 4, m->mv[l][blk], pl[l]);
		for (comp = 0; comp < 2; comp++)
			mc_chroma(rp, pw / 2, ph / 2, px / 2, py / 2, w * 2, h * 2,
				  m->mv[l][blk], comp ^ c->cb_off, pc[l][comp]);
	}
	if (!use[0] && !use[1])
		return;
	mode = block_weights(c, ref, -1, wt, off, &denom);
	weight(o->luma + py * o->stride + px, o->stride, 1,
	       use[0] ? pl[0] : NULL, use[1] ? pl[1] : NULL, 16, w * 4, h * 4,
	       denom, wt, off, mode);
	for (comp = 0; comp < 2; comp++) {
		mode = block_weights(c, ref, comp, wt, off, &denom);
		weight(o->chroma + py / 2 * o->stride + px + (comp ^ c->cb_off),
		       o->stride, 2, use[0] ? pc[0][comp] : NULL,
		       use[1] ? pc[1][comp] : NULL, 8, w * 2, h * 2, denom, wt,
		       off, mode);
	}
}
