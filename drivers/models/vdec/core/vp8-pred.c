// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: VP8 intra prediction (RFC 6386 12) in the
 * macroblock work areas of struct vp8_ctx.
 *
 * Work areas: the luma one (c->ws, VP8_WS_STRIDE bytes per line) has the
 * row above the macroblock in line 0 (column 0 the pixel above-left,
 * columns 17..20 the four above-right) and the column to its left in
 * column 0 of lines 1..16; the macroblock itself is lines 1..16, columns
 * 1..16. The chroma ones (c->wu, c->wv, VP8_WC_STRIDE) likewise with 8.
 * Outside the frame, the row above is 127 and the column left is 129.
 */
#include "vp8.h"

static inline u8 clip8(int v)
{
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

static void chroma_edges(struct vp8_ctx *c, u8 *w, int off)
{
	const struct vdec_pic *o = c->out;
	int x0 = c->mb_x * 8, y0 = c->mb_y * 8, i;
	const u8 *src;

	if (!c->mb_y) {
		memset(w, 127, 9);
	} else {
		src = o->chroma + (y0 - 1) * o->stride + 2 * x0 + off;
		w[0] = c->mb_x ? src[-2] : 129;
		for (i = 0; i < 8; i++)
			w[1 + i] = src[2 * i];
	}
	src = o->chroma + y0 * o->stride + 2 * x0 + off - 2;
	for (i = 0; i < 8; i++)
		w[(1 + i) * VP8_WC_STRIDE] = c->mb_x ? src[i * o->stride] : 129;
}

/**
 * vp8_pred_edges() - load the work areas' edges from the picture
 * @c: decoder, at the macroblock to predict
 */
void vp8_pred_edges(struct vp8_ctx *c)
{
	const struct vdec_pic *o = c->out;
	int x0 = c->mb_x * 16, y0 = c->mb_y * 16, i;
	u8 *w = c->ws;
	const u8 *src;

	if (!c->mb_y) {
		memset(w, 127, 21);
	} else {
		src = o->luma + (y0 - 1) * o->stride + x0;
		w[0] = c->mb_x ? src[-1] : 129;
		memcpy(w + 1, src, 16);
		if (c->mb_x < c->mb_w - 1)
			memcpy(w + 17, src + 16, 4);
		else
			memset(w + 17, src[15], 4);
	}
	src = o->luma + y0 * o->stride + x0 - 1;
	for (i = 0; i < 16; i++)
		w[(1 + i) * VP8_WS_STRIDE] = c->mb_x ? src[i * o->stride] : 129;
	chroma_edges(c, c->wu, c->cb_off);
	chroma_edges(c, c->wv, 1 - c->cb_off);
}

/* A whole-block mode on an n x n block of a work area */
static void pred_block(u8 *w, int stride, int n, int mode, bool top,
		       bool left)
{
	u8 *dst = w + stride + 1;
	int x, y, sum = 0, shift = n == 16 ? 3 : 2, v;

	switch (mode) {
	case VP8_DC_PRED:
		if (top)
			for (x = 0; x < n; x++)
				sum += w[1 + x];
		if (left)
			for (y = 0; y < n; y++)
				sum += w[(1 + y) * stride];
		shift += top + left;
		v = top || left ? (sum + (1 << (shift - 1))) >> shift : 128;
		for (y = 0; y < n; y++)
			memset(dst + y * stride, v, n);
		break;
	case VP8_V_PRED:
		for (y = 0; y < n; y++)
			memcpy(dst + y * stride, w + 1, n);
		break;
	case VP8_H_PRED:
		for (y = 0; y < n; y++)
			memset(dst + y * stride, w[(1 + y) * stride], n);
		break;
	default:
		for (y = 0; y < n; y++) {
			int d = w[(1 + y) * stride] - w[0];

			for (x = 0; x < n; x++)
				dst[y * stride + x] = clip8(w[1 + x] + d);
		}
		break;
	}
}

/**
 * vp8_pred_intra16() - 16x16 luma prediction into the work area
 * @c: decoder
 * @mode: VP8_DC_PRED .. VP8_TM_PRED
 */
void vp8_pred_intra16(struct vp8_ctx *c, int mode)
{
	pred_block(c->ws, VP8_WS_STRIDE, 16, mode, c->mb_y, c->mb_x);
}

/**
 * vp8_pred_chroma() - 8x8 chroma prediction into the work areas
 * @c: decoder
 * @mode: VP8_DC_PRED .. VP8_TM_PRED
 */
void vp8_pred_chroma(struct vp8_ctx *c, int mode)
{
	pred_block(c->wu, VP8_WC_STRIDE, 8, mode, c->mb_y, c->mb_x);
	pred_block(c->wv, VP8_WC_STRIDE, 8, mode, c->mb_y, c->mb_x);
}

#define AVG3(x, y, z)	(((x) + 2 * (y) + (z) + 2) >> 2)
#define AVG2(x, y)	(((x) + (y) + 1) >> 1)

static void pred_diag_left(u8 b[4][4], const u8 *a, const u8 *l)
{
	int r, k;

	for (r = 0; r < 4; r++)
		for (k = 0; k < 4; k++) {
			int i = r + k;

			b[r][k] = i < 6 ? AVG3(a[i], a[i + 1], a[i + 2]) :
					  AVG3(a[6], a[7], a[7]);
		}
}

static void pred_vert_left(u8 b[4][4], const u8 *a)
{
	int v;

	b[0][0] = AVG2(a[0], a[1]);
	b[1][0] = AVG3(a[0], a[1], a[2]);
	v = AVG2(a[1], a[2]);
	b[2][0] = v;
	b[0][1] = v;
	v = AVG3(a[1], a[2], a[3]);
	b[1][1] = v;
	b[3][0] = v;
	v = AVG2(a[2], a[3]);
	b[2][1] = v;
	b[0][2] = v;
	v = AVG3(a[2], a[3], a[4]);
	b[3][1] = v;
	b[1][2] = v;
	v = AVG2(a[3], a[4]);
	b[2][2] = v;
	b[0][3] = v;
	v = AVG3(a[3], a[4], a[5]);
	b[3][2] = v;
	b[1][3] = v;
	b[2][3] = AVG3(a[4], a[5], a[6]);
	b[3][3] = AVG3(a[5], a[6], a[7]);
}

/* Modes on the edge e[0..8] = L3 L2 L1 L0 P A0 A1 A2 A3 */
static void pred_edge_modes(u8 b[4][4], const u8 *e, int mode)
{
	int r, k, v;

	switch (mode) {
	case VP8_B_RD_PRED:
		for (r = 0; r < 4; r++)
			for (k = 0; k < 4; k++) {
				int i = 4 - r + k;

				b[r][k] = AVG3(e[i - 1], e[i], e[i + 1]);
			}
		break;
	case VP8_B_VR_PRED:
		b[3][0] = AVG3(e[1], e[2], e[3]);
		b[2][0] = AVG3(e[2], e[3], e[4]);
		v = AVG3(e[3], e[4], e[5]);
		b[3][1] = v;
		b[1][0] = v;
		v = AVG2(e[4], e[5]);
		b[2][1] = v;
		b[0][0] = v;
		v = AVG3(e[4], e[5], e[6]);
		b[3][2] = v;
		b[1][1] = v;
		v = AVG2(e[5], e[6]);
		b[2][2] = v;
		b[0][1] = v;
		v = AVG3(e[5], e[6], e[7]);
		b[3][3] = v;
		b[1][2] = v;
		v = AVG2(e[6], e[7]);
		b[2][3] = v;
		b[0][2] = v;
		b[1][3] = AVG3(e[6], e[7], e[8]);
		b[0][3] = AVG2(e[7], e[8]);
		break;
	default: /* VP8_B_HD_PRED */
		b[3][0] = AVG2(e[0], e[1]);
		b[3][1] = AVG3(e[0], e[1], e[2]);
		v = AVG2(e[1], e[2]);
		b[2][0] = v;
		b[3][2] = v;
		v = AVG3(e[1], e[2], e[3]);
		b[2][1] = v;
		b[3][3] = v;
		v = AVG2(e[2], e[3]);
		b[2][2] = v;
		b[1][0] = v;
		v = AVG3(e[2], e[3], e[4]);
		b[2][3] = v;
		b[1][1] = v;
		v = AVG2(e[3], e[4]);
		b[1][2] = v;
		b[0][0] = v;
		v = AVG3(e[3], e[4], e[5]);
		b[1][3] = v;
		b[0][1] = v;
		b[0][2] = AVG3(e[4], e[5], e[6]);
		b[0][3] = AVG3(e[5], e[6], e[7]);
		break;
	}
}

static void pred_horiz_up(u8 b[4][4], const u8 *l)
{
	int v;

	b[0][0] = AVG2(l[0], l[1]);
	b[0][1] = AVG3(l[0], l[1], l[2]);
	v = AVG2(l[1], l[2]);
	b[0][2] = v;
	b[1][0] = v;
	v = AVG3(l[1], l[2], l[3]);
	b[0][3] = v;
	b[1][1] = v;
	v = AVG2(l[2], l[3]);
	b[1][2] = v;
	b[2][0] = v;
	v = AVG3(l[2], l[3], l[3]);
	b[1][3] = v;
	b[2][1] = v;
	v = l[3];
	b[2][2] = v;
	b[2][3] = v;
	v = l[3];
	b[3][0] = v;
	b[3][1] = v;
	b[3][2] = v;
	b[3][3] = v;
}

static void pred_simple(u8 b[4][4], const u8 *a, const u8 *l, int mode)
{
	int r, k, v = 4;

	switch (mode) {
	case VP8_B_DC_PRED:
		for (k = 0; k < 4; k++)
			v += a[k] + l[k];
		memset(b, v >> 3, 16);
		break;
	case VP8_B_TM_PRED:
		for (r = 0; r < 4; r++)
			for (k = 0; k < 4; k++)
				b[r][k] = clip8(l[r] + a[k] - a[-1]);
		break;
	case VP8_B_VE_PRED:
		for (k = 0; k < 4; k++)
			b[0][k] = AVG3(a[k - 1], a[k], a[k + 1]);
		for (r = 1; r < 4; r++)
			memcpy(b[r], b[0], 4);
		break;
	default: /* VP8_B_HE_PRED */
		for (r = 0; r < 4; r++)
			memset(b[r], AVG3(r ? l[r - 1] : a[-1], l[r],
					  l[r < 3 ? r + 1 : 3]), 4);
		break;
	}
}

/**
 * vp8_pred_sub() - predict a 4x4 luma subblock (RFC 6386 12.3)
 * @dst: the subblock in the work area: its edges are around it
 * @stride: bytes per line
 * @mode: VP8_B_DC_PRED .. VP8_B_HU_PRED
 */
void vp8_pred_sub(u8 *dst, int stride, int mode)
{
	const u8 *a = dst - stride;
	u8 l[4], e[9], b[4][4];
	int r;

	for (r = 0; r < 4; r++)
		l[r] = dst[r * stride - 1];
	switch (mode) {
	case VP8_B_DC_PRED:
	case VP8_B_TM_PRED:
	case VP8_B_VE_PRED:
	case VP8_B_HE_PRED:
		pred_simple(b, a, l, mode);
		break;
	case VP8_B_LD_PRED:
		pred_diag_left(b, a, l);
		break;
	case VP8_B_VL_PRED:
		pred_vert_left(b, a);
		break;
	case VP8_B_HU_PRED:
		pred_horiz_up(b, l);
		break;
	default:
		for (r = 0; r < 4; r++)
			e[r] = l[3 - r];
		memcpy(e + 4, a - 1, 5);
		pred_edge_modes(b, e, mode);
		break;
	}
	for (r = 0; r < 4; r++)
		memcpy(dst + r * stride, b[r], 4);
}
