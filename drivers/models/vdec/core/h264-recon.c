// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 macroblock reconstruction: intra
 * prediction mode derivation (8.3.1.1, 8.3.2.1), motion vector
 * derivation of the partitions, prediction and residual.
 */
#include "h264.h"

/**
 * h264_dequant_init() - LevelScale4x4 and LevelScale8x8 (8.5.9) of the
 *	picture's scaling matrices
 * @c: decoder
 */
void h264_dequant_init(struct h264_ctx *c)
{
	bool sm = c->p->pps.flags & VDEC_H264_PPS_SCALING_MATRIX_PRESENT;
	int l, m, i;

	for (l = 0; l < 6; l++)
		for (m = 0; m < 6; m++)
			for (i = 0; i < 16; i++) {
				int x = i & 3, y = i >> 2;
				int k = !(x & 1) && !(y & 1) ? 0 :
					(x & 1) && (y & 1) ? 1 : 2;

				c->dq4[l][m][i] = (sm ? c->p->scaling_4x4[l][i] : 16) *
					h264_norm4[m][k];
			}
	for (l = 0; l < 2; l++)
		for (m = 0; m < 6; m++)
			for (i = 0; i < 64; i++) {
				int x = i & 7, y = i >> 3, k;

				if (!(x & 3) && !(y & 3))
					k = 0;
				else if ((x & 1) && (y & 1))
					k = 1;
				else if ((x & 3) == 2 && (y & 3) == 2)
					k = 2;
				else if ((!(x & 3) && (y & 1)) || ((x & 1) && !(y & 3)))
					k = 3;
				else if ((!(x & 3) && (y & 3) == 2) ||
					 ((x & 3) == 2 && !(y & 3)))
					k = 4;
				else
					k = 5;
				c->dq8[l][m][i] = (sm ? c->p->scaling_8x8[l][i] : 16) *
					h264_norm8[m][k];
			}
}

/**
 * h264_mb_qp_update() - apply mb_qp_delta (7.4.5)
 * @c: decoder
 * @delta: mb_qp_delta, -26..25
 *
 * Return: 0
 */
int h264_mb_qp_update(struct h264_ctx *c, int delta)
{
	c->qp = (c->qp + delta + 52) % 52;
	return 0;
}

/* Intra4x4PredMode / Intra8x8PredMode of the block at (bx, by) (8.3.1.1) */
static int intra_mode(struct h264_ctx *c, int bx, int by, int n, int ipm)
{
	bool cip = c->p->pps.flags & VDEC_H264_PPS_CONSTRAINED_INTRA_PRED;
	struct h264_mb *a, *b;
	int ia, ib, pred, mode, i, j;

	a = h264_nb_blk(c, bx - 1, by, &ia);
	b = h264_nb_blk(c, bx, by - 1, &ib);
	if (!a || !b || (cip && !(a->flags & MB_INTRA)) ||
	    (cip && !(b->flags & MB_INTRA)))
		pred = 2;
	else
		pred = min(a->ipred[ia], b->ipred[ib]);
	mode = ipm < 0 ? pred : ipm < pred ? ipm : ipm + 1;
	for (j = 0; j < n; j++)
		for (i = 0; i < n; i++)
			c->mb->ipred[(by + j) * 4 + bx + i] = mode;
	return mode;
}

static u8 *luma_at(struct h264_ctx *c, int blk)
{
	struct vdec_pic *o = c->out;

	return o->luma + (c->mby * 16 + (blk >> 2) * 4) * o->stride +
		c->mbx * 16 + (blk & 3) * 4;
}

static void luma_residual(struct h264_ctx *c)
{
	struct h264_mb *m = c->mb;
	int i;

	if (m->flags & MB_T8X8) {
		for (i = 0; i < 4; i++)
			if (m->cbp & (1 << i))
				h264_idct8_add(luma_at(c, (i >> 1) * 8 + (i & 1) * 2),
					       c->out->stride, c->coef8[i]);
		return;
	}
	for (i = 0; i < 16; i++)
		if ((m->nz & (1 << i)) || ((m->flags & MB_I16) && c->coef[i][0]))
			h264_idct4_add(luma_at(c, i), c->out->stride, 1,
				       c->coef[i]);
}

static void chroma_residual(struct h264_ctx *c)
{
	struct vdec_pic *o = c->out;
	int comp, i;

	if (!(c->mb->cbp >> 4))
		return;
	h264_chroma_dc(c);
	for (comp = 0; comp < 2; comp++)
		for (i = 0; i < 4; i++)
			h264_idct4_add(o->chroma + (c->mby * 8 + (i >> 1) * 4) *
				       o->stride + c->mbx * 16 + (i & 1) * 8 +
				       (comp ^ c->cb_off), o->stride, 2,
				       c->ccoef[comp][i]);
}

static void intra_nxn(struct h264_ctx *c)
{
	struct h264_mbd *d = &c->mbd;
	int i;

	if (c->mb->flags & MB_T8X8) {
		for (i = 0; i < 4; i++) {
			int bx = (i & 1) * 2, by = (i >> 1) * 2;

			h264_pred_intra8x8(c, i, intra_mode(c, bx, by, 2, d->ipm[i]));
			if (c->mb->cbp & (1 << i))
				h264_idct8_add(luma_at(c, by * 4 + bx),
					       c->out->stride, c->coef8[i]);
		}
		return;
	}
	for (i = 0; i < 16; i++) {
		int blk = h264_blk_raster[i];

		int mode = intra_mode(c, blk & 3, blk >> 2, 1, d->ipm[i]);

		h264_pred_intra4x4(c, blk, mode);
		if (c->mb->nz & (1 << blk))
			h264_idct4_add(luma_at(c, blk), c->out->stride, 1,
				       c->coef[blk]);
	}
}

static void inter(struct h264_ctx *c)
{
	struct h264_mbd *d = &c->mbd;
	int k, l;

	for (k = 0; k < d->nparts; k++) {
		struct h264_part *p = &d->parts[k];

		if (p->pred & 4) {
			if (h264_direct(c, (p->y >> 1) * 2 + (p->x >> 1)) < 0)
				c->missing_ref = true;
			continue;
		}
		for (l = 0; l < 2; l++) {
			s16 mv[2];

			if (!(p->pred & (1 << l))) {
				mv[0] = 0;
				mv[1] = 0;
				h264_set_motion(c, l, p->x, p->y, p->w, p->h, -1, mv);
				continue;
			}
			h264_mv_pred(c, l, p->x, p->y, p->w, p->h, p->ref[l], mv);
			mv[0] += p->mvd[l][0];
			mv[1] += p->mvd[l][1];
			h264_set_motion(c, l, p->x, p->y, p->w, p->h, p->ref[l], mv);
		}
	}
	if (c->mb->flags & MB_DIRECT) {
		h264_mc_direct(c, -1);
		return;
	}
	for (k = 0; k < d->nparts; k++) {
		struct h264_part *p = &d->parts[k];

		if (p->pred & 4)
			h264_mc_direct(c, (p->y >> 1) * 2 + (p->x >> 1));
		else
			h264_mc_part(c, p->x, p->y, p->w, p->h);
	}
}

/**
 * h264_recon_mb() - reconstruct the current macroblock from its syntax
 * @c: decoder, with c->mbd and the coefficients of the macroblock
 */
void h264_recon_mb(struct h264_ctx *c)
{
	struct h264_mb *m = c->mb;

	if (!(m->flags & MB_INXN))
		memset(m->ipred, 2, sizeof(m->ipred));
	if (m->flags & MB_PCM)
		return;
	if (m->flags & MB_INTRA) {
		if (m->flags & MB_I16) {
			h264_pred_intra16x16(c, c->mbd.i16_mode);
			h264_luma_dc(c);
		} else {
			intra_nxn(c);
		}
		h264_pred_chroma(c, c->mbd.chroma_mode);
		if (m->flags & MB_I16)
			luma_residual(c);
	} else {
		inter(c);
		luma_residual(c);
	}
	chroma_residual(c);
}
