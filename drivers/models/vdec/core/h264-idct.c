// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 inverse transforms (8.5.10 - 8.5.13): the
 * 4x4 and 8x8 integer transforms with their add to the prediction, and
 * the luma (Intra_16x16) and chroma DC transforms with their scaling.
 */
#include "h264.h"

/**
 * h264_idct4_add() - inverse 4x4 transform and add to the prediction
 * @dst: top left sample of the prediction
 * @stride: bytes per line
 * @step: bytes per sample (1 luma, 2 interleaved chroma)
 * @blk: scaled coefficients, raster order (clobbered)
 */
void h264_idct4_add(u8 *dst, int stride, int step, s32 *blk)
{
	int i;

	for (i = 0; i < 4; i++) {
		s32 *d = blk + 4 * i;
		s32 e0 = d[0] + d[2], e1 = d[0] - d[2];
		s32 e2 = (d[1] >> 1) - d[3], e3 = d[1] + (d[3] >> 1);

		d[0] = e0 + e3;
		d[1] = e1 + e2;
		d[2] = e1 - e2;
		d[3] = e0 - e3;
	}
	for (i = 0; i < 4; i++) {
		s32 *d = blk + i;
		s32 e0 = d[0] + d[8], e1 = d[0] - d[8];
		s32 e2 = (d[4] >> 1) - d[12], e3 = d[4] + (d[12] >> 1);
		u8 *p = dst + i * step;

		p[0] = h264_clip_pixel(p[0] + ((e0 + e3 + 32) >> 6));
		p[stride] = h264_clip_pixel(p[stride] + ((e1 + e2 + 32) >> 6));
		p[2 * stride] = h264_clip_pixel(p[2 * stride] +
						((e1 - e2 + 32) >> 6));
		p[3 * stride] = h264_clip_pixel(p[3 * stride] +
						((e0 - e3 + 32) >> 6));
	}
}

/* One 1-D 8-point inverse transform (8.5.13.2), @s apart */
static void idct8_1d(s32 *d, int s)
{
	s32 a0 = d[0] + d[4 * s], a4 = d[0] - d[4 * s];
	s32 a2 = (d[2 * s] >> 1) - d[6 * s], a6 = d[2 * s] + (d[6 * s] >> 1);
	s32 b0 = a0 + a6, b2 = a4 + a2, b4 = a4 - a2, b6 = a0 - a6;
	s32 d1 = d[s], d3 = d[3 * s], d5 = d[5 * s], d7 = d[7 * s];
	s32 a1 = -d3 + d5 - d7 - (d7 >> 1);
	s32 a3 = d1 + d7 - d3 - (d3 >> 1);
	s32 a5 = -d1 + d7 + d5 + (d5 >> 1);
	s32 a7 = d3 + d5 + d1 + (d1 >> 1);
	s32 b1 = a1 + (a7 >> 2), b7 = a7 - (a1 >> 2);
	s32 b3 = a3 + (a5 >> 2), b5 = (a3 >> 2) - a5;

	d[0] = b0 + b7;
	d[s] = b2 + b5;
	d[2 * s] = b4 + b3;
	d[3 * s] = b6 + b1;
	d[4 * s] = b6 - b1;
	d[5 * s] = b4 - b3;
	d[6 * s] = b2 - b5;
	d[7 * s] = b0 - b7;
}

/**
 * h264_idct8_add() - inverse 8x8 transform and add to the luma prediction
 * @dst: top left sample of the prediction
 * @stride: bytes per line
 * @blk: scaled coefficients, raster order (clobbered)
 */
void h264_idct8_add(u8 *dst, int stride, s32 *blk)
{
	int i, j;

	for (i = 0; i < 8; i++)
		idct8_1d(blk + 8 * i, 1);
	for (i = 0; i < 8; i++)
		idct8_1d(blk + i, 8);
	for (i = 0; i < 8; i++)
		for (j = 0; j < 8; j++)
			dst[i * stride + j] =
				h264_clip_pixel(dst[i * stride + j] +
						((blk[8 * i + j] + 32) >> 6));
}

/**
 * h264_luma_dc() - Intra_16x16 DC transform and scaling (8.5.10) into the
 *	DC coefficients of the luma 4x4 blocks
 * @c: decoder, with c->ldc holding the DC levels (raster of blocks)
 */
void h264_luma_dc(struct h264_ctx *c)
{
	s32 *m = c->ldc, t[16];
	int qp = c->qp, ls = c->dq4[0][qp % 6][0], i;

	for (i = 0; i < 4; i++) {
		s32 *r = m + 4 * i, *o = t + 4 * i;
		s32 s0 = r[0] + r[1], s1 = r[0] - r[1];
		s32 s2 = r[2] + r[3], s3 = r[2] - r[3];

		o[0] = s0 + s2;
		o[1] = s0 - s2;
		o[2] = s1 - s3;
		o[3] = s1 + s3;
	}
	for (i = 0; i < 4; i++) {
		s32 s0 = t[i] + t[4 + i], s1 = t[i] - t[4 + i];
		s32 s2 = t[8 + i] + t[12 + i], s3 = t[8 + i] - t[12 + i];
		s32 f[4] = { s0 + s2, s0 - s2, s1 - s3, s1 + s3 };
		int k;

		for (k = 0; k < 4; k++) {
			s64 v = (s64)f[k] * ls;

			v = qp >= 36 ? v * (1 << (qp / 6 - 6)) :
				(v + (1 << (5 - qp / 6))) >> (6 - qp / 6);
			c->coef[4 * k + i][0] = h264_clip_coef(v);
		}
	}
}

/**
 * h264_chroma_dc() - chroma DC transform and scaling (8.5.11) into the DC
 *	coefficients of the chroma 4x4 blocks
 * @c: decoder, with c->cdc holding the DC levels
 */
void h264_chroma_dc(struct h264_ctx *c)
{
	int comp, i, list = c->mb->flags & MB_INTRA ? 1 : 4;

	for (comp = 0; comp < 2; comp++) {
		int off = comp ? c->p->pps.second_chroma_qp_index_offset :
			c->p->pps.chroma_qp_index_offset;
		int qpc = h264_chroma_qp[h264_clip3(0, 51, c->qp + off)];
		s32 *d = c->cdc[comp], f[4];
		int ls = c->dq4[list + comp][qpc % 6][0];

		f[0] = d[0] + d[1] + d[2] + d[3];
		f[1] = d[0] - d[1] + d[2] - d[3];
		f[2] = d[0] + d[1] - d[2] - d[3];
		f[3] = d[0] - d[1] - d[2] + d[3];
		for (i = 0; i < 4; i++)
			c->ccoef[comp][i][0] =
				h264_clip_coef(((s64)f[i] * ls * (1 << (qpc / 6))) >> 5);
	}
}
