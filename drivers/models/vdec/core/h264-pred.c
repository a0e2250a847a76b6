// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 intra prediction (8.3): Intra_4x4,
 * Intra_8x8 (with its reference sample filtering), Intra_16x16 and
 * chroma. Samples of neighbours that are not available for intra
 * prediction are never read: a stream that uses them anyway gets 128s.
 */
#include "h264.h"

/* Is the 4x4 block (bx, by), relative to the current macroblock, available
 * for the intra prediction of the block whose zig-zag index is @cur?
 */
static bool blk_avail(struct h264_ctx *c, int bx, int by, int cur)
{
	struct h264_mb *m;
	int blk;

	if (bx > 3 && by >= 0)
		return false;
	m = h264_nb_blk(c, bx, by, &blk);
	if (!m)
		return false;
	if (m == c->mb)
		return h264_blk_zz[blk] < cur;
	return (m->flags & MB_INTRA) ||
		!(c->p->pps.flags & VDEC_H264_PPS_CONSTRAINED_INTRA_PRED);
}

static inline int avg2(int a, int b)
{
	return (a + b + 1) >> 1;
}

static inline int avg3(int a, int b, int c)
{
	return (a + 2 * b + c + 2) >> 2;
}

/*
 * The directional modes 3..8 of Intra_4x4 and Intra_8x8 (8.3.1.2.4-9,
 * 8.3.2.2.5-10): @t[-1..2n-1] the samples above (t[-1] above left),
 * @l[-1..n-1] the samples left (l[-1] above left).
 */
static void pred_dir(u8 *dst, int stride, int n, int mode, const u8 *t,
		     const u8 *l)
{
	int x, y, z, v;

	for (y = 0; y < n; y++)
		for (x = 0; x < n; x++) {
			switch (mode) {
			case 3:
				v = x == n - 1 && y == n - 1 ?
					(t[2 * n - 2] + 3 * t[2 * n - 1] + 2) >> 2 :
					avg3(t[x + y], t[x + y + 1], t[x + y + 2]);
				break;
			case 4:
				if (x > y)
					v = avg3(t[x - y - 2], t[x - y - 1], t[x - y]);
				else if (x < y)
					v = avg3(l[y - x - 2], l[y - x - 1], l[y - x]);
				else
					v = avg3(t[0], t[-1], l[0]);
				break;
			case 5:
				z = 2 * x - y;
				if (z >= 0 && !(z & 1))
					v = avg2(t[x - (y >> 1) - 1], t[x - (y >> 1)]);
				else if (z > 0)
					v = avg3(t[x - (y >> 1) - 2],
						 t[x - (y >> 1) - 1], t[x - (y >> 1)]);
				else if (z == -1)
					v = avg3(l[0], l[-1], t[0]);
				else
					v = avg3(l[y - 2 * x - 1], l[y - 2 * x - 2],
						 l[y - 2 * x - 3]);
				break;
			case 6:
				z = 2 * y - x;
				if (z >= 0 && !(z & 1))
					v = avg2(l[y - (x >> 1) - 1], l[y - (x >> 1)]);
				else if (z > 0)
					v = avg3(l[y - (x >> 1) - 2],
						 l[y - (x >> 1) - 1], l[y - (x >> 1)]);
				else if (z == -1)
					v = avg3(l[0], l[-1], t[0]);
				else
					v = avg3(t[x - 2 * y - 1], t[x - 2 * y - 2],
						 t[x - 2 * y - 3]);
				break;
			case 7:
				v = y & 1 ? avg3(t[x + (y >> 1)], t[x + (y >> 1) + 1],
						 t[x + (y >> 1) + 2]) :
					avg2(t[x + (y >> 1)], t[x + (y >> 1) + 1]);
				break;
			default:
				z = x + 2 * y;
				if (z > 2 * n - 3)
					v = l[n - 1];
				else if (z == 2 * n - 3)
					v = (l[n - 2] + 3 * l[n - 1] + 2) >> 2;
				else if (z & 1)
					v = avg3(l[y + (x >> 1)], l[y + (x >> 1) + 1],
						 l[y + (x >> 1) + 2]);
				else
					v = avg2(l[y + (x >> 1)], l[y + (x >> 1) + 1]);
				break;
			}
			dst[y * stride + x] = v;
		}
}

/* Modes 0..2 of Intra_4x4 / Intra_8x8, and the directional ones */
static void pred_nxn(u8 *dst, int stride, int n, int mode, const u8 *t,
		     const u8 *l, bool top, bool left)
{
	int x, y, s = 0;

	switch (mode) {
	case 0:
		for (y = 0; y < n; y++)
			memcpy(dst + y * stride, t, n);
		return;
	case 1:
		for (y = 0; y < n; y++)
			memset(dst + y * stride, l[y], n);
		return;
	case 2:
		for (x = 0; x < n; x++)
			s += (top ? t[x] : 0) + (left ? l[x] : 0);
		if (top && left)
			s = (s + n) / (2 * n);
		else if (top || left)
			s = (s + n / 2) / n;
		else
			s = 128;
		for (y = 0; y < n; y++)
			memset(dst + y * stride, s, n);
		return;
	}
	pred_dir(dst, stride, n, mode, t, l);
}

/* Gather the neighbours of the n x n block at 4x4 block (bx, by) */
static void gather(struct h264_ctx *c, int bx, int by, int n, u8 *t, u8 *l,
		   bool *top, bool *left, bool *tl)
{
	struct vdec_pic *o = c->out;
	int s = o->stride, cur = h264_blk_zz[by * 4 + bx], i;
	const u8 *p = o->luma + (c->mby * 16 + by * 4) * s + c->mbx * 16 +
		bx * 4;
	bool tr;

	*top = blk_avail(c, bx, by - 1, cur);
	*left = blk_avail(c, bx - 1, by, cur);
	*tl = blk_avail(c, bx - 1, by - 1, cur);
	tr = blk_avail(c, bx + n / 4, by - 1, cur);
	for (i = 0; i < n; i++) {
		t[i] = *top ? p[i - s] : 128;
		l[i] = *left ? p[i * s - 1] : 128;
	}
	for (i = 0; i < n; i++)
		t[n + i] = tr ? p[n + i - s] : t[n - 1];
	t[-1] = *tl ? p[-s - 1] : 128;
	l[-1] = t[-1];
}

/**
 * h264_pred_intra4x4() - Intra_4x4 prediction of one block (8.3.1.2)
 * @c: decoder
 * @blk: the block, raster index
 * @mode: Intra4x4PredMode
 */
void h264_pred_intra4x4(struct h264_ctx *c, int blk, int mode)
{
	struct vdec_pic *o = c->out;
	int bx = blk & 3, by = blk >> 2;
	u8 tb[1 + 8], lb[1 + 4];
	bool top, left, tl;

	gather(c, bx, by, 4, tb + 1, lb + 1, &top, &left, &tl);
	pred_nxn(o->luma + (c->mby * 16 + by * 4) * o->stride + c->mbx * 16 +
		 bx * 4, o->stride, 4, mode, tb + 1, lb + 1, top, left);
}

/**
 * h264_pred_intra8x8() - Intra_8x8 prediction of one block (8.3.2)
 * @c: decoder
 * @blk8: the 8x8 block (0..3)
 * @mode: Intra8x8PredMode
 */
void h264_pred_intra8x8(struct h264_ctx *c, int blk8, int mode)
{
	struct vdec_pic *o = c->out;
	int bx = (blk8 & 1) * 2, by = (blk8 >> 1) * 2, i;
	u8 tb[1 + 16], lb[1 + 8], ft[1 + 16], fl[1 + 8];
	u8 *t = tb + 1, *l = lb + 1;
	bool top, left, tl;

	gather(c, bx, by, 8, t, l, &top, &left, &tl);
	/* 8.3.2.2.1: reference sample filtering */
	if (top) {
		ft[1] = tl ? avg3(t[-1], t[0], t[1]) : (3 * t[0] + t[1] + 2) >> 2;
		for (i = 1; i < 15; i++)
			ft[1 + i] = avg3(t[i - 1], t[i], t[i + 1]);
		ft[16] = (t[14] + 3 * t[15] + 2) >> 2;
	}
	if (tl) {
		if (top && left)
			ft[0] = avg3(t[0], t[-1], l[0]);
		else if (top)
			ft[0] = (3 * t[-1] + t[0] + 2) >> 2;
		else if (left)
			ft[0] = (3 * t[-1] + l[0] + 2) >> 2;
		else
			ft[0] = t[-1];
	} else {
		ft[0] = 128;
	}
	if (left) {
		fl[1] = tl ? avg3(t[-1], l[0], l[1]) : (3 * l[0] + l[1] + 2) >> 2;
		for (i = 1; i < 7; i++)
			fl[1 + i] = avg3(l[i - 1], l[i], l[i + 1]);
		fl[8] = (l[6] + 3 * l[7] + 2) >> 2;
	}
	if (!top)
		memset(ft + 1, 128, 16);
	if (!left)
		memset(fl + 1, 128, 8);
	fl[0] = ft[0];
	pred_nxn(o->luma + (c->mby * 16 + by * 4) * o->stride + c->mbx * 16 +
		 bx * 4, o->stride, 8, mode, ft + 1, fl + 1, top, left);
}

static bool mb_avail(struct h264_ctx *c, int dx, int dy)
{
	struct h264_mb *m = h264_nb_mb(c, dx, dy);

	return m && ((m->flags & MB_INTRA) ||
		     !(c->p->pps.flags & VDEC_H264_PPS_CONSTRAINED_INTRA_PRED));
}

/*
 * Intra_16x16 (8.3.3) and chroma (8.3.4) prediction of an n x n block of
 * samples @step bytes apart. @mode in chroma numbering: 0 DC, 1 H, 2 V,
 * 3 plane. The chroma DC is per 4x4 block.
 */
static void pred_block(struct h264_ctx *c, u8 *dst, int n, int step,
		       int mode)
{
	int s = c->out->stride, x, y, i, v;
	bool top = mb_avail(c, 0, -1), left = mb_avail(c, -1, 0);
	bool tl = mb_avail(c, -1, -1);
	u8 t[16], l[16], corner;

	for (i = 0; i < n; i++) {
		t[i] = top ? dst[i * step - s] : 128;
		l[i] = left ? dst[i * s - step] : 128;
	}
	corner = tl ? dst[-s - step] : 128;
	if (mode == 3) {
		int h = 0, vv = 0, a, b, cc, k = n / 2;

		for (i = 0; i < k; i++) {
			h += (i + 1) * (t[k + i] - (k - 2 - i >= 0 ? t[k - 2 - i] : corner));
			vv += (i + 1) * (l[k + i] - (k - 2 - i >= 0 ? l[k - 2 - i] : corner));
		}
		a = 16 * (l[n - 1] + t[n - 1]);
		b = n == 16 ? (5 * h + 32) >> 6 : (34 * h + 32) >> 6;
		cc = n == 16 ? (5 * vv + 32) >> 6 : (34 * vv + 32) >> 6;
		for (y = 0; y < n; y++)
			for (x = 0; x < n; x++) {
				v = a + b * (x - k + 1) + cc * (y - k + 1) + 16;
				dst[y * s + x * step] = h264_clip_pixel(v >> 5);
			}
		return;
	}
	for (y = 0; y < n; y++)
		for (x = 0; x < n; x++) {
			if (mode == 1) {
				v = l[y];
			} else if (mode == 2) {
				v = t[x];
			} else if (n == 16) {
				int sum = 0;

				for (i = 0; i < 16; i++)
					sum += (top ? t[i] : 0) + (left ? l[i] : 0);
				v = top && left ? (sum + 16) >> 5 :
					top || left ? (sum + 8) >> 4 : 128;
			} else {
				/* 8.3.4.1-3: chroma DC of the 4x4 block */
				int bx = x & ~3, by = y & ~3, st = 0, sl = 0;
				bool ut = top, ul = left;

				for (i = 0; i < 4; i++) {
					st += t[bx + i];
					sl += l[by + i];
				}
				if ((bx && !by) && top)
					ul = false;
				else if ((by && !bx) && left)
					ut = false;
				v = ut && ul ? (st + sl + 4) >> 3 :
					ut ? (st + 2) >> 2 :
					ul ? (sl + 2) >> 2 : 128;
			}
			dst[y * s + x * step] = v;
		}
}

/**
 * h264_pred_intra16x16() - Intra_16x16 prediction (8.3.3)
 * @c: decoder
 * @mode: Intra16x16PredMode (0 V, 1 H, 2 DC, 3 plane)
 */
void h264_pred_intra16x16(struct h264_ctx *c, int mode)
{
	static const u8 map[4] = { 2, 1, 0, 3 };
	struct vdec_pic *o = c->out;

	pred_block(c, o->luma + c->mby * 16 * o->stride + c->mbx * 16, 16, 1,
		   map[mode & 3]);
}

/**
 * h264_pred_chroma() - intra chroma prediction of both components (8.3.4)
 * @c: decoder
 * @mode: intra_chroma_pred_mode (0 DC, 1 H, 2 V, 3 plane)
 */
void h264_pred_chroma(struct h264_ctx *c, int mode)
{
	struct vdec_pic *o = c->out;
	u8 *p = o->chroma + c->mby * 8 * o->stride + c->mbx * 16;

	pred_block(c, p, 8, 2, mode & 3);
	pred_block(c, p + 1, 8, 2, mode & 3);
}
