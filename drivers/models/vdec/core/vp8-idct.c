// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: VP8 inverse WHT and inverse DCT with the
 * summation of predictor and residue (RFC 6386 14.3 - 14.5).
 */
#include "vp8.h"

static inline u8 clip8(int v)
{
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

/**
 * vp8_iwht() - inverse WHT of the Y2 block into the Y blocks' DC
 * @coef: the macroblock's coefficients; coef[24] is the Y2 block (cleared)
 */
void vp8_iwht(s16 coef[25][16])
{
	s16 *ip = coef[24];
	s16 t[16];
	int i;

	for (i = 0; i < 4; i++) {
		int a1 = ip[i] + ip[12 + i], b1 = ip[4 + i] + ip[8 + i];
		int c1 = ip[4 + i] - ip[8 + i], d1 = ip[i] - ip[12 + i];

		t[i] = a1 + b1;
		t[4 + i] = c1 + d1;
		t[8 + i] = a1 - b1;
		t[12 + i] = d1 - c1;
	}
	for (i = 0; i < 4; i++) {
		const s16 *r = &t[4 * i];
		int a1 = r[0] + r[3], b1 = r[1] + r[2];
		int c1 = r[1] - r[2], d1 = r[0] - r[3];

		coef[4 * i][0] = (s16)((a1 + b1 + 3) >> 3);
		coef[4 * i + 1][0] = (s16)((c1 + d1 + 3) >> 3);
		coef[4 * i + 2][0] = (s16)((a1 - b1 + 3) >> 3);
		coef[4 * i + 3][0] = (s16)((d1 - c1 + 3) >> 3);
	}
	memset(ip, 0, 16 * sizeof(*ip));
}

/* x * sqrt2 cos(pi/8), x * sqrt2 sin(pi/8) in 16-bit fixed point */
static inline int mul_c(int x)
{
	return x + ((x * 20091) >> 16);
}

static inline int mul_s(int x)
{
	return (x * 35468) >> 16;
}

/**
 * vp8_idct_add() - inverse DCT a block and add it to the prediction
 * @blk: 16 dequantised coefficients, raster order (cleared)
 * @dst: the prediction, replaced by the reconstruction
 * @stride: bytes per line of @dst
 */
void vp8_idct_add(s16 *blk, u8 *dst, int stride)
{
	s16 t[16];
	int i;

	for (i = 0; i < 4; i++) {
		int a1 = blk[i] + blk[8 + i], b1 = blk[i] - blk[8 + i];
		int c1 = mul_s(blk[4 + i]) - mul_c(blk[12 + i]);
		int d1 = mul_c(blk[4 + i]) + mul_s(blk[12 + i]);

		t[i] = a1 + d1;
		t[12 + i] = a1 - d1;
		t[4 + i] = b1 + c1;
		t[8 + i] = b1 - c1;
	}
	for (i = 0; i < 4; i++, dst += stride) {
		const s16 *r = &t[4 * i];
		int a1 = r[0] + r[2], b1 = r[0] - r[2];
		int c1 = mul_s(r[1]) - mul_c(r[3]);
		int d1 = mul_c(r[1]) + mul_s(r[3]);

		dst[0] = clip8(dst[0] + (s16)((a1 + d1 + 4) >> 3));
		dst[3] = clip8(dst[3] + (s16)((a1 - d1 + 4) >> 3));
		dst[1] = clip8(dst[1] + (s16)((b1 + c1 + 4) >> 3));
		dst[2] = clip8(dst[2] + (s16)((b1 - c1 + 4) >> 3));
	}
	memset(blk, 0, 16 * sizeof(*blk));
}

/**
 * vp8_idct_dc_add() - vp8_idct_add() of a block whose only coefficient
 *	is the DC
 * @blk: the block (cleared)
 * @dst: the prediction, replaced by the reconstruction
 * @stride: bytes per line of @dst
 */
void vp8_idct_dc_add(s16 *blk, u8 *dst, int stride)
{
	int dc = (blk[0] + 4) >> 3, x, y;

	for (y = 0; y < 4; y++, dst += stride)
		for (x = 0; x < 4; x++)
			dst[x] = clip8(dst[x] + dc);
	blk[0] = 0;
}
