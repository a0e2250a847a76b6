// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 CABAC (9.3): the arithmetic decoding
 * engine, context initialisation and the macroblock layer syntax
 * elements except the residual (h264-cabac-res.c).
 */
#include "h264.h"

/* ctxIdxOffset of the syntax elements (Table 9-34) */
#define CTX_MB_TYPE_I		3
#define CTX_SKIP_P		11
#define CTX_MB_TYPE_P		14
#define CTX_MB_TYPE_P_SUF	17
#define CTX_SUB_P		21
#define CTX_SKIP_B		24
#define CTX_MB_TYPE_B		27
#define CTX_MB_TYPE_B_SUF	32
#define CTX_SUB_B		36
#define CTX_MVD_X		40
#define CTX_MVD_Y		47
#define CTX_REF_IDX		54
#define CTX_QP_DELTA		60
#define CTX_CHROMA_PRED		64
#define CTX_PREV_INTRA		68
#define CTX_REM_INTRA		69
#define CTX_CBP_LUMA		73
#define CTX_CBP_CHROMA		77
#define CTX_T8X8		399

static void renorm(struct h264_ctx *c, struct h264_cabac *e)
{
	int n;

	if (e->range >= 256)
		return;
	n = __builtin_clz(e->range) - 23;
	e->range <<= n;
	e->offset = e->offset << n | vdec_bits_get(&c->b, n);
}

/**
 * h264_cabac_decision() - decode one bin with a context (9.3.3.2.1)
 * @c: decoder
 * @ctx: ctxIdx
 *
 * Return: the bin.
 */
int h264_cabac_decision(struct h264_ctx *c, int ctx)
{
	struct h264_cabac *e = c->cabac;
	int s = e->state[ctx], p = s >> 1, mps = s & 1;
	u32 lps = h264_cabac_lps[p][(e->range >> 6) & 3];

	e->range -= lps;
	if (e->offset < e->range) {
		/* the most probable symbol: renormalised at most by one bit */
		e->state[ctx] = s + (p < 62 ? 2 : 0);
		if (e->range < 256) {
			e->range <<= 1;
			e->offset = e->offset << 1 | vdec_bits_get1(&c->b);
		}
		return mps;
	}
	e->offset -= e->range;
	e->range = lps;
	e->state[ctx] = h264_cabac_next_lps[p] << 1 | (p ? mps : !mps);
	renorm(c, e);
	return !mps;
}

/* A bin of equal probability (9.3.3.2.3) */
int h264_cabac_bypass(struct h264_ctx *c)
{
	struct h264_cabac *e = c->cabac;

	e->offset = e->offset << 1 | vdec_bits_get1(&c->b);
	if (e->offset >= e->range) {
		e->offset -= e->range;
		return 1;
	}
	return 0;
}

/* end_of_slice_flag and the I_PCM bin (9.3.3.2.2.3) */
int h264_cabac_terminate(struct h264_ctx *c)
{
	struct h264_cabac *e = c->cabac;

	e->range -= 2;
	if (e->offset >= e->range)
		return 1;
	renorm(c, e);
	return 0;
}

/* Initialisation of the decoding engine (9.3.1.2); -1 on a bad offset */
int h264_cabac_init_engine(struct h264_ctx *c)
{
	struct h264_cabac *e = c->cabac;

	e->range = 510;
	e->offset = vdec_bits_get(&c->b, 9);
	return e->offset >= 510 ? -1 : 0;
}

/**
 * h264_cabac_slice_start() - start the slice data with CABAC: alignment,
 *	context variables (9.3.1.1) and decoding engine
 * @c: decoder, after the slice header
 *
 * Return: 0, or -1 on a bitstream error or no memory.
 */
int h264_cabac_slice_start(struct h264_ctx *c)
{
	struct h264_cabac *e;
	int col = c->sl.type == H264_SLICE_I || c->sl.type == H264_SLICE_SI ?
		0 : 1 + c->sl.cabac_init_idc;
	int qp = h264_clip3(0, 51, c->sl.qp), i;

	if (!c->cabac)
		c->cabac = vdec_zalloc(sizeof(*c->cabac));
	e = c->cabac;
	if (!e)
		return -1;
	for (i = 0; i < H264_CABAC_CTXS; i++) {
		int m = h264_cabac_mn[i][col][0], n = h264_cabac_mn[i][col][1];
		int pre = h264_clip3(1, 126, ((m * qp) >> 4) + n);

		e->state[i] = pre <= 63 ? (63 - pre) << 1 : (pre - 64) << 1 | 1;
	}
	e->last_dqp = false;
	vdec_bits_skip(&c->b, (8 - (vdec_bits_pos(&c->b) & 7)) & 7);
	return h264_cabac_init_engine(c);
}

static int dec(struct h264_ctx *c, int ctx)
{
	return h264_cabac_decision(c, ctx);
}

/* mb_type of I macroblocks (9.3.2.5), prefix context @off */
static int mb_type_i(struct h264_ctx *c, int off)
{
	bool islice = off == CTX_MB_TYPE_I;
	struct h264_mb *a = h264_nb_mb(c, -1, 0), *b = h264_nb_mb(c, 0, -1);
	int inc = islice ? (a && !(a->flags & MB_INXN)) +
		(b && !(b->flags & MB_INXN)) : 0;
	int luma, cm, pm;

	if (!dec(c, off + inc))
		return 0;
	if (h264_cabac_terminate(c))
		return 25;
	luma = dec(c, off + (islice ? 3 : 1));
	cm = dec(c, off + (islice ? 4 : 2));
	if (cm)
		cm += dec(c, off + (islice ? 5 : 2));
	pm = dec(c, off + (islice ? 6 : 3)) << 1;
	pm |= dec(c, off + (islice ? 7 : 3));
	return 1 + pm + 4 * cm + 12 * luma;
}

/* mb_type of a P macroblock: 0..4 as in Table 7-13, 5.. intra */
static int mb_type_p(struct h264_ctx *c)
{
	if (dec(c, CTX_MB_TYPE_P))
		return 5 + mb_type_i(c, CTX_MB_TYPE_P_SUF);
	if (!dec(c, CTX_MB_TYPE_P + 1))
		return dec(c, CTX_MB_TYPE_P + 2) ? 3 : 0;
	return dec(c, CTX_MB_TYPE_P + 3) ? 1 : 2;
}

/* mb_type of a B macroblock: 0..22 as in Table 7-14, 23.. intra */
static int mb_type_b(struct h264_ctx *c)
{
	struct h264_mb *a = h264_nb_mb(c, -1, 0), *b = h264_nb_mb(c, 0, -1);
	int inc = (a && !(a->flags & MB_DIRECT)) + (b && !(b->flags & MB_DIRECT));
	int bits, k;

	if (!dec(c, CTX_MB_TYPE_B + inc))
		return 0;
	if (!dec(c, CTX_MB_TYPE_B + 3))
		return 1 + dec(c, CTX_MB_TYPE_B + 5);
	bits = dec(c, CTX_MB_TYPE_B + 4) << 3;
	for (k = 2; k >= 0; k--)
		bits |= dec(c, CTX_MB_TYPE_B + 5) << k;
	if (bits < 8)
		return bits + 3;
	if (bits == 13)
		return 23 + mb_type_i(c, CTX_MB_TYPE_B_SUF);
	if (bits == 14)
		return 11;
	if (bits == 15)
		return 22;
	return 12 + ((bits & 7) << 1 | dec(c, CTX_MB_TYPE_B + 5));
}

static int sub_type_p(struct h264_ctx *c)
{
	if (dec(c, CTX_SUB_P))
		return 0;
	if (!dec(c, CTX_SUB_P + 1))
		return 1;
	return dec(c, CTX_SUB_P + 2) ? 2 : 3;
}

static int sub_type_b(struct h264_ctx *c)
{
	int v;

	if (!dec(c, CTX_SUB_B))
		return 0;
	if (!dec(c, CTX_SUB_B + 1))
		return 1 + dec(c, CTX_SUB_B + 3);
	if (dec(c, CTX_SUB_B + 2)) {
		if (dec(c, CTX_SUB_B + 3))
			return 11 + dec(c, CTX_SUB_B + 3);
		v = dec(c, CTX_SUB_B + 3) << 1;
		return 7 + (v | dec(c, CTX_SUB_B + 3));
	}
	v = dec(c, CTX_SUB_B + 3) << 1;
	return 3 + (v | dec(c, CTX_SUB_B + 3));
}

/* refIdxZeroFlag-free condTermFlagN of ref_idx (9.3.3.1.1.6) */
static int ref_cond(struct h264_ctx *c, int l, int bx, int by)
{
	int blk, b8;
	struct h264_mb *m = h264_nb_blk(c, bx, by, &blk);

	if (!m)
		return 0;
	b8 = (blk >> 3) * 2 + ((blk & 3) >> 1);
	if ((m->flags & MB_SKIP) || (m->direct8 & (1 << b8)))
		return 0;
	return m->ref[l][b8] > 0;
}

static int ref_idx(struct h264_ctx *c, int l, const struct h264_part *p)
{
	int v, ctx = ref_cond(c, l, p->x - 1, p->y) +
		2 * ref_cond(c, l, p->x, p->y - 1);

	if (c->sl.num_ref[l] <= 1)
		return 0;
	for (v = 0; dec(c, CTX_REF_IDX + ctx); v++) {
		if (v >= 31)
			return -1;
		ctx = v ? 5 : 4;
	}
	return v < c->sl.num_ref[l] ? v : -1;
}

static int mvd_abs(struct h264_ctx *c, int l, int bx, int by, int comp)
{
	int blk;
	struct h264_mb *m = h264_nb_blk(c, bx, by, &blk);

	return m ? m->mvd[l][blk][comp] : 0;
}

/* mvd_lX[][][comp]: UEG3 with signedValFlag 1, uCoff 9 (9.3.2.3) */
static int mvd(struct h264_ctx *c, int l, const struct h264_part *p, int comp)
{
	int base = comp ? CTX_MVD_Y : CTX_MVD_X, k = 0, v;
	int sum = mvd_abs(c, l, p->x - 1, p->y, comp) +
		mvd_abs(c, l, p->x, p->y - 1, comp);

	if (!dec(c, base + (sum < 3 ? 0 : sum > 32 ? 2 : 1)))
		return 0;
	for (v = 1; v < 9 && dec(c, base + min(v + 2, 6)); v++)
		;
	if (v >= 9) {
		while (h264_cabac_bypass(c)) {
			v += 1 << (k + 3);
			if (++k > 16) {
				c->err = true;
				return 0;
			}
		}
		k += 3;
		while (k--)
			v += h264_cabac_bypass(c) << k;
	}
	return h264_cabac_bypass(c) ? -v : v;
}

/* ref_idx and mvd of the partitions, in the order of 7.3.5.1/7.3.5.2 */
static int inter_syntax(struct h264_ctx *c)
{
	struct h264_mbd *d = &c->mbd;
	struct h264_mb *m = c->mb;
	int l, k, i, j;

	for (l = 0; l < 2; l++)
		for (k = 0; k < d->nparts; k++) {
			struct h264_part *p = &d->parts[k];
			int r;

			if (!(p->pred & (1 << l)) || p->pred == 4)
				continue;
			/* one ref_idx per (sub-)macroblock partition */
			if (k && ((p->x | p->y) & 1)) {
				r = d->parts[k - 1].ref[l];
			} else {
				r = ref_idx(c, l, p);
				if (r < 0)
					return -1;
			}
			p->ref[l] = r;
			for (j = p->y; j < p->y + p->h; j++)
				for (i = p->x; i < p->x + p->w; i++)
					m->ref[l][(j >> 1) * 2 + (i >> 1)] = r;
		}
	for (l = 0; l < 2; l++)
		for (k = 0; k < d->nparts; k++) {
			struct h264_part *p = &d->parts[k];

			if (!(p->pred & (1 << l)) || p->pred == 4)
				continue;
			p->mvd[l][0] = mvd(c, l, p, 0);
			p->mvd[l][1] = mvd(c, l, p, 1);
			for (j = p->y; j < p->y + p->h; j++)
				for (i = p->x; i < p->x + p->w; i++) {
					m->mvd[l][j * 4 + i][0] = min(abs(p->mvd[l][0]), 64);
					m->mvd[l][j * 4 + i][1] = min(abs(p->mvd[l][1]), 64);
				}
		}
	return c->err ? -1 : 0;
}

/* The prediction syntax of P_8x8 and B_8x8 (7.3.5.2) */
static int sub_mb(struct h264_ctx *c, bool *small)
{
	struct h264_mbd *d = &c->mbd;
	bool bslice = c->sl.type == H264_SLICE_B;
	int i, t, pred, shape;

	d->nparts = 0;
	for (i = 0; i < 4; i++) {
		t = bslice ? sub_type_b(c) : sub_type_p(c);
		pred = bslice ? h264_b_sub_pred[t] : 1;
		shape = bslice ? h264_b_sub_shape[t] : t;
		if (pred == 4) {
			c->mb->direct8 |= 1 << i;
			if (!(c->p->sps.flags & VDEC_H264_SPS_DIRECT_8X8_INFERENCE))
				*small = true;
		} else if (shape) {
			*small = true;
		}
		h264_add_parts(d, (i & 1) * 2, (i >> 1) * 2, shape, pred);
	}
	return inter_syntax(c);
}

static int chroma_pred_mode(struct h264_ctx *c)
{
	struct h264_mb *a = h264_nb_mb(c, -1, 0), *b = h264_nb_mb(c, 0, -1);
	int inc = 0, v;

	if (a && (a->flags & MB_INTRA) && !(a->flags & MB_PCM) && a->chroma_pred)
		inc++;
	if (b && (b->flags & MB_INTRA) && !(b->flags & MB_PCM) && b->chroma_pred)
		inc++;
	if (!dec(c, CTX_CHROMA_PRED + inc))
		return 0;
	for (v = 1; v < 3 && dec(c, CTX_CHROMA_PRED + 3); v++)
		;
	return v;
}

static int t8x8_flag(struct h264_ctx *c)
{
	struct h264_mb *a = h264_nb_mb(c, -1, 0), *b = h264_nb_mb(c, 0, -1);

	return dec(c, CTX_T8X8 + (a && (a->flags & MB_T8X8)) +
		   (b && (b->flags & MB_T8X8)));
}

/* mb_type 0..25 of an I macroblock into c->mbd, and its mb_pred() */
static int intra_mb(struct h264_ctx *c, int t)
{
	struct h264_mbd *d = &c->mbd;
	int i, k, v;

	if (h264_intra_mb_type(d, t)) {
		if ((c->p->pps.flags & VDEC_H264_PPS_TRANSFORM_8X8_MODE) &&
		    t8x8_flag(c))
			d->flags |= MB_T8X8;
		for (i = 0; i < (d->flags & MB_T8X8 ? 4 : 16); i++) {
			if (dec(c, CTX_PREV_INTRA)) {
				d->ipm[i] = -1;
				continue;
			}
			for (k = 0, v = 0; k < 3; k++)
				v |= dec(c, CTX_REM_INTRA) << k;
			d->ipm[i] = v;
		}
	} else if (d->flags & MB_PCM) {
		return 0;
	}
	d->chroma_mode = chroma_pred_mode(c);
	return 0;
}

/* mb_type and mb_pred() / sub_mb_pred(); -1 on a bitstream error */
static int mb_type_pred(struct h264_ctx *c, bool *small)
{
	struct h264_mbd *d = &c->mbd;
	static const u8 one[2] = { 1, 1 };
	int t;

	if (c->sl.type == H264_SLICE_I)
		return intra_mb(c, mb_type_i(c, CTX_MB_TYPE_I));
	if (c->sl.type == H264_SLICE_P) {
		t = mb_type_p(c);
		if (t >= 5)
			return intra_mb(c, t - 5);
		if (t == 3)
			return sub_mb(c, small);
		h264_inter_parts(d, t ? 2 : 1, t == 2, one);
		return inter_syntax(c);
	}
	t = mb_type_b(c);
	if (t >= 23)
		return intra_mb(c, t - 23);
	if (t == 22)
		return sub_mb(c, small);
	if (!t) {
		d->flags |= MB_DIRECT;
		c->mb->direct8 = 15;
		*small = !(c->p->sps.flags & VDEC_H264_SPS_DIRECT_8X8_INFERENCE);
		d->nparts = 0;
		h264_add_parts(d, 0, 0, 0, 4);
		h264_add_parts(d, 2, 0, 0, 4);
		h264_add_parts(d, 0, 2, 0, 4);
		h264_add_parts(d, 2, 2, 0, 4);
		return 0;
	}
	h264_inter_parts(d, t < 4 ? 1 : 2, t >= 4 && (t & 1), h264_b_pred[t]);
	return inter_syntax(c);
}

/* coded_block_pattern (9.3.2.6, 9.3.3.1.1.4) */
static int cbp(struct h264_ctx *c)
{
	struct h264_mb *a = h264_nb_mb(c, -1, 0), *b = h264_nb_mb(c, 0, -1);
	int ca = a ? a->cbp : 0x0f, cb = b ? b->cbp : 0x0f, v = 0, i, inc;

	for (i = 0; i < 4; i++) {
		int la = i & 1 ? v >> (i - 1) : ca >> (i + 1);
		int lb = i & 2 ? v >> (i - 2) : cb >> (i + 2);

		inc = !(la & 1) + 2 * !(lb & 1);
		v |= dec(c, CTX_CBP_LUMA + inc) << i;
	}
	ca = a ? a->cbp >> 4 : 0;
	cb = b ? b->cbp >> 4 : 0;
	if (!dec(c, CTX_CBP_CHROMA + !!ca + 2 * !!cb))
		return v;
	return v | (1 + dec(c, CTX_CBP_CHROMA + 4 + (ca == 2) + 2 * (cb == 2))) << 4;
}

static int qp_delta(struct h264_ctx *c)
{
	int v, ctx = CTX_QP_DELTA + c->cabac->last_dqp;

	for (v = 0; dec(c, ctx); v++) {
		if (v >= 52)
			return 100;
		ctx = CTX_QP_DELTA + (v ? 3 : 2);
	}
	return v & 1 ? (v + 1) / 2 : -(v / 2);
}

/* The skip flag; true when skipped (the caller predicts it) */
static bool skipped(struct h264_ctx *c)
{
	struct h264_mb *a = h264_nb_mb(c, -1, 0), *b = h264_nb_mb(c, 0, -1);
	int inc = (a && !(a->flags & MB_SKIP)) + (b && !(b->flags & MB_SKIP));

	if (c->sl.type == H264_SLICE_I)
		return false;
	if (!dec(c, (c->sl.type == H264_SLICE_B ? CTX_SKIP_B : CTX_SKIP_P) + inc))
		return false;
	c->mb->flags = MB_SKIP;
	if (c->sl.type == H264_SLICE_B) {
		c->mb->flags |= MB_DIRECT;
		c->mb->direct8 = 15;
	}
	c->mb->qp = c->qp;
	c->cabac->last_dqp = false;
	return true;
}

/**
 * h264_cabac_mb() - parse one macroblock with CABAC: mb_skip_flag,
 *	macroblock_layer() and end_of_slice_flag
 * @c: decoder, at the macroblock
 * @end_of_slice: set to end_of_slice_flag
 *
 * A skipped macroblock gets MB_SKIP and nothing else; otherwise c->mbd,
 * the macroblock's flags, cbp, QP and coefficients are set.
 *
 * Return: 0, or -1 on a bitstream error.
 */
int h264_cabac_mb(struct h264_ctx *c, bool *end_of_slice)
{
	struct h264_mbd *d = &c->mbd;
	struct h264_mb *mb = c->mb;
	bool small = false;
	int dq;

	memset(d, 0, sizeof(*d));
	h264_clear_coefs(c);
	if (!skipped(c)) {
		if (mb_type_pred(c, &small) < 0 || c->err)
			return -1;
		mb->flags = d->flags;
		if (d->flags & MB_PCM) {
			c->cabac->last_dqp = false;
			if (h264_pcm(c) || h264_cabac_init_engine(c))
				return -1;
		} else {
			if (!(d->flags & MB_I16)) {
				d->cbp = cbp(c);
				if ((d->cbp & 15) && !(d->flags & MB_INTRA) && !small &&
				    (c->p->pps.flags & VDEC_H264_PPS_TRANSFORM_8X8_MODE) &&
				    t8x8_flag(c))
					d->flags |= MB_T8X8;
			}
			mb->flags = d->flags;
			mb->cbp = d->cbp;
			mb->chroma_pred = d->chroma_mode;
			dq = 0;
			if (d->cbp || (d->flags & MB_I16)) {
				dq = qp_delta(c);
				if (dq < -26 || dq > 25)
					return -1;
				h264_mb_qp_update(c, dq);
			}
			c->cabac->last_dqp = dq != 0;
			mb->qp = c->qp;
			if (h264_cabac_residual(c) < 0)
				return -1;
		}
	}
	*end_of_slice = h264_cabac_terminate(c);
	return c->err || vdec_bits_overrun(&c->b) ? -1 : 0;
}
