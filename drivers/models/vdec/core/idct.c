// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: 8x8 inverse DCT.
 *
 * Separable even/odd decomposition of the 8-point IDCT. The column
 * constants are Wk = round(2048 * sqrt(2) * cos(k * pi / 16)), so the
 * column pass yields 4096 * sqrt(2) times the true 1-D transform; the row
 * pass uses 4 times that precision. The row pass keeps 3 bits of fraction
 * (scale 8 * sqrt(2)) and the column pass scales by 2^16 in total. With
 * inputs in [-2048, 2047] every intermediate fits in 31 bits.
 */
#include "idct.h"

#define W1 2841
#define W2 2676
#define W3 2408
#define W4 2048
#define W5 1609
#define W6 1108
#define W7 565

#define COL_SHIFT 16

/*
 * The row pass, whose inputs are only 12 bits, uses 2 more bits of
 * constant: R = round(8192 * sqrt(2) * cos(k * pi / 16)).
 */
#define R1 11363
#define R2 10703
#define R3 9633
#define R4 8192
#define R5 6436
#define R6 4433
#define R7 2260

#define ROW_SHIFT 11

static inline void idct_row(const s16 *in, s32 *out)
{
	s32 x0 = in[0], x1 = in[1], x2 = in[2], x3 = in[3], x4 = in[4];
	s32 x5 = in[5], x6 = in[6], x7 = in[7];
	s32 rnd = 1 << (ROW_SHIFT - 1);
	s32 a0 = R4 * (x0 + x4) + rnd, a1 = R4 * (x0 - x4) + rnd;
	s32 b0 = R2 * x2 + R6 * x6, b1 = R6 * x2 - R2 * x6;
	s32 e0 = a0 + b0, e3 = a0 - b0, e1 = a1 + b1, e2 = a1 - b1;
	s32 o0 = R1 * x1 + R3 * x3 + R5 * x5 + R7 * x7;
	s32 o1 = R3 * x1 - R7 * x3 - R1 * x5 - R5 * x7;
	s32 o2 = R5 * x1 - R1 * x3 + R7 * x5 + R3 * x7;
	s32 o3 = R7 * x1 - R5 * x3 + R3 * x5 - R1 * x7;

	out[0] = (e0 + o0) >> ROW_SHIFT;
	out[7] = (e0 - o0) >> ROW_SHIFT;
	out[1] = (e1 + o1) >> ROW_SHIFT;
	out[6] = (e1 - o1) >> ROW_SHIFT;
	out[2] = (e2 + o2) >> ROW_SHIFT;
	out[5] = (e2 - o2) >> ROW_SHIFT;
	out[3] = (e3 + o3) >> ROW_SHIFT;
	out[4] = (e3 - o3) >> ROW_SHIFT;
}

static void idct_tmp(const s16 *blk, s32 *res)
{
	s32 tmp[64];
	int r, c, i;

	for (r = 0; r < 8; r++) {
		const s16 *row = blk + r * 8;
		s32 *t = tmp + r * 8;

		if (!(row[1] | row[2] | row[3] | row[4] | row[5] | row[6] |
		      row[7])) {
			s32 dc = row[0] * (R4 >> ROW_SHIFT);

			for (i = 0; i < 8; i++)
				t[i] = dc;
			continue;
		}
		idct_row(row, t);
	}
	/* one column per lane: this loop vectorises where SIMD is allowed */
	for (c = 0; c < 8; c++) {
		s32 x0 = tmp[c], x1 = tmp[8 + c], x2 = tmp[16 + c];
		s32 x3 = tmp[24 + c], x4 = tmp[32 + c], x5 = tmp[40 + c];
		s32 x6 = tmp[48 + c], x7 = tmp[56 + c];
		s32 rnd = 1 << (COL_SHIFT - 1);
		s32 a0 = W4 * (x0 + x4) + rnd, a1 = W4 * (x0 - x4) + rnd;
		s32 b0 = W2 * x2 + W6 * x6, b1 = W6 * x2 - W2 * x6;
		s32 e0 = a0 + b0, e3 = a0 - b0, e1 = a1 + b1, e2 = a1 - b1;
		s32 o0 = W1 * x1 + W3 * x3 + W5 * x5 + W7 * x7;
		s32 o1 = W3 * x1 - W7 * x3 - W1 * x5 - W5 * x7;
		s32 o2 = W5 * x1 - W1 * x3 + W7 * x5 + W3 * x7;
		s32 o3 = W7 * x1 - W5 * x3 + W3 * x5 - W1 * x7;

		res[c] = (e0 + o0) >> COL_SHIFT;
		res[56 + c] = (e0 - o0) >> COL_SHIFT;
		res[8 + c] = (e1 + o1) >> COL_SHIFT;
		res[48 + c] = (e1 - o1) >> COL_SHIFT;
		res[16 + c] = (e2 + o2) >> COL_SHIFT;
		res[40 + c] = (e2 - o2) >> COL_SHIFT;
		res[24 + c] = (e3 + o3) >> COL_SHIFT;
		res[32 + c] = (e3 - o3) >> COL_SHIFT;
	}
}

void vdec_idct(s16 *blk)
{
	s32 res[64];
	int i;

	idct_tmp(blk, res);
	for (i = 0; i < 64; i++)
		blk[i] = (s16)res[i];
}

static inline u8 clip_u8(s32 v)
{
	if (v & ~255)
		return v < 0 ? 0 : 255;
	return (u8)v;
}

static inline void put_rows(const s32 *res, u8 *dst, int stride, int step)
{
	int x, y;

	for (y = 0; y < 8; y++, dst += stride, res += 8)
		for (x = 0; x < 8; x++)
			dst[x * step] = clip_u8(res[x]);
}

static inline void add_rows(const s32 *res, u8 *dst, int stride, int step)
{
	int x, y;

	for (y = 0; y < 8; y++, dst += stride, res += 8)
		for (x = 0; x < 8; x++)
			dst[x * step] = clip_u8(dst[x * step] + res[x]);
}

void vdec_idct_put(s16 *blk, u8 *dst, int stride, int step)
{
	s32 res[64];

	idct_tmp(blk, res);
	if (step == 1)
		put_rows(res, dst, stride, 1);
	else
		put_rows(res, dst, stride, 2);
}

void vdec_idct_add(s16 *blk, u8 *dst, int stride, int step)
{
	s32 res[64];

	idct_tmp(blk, res);
	if (step == 1)
		add_rows(res, dst, stride, 1);
	else
		add_rows(res, dst, stride, 2);
}
