// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 CABAC residual (7.3.5.3.3): coded_block_flag,
 * significant_coeff_flag, last_significant_coeff_flag and
 * coeff_abs_level_minus1 with their contexts (9.3.3.1.1.9, 9.3.3.1.3),
 * into the dequantised coefficients of the macroblock.
 */
#include "h264.h"

/* ctxBlockCat */
#define CAT_LUMA_DC	0
#define CAT_LUMA_AC	1
#define CAT_LUMA_4X4	2
#define CAT_CHROMA_DC	3
#define CAT_CHROMA_AC	4
#define CAT_LUMA_8X8	5

#define CTX_CBF		85
#define CTX_SIG		105
#define CTX_LAST	166
#define CTX_ABS		227
#define CTX_SIG8	402
#define CTX_LAST8	417
#define CTX_ABS8	426

/* ctxBlockCatOffset (Table 9-40), categories 0..4 */
static const u8 cbf_off[5] = { 0, 4, 8, 12, 16 };
static const u8 sig_off[5] = { 0, 15, 29, 44, 47 };
static const u8 abs_off[5] = { 0, 10, 20, 30, 39 };

/* Table 9-43: ctxIdxInc of 8x8 blocks (frame coded) per scan position */
static const u8 sig8[63] = {
	0, 1, 2, 3, 4, 5, 5, 4, 4, 3, 3, 4, 4, 4, 5, 5,
	4, 4, 4, 4, 3, 3, 6, 7, 7, 7, 8, 9, 10, 9, 8, 7,
	7, 6, 11, 12, 13, 11, 6, 7, 8, 9, 14, 10, 9, 8, 6, 11,
	12, 13, 11, 6, 9, 14, 10, 9, 11, 12, 13, 11, 14, 10, 12,
};

static const u8 last8[63] = {
	0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
	3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 4,
	5, 5, 5, 5, 6, 6, 6, 6, 7, 7, 7, 7, 8, 8, 8,
};

/*
 * condTermFlagN of coded_block_flag (9.3.3.1.1.9) for macroblock @m
 * (NULL: not available); @blk is the 4x4 block (luma raster, or 16 +
 * chroma index) or -1 for the DC block of component @comp.
 */
static int cbf_cond(struct h264_ctx *c, const struct h264_mb *m, int cat,
		    int comp, int blk)
{
	if (!m)
		return !!(c->mb->flags & MB_INTRA);
	if (m->flags & MB_PCM)
		return 1;
	if (m->flags & MB_SKIP)
		return 0;
	switch (cat) {
	case CAT_LUMA_DC:
		return (m->flags & MB_I16) && (m->cbf & 1);
	case CAT_LUMA_AC:
	case CAT_LUMA_4X4:
		if (!((m->cbp >> ((blk >> 3) * 2 + ((blk & 3) >> 1))) & 1))
			return 0;
		if (m->flags & MB_T8X8)
			return 1;
		return !!m->nnz[blk];
	case CAT_CHROMA_DC:
		return (m->cbp >> 4) && ((m->cbf >> (1 + comp)) & 1);
	default:
		return (m->cbp >> 4) == 2 && m->nnz[blk];
	}
}

static int cbf_inc(struct h264_ctx *c, int cat, int comp, int blk)
{
	struct h264_mb *a, *b;
	int ia = -1, ib = -1;

	if (cat == CAT_LUMA_DC || cat == CAT_CHROMA_DC) {
		a = h264_nb_mb(c, -1, 0);
		b = h264_nb_mb(c, 0, -1);
	} else if (cat == CAT_CHROMA_AC) {
		int i = blk - 16 - 4 * comp;

		a = i & 1 ? c->mb : h264_nb_mb(c, -1, 0);
		b = i & 2 ? c->mb : h264_nb_mb(c, 0, -1);
		ia = 16 + 4 * comp + (i ^ 1);
		ib = 16 + 4 * comp + (i ^ 2);
	} else {
		a = h264_nb_blk(c, (blk & 3) - 1, blk >> 2, &ia);
		b = h264_nb_blk(c, blk & 3, (blk >> 2) - 1, &ib);
	}
	return cbf_cond(c, a, cat, comp, ia) + 2 * cbf_cond(c, b, cat, comp, ib);
}

/* coeff_abs_level_minus1 + 1 (UEG0, uCoff 14); 0 on a bad code */
static int abs_level(struct h264_ctx *c, int base, int inc0, int inc)
{
	int v, k = 0;

	if (!h264_cabac_decision(c, base + inc0))
		return 1;
	for (v = 1; v < 14 && h264_cabac_decision(c, base + inc); v++)
		;
	if (v < 14)
		return v + 1;
	while (h264_cabac_bypass(c)) {
		v += 1 << k;
		if (++k > 16)
			return 0;
	}
	while (k--)
		v += h264_cabac_bypass(c) << k;
	return v + 1;
}

/**
 * block() - residual_block_cabac() (7.3.5.3.3)
 * @c: decoder
 * @out: levels, written at scan positions @start..
 * @start: first scan position (1 for AC blocks)
 * @max: maxNumCoeff
 * @cat: ctxBlockCat
 * @inc: ctxIdxInc of coded_block_flag, -1 when it is not coded
 *
 * Return: the number of nonzero levels, -1 on a bitstream error.
 */
static int block(struct h264_ctx *c, s32 *out, int start, int max, int cat,
		 int inc)
{
	int sig = cat == CAT_LUMA_8X8 ? CTX_SIG8 : CTX_SIG + sig_off[cat];
	int last = cat == CAT_LUMA_8X8 ? CTX_LAST8 : CTX_LAST + sig_off[cat];
	int abs = cat == CAT_LUMA_8X8 ? CTX_ABS8 : CTX_ABS + abs_off[cat];
	int n = max, i, k, gt1 = 0, eq1 = 0, cnt = 0;
	u8 pos[64];		/* the significant scan positions, in order */

	if (inc >= 0 && !h264_cabac_decision(c, CTX_CBF + cbf_off[cat] + inc))
		return 0;
	for (i = 0; i < max - 1; i++) {
		int si = cat == CAT_LUMA_8X8 ? sig8[i] :
			cat == CAT_CHROMA_DC ? min(i, 2) : i;
		int li = cat == CAT_LUMA_8X8 ? last8[i] : si;

		if (!h264_cabac_decision(c, sig + si))
			continue;
		pos[cnt++] = i;
		if (h264_cabac_decision(c, last + li)) {
			n = i + 1;
			break;
		}
	}
	if (n == max)
		pos[cnt++] = max - 1;
	for (i = cnt - 1; i >= 0; i--) {
		k = abs_level(c, abs, gt1 ? 0 : min(4, 1 + eq1),
			      5 + min(4 - (cat == CAT_CHROMA_DC), gt1));
		if (!k)
			return -1;
		if (k == 1)
			eq1++;
		else
			gt1++;
		out[start + pos[i]] = h264_cabac_bypass(c) ? -k : k;
	}
	return cnt;
}

static int luma_4x4(struct h264_ctx *c, int i8, int list)
{
	struct h264_mb *mb = c->mb;
	bool i16 = mb->flags & MB_I16;
	int i4, n;
	s32 lvl[16];

	for (i4 = 0; i4 < 4; i4++) {
		int blk = h264_blk_raster[i8 * 4 + i4];
		int cat = i16 ? CAT_LUMA_AC : CAT_LUMA_4X4;

		memset(lvl, 0, sizeof(lvl));
		n = block(c, lvl, i16, 16 - i16, cat, cbf_inc(c, cat, 0, blk));
		if (n < 0)
			return -1;
		mb->nnz[blk] = n;
		if (n)
			mb->nz |= 1 << blk;
		if (n || i16)
			h264_dequant4(c, c->coef[blk], lvl, i16, list, c->qp);
	}
	return 0;
}

static int luma(struct h264_ctx *c)
{
	struct h264_mb *mb = c->mb;
	int list = mb->flags & MB_INTRA ? 0 : 3, i8, n, k;
	s32 lvl[64];

	if (mb->flags & MB_I16) {
		memset(lvl, 0, sizeof(lvl));
		n = block(c, lvl, 0, 16, CAT_LUMA_DC,
			  cbf_inc(c, CAT_LUMA_DC, 0, -1));
		if (n < 0)
			return -1;
		if (n)
			mb->cbf |= 1;
		for (k = 0; k < 16; k++)
			c->ldc[h264_zigzag4[k]] = lvl[k];
	}
	for (i8 = 0; i8 < 4; i8++) {
		int blk = h264_blk_raster[i8 * 4];

		if (!(mb->cbp & (1 << i8)))
			continue;
		if (!(mb->flags & MB_T8X8)) {
			if (luma_4x4(c, i8, list))
				return -1;
			continue;
		}
		memset(lvl, 0, sizeof(lvl));
		n = block(c, lvl, 0, 64, CAT_LUMA_8X8, -1);
		if (n < 0)
			return -1;
		mb->nnz[blk] = n;
		mb->nnz[blk + 1] = n;
		mb->nnz[blk + 4] = n;
		mb->nnz[blk + 5] = n;
		if (n)
			mb->nz |= 0x33 << blk;
		h264_dequant8(c, c->coef8[i8], lvl, list ? 1 : 0, c->qp);
	}
	return 0;
}

static int chroma(struct h264_ctx *c)
{
	struct h264_mb *mb = c->mb;
	int list = mb->flags & MB_INTRA ? 1 : 4, comp, i, n;
	s32 lvl[16];

	if (!(mb->cbp >> 4))
		return 0;
	for (comp = 0; comp < 2; comp++) {
		memset(lvl, 0, sizeof(lvl));
		n = block(c, lvl, 0, 4, CAT_CHROMA_DC,
			  cbf_inc(c, CAT_CHROMA_DC, comp, -1));
		if (n < 0)
			return -1;
		if (n)
			mb->cbf |= 2 << comp;
		memcpy(c->cdc[comp], lvl, sizeof(c->cdc[comp]));
	}
	if (!(mb->cbp & 0x20))
		return 0;
	for (comp = 0; comp < 2; comp++) {
		int qpc = h264_chroma_qp_of(c, comp);

		for (i = 0; i < 4; i++) {
			int blk = 16 + comp * 4 + i;

			memset(lvl, 0, sizeof(lvl));
			n = block(c, lvl, 1, 15, CAT_CHROMA_AC,
				  cbf_inc(c, CAT_CHROMA_AC, comp, blk));
			if (n < 0)
				return -1;
			mb->nnz[blk] = n;
			h264_dequant4(c, c->ccoef[comp][i], lvl, 1, list + comp, qpc);
		}
	}
	return 0;
}

/**
 * h264_cabac_residual() - residual() of the current macroblock with CABAC
 * @c: decoder, after mb_qp_delta
 *
 * Return: 0, or -1 on a bitstream error.
 */
int h264_cabac_residual(struct h264_ctx *c)
{
	if (luma(c) || chroma(c))
		return -1;
	return 0;
}
