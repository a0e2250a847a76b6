// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: self-checks of the H.264 core (see
 * vdec-core-check.h): the CABAC engine against a CABAC encoder, the
 * inverse transforms, intra prediction with neighbours unavailable and
 * the deblocking filter, each against a direct computation from the
 * equations of ITU-T H.264.
 */
#include "vdec-core-check.h"
#include "h264.h"

/* xorshift32: the checks' random numbers */
static u32 rnd(u32 *s)
{
	*s ^= *s << 13;
	*s ^= *s >> 17;
	*s ^= *s << 5;
	return *s;
}

static int rnd_in(u32 *s, int lo, int hi)
{
	return lo + (int)(rnd(s) % (u32)(hi - lo + 1));
}

static int clip3(int lo, int hi, int v)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static struct h264_ctx *ctx_new(void)
{
	struct h264_ctx *c = vdec_zalloc(sizeof(*c));

	if (c)
		c->p = vdec_zalloc(sizeof(*c->p));
	if (c && !c->p) {
		vdec_free(c);
		c = NULL;
	}
	return c;
}

static void ctx_free(struct h264_ctx *c)
{
	vdec_free(c->cabac);
	vdec_free((void *)c->p);
	vdec_free(c);
}

/* ---- CABAC (9.3.1.1, 9.3.3.2, 9.3.4.2) ---- */

/* transIdxLPS of Table 9-45 */
static const u8 ref_trans_lps[64] = {
	0, 0, 1, 2, 2, 4, 4, 5, 6, 7, 8, 9, 9, 11, 11, 12,
	13, 13, 15, 15, 16, 16, 18, 18, 19, 19, 21, 21, 22, 22, 23, 24,
	24, 25, 26, 26, 27, 27, 28, 29, 29, 30, 30, 30, 31, 32, 32, 33,
	33, 33, 34, 34, 35, 35, 35, 36, 36, 36, 37, 37, 37, 38, 38, 63,
};

#define CABAC_OPS	6000
#define CABAC_BYTES	(CABAC_OPS * 2 + 16)

/* The arithmetic encoder of 9.3.4.2 */
struct cabac_enc {
	u32 low;
	u32 range;
	u32 outstanding;
	bool first;
	bool full;
	u32 bits;
	u8 state[H264_CABAC_CTXS];
	u8 buf[CABAC_BYTES];
};

struct cabac_check {
	struct cabac_enc e;
	u8 op[CABAC_OPS];	/* 0 decision, 1 bypass, 2 terminate */
	u16 ctx[CABAC_OPS];
	u8 bin[CABAC_OPS];
	u8 init[H264_CABAC_CTXS];
};

static void ce_write(struct cabac_enc *e, int b)
{
	if (e->bits / 8 >= CABAC_BYTES) {
		e->full = true;
		return;
	}
	if (b)
		e->buf[e->bits / 8] |= 0x80 >> (e->bits % 8);
	e->bits++;
}

static void ce_putbit(struct cabac_enc *e, int b)
{
	if (e->first)
		e->first = false;
	else
		ce_write(e, b);
	for (; e->outstanding; e->outstanding--)
		ce_write(e, !b);
}

static void ce_renorm(struct cabac_enc *e)
{
	while (e->range < 256) {
		if (e->low < 256) {
			ce_putbit(e, 0);
		} else if (e->low >= 512) {
			e->low -= 512;
			ce_putbit(e, 1);
		} else {
			e->low -= 256;
			e->outstanding++;
		}
		e->range <<= 1;
		e->low <<= 1;
	}
}

static void ce_decision(struct cabac_enc *e, int ctx, int bin)
{
	int p = e->state[ctx] >> 1, mps = e->state[ctx] & 1;
	u32 lps = h264_cabac_lps[p][(e->range >> 6) & 3];

	e->range -= lps;
	if (bin != mps) {
		e->low += e->range;
		e->range = lps;
		if (!p)
			mps = !mps;
		p = ref_trans_lps[p];
	} else if (p < 62) {
		p++;
	}
	e->state[ctx] = p << 1 | mps;
	ce_renorm(e);
}

static void ce_bypass(struct cabac_enc *e, int bin)
{
	e->low <<= 1;
	if (bin)
		e->low += e->range;
	if (e->low >= 1024) {
		ce_putbit(e, 1);
		e->low -= 1024;
	} else if (e->low < 512) {
		ce_putbit(e, 0);
	} else {
		e->low -= 512;
		e->outstanding++;
	}
}

static void ce_terminate(struct cabac_enc *e, int bin)
{
	e->range -= 2;
	if (!bin) {
		ce_renorm(e);
		return;
	}
	e->low += e->range;
	/* EncodeFlush: the last bit written is rbsp_stop_one_bit */
	e->range = 2;
	ce_renorm(e);
	ce_putbit(e, (e->low >> 9) & 1);
	ce_write(e, (e->low >> 8) & 1);
	ce_write(e, 1);
}

/* The context initialisation of 9.3.1.1 */
static void cabac_ref_init(struct cabac_check *t, int col, int qp)
{
	int i;

	for (i = 0; i < H264_CABAC_CTXS; i++) {
		int m = h264_cabac_mn[i][col][0], n = h264_cabac_mn[i][col][1];
		int pre = clip3(1, 126, ((m * clip3(0, 51, qp)) >> 4) + n);

		t->init[i] = pre <= 63 ? (63 - pre) << 1 : (pre - 64) << 1 | 1;
	}
}

/* Encode @n random operations: contexts of a small set or any, bins
 * random or mostly the MPS, bypass and terminate bins
 */
static void cabac_encode(struct cabac_check *t, u32 *seed, int n)
{
	struct cabac_enc *e = &t->e;
	int i, few = rnd_in(seed, 1, 12), skew = rnd(seed) % 3;

	for (i = 0; i < n; i++) {
		int k = rnd(seed) % 16, ctx = rnd(seed) % H264_CABAC_CTXS;

		if (k < 12 && few < 12)
			ctx = rnd(seed) % few;	/* runs on few contexts */
		t->ctx[i] = ctx;
		t->op[i] = k < 13 ? 0 : k < 15 ? 1 : 2;
		t->bin[i] = rnd(seed) & 1;
		if (!t->op[i] && skew && rnd(seed) % (skew == 1 ? 32 : 4))
			t->bin[i] = skew == 1 ? e->state[ctx] & 1 :
				!(e->state[ctx] & 1);
		if (t->op[i] == 2)
			t->bin[i] = 0;
		if (!t->op[i])
			ce_decision(e, ctx, t->bin[i]);
		else if (t->op[i] == 1)
			ce_bypass(e, t->bin[i]);
		else
			ce_terminate(e, 0);
	}
	ce_terminate(e, 1);
}

static int cabac_decode(struct cabac_check *t, struct h264_ctx *c, int n,
			int *states)
{
	int i, bad = 0;

	for (i = 0; i < n; i++) {
		int b = !t->op[i] ? h264_cabac_decision(c, t->ctx[i]) :
			t->op[i] == 1 ? h264_cabac_bypass(c) :
			h264_cabac_terminate(c);

		bad += b != t->bin[i];
	}
	bad += h264_cabac_terminate(c) != 1;
	/* the engine stops right after rbsp_stop_one_bit */
	bad += vdec_bits_pos(&c->b) != t->e.bits;
	*states = memcmp(c->cabac->state, t->e.state, H264_CABAC_CTXS) != 0;
	return bad + *states;
}

static int cabac_run(struct cabac_check *t, struct h264_ctx *c, u32 *seed,
		     int n, int *init_bad, int *state_bad)
{
	int type = rnd(seed) % 3, i, states;

	c->sl.type = type == 2 ? H264_SLICE_I : H264_SLICE_P;
	c->sl.cabac_init_idc = type == 2 ? 0 : type;
	c->sl.qp = rnd_in(seed, -4, 55);
	cabac_ref_init(t, type == 2 ? 0 : 1 + type, c->sl.qp);
	memset(&t->e, 0, sizeof(t->e));
	t->e.range = 510;
	t->e.first = true;
	memcpy(t->e.state, t->init, sizeof(t->init));
	/* some contexts in any state 0..62, either MPS */
	for (i = 0; i < 16; i++)
		t->e.state[rnd(seed) % 16] = rnd_in(seed, 0, 62) << 1 |
					     (rnd(seed) & 1);
	memcpy(t->init, t->e.state, sizeof(t->init));
	cabac_encode(t, seed, n);
	if (t->e.full)
		return 1;
	vdec_bits_init(&c->b, t->e.buf, (t->e.bits + 7) / 8);
	if (h264_cabac_slice_start(c))
		return 1;
	for (i = 16; i < H264_CABAC_CTXS; i++)
		*init_bad += c->cabac->state[i] != t->init[i];
	memcpy(c->cabac->state, t->init, 16);
	i = cabac_decode(t, c, n, &states);
	*state_bad += states;
	return i;
}

int vdec_check_h264_cabac(char *msg, size_t len)
{
	struct cabac_check *t = vdec_zalloc(sizeof(*t));
	struct h264_ctx *c = ctx_new();
	int fails = 0, init_bad = 0, state_bad = 0, run, i;
	u32 seed = 0xcabac;

	if (!t || !c) {
		vdec_free(t);
		if (c)
			ctx_free(c);
		if (msg)
			snprintf(msg, len, "h264-cabac: no memory");
		return 1;
	}
	/* Table 9-44 and 9-45 spot checks: the first and the last state */
	fails += h264_cabac_lps[0][0] != 128 || h264_cabac_lps[0][3] != 240 ||
		 h264_cabac_lps[63][0] != 2 || h264_cabac_lps[62][3] != 9;
	for (i = 0; i < 64; i++)
		fails += h264_cabac_next_lps[i] != ref_trans_lps[i];
	for (run = 0; run < 60; run++)
		fails += cabac_run(t, c, &seed, run < 3 ? run : CABAC_OPS,
				   &init_bad, &state_bad) != 0;
	fails += init_bad != 0;
	ctx_free(c);
	vdec_free(t);
	if (msg)
		snprintf(msg, len,
			 "h264-cabac: 60 slices of up to %d bins (decision, bypass, terminate), %d failures, %d contexts initialised wrong, %d runs with states different",
			 CABAC_OPS, fails, init_bad, state_bad);
	return fails;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_h264_cabac);

/* ---- transforms (8.5.10 - 8.5.13) ---- */

/* 8.5.12.2: one 4-point inverse transform, @s apart */
static void ref_tx4(s64 *d, int s)
{
	s64 e0 = d[0] + d[2 * s], e1 = d[0] - d[2 * s];
	s64 e2 = (d[s] >> 1) - d[3 * s], e3 = d[s] + (d[3 * s] >> 1);

	d[0] = e0 + e3;
	d[s] = e1 + e2;
	d[2 * s] = e1 - e2;
	d[3 * s] = e0 - e3;
}

/* 8.5.13.2: one 8-point inverse transform, @s apart */
static void ref_tx8(s64 *d, int s)
{
	s64 e[8], f[8];

	e[0] = d[0] + d[4 * s];
	e[1] = -d[3 * s] + d[5 * s] - d[7 * s] - (d[7 * s] >> 1);
	e[2] = d[0] - d[4 * s];
	e[3] = d[s] + d[7 * s] - d[3 * s] - (d[3 * s] >> 1);
	e[4] = (d[2 * s] >> 1) - d[6 * s];
	e[5] = -d[s] + d[7 * s] + d[5 * s] + (d[5 * s] >> 1);
	e[6] = d[2 * s] + (d[6 * s] >> 1);
	e[7] = d[3 * s] + d[5 * s] + d[s] + (d[s] >> 1);
	f[0] = e[0] + e[6];
	f[1] = e[1] + (e[7] >> 2);
	f[2] = e[2] + e[4];
	f[3] = e[3] + (e[5] >> 2);
	f[4] = e[2] - e[4];
	f[5] = (e[3] >> 2) - e[5];
	f[6] = e[0] - e[6];
	f[7] = e[7] - (e[1] >> 2);
	d[0] = f[0] + f[7];
	d[s] = f[2] + f[5];
	d[2 * s] = f[4] + f[3];
	d[3 * s] = f[6] + f[1];
	d[4 * s] = f[6] - f[1];
	d[5 * s] = f[4] - f[3];
	d[6 * s] = f[2] - f[5];
	d[7 * s] = f[0] - f[7];
}

struct tx_check {
	struct h264_ctx *c;
	s64 ref[64];
	s32 blk[64];
	u8 pred[16 * 8];
	u8 dst[16 * 8];
	u32 seed;
};

/* Coefficients: @range 0 small, 1 16-bit (conformant), 2 the core's clip */
static void tx_coefs(struct tx_check *t, int n, int range)
{
	static const int lim[3] = { 100, 32767, 1 << 21 };
	int i;

	for (i = 0; i < n; i++) {
		t->blk[i] = rnd_in(&t->seed, -lim[range], lim[range]);
		if (rnd(&t->seed) % 3 == 0)
			t->blk[i] = 0;
		else if (range == 2 && rnd(&t->seed) % 2)
			t->blk[i] = rnd(&t->seed) & 1 ? lim[2] : -lim[2];
		t->ref[i] = t->blk[i];
	}
}

/* An n x n block (4, or 8) at step @step: core against reference */
static int tx_block(struct tx_check *t, int n, int step, int range)
{
	int i, x, y, bad = 0;

	tx_coefs(t, n * n, range);
	for (i = 0; i < sizeof(t->pred); i++)
		t->pred[i] = rnd(&t->seed);
	memcpy(t->dst, t->pred, sizeof(t->dst));
	for (i = 0; i < n; i++) {	/* rows, then columns */
		if (n == 4)
			ref_tx4(t->ref + 4 * i, 1);
		else
			ref_tx8(t->ref + 8 * i, 1);
	}
	for (i = 0; i < n; i++) {
		if (n == 4)
			ref_tx4(t->ref + i, 4);
		else
			ref_tx8(t->ref + i, 8);
	}
	if (n == 4)
		h264_idct4_add(t->dst, 16, step, t->blk);
	else
		h264_idct8_add(t->dst, 16, t->blk);
	for (i = 0; i < sizeof(t->dst); i++) {
		int want = t->pred[i];

		x = i % 16;
		y = i / 16;
		if (!(x % step) && x / step < n && y < n)
			want = clip3(0, 255, want + (int)((t->ref[y * n + x / step] +
							    32) >> 6));
		bad += t->dst[i] != want;
	}
	return bad != 0;
}

/* LevelScale4x4(m, 0, 0) of flat matrices: 16 * normAdjust4x4(m, 0, 0) */
static const u16 ref_ls_dc[6] = { 160, 176, 208, 224, 256, 288 };

/* 8.5.10: Intra_16x16 DC, f = A * c * A, then scaled */
static int tx_luma_dc(struct tx_check *t, int range, bool flat)
{
	static const s8 a[4][4] = { { 1, 1, 1, 1 }, { 1, 1, -1, -1 },
				    { 1, -1, -1, 1 }, { 1, -1, 1, -1 } };
	struct h264_ctx *c = t->c;
	int qp = rnd_in(&t->seed, 0, 51), i, j, k, ls, bad = 0;
	s64 ca[16];

	tx_coefs(t, 16, range);
	c->qp = qp;
	memcpy(c->ldc, t->blk, sizeof(c->ldc));
	h264_dequant_init(c);
	ls = ref_ls_dc[qp % 6];
	if (!flat) {
		ls = rnd_in(&t->seed, 1, 255 * 18);
		c->dq4[0][qp % 6][0] = ls;
	}
	h264_luma_dc(c);
	for (i = 0; i < 4; i++)		/* c * A */
		for (j = 0; j < 4; j++)
			for (ca[i * 4 + j] = 0, k = 0; k < 4; k++)
				ca[i * 4 + j] += t->ref[i * 4 + k] * a[k][j];
	for (i = 0; i < 4; i++)		/* A * (c * A), scaled */
		for (j = 0; j < 4; j++) {
			s64 f = 0;

			for (k = 0; k < 4; k++)
				f += a[i][k] * ca[k * 4 + j];
			f *= ls;
			f = qp >= 36 ? f * (1 << (qp / 6 - 6)) :
				(f + (1 << (5 - qp / 6))) >> (6 - qp / 6);
			f = clamp(f, -(s64)(1 << 21), (s64)(1 << 21));
			bad += c->coef[i * 4 + j][0] != f;
		}
	return bad != 0;
}

/* QP'c of qPI (Table 8-15) */
static int ref_qpc(int q)
{
	static const u8 hi[22] = { 29, 30, 31, 32, 32, 33, 34, 34, 35, 35, 36,
				   36, 37, 37, 37, 38, 38, 38, 39, 39, 39, 39 };

	return q < 30 ? q : hi[q - 30];
}

/* 8.5.11: chroma DC, f = B * c * B, then scaled */
static int tx_chroma_dc(struct tx_check *t, int range)
{
	struct h264_ctx *c = t->c;
	struct vdec_h264_params *p = (struct vdec_h264_params *)c->p;
	bool intra = rnd(&t->seed) & 1;
	int comp, i, bad = 0, l, m;

	c->qp = rnd_in(&t->seed, 0, 51);
	c->mb->flags = intra ? MB_INTRA : 0;
	p->pps.chroma_qp_index_offset = rnd_in(&t->seed, -12, 12);
	p->pps.second_chroma_qp_index_offset = rnd_in(&t->seed, -12, 12);
	for (l = 0; l < 6; l++)
		for (m = 0; m < 6; m++)
			c->dq4[l][m][0] = rnd_in(&t->seed, 1, 255 * 18);
	for (comp = 0; comp < 2; comp++) {
		int off = comp ? p->pps.second_chroma_qp_index_offset :
			p->pps.chroma_qp_index_offset;
		int qpc = ref_qpc(clip3(0, 51, c->qp + off));
		int ls = c->dq4[(intra ? 1 : 4) + comp][qpc % 6][0];
		s64 d[4], f[4];

		tx_coefs(t, 4, range);
		for (i = 0; i < 4; i++) {
			c->cdc[comp][i] = t->blk[i];
			d[i] = t->blk[i];
		}
		f[0] = d[0] + d[1] + d[2] + d[3];
		f[1] = d[0] - d[1] + d[2] - d[3];
		f[2] = d[0] + d[1] - d[2] - d[3];
		f[3] = d[0] - d[1] - d[2] + d[3];
		for (i = 0; i < 4; i++) {
			s64 v = ((f[i] * ls) * (1 << (qpc / 6))) >> 5;

			t->ref[i] = clamp(v, -(s64)(1 << 21), (s64)(1 << 21));
		}
		h264_chroma_dc(c);
		for (i = 0; i < 4; i++)
			bad += c->ccoef[comp][i][0] != t->ref[i];
	}
	return bad != 0;
}

int vdec_check_h264_transforms(char *msg, size_t len)
{
	struct tx_check *t = vdec_zalloc(sizeof(*t));
	struct h264_mb mb = { 0 };
	int f4 = 0, f4c = 0, f8 = 0, fl = 0, fc = 0, r, i, n = 0;

	if (t)
		t->c = ctx_new();
	if (!t || !t->c) {
		vdec_free(t);
		if (msg)
			snprintf(msg, len, "h264-transforms: no memory");
		return 1;
	}
	t->seed = 0x264;
	t->c->mb = &mb;
	for (r = 0; r < 3; r++)
		for (i = 0; i < 2000; i++, n++) {
			f4 += tx_block(t, 4, 1, r);
			f4c += tx_block(t, 4, 2, r);
			f8 += tx_block(t, 8, 1, r);
			fl += tx_luma_dc(t, r, i & 1);
			fc += tx_chroma_dc(t, r);
		}
	ctx_free(t->c);
	vdec_free(t);
	if (msg)
		snprintf(msg, len,
			 "h264-transforms: %d blocks each, wrong: 4x4 %d, 4x4 chroma %d, 8x8 %d, luma DC %d, chroma DC %d",
			 n, f4, f4c, f8, fl, fc);
	return f4 + f4c + f8 + fl + fc;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_h264_transforms);

/* ---- deblocking filter (8.7.2) ---- */

/* alpha', beta' (Table 8-16) from indexA / indexB 16; below, 0 */
static const u8 ref_alpha[36] = {
	4, 4, 5, 6, 7, 8, 9, 10, 12, 13, 15, 17, 20, 22, 25, 28, 32, 36,
	40, 45, 50, 56, 63, 71, 80, 90, 101, 113, 127, 144, 162, 182, 203,
	226, 255, 255,
};

static const u8 ref_beta[36] = {
	2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11,
	12, 12, 13, 13, 14, 14, 15, 15, 16, 16, 17, 17, 18, 18,
};

/* tC0 (Table 8-17) for bS 1, 2, 3 from indexA 17; below, 0 */
static const u8 ref_tc0[35][3] = {
	{ 0, 0, 1 }, { 0, 0, 1 }, { 0, 0, 1 }, { 0, 0, 1 }, { 0, 1, 1 },
	{ 0, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 }, { 1, 1, 1 },
	{ 1, 1, 2 }, { 1, 1, 2 }, { 1, 1, 2 }, { 1, 1, 2 }, { 1, 2, 3 },
	{ 1, 2, 3 }, { 2, 2, 3 }, { 2, 2, 4 }, { 2, 3, 4 }, { 2, 3, 4 },
	{ 3, 3, 5 }, { 3, 4, 6 }, { 3, 4, 6 }, { 4, 5, 7 }, { 4, 5, 8 },
	{ 4, 6, 9 }, { 5, 7, 10 }, { 6, 8, 11 }, { 6, 8, 13 }, { 7, 10, 14 },
	{ 8, 11, 16 }, { 9, 12, 18 }, { 10, 13, 20 }, { 11, 15, 23 },
	{ 13, 17, 25 },
};

#define DB_S	24		/* the test area: DB_S x DB_S bytes */

struct dbk_check {
	u8 pix[DB_S * DB_S];
	u8 ref[DB_S * DB_S];
	u32 seed;
	u32 weak, clipped, strong, chroma, none;
};

/* One line across the edge: q[i * s] is qi, q[-(i + 1) * s] is pi */
static void dbk_ref_line(struct dbk_check *t, u8 *q, int s, int bs, int ia,
			 int ib, bool chroma)
{
	int alpha = ia < 16 ? 0 : ref_alpha[ia - 16];
	int beta = ib < 16 ? 0 : ref_beta[ib - 16];
	int p[4], qq[4], i, ap, aq, tc0, tc, raw, delta, avg;

	for (i = 0; i < 4; i++) {
		p[i] = q[-(i + 1) * s];
		qq[i] = q[i * s];
	}
	if (!bs || abs(p[0] - qq[0]) >= alpha || abs(p[1] - p[0]) >= beta ||
	    abs(qq[1] - qq[0]) >= beta) {
		t->none++;
		return;
	}
	t->chroma += chroma;
	ap = abs(p[2] - p[0]);
	aq = abs(qq[2] - qq[0]);
	if (bs < 4) {
		tc0 = ia < 17 ? 0 : ref_tc0[ia - 17][bs - 1];
		tc = chroma ? tc0 + 1 : tc0 + (ap < beta) + (aq < beta);
		raw = ((qq[0] - p[0]) * 4 + (p[1] - qq[1]) + 4) >> 3;
		delta = clip3(-tc, tc, raw);
		t->weak++;
		t->clipped += delta != raw;
		q[-s] = clip3(0, 255, p[0] + delta);
		q[0] = clip3(0, 255, qq[0] - delta);
		avg = (p[0] + qq[0] + 1) >> 1;
		if (!chroma && ap < beta)
			q[-2 * s] = p[1] + clip3(-tc0, tc0,
						 (p[2] + avg - 2 * p[1]) >> 1);
		if (!chroma && aq < beta)
			q[s] = qq[1] + clip3(-tc0, tc0,
					     (qq[2] + avg - 2 * qq[1]) >> 1);
		return;
	}
	if (!chroma && ap < beta && abs(p[0] - qq[0]) < (alpha >> 2) + 2) {
		t->strong++;
		q[-s] = (p[2] + 2 * p[1] + 2 * p[0] + 2 * qq[0] + qq[1] + 4) >> 3;
		q[-2 * s] = (p[2] + p[1] + p[0] + qq[0] + 2) >> 2;
		q[-3 * s] = (2 * p[3] + 3 * p[2] + p[1] + p[0] + qq[0] + 4) >> 3;
	} else {
		q[-s] = (2 * p[1] + p[0] + qq[1] + 2) >> 2;
	}
	if (!chroma && aq < beta && abs(p[0] - qq[0]) < (alpha >> 2) + 2) {
		q[0] = (p[1] + 2 * p[0] + 2 * qq[0] + 2 * qq[1] + qq[2] + 4) >> 3;
		q[s] = (p[0] + qq[0] + qq[1] + qq[2] + 2) >> 2;
		q[2 * s] = (2 * qq[3] + 3 * qq[2] + qq[1] + qq[0] + p[0] + 4) >> 3;
	} else {
		q[0] = (2 * qq[1] + qq[0] + p[1] + 2) >> 2;
	}
}

/* Samples near the edge: two smooth sides, a step, some noise */
static void dbk_fill(struct dbk_check *t, bool vert)
{
	int step = rnd_in(&t->seed, 0, rnd(&t->seed) % 4 ? 40 : 255);
	int noise = rnd_in(&t->seed, 0, 6), base = rnd_in(&t->seed, 0, 255);
	int x, y;

	for (y = 0; y < DB_S; y++)
		for (x = 0; x < DB_S; x++) {
			int side = (vert ? x : y) >= DB_S / 2;

			t->pix[y * DB_S + x] = clip3(0, 255, base + side * step -
						     step / 2 + rnd_in(&t->seed, -noise, noise));
		}
	memcpy(t->ref, t->pix, sizeof(t->pix));
}

static int dbk_run(struct dbk_check *t)
{
	bool chroma = rnd(&t->seed) & 1, vert = rnd(&t->seed) & 1;
	struct h264_dbk d = { 0 };
	int qp = rnd_in(&t->seed, 0, 51), n = chroma ? 8 : 16, k, ia, ib;
	int s = vert ? (chroma ? 2 : 1) : DB_S;
	int along = vert ? DB_S : (chroma ? 2 : 1);
	u8 bs[4];
	int off = (DB_S / 2) * (vert ? 1 : DB_S) + (vert ? DB_S * 4 : 4);

	dbk_fill(t, vert);
	d.alpha = 2 * rnd_in(&t->seed, -6, 6);
	d.beta = 2 * rnd_in(&t->seed, -6, 6);
	for (k = 0; k < 4; k++)
		bs[k] = rnd(&t->seed) % 4 ? rnd_in(&t->seed, 1, 4) : 0;
	if (rnd(&t->seed) % 8 == 0)
		memset(bs, 0, sizeof(bs));
	ia = clip3(0, 51, qp + d.alpha);
	ib = clip3(0, 51, qp + d.beta);
	for (k = 0; k < n; k++)
		dbk_ref_line(t, t->ref + off + k * along, s,
			     bs[chroma ? k >> 1 : k >> 2], ia, ib, chroma);
	h264_deblock_edge(t->pix + off, s, along, n, bs, qp, &d, chroma);
	return memcmp(t->pix, t->ref, sizeof(t->pix)) != 0;
}

int vdec_check_h264_deblock(char *msg, size_t len)
{
	struct dbk_check *t = vdec_zalloc(sizeof(*t));
	int fails = 0, i;

	if (!t) {
		if (msg)
			snprintf(msg, len, "h264-deblock: no memory");
		return 1;
	}
	t->seed = 0xdeb10c;
	for (i = 0; i < 20000; i++)
		fails += dbk_run(t);
	if (msg)
		snprintf(msg, len,
			 "h264-deblock: 20000 edges, %d wrong; lines: %u weak (%u clipped), %u strong, %u chroma, %u unfiltered",
			 fails, t->weak, t->clipped, t->strong, t->chroma,
			 t->none);
	/* a check that filters nothing proves nothing */
	fails += !t->weak || !t->clipped || !t->strong || !t->chroma;
	vdec_free(t);
	return fails;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_h264_deblock);

/* ---- intra prediction with neighbours unavailable (8.3) ---- */

#define PW	3			/* picture of PW x PW macroblocks */
#define PS	(PW * 16)		/* stride */

struct pred_check {
	struct h264_ctx *c;
	struct h264_mb mbs[PW * PW];
	struct vdec_pic pic;
	u8 luma[PS * PS];
	u8 chroma[PS * PS / 2];
	u8 rl[PS * PS];			/* the reference's picture */
	u8 rc[PS * PS / 2];
	u8 ol[PS * PS];			/* the random picture */
	u8 oc[PS * PS / 2];
	bool constrained;
	u32 seed;
	int bad;
	u8 seen;			/* Intra_16x16 top / left combinations */
};

#define P(x, y)		(t->rl[(y) * PS + (x)])

/* Macroblock (mbx + dx, mby + dy) available for intra prediction (6.4.x) */
static bool ref_mb_ok(struct pred_check *t, int dx, int dy)
{
	int x = t->c->mbx + dx, y = t->c->mby + dy;
	const struct h264_mb *m;

	if (x < 0 || y < 0 || x >= PW || y >= PW)
		return false;
	m = &t->mbs[y * PW + x];
	return m != t->c->mb && m->slice == t->c->mb->slice &&
	       ((m->flags & MB_INTRA) || !t->constrained);
}

/* luma4x4BlkIdx of the 4x4 block (bx, by) (6.4.3) */
static int ref_blk_idx(int bx, int by)
{
	return 8 * (by >> 1) + 4 * (bx >> 1) + 2 * (by & 1) + (bx & 1);
}

/* The 4x4 block (bx, by) (-1..4, -1..3) available for block @cur */
static bool ref_blk_ok(struct pred_check *t, int bx, int by, int cur)
{
	if (bx > 3 && by >= 0)
		return false;	/* right of the macroblock: not decoded */
	if (bx >= 0 && bx <= 3 && by >= 0)
		return ref_blk_idx(bx, by) < cur;
	return ref_mb_ok(t, bx < 0 ? -1 : bx > 3 ? 1 : 0, by < 0 ? -1 : 0);
}

static int ref_dc(const u8 *top, const u8 *left, int n, bool ut, bool ul)
{
	int i, s = 0, sh = n == 4 ? 2 : n == 8 ? 3 : 4;

	for (i = 0; i < n; i++)
		s += (ut ? top[i] : 0) + (ul ? left[i] : 0);
	if (ut && ul)
		return (s + n) >> (sh + 1);
	if (ut || ul)
		return (s + n / 2) >> sh;
	return 128;
}

/* Modes 0..3 of Intra_4x4 / Intra_8x8 from (filtered) samples t[0..2n-1] */
static void ref_pred_nxn(struct pred_check *t, int x0, int y0, int n,
			 int mode, const u8 *top, const u8 *left, bool ut,
			 bool ul)
{
	int x, y, v, dc = ref_dc(top, left, n, ut, ul);

	for (y = 0; y < n; y++)
		for (x = 0; x < n; x++) {
			if (mode == 0)
				v = top[x];
			else if (mode == 1)
				v = left[y];
			else if (mode == 2)
				v = dc;
			else if (x == n - 1 && y == n - 1)
				v = (top[2 * n - 2] + 3 * top[2 * n - 1] + 2) >> 2;
			else
				v = (top[x + y] + 2 * top[x + y + 1] +
				     top[x + y + 2] + 2) >> 2;
			P(x0 + x, y0 + y) = v;
		}
}

/* Intra_4x4 (8.3.1.2) of the block with luma4x4BlkIdx @idx */
static void ref_pred4(struct pred_check *t, int idx, int mode)
{
	int bx = 2 * ((idx >> 2) & 1) + (idx & 1);
	int by = 2 * (idx >> 3) + ((idx >> 1) & 1);
	int x0 = t->c->mbx * 16 + bx * 4, y0 = t->c->mby * 16 + by * 4, i;
	bool top = ref_blk_ok(t, bx, by - 1, idx);
	bool left = ref_blk_ok(t, bx - 1, by, idx);
	bool tr = ref_blk_ok(t, bx + 1, by - 1, idx);
	u8 tp[8], lf[4];

	for (i = 0; i < 4; i++) {
		tp[i] = top ? P(x0 + i, y0 - 1) : 128;
		lf[i] = left ? P(x0 - 1, y0 + i) : 128;
	}
	for (i = 4; i < 8; i++)		/* 8.3.1.2: substituted by p[3, -1] */
		tp[i] = tr ? P(x0 + i, y0 - 1) : tp[3];
	ref_pred_nxn(t, x0, y0, 4, mode, tp, lf, top, left);
}

/* 8.3.2.2.1: the reference sample filtering of an 8x8 block */
static void ref_filter8(const u8 *p, const u8 *l, u8 *pf, u8 *lf, int c,
			bool top, bool left, bool tl)
{
	int i;

	for (i = 0; i < 16; i++)
		pf[i] = 128;
	for (i = 0; i < 8; i++)
		lf[i] = 128;
	if (top) {
		pf[0] = tl ? (c + 2 * p[0] + p[1] + 2) >> 2 :
			(3 * p[0] + p[1] + 2) >> 2;
		for (i = 1; i < 15; i++)
			pf[i] = (p[i - 1] + 2 * p[i] + p[i + 1] + 2) >> 2;
		pf[15] = (p[14] + 3 * p[15] + 2) >> 2;
	}
	if (left) {
		lf[0] = tl ? (c + 2 * l[0] + l[1] + 2) >> 2 :
			(3 * l[0] + l[1] + 2) >> 2;
		for (i = 1; i < 7; i++)
			lf[i] = (l[i - 1] + 2 * l[i] + l[i + 1] + 2) >> 2;
		lf[7] = (l[6] + 3 * l[7] + 2) >> 2;
	}
}

/* Intra_8x8 (8.3.2.2) of 8x8 block @b8 */
static void ref_pred8(struct pred_check *t, int b8, int mode)
{
	int bx = (b8 & 1) * 2, by = (b8 >> 1) * 2, cur = 4 * b8, i;
	int x0 = t->c->mbx * 16 + bx * 4, y0 = t->c->mby * 16 + by * 4;
	bool top = ref_blk_ok(t, bx, by - 1, cur);
	bool left = ref_blk_ok(t, bx - 1, by, cur);
	bool tl = ref_blk_ok(t, bx - 1, by - 1, cur);
	bool tr = ref_blk_ok(t, bx + 2, by - 1, cur);
	u8 p[16], l[8], pf[16], lf[8];

	for (i = 0; i < 8; i++) {
		p[i] = top ? P(x0 + i, y0 - 1) : 128;
		l[i] = left ? P(x0 - 1, y0 + i) : 128;
	}
	for (i = 8; i < 16; i++)	/* substituted by p[7, -1] */
		p[i] = tr ? P(x0 + i, y0 - 1) : p[7];
	ref_filter8(p, l, pf, lf, tl ? P(x0 - 1, y0 - 1) : 128, top, left,
		    tl);
	ref_pred_nxn(t, x0, y0, 8, mode, pf, lf, top, left);
}

/*
 * Intra_16x16 (8.3.3, @n 16, modes in chroma numbering: 0 DC, 1 H, 2 V,
 * 3 plane) and chroma (8.3.4, @n 8, @k the byte of the pair) prediction
 */
static void ref_pred_mb(struct pred_check *t, int n, int k, int mode)
{
	bool top = ref_mb_ok(t, 0, -1), left = ref_mb_ok(t, -1, 0);
	bool tl = ref_mb_ok(t, -1, -1);
	int st = n == 16 ? 1 : 2, x0 = t->c->mbx * n, y0 = t->c->mby * n;
	u8 *pl = n == 16 ? t->rl : t->rc + k;
	int x, y, v, i, h = 0, vv = 0, a, b, c, xc = n / 2 - 1;
	u8 tp[16], lf[16], corner;

#define S(x, y)		pl[(y) * PS + (x) * st]
	for (i = 0; i < n; i++) {
		tp[i] = top ? S(x0 + i, y0 - 1) : 128;
		lf[i] = left ? S(x0 - 1, y0 + i) : 128;
	}
	corner = tl ? S(x0 - 1, y0 - 1) : 128;
	for (i = 0; i <= xc; i++) {
		h += (i + 1) * (tp[xc + 1 + i] - (xc - 1 - i >= 0 ? tp[xc - 1 - i] : corner));
		vv += (i + 1) * (lf[xc + 1 + i] - (xc - 1 - i >= 0 ? lf[xc - 1 - i] : corner));
	}
	a = 16 * (lf[n - 1] + tp[n - 1]);
	b = ((n == 16 ? 5 : 34) * h + 32) >> 6;
	c = ((n == 16 ? 5 : 34) * vv + 32) >> 6;
	for (y = 0; y < n; y++)
		for (x = 0; x < n; x++) {
			int bx = x & ~3, by = y & ~3;

			if (mode == 1)
				v = lf[y];
			else if (mode == 2)
				v = tp[x];
			else if (mode == 3)
				v = clip3(0, 255, (a + b * (x - xc) + c * (y - xc) + 16) >> 5);
			else if (n == 16)
				v = ref_dc(tp, lf, 16, top, left);
			else if (bx && !by)	/* 8.3.4.2: top first */
				v = ref_dc(tp + bx, lf + by, 4, top, !top && left);
			else if (!bx && by)	/* 8.3.4.3: left first */
				v = ref_dc(tp + bx, lf + by, 4, !left && top, left);
			else
				v = ref_dc(tp + bx, lf + by, 4, top, left);
			S(x0 + x, y0 + y) = v;
		}
#undef S
}

/* Compare and resynchronise the reference with the core's picture */
static void pred_cmp(struct pred_check *t)
{
	if (memcmp(t->rl, t->luma, sizeof(t->rl)) ||
	    memcmp(t->rc, t->chroma, sizeof(t->rc))) {
		t->bad++;
		memcpy(t->rl, t->luma, sizeof(t->rl));
		memcpy(t->rc, t->chroma, sizeof(t->rc));
	}
}

static void pred_check_mb(struct pred_check *t)
{
	static const u8 i16_mode[4] = { 2, 1, 0, 3 };	/* chroma numbering */
	struct h264_ctx *c = t->c;
	int mode, i;

	t->seen |= 1 << (ref_mb_ok(t, 0, -1) * 2 + ref_mb_ok(t, -1, 0));
	for (mode = 0; mode < 4; mode++) {
		/* random neighbours, not those predicted before (often 128) */
		memcpy(t->luma, t->ol, sizeof(t->ol));
		memcpy(t->chroma, t->oc, sizeof(t->oc));
		memcpy(t->rl, t->ol, sizeof(t->ol));
		memcpy(t->rc, t->oc, sizeof(t->oc));
		for (i = 0; i < 16; i++) {
			int bx = 2 * ((i >> 2) & 1) + (i & 1);
			int by = 2 * (i >> 3) + ((i >> 1) & 1);

			h264_pred_intra4x4(c, by * 4 + bx, mode);
			ref_pred4(t, i, mode);
		}
		pred_cmp(t);
		for (i = 0; i < 4; i++) {
			h264_pred_intra8x8(c, i, mode);
			ref_pred8(t, i, mode);
		}
		pred_cmp(t);
		h264_pred_intra16x16(c, mode);
		ref_pred_mb(t, 16, 0, i16_mode[mode]);
		pred_cmp(t);
		h264_pred_chroma(c, mode);
		ref_pred_mb(t, 8, 0, mode);
		ref_pred_mb(t, 8, 1, mode);
		pred_cmp(t);
	}
}

static void pred_picture(struct pred_check *t)
{
	struct vdec_h264_params *p = (struct vdec_h264_params *)t->c->p;
	int i, slices = rnd_in(&t->seed, 1, 3);

	for (i = 0; i < sizeof(t->ol); i++)
		t->ol[i] = rnd(&t->seed);
	for (i = 0; i < sizeof(t->oc); i++)
		t->oc[i] = rnd(&t->seed);
	t->constrained = rnd(&t->seed) & 1;
	p->pps.flags = t->constrained ? VDEC_H264_PPS_CONSTRAINED_INTRA_PRED : 0;
	for (i = 0; i < PW * PW; i++) {
		t->mbs[i].slice = rnd_in(&t->seed, 1, slices);
		t->mbs[i].flags = rnd(&t->seed) & 1 ? MB_INTRA : 0;
	}
}

int vdec_check_h264_pred(char *msg, size_t len)
{
	struct pred_check *t = vdec_zalloc(sizeof(*t));
	int run, i, n = 0;

	if (t)
		t->c = ctx_new();
	if (!t || !t->c) {
		vdec_free(t);
		if (msg)
			snprintf(msg, len, "h264-pred: no memory");
		return 1;
	}
	t->seed = 0x1e7a;
	t->pic.luma = t->luma;
	t->pic.chroma = t->chroma;
	t->pic.stride = PS;
	t->pic.width = PS;
	t->pic.height = PS;
	t->c->out = &t->pic;
	t->c->mbs = t->mbs;
	t->c->mbw = PW;
	t->c->mbh = PW;
	for (run = 0; run < 40; run++) {
		pred_picture(t);
		for (i = 0; i < PW * PW; i++, n++) {
			t->c->mbx = i % PW;
			t->c->mby = i / PW;
			t->c->mb = &t->mbs[i];
			pred_check_mb(t);
		}
	}
	/* all of: nothing, only left, only top, both available were seen */
	t->bad += t->seen != 15;
	if (msg)
		snprintf(msg, len,
			 "h264-pred: %d macroblocks x 4 modes of 4x4, 8x8, 16x16, chroma; %d wrong, availability combinations seen %#x",
			 n, t->bad, t->seen);
	i = t->bad;
	ctx_free(t->c);
	vdec_free(t);
	return i;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_h264_pred);
