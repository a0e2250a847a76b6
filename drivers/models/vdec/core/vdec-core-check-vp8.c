// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: self-checks of the VP8 core (see
 * vdec-core-check.h): the boolean decoder against a boolean encoder, the
 * inverse transforms, intra prediction at the frame's edges and the loop
 * filter, each against a direct computation from RFC 6386.
 */
#include "vdec-core-check.h"
#include "vp8.h"

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

static u8 clip_u8(int v)
{
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

/* ---- boolean decoder (RFC 6386 7) ---- */

/* The boolean encoder of RFC 6386 7.3, into a bounded buffer */
struct bool_enc {
	u8 *out;
	u32 cap;
	u32 pos;
	u32 range;
	u32 bottom;
	int bit_count;
	bool full;
};

static void be_init(struct bool_enc *e, u8 *out, u32 cap)
{
	e->out = out;
	e->cap = cap;
	e->pos = 0;
	e->range = 255;
	e->bottom = 0;
	e->bit_count = 24;
	e->full = false;
}

/* The carry into the bytes already written */
static void be_carry(struct bool_enc *e)
{
	u32 i = e->pos;

	while (i && e->out[i - 1] == 255)
		e->out[--i] = 0;
	if (i)
		e->out[i - 1]++;
}

static void be_byte(struct bool_enc *e, u8 b)
{
	if (e->pos < e->cap)
		e->out[e->pos++] = b;
	else
		e->full = true;
}

static void be_put(struct bool_enc *e, int prob, int bit)
{
	u32 split = 1 + (((e->range - 1) * (u32)prob) >> 8);

	if (bit) {
		e->bottom += split;
		e->range -= split;
	} else {
		e->range = split;
	}
	while (e->range < 128) {
		e->range <<= 1;
		if (e->bottom & (1u << 31))
			be_carry(e);
		e->bottom <<= 1;
		if (!--e->bit_count) {
			be_byte(e, (u8)(e->bottom >> 24));
			e->bottom &= (1 << 24) - 1;
			e->bit_count = 8;
		}
	}
}

static void be_flush(struct bool_enc *e)
{
	int c = e->bit_count, i;
	u32 v = e->bottom;

	if (v & (1u << (32 - c)))
		be_carry(e);
	v <<= c & 7;
	for (c >>= 3; c > 0; c--)
		v <<= 8;
	for (i = 0; i < 4; i++, v <<= 8)
		be_byte(e, (u8)(v >> 24));
}

#define BOOL_N		24000

struct bool_check {
	u8 prob[BOOL_N];
	u8 bit[BOOL_N];
	u8 lit[BOOL_N];		/* 0: a bool, else a literal of lit bits */
	u32 litval[BOOL_N];
	u8 enc[BOOL_N * 2 + 64];
};

/* Fill the sequence: runs of random, 1, 128 and 255 probabilities, literals */
static void bool_sequence(struct bool_check *b, u32 *seed)
{
	int i = 0, kind = 0, n;

	while (i < BOOL_N) {
		n = rnd_in(seed, 1, 300);
		for (; n && i < BOOL_N; n--, i++) {
			b->lit[i] = 0;
			b->bit[i] = rnd(seed) & 1;
			switch (kind) {
			case 0:
				b->prob[i] = rnd_in(seed, 1, 255);
				break;
			case 1:
				b->prob[i] = 1;
				break;
			case 2:
				b->prob[i] = 128;
				break;
			case 3:
				b->prob[i] = 255;
				break;
			case 4:
				/* skewed: mostly the likely value */
				b->prob[i] = rnd_in(seed, 200, 255);
				b->bit[i] = !(rnd(seed) % 16);
				break;
			default:
				b->prob[i] = 128;
				b->lit[i] = rnd_in(seed, 1, 32);
				b->litval[i] = rnd(seed) >> (32 - b->lit[i]);
				break;
			}
		}
		kind = (kind + 1 + rnd(seed) % 3) % 6;
	}
}

static void bool_encode(struct bool_check *b, struct bool_enc *e)
{
	int i, k;

	be_init(e, b->enc, sizeof(b->enc));
	for (i = 0; i < BOOL_N; i++) {
		if (!b->lit[i]) {
			be_put(e, b->prob[i], b->bit[i]);
			continue;
		}
		for (k = b->lit[i] - 1; k >= 0; k--)
			be_put(e, 128, (b->litval[i] >> k) & 1);
	}
	be_flush(e);
}

/* Decode the sequence from an exactly sized copy; reads past its end */
static int bool_decode(struct bool_check *b, u32 len, char *msg, size_t mlen)
{
	u8 *buf = vdec_zalloc(len ? len : 1);
	struct vp8_bool d;
	int i, bad = 0, first = -1, over_early, over_late;
	bool outside = false;
	u32 seed = 77;

	if (!buf)
		return 1;
	memcpy(buf, b->enc, len);
	vp8_bool_init(&d, buf, len);
	for (i = 0; i < BOOL_N; i++) {
		u32 v = b->lit[i] ? vp8_read_literal(&d, b->lit[i]) :
			(u32)vp8_read(&d, b->prob[i]);
		u32 want = b->lit[i] ? b->litval[i] : b->bit[i];

		if (v != want && !bad++)
			first = i;
	}
	over_early = vp8_bool_overrun(&d, 0);
	/* past the end: zeros are read, nothing outside the buffer */
	for (i = 0; i < 4000; i++) {
		vp8_read(&d, rnd_in(&seed, 1, 255));
		outside |= d.p < buf || d.p > buf + len;
	}
	over_late = vp8_bool_overrun(&d, 0);
	vdec_free(buf);
	if (bad || over_early || !over_late || outside)
		snprintf(msg, mlen,
			 "vp8-bool: %d/%d wrong (first %d), overrun at end %d, after %d, outside %d",
			 bad, BOOL_N, first, over_early, over_late, outside);
	return (bad > 0) + over_early + !over_late + outside;
}

/*
 * Zero bytes, and zeros past them: each bool of probability 1 reads 0 and
 * uses exactly 7 bits (split 1, range 1, 7 shifts), the first 8 bits being
 * the initial value; overrun must be reported exactly when more than
 * @slack bits past the @len bytes were used.
 */
static int bool_zeros(void)
{
	static const u8 zeros[17];
	static const u8 lens[] = { 0, 1, 2, 3, 5, 9, 17 };
	static const int slack[] = { 0, 6, 7, 64 };
	struct vp8_bool d;
	int i, k, s, fails = 0;

	for (i = 0; i < ARRAY_SIZE(lens); i++) {
		vp8_bool_init(&d, zeros, lens[i]);
		for (k = 0; k <= 40; k++) {
			int past = 8 + 7 * k - 8 * lens[i];

			for (s = 0; s < ARRAY_SIZE(slack); s++)
				fails += vp8_bool_overrun(&d, slack[s]) !=
					 (past > slack[s]);
			fails += vp8_read(&d, 1) != 0;
			fails += d.p > zeros + lens[i];
		}
		fails += vp8_read_literal(&d, 32) != 0;
	}
	return fails;
}

int vdec_check_vp8_bool(char *msg, size_t len)
{
	struct bool_check *b = vdec_zalloc(sizeof(*b));
	struct bool_enc e;
	int fails = 0, run;
	u32 seed = 0x1234567;
	char tmp[160] = "";

	if (!b) {
		if (msg)
			snprintf(msg, len, "vp8-bool: no memory");
		return 1;
	}
	for (run = 0; run < 8; run++) {
		bool_sequence(b, &seed);
		bool_encode(b, &e);
		if (e.full) {
			fails++;
			continue;
		}
		fails += bool_decode(b, e.pos, tmp, sizeof(tmp));
	}
	if (bool_zeros()) {
		fails++;
		snprintf(tmp, sizeof(tmp),
			 "vp8-bool: zero / empty buffers: not zeros or overrun misreported");
	}
	vdec_free(b);
	if (msg)
		snprintf(msg, len, "%s", fails ? tmp :
			 "vp8-bool: 8 x 24000 bools/literals, probabilities 1..255, reads past the end, overrun exact on zero buffers");
	return fails;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_vp8_bool);

/* ---- inverse transforms (RFC 6386 14.3, 14.4) ---- */

/* The RFC's iDCT: columns then rows, 16-bit intermediate */
static void ref_idct(const s16 *in, s16 *out)
{
	const int kc = 20091, ks = 35468;	/* cos, sin(pi/8) * sqrt2 */
	s16 t[16];
	int i;

	for (i = 0; i < 4; i++) {
		int a1 = in[i] + in[8 + i], b1 = in[i] - in[8 + i];
		int c1 = ((in[4 + i] * ks) >> 16) -
			 (in[12 + i] + ((in[12 + i] * kc) >> 16));
		int d1 = (in[4 + i] + ((in[4 + i] * kc) >> 16)) +
			 ((in[12 + i] * ks) >> 16);

		t[i] = (s16)(a1 + d1);
		t[12 + i] = (s16)(a1 - d1);
		t[4 + i] = (s16)(b1 + c1);
		t[8 + i] = (s16)(b1 - c1);
	}
	for (i = 0; i < 4; i++) {
		const s16 *r = t + 4 * i;
		int a1 = r[0] + r[2], b1 = r[0] - r[2];
		int c1 = ((r[1] * ks) >> 16) - (r[3] + ((r[3] * kc) >> 16));
		int d1 = (r[1] + ((r[1] * kc) >> 16)) + ((r[3] * ks) >> 16);

		out[4 * i] = (s16)((a1 + d1 + 4) >> 3);
		out[4 * i + 3] = (s16)((a1 - d1 + 4) >> 3);
		out[4 * i + 1] = (s16)((b1 + c1 + 4) >> 3);
		out[4 * i + 2] = (s16)((b1 - c1 + 4) >> 3);
	}
}

/* The RFC's inverse WHT: columns then rows */
static void ref_iwht(const s16 *in, s16 *out)
{
	s16 t[16];
	int i;

	for (i = 0; i < 4; i++) {
		int a1 = in[i] + in[12 + i], b1 = in[4 + i] + in[8 + i];
		int c1 = in[4 + i] - in[8 + i], d1 = in[i] - in[12 + i];

		t[i] = (s16)(a1 + b1);
		t[4 + i] = (s16)(c1 + d1);
		t[8 + i] = (s16)(a1 - b1);
		t[12 + i] = (s16)(d1 - c1);
	}
	for (i = 0; i < 4; i++) {
		const s16 *r = t + 4 * i;
		int a1 = r[0] + r[3], b1 = r[1] + r[2];
		int c1 = r[1] - r[2], d1 = r[0] - r[3];

		out[4 * i] = (s16)((a1 + b1 + 3) >> 3);
		out[4 * i + 1] = (s16)((c1 + d1 + 3) >> 3);
		out[4 * i + 2] = (s16)((a1 - b1 + 3) >> 3);
		out[4 * i + 3] = (s16)((d1 - c1 + 3) >> 3);
	}
}

struct tx_check {
	s16 coef[25][16];
	s16 in[16];
	s16 res[16];
	u8 pred[4 * 8];
	u8 dst[4 * 8];
};

/* Random coefficients: @range 0 small, 1 the tokens' range, 2 extremes */
static void tx_coefs(s16 *c, u32 *seed, int range, bool dc_only)
{
	static const int lim[3] = { 64, 2048, 32767 };
	int i;

	for (i = 0; i < 16; i++) {
		c[i] = (s16)rnd_in(seed, -lim[range], lim[range]);
		if (range == 2 && (rnd(seed) & 1))
			c[i] = rnd(seed) & 1 ? 32767 : -32767;
		if ((dc_only && i) || (rnd(seed) % 4 == 0))
			c[i] = 0;
	}
}

/* One iDCT (or DC-only) block: the core's add against the RFC's */
static int tx_idct_one(struct tx_check *t, u32 *seed, int range, bool dc)
{
	int i, bad = 0;

	tx_coefs(t->in, seed, range, dc);
	for (i = 0; i < 32; i++)
		t->pred[i] = rnd(seed);
	memcpy(t->dst, t->pred, sizeof(t->dst));
	ref_idct(t->in, t->res);
	memcpy(t->coef[0], t->in, sizeof(t->in));
	if (dc)
		vp8_idct_dc_add(t->coef[0], t->dst, 8);
	else
		vp8_idct_add(t->coef[0], t->dst, 8);
	for (i = 0; i < 32; i++) {
		int want = (i & 7) < 4 ? clip_u8(t->pred[i] +
						 t->res[(i >> 3) * 4 + (i & 7)]) :
			t->pred[i];

		bad += t->dst[i] != want;
	}
	for (i = 0; i < 16; i++)
		bad += t->coef[0][i] != 0;	/* cleared */
	return bad != 0;
}

static int tx_iwht_one(struct tx_check *t, u32 *seed, int range)
{
	int i, bad = 0;

	memset(t->coef, 0, sizeof(t->coef));
	tx_coefs(t->in, seed, range, false);
	memcpy(t->coef[24], t->in, sizeof(t->in));
	ref_iwht(t->in, t->res);
	vp8_iwht(t->coef);
	for (i = 0; i < 16; i++)
		bad += t->coef[i][0] != t->res[i] || t->coef[24][i];
	return bad != 0;
}

int vdec_check_vp8_transforms(char *msg, size_t len)
{
	struct tx_check *t = vdec_zalloc(sizeof(*t));
	int fails[3] = { 0 }, n = 0, r, i;
	u32 seed = 0xbadc0de;

	if (!t) {
		if (msg)
			snprintf(msg, len, "vp8-transforms: no memory");
		return 1;
	}
	for (r = 0; r < 3; r++)
		for (i = 0; i < 3000; i++, n++) {
			fails[0] += tx_idct_one(t, &seed, r, false);
			fails[1] += tx_idct_one(t, &seed, r, true);
			fails[2] += tx_iwht_one(t, &seed, r);
		}
	vdec_free(t);
	if (msg)
		snprintf(msg, len,
			 "vp8-transforms: %d blocks each, wrong: idct %d, dc-only %d, iwht %d",
			 n, fails[0], fails[1], fails[2]);
	return fails[0] + fails[1] + fails[2];
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_vp8_transforms);

/* ---- intra prediction at the frame's edges (RFC 6386 12) ---- */

#define PW	3		/* frame of PW x PH macroblocks */
#define PH	3
#define PS	(PW * 16)	/* stride */

struct pred_check {
	struct vp8_ctx c;
	struct vdec_pic pic;
	struct vp8_mb mb;
	u8 luma[PS * PH * 16];
	u8 chroma[PS * PH * 8];
	u8 above[21];		/* [0] above-left, [17..20] above-right */
	u8 left[16];
	u8 wk[17][21];		/* the reference's B_PRED work area */
	int bad;
};

/*
 * The edges of macroblock (mbx, mby) of plane @pl (0 luma, 1 and 2 the
 * chroma bytes) by the RFC's rules: 127 above the frame (above-left and
 * above-right included), 129 left of it (above-left included below the
 * first row), the last pixel of the row above repeated right of the frame.
 */
static void pred_ref_edges(struct pred_check *t, int pl, int mbx, int mby)
{
	int n = pl ? 8 : 16, step = pl ? 2 : 1, off = pl ? pl - 1 : 0, i;
	const u8 *base = pl ? t->chroma : t->luma;
	int x0 = mbx * n, y0 = mby * n;

#define PIX(x, y)	base[(y) * PS + (x) * step + off]
	for (i = -1; i < n + 4; i++) {
		int x = x0 + i;

		if (!mby)
			t->above[1 + i] = 127;
		else if (x < 0)
			t->above[1 + i] = 129;
		else
			t->above[1 + i] = PIX(min(x, PW * n - 1), y0 - 1);
	}
	for (i = 0; i < n; i++)
		t->left[i] = mbx ? PIX(x0 - 1, y0 + i) : 129;
#undef PIX
}

/* The expected 16x16 or 8x8 prediction of @mode at (x, y) */
static int pred_ref_block(struct pred_check *t, int n, int mode, int x, int y,
			  bool top, bool left)
{
	int i, sum = 0, sh = n == 16 ? 3 : 2;

	switch (mode) {
	case VP8_DC_PRED:
		if (!top && !left)
			return 128;
		for (i = 0; i < n; i++)
			sum += (top ? t->above[1 + i] : 0) +
			       (left ? t->left[i] : 0);
		sh += top + left;
		return (sum + (1 << (sh - 1))) >> sh;
	case VP8_V_PRED:
		return t->above[1 + x];
	case VP8_H_PRED:
		return t->left[y];
	default:
		return clip_u8(t->left[y] + t->above[1 + x] - t->above[0]);
	}
}

static void pred_cmp_block(struct pred_check *t, const u8 *w, int stride,
			   int n, int mode)
{
	int x, y;

	for (y = 0; y < n; y++)
		for (x = 0; x < n; x++)
			t->bad += w[(1 + y) * stride + 1 + x] !=
				pred_ref_block(t, n, mode, x, y, t->c.mb_y,
					       t->c.mb_x);
}

/* The reference's subblock modes B_DC, B_TM, B_VE, B_LD (RFC 12.3) */
static void pred_ref_sub(struct pred_check *t, int i, int mode)
{
	int r = (i >> 2) * 4, cc = (i & 3) * 4, x, y, v, k;
	u8 a[9], l[4];		/* a[0] above-left, a[1..8] above */

	for (k = 0; k < 5; k++)
		a[k] = t->wk[r][cc + k];
	for (k = 0; k < 4; k++) {
		/* right column: the row above the macroblock, right of it */
		a[5 + k] = cc == 12 ? t->wk[0][17 + k] : t->wk[r][cc + 5 + k];
		l[k] = t->wk[r + 1 + k][cc];
	}
	for (y = 0; y < 4; y++)
		for (x = 0; x < 4; x++) {
			if (mode == VP8_B_DC_PRED) {
				v = 4;
				for (k = 0; k < 4; k++)
					v += a[1 + k] + l[k];
				v >>= 3;
			} else if (mode == VP8_B_TM_PRED) {
				v = clip_u8(l[y] + a[1 + x] - a[0]);
			} else if (mode == VP8_B_VE_PRED) {
				v = (a[x] + 2 * a[1 + x] + a[2 + x] + 2) >> 2;
			} else {
				k = x + y;
				v = (a[1 + k] + 2 * a[2 + k] +
				     a[min(3 + k, 8)] + 2) >> 2;
			}
			t->wk[r + 1 + y][cc + 1 + x] = v;
		}
}

static void pred_check_bpred(struct pred_check *t, u32 *seed)
{
	static const u8 modes[4] = { VP8_B_DC_PRED, VP8_B_TM_PRED,
				     VP8_B_VE_PRED, VP8_B_LD_PRED };
	int i, y;

	memset(t->wk, 0, sizeof(t->wk));
	memcpy(t->wk[0], t->above, 21);
	for (y = 0; y < 16; y++)
		t->wk[1 + y][0] = t->left[y];
	for (i = 0; i < 16; i++) {
		t->mb.bmode[i] = modes[rnd(seed) % 4];
		pred_ref_sub(t, i, t->mb.bmode[i]);
	}
	vp8_pred_bpred(&t->c, &t->mb);
	for (y = 1; y <= 16; y++)
		t->bad += memcmp(t->c.ws + y * VP8_WS_STRIDE + 1, &t->wk[y][1],
				 16) != 0;
}

static void pred_check_mb(struct pred_check *t, u32 *seed)
{
	int mode, pl;

	vp8_pred_edges(&t->c);
	pred_ref_edges(t, 0, t->c.mb_x, t->c.mb_y);
	t->bad += memcmp(t->c.ws, t->above, 21) != 0;
	for (mode = VP8_DC_PRED; mode <= VP8_TM_PRED; mode++) {
		vp8_pred_intra16(&t->c, mode);
		pred_cmp_block(t, t->c.ws, VP8_WS_STRIDE, 16, mode);
	}
	pred_check_bpred(t, seed);
	for (pl = 1; pl <= 2; pl++) {
		const u8 *w = (pl == 1) == !t->c.cb_off ? t->c.wu : t->c.wv;

		pred_ref_edges(t, pl, t->c.mb_x, t->c.mb_y);
		for (mode = VP8_DC_PRED; mode <= VP8_TM_PRED; mode++) {
			vp8_pred_chroma(&t->c, mode);
			pred_cmp_block(t, w, VP8_WC_STRIDE, 8, mode);
		}
	}
}

int vdec_check_vp8_pred(char *msg, size_t len)
{
	struct pred_check *t = vdec_zalloc(sizeof(*t));
	u32 seed = 0x5eed;
	int run, i, n = 0;

	if (!t) {
		if (msg)
			snprintf(msg, len, "vp8-pred: no memory");
		return 1;
	}
	t->pic.luma = t->luma;
	t->pic.chroma = t->chroma;
	t->pic.stride = PS;
	t->pic.width = PS;
	t->pic.height = PH * 16;
	t->c.out = &t->pic;
	t->c.mb_w = PW;
	t->c.mb_h = PH;
	for (run = 0; run < 20; run++) {
		for (i = 0; i < sizeof(t->luma); i++)
			t->luma[i] = rnd(&seed);
		for (i = 0; i < sizeof(t->chroma); i++)
			t->chroma[i] = rnd(&seed);
		t->c.cb_off = run & 1;
		for (i = 0; i < PW * PH; i++, n++) {
			t->c.mb_x = i % PW;
			t->c.mb_y = i / PW;
			pred_check_mb(t, &seed);
		}
	}
	i = t->bad;
	vdec_free(t);
	if (msg)
		snprintf(msg, len,
			 "vp8-pred: %d macroblocks of a 3x3 frame (16x16, B_PRED, chroma modes), %d wrong",
			 n, i);
	return i;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_vp8_pred);

/* ---- loop filter (RFC 6386 15) ---- */

struct lf_check {
	struct vp8_ctx c;
	struct vdec_vp8_params p;
	struct vdec_pic pic;
	struct vp8_lf_mb lf[PW * PH];
	u8 luma[PS * PH * 16];
	u8 chroma[PS * PH * 8];
	u8 rl[PS * PH * 16];		/* the reference's frame */
	u8 rc[PS * PH * 8];
	u8 ol[PS * PH * 16];		/* the frame before filtering */
	u8 oc[PS * PH * 8];
	u32 changed[2];			/* samples changed: simple, normal */
	u32 hev[2];			/* normal filter points: hev, not */
};

static int s8c(int v)
{
	return v < -128 ? -128 : v > 127 ? 127 : v;
}

/* The RFC's common_adjust(): returns the filter value a applied to q0 */
static int lf_common(u8 *px[8], bool outer)
{
	int p1 = px[2][0] - 128, p0 = px[3][0] - 128;
	int q0 = px[4][0] - 128, q1 = px[5][0] - 128;
	int a = s8c((outer ? s8c(p1 - q1) : 0) + 3 * (q0 - p0));
	int b = s8c(a + 3) >> 3;

	a = s8c(a + 4) >> 3;
	px[4][0] = s8c(q0 - a) + 128;
	px[3][0] = s8c(p0 + b) + 128;
	return a;
}

/* p3..q3 of the RFC are *px[0..7]; kinds: 0 simple, 1 subblock, 2 mb */
static void lf_ref_segment(struct lf_check *t, u8 *px[8], int kind, int e,
			   int in, int thr)
{
	int v[8], k, w, a;
	bool hev;

	for (k = 0; k < 8; k++)
		v[k] = px[k][0];
	if (abs(v[3] - v[4]) * 2 + (abs(v[2] - v[5]) >> 1) > e)
		return;
	if (!kind) {
		lf_common(px, true);
		return;
	}
	for (k = 0; k < 7; k++)
		if (k != 3 && abs(v[k] - v[k + 1]) > in)
			return;
	hev = abs(v[2] - v[3]) > thr || abs(v[5] - v[4]) > thr;
	t->hev[!hev]++;
	if (kind == 1) {
		a = (lf_common(px, hev) + 1) >> 1;
		if (!hev) {
			px[5][0] = s8c(v[5] - 128 - a) + 128;
			px[2][0] = s8c(v[2] - 128 + a) + 128;
		}
		return;
	}
	if (hev) {
		lf_common(px, true);
		return;
	}
	w = s8c(s8c(v[2] - v[5]) + 3 * (v[4] - v[3]));
	for (k = 0; k < 3; k++) {
		a = s8c(((27 - 9 * k) * w + 63) >> 7);
		px[4 + k][0] = s8c(v[4 + k] - 128 - a) + 128;
		px[3 - k][0] = s8c(v[3 - k] - 128 + a) + 128;
	}
}

/*
 * Filter the edge before sample @pos (x or y) of macroblock (mbx, mby)
 * of plane @pl (0 luma, 1, 2 chroma) in the reference frame, @vert for
 * a vertical edge.
 */
static void lf_ref_edge(struct lf_check *t, int pl, int mbx, int mby,
			int pos, bool vert, int kind, int e, int in, int thr)
{
	int n = pl ? 8 : 16, step = pl ? 2 : 1, i, k;
	u8 *base = pl ? t->rc + pl - 1 : t->rl;
	u8 *px[8];

	for (i = 0; i < n; i++) {
		for (k = 0; k < 8; k++) {
			int x = mbx * n + (vert ? pos + k - 4 : i);
			int y = mby * n + (vert ? i : pos + k - 4);

			px[k] = base + y * PS + x * step;
		}
		lf_ref_segment(t, px, kind, e, in, thr);
	}
}

/* The interior limit and hev threshold of @level, straight from the RFC */
static void lf_ref_limits(const struct lf_check *t, int level, int *in,
			  int *thr)
{
	int sharp = t->p.lf.sharpness;

	*in = level;
	if (sharp) {
		*in >>= sharp > 4 ? 2 : 1;
		if (*in > 9 - sharp)
			*in = 9 - sharp;
	}
	if (!*in)
		*in = 1;
	*thr = level >= 40 ? 2 : level >= 15 ? 1 : 0;
	if (!t->c.key && level >= 20)
		(*thr)++;
}

static void lf_ref_mb(struct lf_check *t, int mbx, int mby)
{
	const struct vp8_lf_mb *m = &t->lf[mby * PW + mbx];
	bool simple = t->p.lf.flags & VDEC_VP8_LF_SIMPLE;
	int lvl = m->level, in, thr, pl, d, k;

	lf_ref_limits(t, lvl, &in, &thr);
	for (d = 0; d < 2; d++) {	/* vertical edges, then horizontal */
		bool vert = !d;
		int first = vert ? mbx : mby;

		for (pl = 0; pl < (simple ? 1 : 3); pl++) {
			if (first)
				lf_ref_edge(t, pl, mbx, mby, 0, vert,
					    simple ? 0 : 2,
					    (lvl + 2) * 2 + in, in, thr);
			if (!m->inner)
				continue;
			for (k = 4; k < (pl ? 8 : 16); k += 4)
				lf_ref_edge(t, pl, mbx, mby, k, vert,
					    simple ? 0 : 1, lvl * 2 + in, in,
					    thr);
		}
	}
}

/* A blocky frame: 4x4 blocks of nearby levels, a little noise */
static void lf_frame(struct lf_check *t, u32 *seed)
{
	int amp = rnd_in(seed, 1, 40), noise = rnd_in(seed, 0, 6), x, y, i;
	u8 blk[PH * 4][PW * 4];

	for (y = 0; y < PH * 4; y++)
		for (x = 0; x < PW * 4; x++)
			blk[y][x] = 128 + rnd_in(seed, -amp, amp);
	for (y = 0; y < PH * 16; y++)
		for (x = 0; x < PS; x++) {
			t->luma[y * PS + x] = clip_u8(blk[y / 4][x / 4] +
						     rnd_in(seed, -noise, noise));
			if (y < PH * 8)
				t->chroma[y * PS + x] =
					clip_u8(blk[y / 4][x / 8] +
						rnd_in(seed, -noise, noise));
		}
	for (i = 0; i < PW * PH; i++) {
		t->lf[i].level = rnd(seed) % 5 ? rnd_in(seed, 0, 63) : 0;
		t->lf[i].inner = rnd(seed) & 1;
	}
	memcpy(t->rl, t->luma, sizeof(t->rl));
	memcpy(t->rc, t->chroma, sizeof(t->rc));
	memcpy(t->ol, t->luma, sizeof(t->ol));
	memcpy(t->oc, t->chroma, sizeof(t->oc));
}

static int lf_run(struct lf_check *t, u32 *seed)
{
	bool simple = rnd(seed) & 1;
	int i;

	lf_frame(t, seed);
	t->p.lf.level = rnd(seed) % 8 ? rnd_in(seed, 1, 63) : 0;
	t->p.lf.sharpness = rnd_in(seed, 0, 7);
	t->p.lf.flags = simple ? VDEC_VP8_LF_SIMPLE : 0;
	t->c.key = rnd(seed) & 1;
	vp8_setup_lf(&t->c);
	memcpy(t->c.lf, t->lf, sizeof(t->lf));
	vp8_loop_filter(&t->c);
	if (t->p.lf.level)
		for (i = 0; i < PW * PH; i++)
			if (t->lf[i].level)
				lf_ref_mb(t, i % PW, i / PW);
	for (i = 0; i < sizeof(t->rl); i++)
		t->changed[!simple] += t->rl[i] != t->ol[i];
	for (i = 0; i < sizeof(t->rc); i++)
		t->changed[1] += t->rc[i] != t->oc[i];
	return memcmp(t->rl, t->luma, sizeof(t->rl)) ||
	       memcmp(t->rc, t->chroma, sizeof(t->rc));
}

/* The core's interior limits and hev thresholds of every level */
static int lf_limits(struct lf_check *t)
{
	int sharp, key, l, in, thr, bad = 0;

	for (sharp = 0; sharp < 8; sharp++)
		for (key = 0; key < 2; key++) {
			t->p.lf.sharpness = sharp;
			t->c.key = key;
			vp8_setup_lf(&t->c);
			for (l = 0; l < 64; l++) {
				lf_ref_limits(t, l, &in, &thr);
				bad += t->c.interior[l] != in ||
				       t->c.hev_thresh[l] != thr;
			}
		}
	return bad;
}

int vdec_check_vp8_loop_filter(char *msg, size_t len)
{
	struct lf_check *t = vdec_zalloc(sizeof(*t));
	u32 seed = 0xf117e5;
	int fails = 0, run;

	if (!t) {
		if (msg)
			snprintf(msg, len, "vp8-lf: no memory");
		return 1;
	}
	t->pic.luma = t->luma;
	t->pic.chroma = t->chroma;
	t->pic.stride = PS;
	t->c.out = &t->pic;
	t->c.p = &t->p;
	t->c.mb_w = PW;
	t->c.mb_h = PH;
	t->c.lf = vdec_zalloc(sizeof(t->lf));
	if (!t->c.lf) {
		vdec_free(t);
		return 1;
	}
	fails += lf_limits(t);
	for (run = 0; run < 400; run++)
		fails += lf_run(t, &seed);
	/* a check that filters nothing proves nothing */
	fails += !t->changed[0] || !t->changed[1] || !t->hev[0] || !t->hev[1];
	if (msg)
		snprintf(msg, len,
			 "vp8-lf: limits of 64 levels x 8 sharpness x key/inter, 400 frames, %d wrong; samples changed: simple %u, normal %u; hev %u, not %u",
			 fails, t->changed[0], t->changed[1], t->hev[0],
			 t->hev[1]);
	vdec_free(t->c.lf);
	vdec_free(t);
	return fails;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_vp8_loop_filter);
