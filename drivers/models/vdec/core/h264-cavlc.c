// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 CAVLC entropy decoding (9.1, 9.2) of the
 * macroblock layer (7.3.5): macroblock types, prediction syntax,
 * coded_block_pattern, mb_qp_delta and residual blocks.
 */
#include "h264.h"

/* Table 9-5: coeff_token, [nC class][TrailingOnes][TotalCoeff] */
static const u8 ct_len[3][4][17] = {
	{
		{ 1, 6, 8, 9, 10, 11, 13, 13, 13, 14, 14, 15, 15, 16, 16, 16, 16 },
		{ 0, 2, 6, 8, 9, 10, 11, 13, 13, 14, 14, 15, 15, 15, 16, 16, 16 },
		{ 0, 0, 3, 7, 8, 9, 10, 11, 13, 13, 14, 14, 15, 15, 16, 16, 16 },
		{ 0, 0, 0, 5, 6, 7, 8, 9, 10, 11, 13, 14, 14, 15, 15, 16, 16 },
	}, {
		{ 2, 6, 6, 7, 8, 8, 9, 11, 11, 12, 12, 12, 13, 13, 13, 14, 14 },
		{ 0, 2, 5, 6, 6, 7, 8, 9, 11, 11, 12, 12, 13, 13, 14, 14, 14 },
		{ 0, 0, 3, 6, 6, 7, 8, 9, 11, 11, 12, 12, 13, 13, 13, 14, 14 },
		{ 0, 0, 0, 4, 4, 5, 6, 6, 7, 9, 11, 11, 12, 13, 13, 13, 14 },
	}, {
		{ 4, 6, 6, 6, 7, 7, 7, 7, 8, 8, 9, 9, 9, 10, 10, 10, 10 },
		{ 0, 4, 5, 5, 5, 5, 6, 6, 7, 8, 8, 9, 9, 9, 10, 10, 10 },
		{ 0, 0, 4, 5, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 10 },
		{ 0, 0, 0, 4, 4, 4, 4, 4, 5, 6, 7, 8, 8, 9, 10, 10, 10 },
	},
};

static const u8 ct_code[3][4][17] = {
	{
		{ 1, 5, 7, 7, 7, 7, 15, 11, 8, 15, 11, 15, 11, 15, 11, 7, 4 },
		{ 0, 1, 4, 6, 6, 6, 6, 14, 10, 14, 10, 14, 10, 1, 14, 10, 6 },
		{ 0, 0, 1, 5, 5, 5, 5, 5, 13, 9, 13, 9, 13, 9, 13, 9, 5 },
		{ 0, 0, 0, 3, 3, 4, 4, 4, 4, 4, 12, 12, 8, 12, 8, 12, 8 },
	}, {
		{ 3, 11, 7, 7, 7, 4, 7, 15, 11, 15, 11, 8, 15, 11, 7, 9, 7 },
		{ 0, 2, 7, 10, 6, 6, 6, 6, 14, 10, 14, 10, 14, 10, 11, 8, 6 },
		{ 0, 0, 3, 9, 5, 5, 5, 5, 13, 9, 13, 9, 13, 9, 6, 10, 5 },
		{ 0, 0, 0, 5, 4, 6, 8, 4, 4, 4, 12, 8, 12, 12, 8, 1, 4 },
	}, {
		{ 15, 15, 11, 8, 15, 11, 9, 8, 15, 11, 15, 11, 8, 13, 9, 5, 1 },
		{ 0, 14, 15, 12, 10, 8, 14, 10, 14, 14, 10, 14, 10, 7, 12, 8, 4 },
		{ 0, 0, 13, 14, 11, 9, 13, 9, 13, 10, 13, 9, 13, 9, 11, 7, 3 },
		{ 0, 0, 0, 12, 11, 10, 9, 8, 13, 12, 12, 12, 8, 12, 10, 6, 2 },
	},
};

/* Table 9-5, nC == -1 (chroma DC, 4:2:0) */
static const u8 ct_dc_len[4][5] = {
	{ 2, 6, 6, 6, 6 }, { 0, 1, 6, 7, 8 }, { 0, 0, 3, 7, 8 }, { 0, 0, 0, 6, 7 },
};

static const u8 ct_dc_code[4][5] = {
	{ 1, 7, 4, 3, 2 }, { 0, 1, 6, 3, 3 }, { 0, 0, 1, 2, 2 }, { 0, 0, 0, 5, 0 },
};

/* Tables 9-7, 9-8: total_zeros, [TotalCoeff - 1][total_zeros] */
static const u8 tz_len[15][16] = {
	{ 1, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 9 },
	{ 3, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 6, 6, 6, 6 },
	{ 4, 3, 3, 3, 4, 4, 3, 3, 4, 5, 5, 6, 5, 6 },
	{ 5, 3, 4, 4, 3, 3, 3, 4, 3, 4, 5, 5, 5 },
	{ 4, 4, 4, 3, 3, 3, 3, 3, 4, 5, 4, 5 },
	{ 6, 5, 3, 3, 3, 3, 3, 3, 4, 3, 6 },
	{ 6, 5, 3, 3, 3, 2, 3, 4, 3, 6 },
	{ 6, 4, 5, 3, 2, 2, 3, 3, 6 },
	{ 6, 6, 4, 2, 2, 3, 2, 5 },
	{ 5, 5, 3, 2, 2, 2, 4 },
	{ 4, 4, 3, 3, 1, 3 },
	{ 4, 4, 2, 1, 3 },
	{ 3, 3, 1, 2 },
	{ 2, 2, 1 },
	{ 1, 1 },
};

static const u8 tz_code[15][16] = {
	{ 1, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 3, 2, 1 },
	{ 7, 6, 5, 4, 3, 5, 4, 3, 2, 3, 2, 3, 2, 1, 0 },
	{ 5, 7, 6, 5, 4, 3, 4, 3, 2, 3, 2, 1, 1, 0 },
	{ 3, 7, 5, 4, 6, 5, 4, 3, 3, 2, 2, 1, 0 },
	{ 5, 4, 3, 7, 6, 5, 4, 3, 2, 1, 1, 0 },
	{ 1, 1, 7, 6, 5, 4, 3, 2, 1, 1, 0 },
	{ 1, 1, 5, 4, 3, 3, 2, 1, 1, 0 },
	{ 1, 1, 1, 3, 3, 2, 2, 1, 0 },
	{ 1, 0, 1, 3, 2, 1, 1, 1 },
	{ 1, 0, 1, 3, 2, 1, 1 },
	{ 0, 1, 1, 2, 1, 3 },
	{ 0, 1, 1, 1, 1 },
	{ 0, 1, 1, 1 },
	{ 0, 1, 1 },
	{ 0, 1 },
};

/* Table 9-9 (a): total_zeros of chroma DC 2x2 */
static const u8 tz_dc_len[3][4] = { { 1, 2, 3, 3 }, { 1, 2, 2 }, { 1, 1 } };
static const u8 tz_dc_code[3][4] = { { 1, 1, 1, 0 }, { 1, 1, 0 }, { 1, 0 } };

/* Table 9-10: run_before, [min(zerosLeft, 7) - 1][run_before] */
static const u8 rb_len[7][15] = {
	{ 1, 1 }, { 1, 2, 2 }, { 2, 2, 2, 2 }, { 2, 2, 2, 3, 3 },
	{ 2, 2, 3, 3, 3, 3 }, { 2, 3, 3, 3, 3, 3, 3 },
	{ 3, 3, 3, 3, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10, 11 },
};

static const u8 rb_code[7][15] = {
	{ 1, 0 }, { 1, 1, 0 }, { 3, 2, 1, 0 }, { 3, 2, 1, 1, 0 },
	{ 3, 2, 3, 2, 1, 0 }, { 3, 0, 1, 3, 2, 5, 4 },
	{ 7, 6, 5, 4, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1 },
};

/* A code of a table given as lengths and values; -1 when none matches */
static int vlc_find(struct vdec_bits *b, const u8 *len, const u8 *code,
		    int n)
{
	u32 bits = vdec_bits_peek(b, 16);
	int i;

	for (i = 0; i < n; i++) {
		if (len[i] && bits >> (16 - len[i]) == code[i]) {
			vdec_bits_skip(b, len[i]);
			return i;
		}
	}
	return -1;
}

static int coeff_token(struct vdec_bits *b, int nc, int *t1)
{
	const u8 (*len)[17], (*code)[17];
	u32 bits;
	int t, n;

	if (nc >= 8) {
		bits = vdec_bits_get(b, 6);
		if (bits == 3) {
			*t1 = 0;
			return 0;
		}
		*t1 = bits & 3;
		n = (bits >> 2) + 1;
		return *t1 > n ? -1 : n;
	}
	bits = vdec_bits_peek(b, 16);
	if (nc < 0) {
		for (t = 0; t < 4; t++)
			for (n = t; n < 5; n++)
				if (ct_dc_len[t][n] &&
				    bits >> (16 - ct_dc_len[t][n]) ==
				    ct_dc_code[t][n]) {
					vdec_bits_skip(b, ct_dc_len[t][n]);
					*t1 = t;
					return n;
				}
		return -1;
	}
	len = ct_len[nc < 2 ? 0 : nc < 4 ? 1 : 2];
	code = ct_code[nc < 2 ? 0 : nc < 4 ? 1 : 2];
	for (t = 0; t < 4; t++)
		for (n = t; n < 17; n++)
			if (len[t][n] && bits >> (16 - len[t][n]) == code[t][n]) {
				vdec_bits_skip(b, len[t][n]);
				*t1 = t;
				return n;
			}
	return -1;
}

/* The levels of 9.2.2; false on a bad code */
static bool read_levels(struct vdec_bits *b, int tc, int t1, s32 *level)
{
	int sl = tc > 10 && t1 < 3, i;

	for (i = 0; i < tc; i++) {
		int prefix, size, code;
		u32 bits;

		if (i < t1) {
			level[i] = vdec_bits_get1(b) ? -1 : 1;
			continue;
		}
		bits = vdec_bits_peek(b, 32);
		prefix = bits ? __builtin_clz(bits) : 32;
		if (prefix > 25)
			return false;
		vdec_bits_skip(b, prefix + 1);
		code = min(15, prefix) << sl;
		size = prefix == 14 && !sl ? 4 : prefix >= 15 ? prefix - 3 : sl;
		if (size)
			code += vdec_bits_get(b, size);
		if (prefix >= 15 && !sl)
			code += 15;
		if (prefix >= 16)
			code += (1 << (prefix - 3)) - 4096;
		if (i == t1 && t1 < 3)
			code += 2;
		level[i] = code & 1 ? (-code - 1) >> 1 : (code + 2) >> 1;
		if (abs(level[i]) > 1 << 15)
			return false;	/* outside the 8-bit range of 7.4.5.3 */
		if (!sl)
			sl = 1;
		if (abs(level[i]) > (3 << (sl - 1)) && sl < 6)
			sl++;
	}
	return true;
}

/**
 * residual_block() - residual_block_cavlc() (7.3.5.3.2)
 * @c: decoder
 * @out: coefficient levels, written at scan positions @start..
 * @start: first scan position of the block (0, or 1 for AC blocks)
 * @maxnum: maxNumCoeff (4, 15 or 16)
 * @nc: nC of the block (-1 for chroma DC)
 *
 * Return: TotalCoeff, or -1 on a bad code.
 */
static int residual_block(struct h264_ctx *c, s32 *out, int start, int maxnum,
			  int nc)
{
	struct vdec_bits *b = &c->b;
	s32 level[16];
	int run[16];
	int tc, t1, tz, left, i, k, pos;

	tc = coeff_token(b, nc, &t1);
	if (tc < 0 || tc > maxnum)
		return -1;
	if (!tc)
		return 0;
	if (!read_levels(b, tc, t1, level))
		return -1;
	tz = 0;
	if (tc < maxnum) {
		if (maxnum == 4)
			tz = vlc_find(b, tz_dc_len[tc - 1], tz_dc_code[tc - 1],
				      4 - tc + 1);
		else
			tz = vlc_find(b, tz_len[tc - 1], tz_code[tc - 1],
				      16 - tc + 1);
		if (tz < 0 || tz > maxnum - tc)
			return -1;
	}
	left = tz;
	for (i = 0; i < tc - 1; i++) {
		run[i] = 0;
		if (left > 0) {
			k = min(left, 7) - 1;
			run[i] = vlc_find(b, rb_len[k], rb_code[k], 15);
			if (run[i] < 0 || run[i] > left)
				return -1;
			left -= run[i];
		}
	}
	run[tc - 1] = left;
	pos = -1;
	for (i = tc - 1; i >= 0; i--) {
		pos += run[i] + 1;
		out[start + pos] = level[i];
	}
	return tc;
}

/* nC of a 4x4 block (9.2.1): @comp 0 luma, 1 Cb, 2 Cr; x, y in blocks */
static int block_nc(struct h264_ctx *c, int comp, int x, int y)
{
	struct h264_mb *ma, *mb;
	int na = 0, nb = 0, ia, ib, w = comp ? 2 : 4, base = comp ? 12 + 4 * comp : 0;

	if (x > 0) {
		ma = c->mb;
		ia = base + y * w + x - 1;
	} else {
		ma = h264_nb_mb(c, -1, 0);
		ia = base + y * w + w - 1;
	}
	if (y > 0) {
		mb = c->mb;
		ib = base + (y - 1) * w + x;
	} else {
		mb = h264_nb_mb(c, 0, -1);
		ib = base + (w - 1) * w + x;
	}
	if (ma)
		na = ma->nnz[ia];
	if (mb)
		nb = mb->nnz[ib];
	if (ma && mb)
		return (na + nb + 1) >> 1;
	return na + nb;
}

/* Dequantise 4x4 levels in scan order into raster coefficients (8.5.12.1) */
void h264_dequant4(struct h264_ctx *c, s32 *dst, const s32 *lvl, int start,
		   int list, int qp)
{
	const u16 *ls = c->dq4[list][qp % 6];
	int i, sh = qp / 6;

	for (i = start; i < 16; i++) {
		int pos = h264_zigzag4[i];
		s64 v = (s64)lvl[i] * ls[pos];

		if (!lvl[i]) {
			dst[pos] = 0;
			continue;
		}
		v = sh >= 4 ? v * (1 << (sh - 4)) : (v + (1 << (3 - sh))) >> (4 - sh);
		dst[pos] = h264_clip_coef(v);
	}
}

void h264_dequant8(struct h264_ctx *c, s32 *dst, const s32 *lvl, int list,
		   int qp)
{
	const u16 *ls = c->dq8[list][qp % 6];
	int i, sh = qp / 6;

	for (i = 0; i < 64; i++) {
		int pos = h264_zigzag8[i];
		s64 v = (s64)lvl[i] * ls[pos];

		v = sh >= 6 ? v * (1 << (sh - 6)) : (v + (1 << (5 - sh))) >> (6 - sh);
		dst[pos] = h264_clip_coef(v);
	}
}

int h264_chroma_qp_of(struct h264_ctx *c, int comp)
{
	int off = comp ? c->p->pps.second_chroma_qp_index_offset :
		c->p->pps.chroma_qp_index_offset;

	return h264_chroma_qp[h264_clip3(0, 51, c->qp + off)];
}

static int luma_residual(struct h264_ctx *c)
{
	struct h264_mb *mb = c->mb;
	bool i16 = mb->flags & MB_I16, t8 = mb->flags & MB_T8X8;
	int list = mb->flags & MB_INTRA ? 0 : 3, i8, i4, n;
	s32 lvl[16], lvl8[64];

	if (i16) {
		memset(lvl, 0, sizeof(lvl));
		n = residual_block(c, lvl, 0, 16, block_nc(c, 0, 0, 0));
		if (n < 0)
			return -1;
		for (i4 = 0; i4 < 16; i4++)
			c->ldc[h264_zigzag4[i4]] = lvl[i4];
	}
	for (i8 = 0; i8 < 4; i8++) {
		if (!(mb->cbp & (1 << i8)))
			continue;
		memset(lvl8, 0, sizeof(lvl8));
		for (i4 = 0; i4 < 4; i4++) {
			int blk = h264_blk_raster[i8 * 4 + i4];

			memset(lvl, 0, sizeof(lvl));
			n = residual_block(c, lvl, i16, 16 - i16,
					   block_nc(c, 0, blk & 3, blk >> 2));
			if (n < 0)
				return -1;
			mb->nnz[blk] = n;
			if (t8) {
				int k;

				for (k = 0; k < 16; k++)
					lvl8[4 * k + i4] = lvl[k];
			} else if (n || i16) {
				if (n)
					mb->nz |= 1 << blk;
				h264_dequant4(c, c->coef[blk], lvl, i16, list, c->qp);
			}
		}
		if (t8) {
			int blk = h264_blk_raster[i8 * 4];

			if (mb->nnz[blk] | mb->nnz[blk + 1] | mb->nnz[blk + 4] |
			    mb->nnz[blk + 5])
				mb->nz |= 0x33 << blk;
			h264_dequant8(c, c->coef8[i8], lvl8, list ? 1 : 0, c->qp);
		}
	}
	return 0;
}

static int chroma_residual(struct h264_ctx *c)
{
	struct h264_mb *mb = c->mb;
	int list = mb->flags & MB_INTRA ? 1 : 4, comp, i, n;
	s32 lvl[16];

	if (!(mb->cbp >> 4))
		return 0;
	for (comp = 0; comp < 2; comp++) {
		memset(lvl, 0, sizeof(lvl));
		n = residual_block(c, lvl, 0, 4, -1);
		if (n < 0)
			return -1;
		memcpy(c->cdc[comp], lvl, sizeof(c->cdc[comp]));
	}
	if (!(mb->cbp & 0x20))
		return 0;
	for (comp = 0; comp < 2; comp++) {
		int qpc = h264_chroma_qp_of(c, comp);

		for (i = 0; i < 4; i++) {
			memset(lvl, 0, sizeof(lvl));
			n = residual_block(c, lvl, 1, 15,
					   block_nc(c, comp + 1, i & 1, i >> 1));
			if (n < 0)
				return -1;
			mb->nnz[16 + comp * 4 + i] = n;
			h264_dequant4(c, c->ccoef[comp][i], lvl, 1, list + comp, qpc);
		}
	}
	return 0;
}

/* Clear the coefficient state of the current macroblock */
void h264_clear_coefs(struct h264_ctx *c)
{
	/* coef8 is not: each 8x8 block the IDCT reads was fully dequantised */
	memset(c->coef, 0, sizeof(c->coef));
	memset(c->ccoef, 0, sizeof(c->ccoef));
	memset(c->cdc, 0, sizeof(c->cdc));
	memset(c->ldc, 0, sizeof(c->ldc));
	memset(c->mb->nnz, 0, sizeof(c->mb->nnz));
	c->mb->nz = 0;
}

int h264_pcm(struct h264_ctx *c)
{
	struct vdec_pic *o = c->out;
	u8 *y = o->luma + c->mby * 16 * o->stride + c->mbx * 16;
	u8 *uv = o->chroma + c->mby * 8 * o->stride + c->mbx * 16;
	int i, j, comp;

	vdec_bits_skip(&c->b, (8 - (vdec_bits_pos(&c->b) & 7)) & 7);
	for (i = 0; i < 16; i++)
		for (j = 0; j < 16; j++)
			y[i * o->stride + j] = vdec_bits_get(&c->b, 8);
	for (comp = 0; comp < 2; comp++)
		for (i = 0; i < 8; i++)
			for (j = 0; j < 8; j++)
				uv[i * o->stride + 2 * j + (comp ^ c->cb_off)] =
					vdec_bits_get(&c->b, 8);
	memset(c->mb->nnz, 16, sizeof(c->mb->nnz));
	c->mb->nz = 0xffff;
	c->mb->qp = 0;
	c->mb->cbp = 0x2f;
	return 0;
}

static int ref_idx(struct h264_ctx *c, int list)
{
	int range = c->sl.num_ref[list] - 1;
	u32 v;

	if (range <= 0)
		return 0;
	if (range == 1)
		return !vdec_bits_get1(&c->b);
	v = h264_ue(&c->b, &c->err);
	return v > range ? -1 : v;
}

/**
 * h264_intra_mb_type() - an I macroblock's mb_type (Table 7-11) into @d
 * @d: the macroblock being parsed
 * @t: mb_type of an I slice, 0..25 (both entropy coders' value)
 *
 * Sets MB_INTRA and MB_PCM, or MB_I16 with the prediction mode and the
 * coded block pattern the type implies, or MB_INXN.
 *
 * Return: true for I_NxN, whose transform_size_8x8_flag and prediction
 * modes the caller reads next.
 */
bool h264_intra_mb_type(struct h264_mbd *d, int t)
{
	d->flags |= MB_INTRA;
	if (t == 25) {
		d->flags |= MB_PCM;
	} else if (t) {
		d->flags |= MB_I16;
		d->i16_mode = (t - 1) & 3;
		d->cbp = ((t - 1) / 4 % 3) << 4 | (t >= 13 ? 15 : 0);
	} else {
		d->flags |= MB_INXN;
	}
	return !t;
}

/* Sub-macroblock shapes: 0 8x8, 1 8x4, 2 4x8, 3 4x4 */
void h264_add_parts(struct h264_mbd *d, int x, int y, int shape, int pred)
{
	static const u8 wh[4][2] = { { 2, 2 }, { 2, 1 }, { 1, 2 }, { 1, 1 } };
	int w = wh[shape][0], h = wh[shape][1], i, j;

	for (j = 0; j < 2; j += h)
		for (i = 0; i < 2; i += w) {
			struct h264_part *p = &d->parts[d->nparts++];

			memset(p, 0, sizeof(*p));
			p->x = x + i;
			p->y = y + j;
			p->w = w;
			p->h = h;
			p->pred = pred;
		}
}

/* B sub_mb_type -> pred bits (0 direct) and shape */
const u8 h264_b_sub_pred[13] = { 4, 1, 2, 3, 1, 1, 2, 2, 3, 3, 1, 2, 3 };
const u8 h264_b_sub_shape[13] = { 0, 0, 0, 0, 1, 2, 1, 2, 1, 2, 3, 3, 3 };

/* Parse sub_mb_pred(); false on an invalid code */
static bool sub_mb_pred(struct h264_ctx *c, bool ref0, bool *small)
{
	struct h264_mbd *d = &c->mbd;
	bool bslice = c->sl.type == H264_SLICE_B;
	u8 first[5];
	int i, l, k, pred[4], shape[4];
	u32 t;

	for (i = 0; i < 4; i++) {
		t = h264_ue(&c->b, &c->err);
		if (t > (bslice ? 12u : 3u))
			return false;
		pred[i] = bslice ? h264_b_sub_pred[t] : 1;
		shape[i] = bslice ? h264_b_sub_shape[t] : t;
		if (pred[i] == 4 ?
		    !(c->p->sps.flags & VDEC_H264_SPS_DIRECT_8X8_INFERENCE) :
		    shape[i])
			*small = true;
	}
	d->nparts = 0;
	for (i = 0; i < 4; i++) {
		first[i] = d->nparts;
		h264_add_parts(d, (i & 1) * 2, (i >> 1) * 2, shape[i], pred[i]);
	}
	first[4] = d->nparts;
	for (l = 0; l < 2; l++)
		for (i = 0; i < 4; i++) {
			int r = 0;

			if (!(pred[i] & (1 << l)) || pred[i] == 4)
				continue;
			if (!ref0) {
				r = ref_idx(c, l);
				if (r < 0)
					return false;
			}
			for (k = first[i]; k < first[i + 1]; k++)
				d->parts[k].ref[l] = r;
		}
	for (l = 0; l < 2; l++)
		for (k = 0; k < d->nparts; k++) {
			struct h264_part *p = &d->parts[k];

			if (!(p->pred & (1 << l)) || p->pred == 4)
				continue;
			p->mvd[l][0] = h264_se(&c->b, &c->err);
			p->mvd[l][1] = h264_se(&c->b, &c->err);
		}
	return true;
}

/* B mb_type 1..21 -> pred bits of the partitions */
const u8 h264_b_pred[22][2] = {
	{ 0, 0 }, { 1, 0 }, { 2, 0 }, { 3, 0 },
	{ 1, 1 }, { 1, 1 }, { 2, 2 }, { 2, 2 }, { 1, 2 }, { 1, 2 },
	{ 2, 1 }, { 2, 1 }, { 1, 3 }, { 1, 3 }, { 2, 3 }, { 2, 3 },
	{ 3, 1 }, { 3, 1 }, { 3, 2 }, { 3, 2 }, { 3, 3 }, { 3, 3 },
};

/**
 * h264_inter_parts() - the partitions of a 16x16, 16x8 or 8x16 macroblock
 * @d: macroblock syntax
 * @parts: 1 or 2
 * @shape_8x16: 8x16 rather than 16x8
 * @pred: prediction bits of each partition
 */
void h264_inter_parts(struct h264_mbd *d, int parts, int shape_8x16,
		      const u8 *pred)
{
	int k;

	d->nparts = parts;
	for (k = 0; k < parts; k++) {
		struct h264_part *p = &d->parts[k];

		memset(p, 0, sizeof(*p));
		p->pred = pred[k];
		p->w = parts == 1 || !shape_8x16 ? 4 : 2;
		p->h = parts == 1 || shape_8x16 ? 4 : 2;
		p->x = shape_8x16 ? 2 * k : 0;
		p->y = shape_8x16 ? 0 : 2 * k;
	}
}

/* Parse mb_pred() of inter partitions; false on an invalid code */
static bool inter_pred(struct h264_ctx *c, int parts, int shape_8x16,
		       const u8 *pred)
{
	struct h264_mbd *d = &c->mbd;
	int k, l;

	h264_inter_parts(d, parts, shape_8x16, pred);
	for (l = 0; l < 2; l++)
		for (k = 0; k < parts; k++)
			if (d->parts[k].pred & (1 << l)) {
				int r = ref_idx(c, l);

				if (r < 0)
					return false;
				d->parts[k].ref[l] = r;
			}
	for (l = 0; l < 2; l++)
		for (k = 0; k < parts; k++)
			if (d->parts[k].pred & (1 << l)) {
				d->parts[k].mvd[l][0] = h264_se(&c->b, &c->err);
				d->parts[k].mvd[l][1] = h264_se(&c->b, &c->err);
			}
	return true;
}

static void intra_modes(struct h264_ctx *c, int n)
{
	int i;

	for (i = 0; i < n; i++)
		c->mbd.ipm[i] = vdec_bits_get1(&c->b) ? -1 :
			(s8)vdec_bits_get(&c->b, 3);
}

/* mb_type and prediction syntax; returns -1 on an invalid code */
static int mb_type_pred(struct h264_ctx *c, bool *small)
{
	struct h264_mbd *d = &c->mbd;
	u32 t = h264_ue(&c->b, &c->err);
	static const u8 one[2] = { 1, 1 };

	if (c->sl.type == H264_SLICE_P || c->sl.type == H264_SLICE_SP) {
		if (t < 3)
			return inter_pred(c, t ? 2 : 1, t == 2, one) ? 0 : -1;
		if (t < 5)
			return sub_mb_pred(c, t == 4, small) ? 0 : -1;
		t -= 5;
	} else if (c->sl.type == H264_SLICE_B) {
		if (t == 0) {
			d->flags |= MB_DIRECT;
			*small = !(c->p->sps.flags &
				   VDEC_H264_SPS_DIRECT_8X8_INFERENCE);
			d->nparts = 0;
			h264_add_parts(d, 0, 0, 0, 4);
			h264_add_parts(d, 2, 0, 0, 4);
			h264_add_parts(d, 0, 2, 0, 4);
			h264_add_parts(d, 2, 2, 0, 4);
			return 0;
		}
		if (t < 22)
			return inter_pred(c, t < 4 ? 1 : 2, t >= 4 && (t & 1),
					  h264_b_pred[t]) ? 0 : -1;
		if (t == 22)
			return sub_mb_pred(c, false, small) ? 0 : -1;
		t -= 23;
	}
	if (t > 25)
		return -1;
	if (h264_intra_mb_type(d, t)) {
		if ((c->p->pps.flags & VDEC_H264_PPS_TRANSFORM_8X8_MODE) &&
		    vdec_bits_get1(&c->b))
			d->flags |= MB_T8X8;
		intra_modes(c, d->flags & MB_T8X8 ? 4 : 16);
	} else if (d->flags & MB_PCM) {
		return 0;
	}
	t = h264_ue(&c->b, &c->err);
	if (t > 3)
		return -1;
	d->chroma_mode = t;
	return 0;
}

/**
 * h264_cavlc_mb() - parse one (not skipped) macroblock_layer() with CAVLC
 * @c: decoder, at the macroblock
 *
 * Fills c->mbd, the macroblock's flags, cbp, QP and coefficient state.
 *
 * Return: 0, or -1 on a bitstream error.
 */
int h264_cavlc_mb(struct h264_ctx *c)
{
	struct h264_mbd *d = &c->mbd;
	struct h264_mb *mb = c->mb;
	bool small = false;
	u32 t;

	memset(d, 0, sizeof(*d));
	h264_clear_coefs(c);
	if (mb_type_pred(c, &small) < 0 || c->err)
		return -1;
	mb->flags = d->flags;
	if (d->flags & MB_PCM)
		return h264_pcm(c);
	if (!(d->flags & MB_I16)) {
		t = h264_ue(&c->b, &c->err);
		if (t > 47)
			return -1;
		d->cbp = d->flags & MB_INTRA ? h264_cbp_intra[t] :
			h264_cbp_inter[t];
		if ((d->cbp & 15) && !(d->flags & MB_INTRA) && !small &&
		    (c->p->pps.flags & VDEC_H264_PPS_TRANSFORM_8X8_MODE) &&
		    vdec_bits_get1(&c->b))
			d->flags |= MB_T8X8;
	}
	mb->flags = d->flags;
	mb->cbp = d->cbp;
	mb->chroma_pred = d->chroma_mode;
	if (d->cbp || (d->flags & MB_I16)) {
		s32 dq = h264_se(&c->b, &c->err);

		if (dq < -26 || dq > 25)
			return -1;
		if (h264_mb_qp_update(c, dq) < 0)
			return -1;
	}
	mb->qp = c->qp;
	if (luma_residual(c) < 0 || chroma_residual(c) < 0)
		return -1;
	return c->err ? -1 : 0;
}

/**
 * h264_cavlc_skip_run() - read mb_skip_run
 * @c: decoder
 * @run: set to the run
 *
 * Return: 0, or -1 on a bitstream error.
 */
int h264_cavlc_skip_run(struct h264_ctx *c, u32 *run)
{
	*run = h264_ue(&c->b, &c->err);
	return c->err ? -1 : 0;
}
