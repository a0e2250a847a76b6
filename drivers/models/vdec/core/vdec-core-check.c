// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: self-checks (see vdec-core-check.h).
 */
#include "vdec-core-check.h"
#include "vdec-core.h"
#include "bits.h"
#include "idct.h"
#include "mpeg2-tables.h"

/* cos(j * pi / 16) * 2^28, j = 0..8 */
static const s64 ref_cos[9] = {
	268435456, 263277544, 248002024, 223195925, 189812531,
	149134749, 102725802, 52369160, 0
};

/* C(u) / 2 * cos((2x + 1) * u * pi / 16) * 2^28 */
static s64 ref_basis(int u, int x)
{
	int m = ((2 * x + 1) * u) % 32;
	s64 sign = 1;

	if (u == 0)
		return 94906266;	/* 2^28 / (2 * sqrt(2)) */
	if (m > 16)
		m = 32 - m;
	if (m > 8) {
		m = 16 - m;
		sign = -1;
	}
	return sign * ref_cos[m] / 2;
}

static s64 rshift_round(s64 v, int s)
{
	return (v + ((s64)1 << (s - 1))) >> s;
}

struct ieee1180 {
	s64 tab[8][8];		/* tab[u][x], scale 2^28 */
	s64 tmp[64];
	s32 sum_err[64];
	u32 sum_sq[64];
	s16 in[64];
	s16 coef[64];
	s16 ref[64];
	s16 tst[64];
	u32 randx;
};

/* The IEEE 1180 generator: uniform integers in [-lo, hi]. */
static int ieee_rand(struct ieee1180 *s, int lo, int hi)
{
	u32 i;

	s->randx = s->randx * 1103515245u + 12345u;
	i = s->randx & 0x7ffffffe;
	return (int)(((u64)i * (u32)(lo + hi + 1)) / 0x7fffffff) - lo;
}

/*
 * 2-D transform through the reference table: forward when @fwd (out[u]
 * = sum_x in[x] * tab[u][x]), inverse otherwise (out[x] = sum_u in[u] *
 * tab[u][x]); result rounded to integers.
 */
static void ref_2d(struct ieee1180 *s, const s16 *in, s64 *out, bool fwd)
{
	int i, j, k;

	for (i = 0; i < 8; i++)
		for (j = 0; j < 8; j++) {
			s64 acc = 0;

			for (k = 0; k < 8; k++)
				acc += in[i * 8 + k] *
				       (fwd ? s->tab[j][k] : s->tab[k][j]);
			s->tmp[i * 8 + j] = rshift_round(acc, 8); /* 2^20 */
		}
	for (j = 0; j < 8; j++)
		for (i = 0; i < 8; i++) {
			s64 acc = 0;

			for (k = 0; k < 8; k++)
				acc += s->tmp[k * 8 + j] *
				       (fwd ? s->tab[i][k] : s->tab[k][i]);
			out[i * 8 + j] = rshift_round(acc, 48);
		}
}

/* Worst figures over the runs, as sums over the 10000 blocks of a run */
struct ieee1180_worst {
	int peak;
	u32 pixel_sq;
	s32 pixel_err;
	s64 all_sq;
	s64 all_err;
	int fails;
};

#define IEEE1180_BLOCKS 10000

static void ieee1180_run(struct ieee1180 *s, int lo, int hi, int sign,
			 struct ieee1180_worst *w)
{
	const int n = IEEE1180_BLOCKS;
	s64 out[64];
	s64 tot_err = 0, tot_sq = 0;
	int peak = 0, b, i;
	u32 worst_sq = 0;
	s32 worst_mean = 0;

	s->randx = 1;
	memset(s->sum_err, 0, sizeof(s->sum_err));
	memset(s->sum_sq, 0, sizeof(s->sum_sq));
	for (b = 0; b < n; b++) {
		for (i = 0; i < 64; i++)
			s->in[i] = (s16)(ieee_rand(s, lo, hi) * sign);
		ref_2d(s, s->in, out, true);
		for (i = 0; i < 64; i++)
			s->coef[i] = (s16)clamp(out[i], (s64)-2048, (s64)2047);
		ref_2d(s, s->coef, out, false);
		for (i = 0; i < 64; i++) {
			s->ref[i] = (s16)clamp(out[i], (s64)-256, (s64)255);
			s->tst[i] = s->coef[i];
		}
		vdec_idct(s->tst);
		for (i = 0; i < 64; i++) {
			int t = clamp((int)s->tst[i], -256, 255);
			int e = t - s->ref[i];

			if (e < 0 ? -e > peak : e > peak)
				peak = e < 0 ? -e : e;
			s->sum_err[i] += e;
			s->sum_sq[i] += e * e;
		}
	}
	for (i = 0; i < 64; i++) {
		s32 m = s->sum_err[i] < 0 ? -s->sum_err[i] : s->sum_err[i];

		tot_err += s->sum_err[i];
		tot_sq += s->sum_sq[i];
		worst_sq = max(worst_sq, s->sum_sq[i]);
		worst_mean = max(worst_mean, m);
	}
	if (tot_err < 0)
		tot_err = -tot_err;
	/* peak <= 1, pixel mse <= 0.06, pixel |mean| <= 0.015 */
	w->fails += peak > 1;
	w->fails += (u64)worst_sq * 100 > 6ull * n;
	w->fails += (s64)worst_mean * 1000 > 15ll * n;
	/* overall mse <= 0.02, overall |mean| <= 0.0015 */
	w->fails += tot_sq * 100 > 2ll * 64 * n;
	w->fails += tot_err * 10000 > 15ll * 64 * n;
	w->peak = max(w->peak, peak);
	w->pixel_sq = max(w->pixel_sq, worst_sq);
	w->pixel_err = max(w->pixel_err, worst_mean);
	w->all_sq = max(w->all_sq, tot_sq);
	w->all_err = max(w->all_err, tot_err);
}

int vdec_check_idct_ieee1180(char *msg, size_t len)
{
	static const int ranges[3][2] = { { 256, 255 }, { 5, 5 }, { 300, 300 } };
	struct ieee1180 *s = vdec_zalloc(sizeof(*s));
	struct ieee1180_worst w = { 0 };
	int r, i;

	if (!s) {
		if (msg)
			snprintf(msg, len, "ieee1180: no memory");
		return 1;
	}
	for (r = 0; r < 8; r++)
		for (i = 0; i < 8; i++)
			s->tab[r][i] = ref_basis(r, i);
	for (r = 0; r < 3; r++) {
		ieee1180_run(s, ranges[r][0], ranges[r][1], 1, &w);
		ieee1180_run(s, ranges[r][0], ranges[r][1], -1, &w);
	}
	memset(s->tst, 0, sizeof(s->tst));
	vdec_idct(s->tst);
	for (i = 0; i < 64; i++)
		if (s->tst[i]) {
			w.fails++;
			break;
		}
	vdec_free(s);
	/* figures in units of 1e-6 */
	if (msg)
		snprintf(msg, len,
			 "ieee1180: 6 x %d blocks, worst: peak %d, pixel mse %u, pixel |mean| %d, overall mse %lld, overall |mean| %lld (1e-6; limits 1, 60000, 15000, 20000, 1500)%s",
			 IEEE1180_BLOCKS, w.peak,
			 (u32)((u64)w.pixel_sq * 100 / (IEEE1180_BLOCKS / 10000)),
			 w.pixel_err * 100 / (IEEE1180_BLOCKS / 10000),
			 (long long)(w.all_sq * 100 / 64 /
				     (IEEE1180_BLOCKS / 10000)),
			 (long long)(w.all_err * 100 / 64 /
				     (IEEE1180_BLOCKS / 10000)),
			 w.fails ? ", FAILED" : "");
	return w.fails;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_idct_ieee1180);

int vdec_check_bits(char *msg, size_t len)
{
	static const u8 buf[] = { 0xa5, 0x5a, 0xff, 0x00, 0x12, 0x34, 0x56,
				  0x78, 0x9a, 0xbc, 0xde };
	struct vdec_bits b;
	int fails = 0, i;

	vdec_bits_init(&b, buf, sizeof(buf));
	fails += vdec_bits_get(&b, 4) != 0xa;
	fails += vdec_bits_get(&b, 1) != 0;
	fails += vdec_bits_peek(&b, 11) != 0x55a;
	fails += vdec_bits_get(&b, 19) != 0x55aff;
	fails += vdec_bits_pos(&b) != 24;
	fails += vdec_bits_get(&b, 32) != 0x00123456;
	fails += vdec_bits_get(&b, 24) != 0x789abc;
	fails += vdec_bits_left(&b) != 8;
	fails += vdec_bits_overrun(&b);
	fails += vdec_bits_get(&b, 8) != 0xde;
	fails += vdec_bits_overrun(&b);
	fails += vdec_bits_get(&b, 17) != 0;
	fails += !vdec_bits_overrun(&b);
	for (i = 0; i < 100; i++)
		vdec_bits_get(&b, 32);
	fails += vdec_bits_left(&b) != 0;
	vdec_bits_init(&b, buf, 0);
	fails += vdec_bits_get(&b, 32) != 0;
	fails += !vdec_bits_overrun(&b);
	if (msg)
		snprintf(msg, len, "bits: %d failures", fails);
	return fails;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_bits);

/* ---- MPEG-2 motion compensation check ---- */

#define MC_W	48
#define MC_H	64
#define MC_GUARD 64

struct bitw {
	u8 buf[64];
	u32 pos;
};

static void bw_put(struct bitw *w, u32 v, int n)
{
	while (n--) {
		if (w->pos / 8 < sizeof(w->buf) && ((v >> n) & 1))
			w->buf[w->pos / 8] |= 0x80 >> (w->pos % 8);
		w->pos++;
	}
}

static void bw_code(struct bitw *w, const struct mpeg2_code *c, int n,
		    int sym)
{
	int i;

	for (i = 0; i < n; i++)
		if (c[i].sym == sym) {
			bw_put(w, c[i].code, c[i].len);
			return;
		}
}

/* A motion vector component: @delta from its prediction, f_code @fc. */
static void bw_mv(struct bitw *w, int delta, int fc)
{
	int f = 1 << (fc - 1), a = delta < 0 ? -delta : delta, code;

	if (!delta) {
		bw_put(w, 1, 1);
		return;
	}
	code = (a - 1) / f + 1;
	bw_code(w, vdec_mpeg2_mv_codes, ARRAY_SIZE(vdec_mpeg2_mv_codes), code);
	bw_put(w, delta < 0, 1);
	if (f > 1)
		bw_put(w, (a - 1) % f, fc - 1);
}

static void bw_dmv(struct bitw *w, int d)
{
	if (!d)
		bw_put(w, 0, 1);
	else
		bw_put(w, d > 0 ? 2 : 3, 2);
}

/*
 * A check case: picture type @pt (2 P, 3 B), structure @ps, motion type
 * @mt, vectors @mv[r][t] (both directions of a B use them), field selects
 * @fs[r], f_code 9 or 2.
 */
struct mc_case {
	u8 pt;
	u8 ps;
	u8 mt;
	u8 second;
	u8 fc;
	s16 mv[2][2];
	u8 fs[2];
	s8 dmv[2];
	u8 bff;		/* bottom field first */
};

static const struct mc_case mc_cases[] = {
	/* frame pictures, frame prediction: far out, half-pel at borders */
	{ 2, 3, 2, 0, 9, { { -4096, -4096 } }, { 0 }, { 0 }, 0 },
	{ 2, 3, 2, 0, 9, { { 4095, 4095 } }, { 0 }, { 0 }, 0 },
	{ 2, 3, 2, 0, 2, { { -1, -1 } }, { 0 }, { 0 }, 0 },
	{ 2, 3, 2, 0, 2, { { 31, 33 } }, { 0 }, { 0 }, 0 },
	{ 2, 3, 2, 0, 9, { { 3, -4001 } }, { 0 }, { 0 }, 0 },
	{ 3, 3, 2, 0, 2, { { 17, -3 } }, { 0 }, { 0 }, 0 },
	/* frame pictures, field prediction */
	{ 2, 3, 1, 0, 9, { { -2001, 1001 }, { 1999, -3001 } },
	  { 1, 0 }, { 0 }, 0 },
	{ 2, 3, 1, 0, 2, { { -3, -5 }, { 5, 7 } }, { 0, 1 }, { 0 }, 0 },
	{ 3, 3, 1, 0, 2, { { 1, 1 }, { -1, -1 } }, { 1, 1 }, { 0 }, 0 },
	/* field pictures: field and 16x8 prediction, second fields */
	{ 2, 1, 1, 0, 9, { { 4095, -4096 } }, { 1 }, { 0 }, 0 },
	{ 2, 2, 1, 0, 2, { { -7, 9 } }, { 0 }, { 0 }, 0 },
	{ 2, 1, 1, 1, 2, { { 3, 3 } }, { 1 }, { 0 }, 0 },
	{ 2, 2, 1, 1, 2, { { -9, -1 } }, { 0 }, { 0 }, 0 },
	{ 2, 2, 2, 1, 9, { { 1, 2001 }, { -3, -999 } }, { 0, 1 }, { 0 }, 0 },
	{ 3, 1, 2, 0, 2, { { 5, -5 }, { -31, 31 } }, { 1, 0 }, { 0 }, 0 },
	/* dual prime: frame pictures both field orders, field pictures */
	{ 2, 3, 3, 0, 2, { { 5, -3 } }, { 0 }, { 1, -1 }, 0 },
	{ 2, 3, 3, 0, 9, { { -4001, 3999 } }, { 0 }, { -1, 1 }, 1 },
	{ 2, 1, 3, 0, 2, { { -7, 6 } }, { 0 }, { 0, 1 }, 0 },
	{ 2, 2, 3, 1, 2, { { 9, -11 } }, { 0 }, { -1, 0 }, 0 },
	{ 2, 1, 3, 1, 9, { { 3001, 1 } }, { 0 }, { 1, 1 }, 1 },
};

struct mc_check {
	struct vdec_mpeg2_params p;
	struct vdec_pic pic[3];		/* out, fwd, bwd */
	u8 mem[3][2][MC_W * MC_H + MC_GUARD];
	u8 orig[2][MC_W * MC_H + MC_GUARD];
	struct bitw bw[MC_W / 16 * MC_H / 16];
	u8 bs[MC_W / 16 * MC_H / 16 * 64];
};

static u8 mc_fetch(const struct vdec_pic *pic, bool chroma, int field, int x,
		   int y, int k)
{
	int w = chroma ? MC_W / 2 : MC_W, lines = chroma ? MC_H / 2 : MC_H;
	int stride = pic->stride, off = 0;
	const u8 *base = chroma ? pic->chroma : pic->luma;

	if (field >= 0) {
		off = field * stride;
		stride *= 2;
		lines /= 2;
	}
	x = clamp(x, 0, w - 1);
	y = clamp(y, 0, lines - 1);
	return base[off + y * stride + x * (chroma ? 2 : 1) + k];
}

/* The prediction of one sample, straight from clause 7.6.4. */
static int mc_sample(const struct vdec_pic *pic, bool chroma, int field,
		     int x, int y, const s16 *vec, int k)
{
	int vx = chroma ? vec[0] / 2 : vec[0], vy = chroma ? vec[1] / 2 : vec[1];
	int xi = x + (vx >> 1), yi = y + (vy >> 1), hx = vx & 1, hy = vy & 1;
	int a = mc_fetch(pic, chroma, field, xi, yi, k);
	int b = mc_fetch(pic, chroma, field, xi + hx, yi, k);
	int c = mc_fetch(pic, chroma, field, xi, yi + hy, k);
	int d = mc_fetch(pic, chroma, field, xi + hx, yi + hy, k);

	if (hx && hy)
		return (a + b + c + d + 2) >> 2;
	if (hx)
		return (a + b + 1) >> 1;
	if (hy)
		return (a + c + 1) >> 1;
	return a;
}

/* Per macroblock vector variation, to cover different offsets. */
static void mc_vec(const struct mc_case *t, int r, int mbx, int mby,
		   s16 *v)
{
	int lim = 16 << (t->fc - 1);

	v[0] = clamp(t->mv[r][0] + mbx * 3 - mby, -lim, lim - 1);
	v[1] = clamp(t->mv[r][1] - mbx + mby * 5, -lim, lim - 1);
}

static void mc_write_mb(struct mc_check *m, const struct mc_case *t, int mbx,
			int mby, struct bitw *w)
{
	int nvec = t->mt == 1 && t->ps == 3 ? 2 : (t->mt == 2 && t->ps != 3 ?
						   2 : 1);
	int s, r;

	memset(w, 0, sizeof(*w));
	bw_put(w, 0x000001, 24);
	bw_put(w, mby + 1, 8);
	bw_put(w, 4, 5);		/* quantiser_scale_code */
	bw_put(w, 0, 1);		/* extra_bit_slice */
	bw_code(w, vdec_mpeg2_mba_codes, ARRAY_SIZE(vdec_mpeg2_mba_codes), mbx + 1);
	if (t->pt == 2)
		bw_put(w, 1, 3);	/* 001: motion forward, not coded */
	else
		bw_put(w, 2, 2);	/* 10: interpolated, not coded */
	if (t->ps != 3 || t->mt != 2)
		bw_put(w, t->mt, 2);
	for (s = 0; s < (t->pt == 3 ? 2 : 1); s++)
		for (r = 0; r < nvec; r++) {
			s16 v[2];

			mc_vec(t, r, mbx, mby, v);
			if ((nvec == 2 || t->ps != 3) && t->mt != 3)
				bw_put(w, t->fs[r], 1);
			bw_mv(w, v[0], t->fc);
			if (t->mt == 3)
				bw_dmv(w, t->dmv[0]);
			bw_mv(w, v[1], t->fc);
			if (t->mt == 3)
				bw_dmv(w, t->dmv[1]);
		}
	bw_put(w, 0, 32);
}

/* Dual prime (7.6.3.6): vector @v, predicting field @par from @!par. */
static void mc_dual_prime(const struct mc_case *t, const s16 *v, int par,
			  s16 *d)
{
	int m = 1, e = par ? 1 : -1, i;

	if (t->ps == 3)
		m = (par == 0) == !t->bff ? 1 : 3;
	for (i = 0; i < 2; i++)
		d[i] = ((v[i] * m + (v[i] > 0 ? 1 : 0)) >> 1) + t->dmv[i] +
		       (i ? e : 0);
}

static int mc_want_dmv(struct mc_check *m, const struct mc_case *t, int mbx,
		       int mby, int cc, int x, int y, int k)
{
	int sz = cc ? 8 : 16, par, fy, a, b;
	const struct vdec_pic *opp = &m->pic[1];
	s16 v[2], d[2];

	mc_vec(t, 0, mbx, mby, v);
	if (t->ps == 3) {
		par = y & 1;
		fy = mby * sz / 2 + y / 2;
	} else {
		par = t->ps - 1;
		fy = mby * sz + y;
		if (t->second)
			opp = &m->pic[0];
	}
	mc_dual_prime(t, v, par, d);
	a = mc_sample(&m->pic[1], cc, par, mbx * sz + x, fy, v, k);
	b = mc_sample(opp, cc, !par, mbx * sz + x, fy, d, k);
	return (a + b + 1) >> 1;
}

/* The expected sample (@x, @y) of component @cc (byte @k of a pair). */
static int mc_want(struct mc_check *m, const struct mc_case *t, int mbx,
		   int mby, int cc, int x, int y, int k)
{
	int sz = cc ? 8 : 16, want = 0, s;

	if (t->mt == 3)
		return mc_want_dmv(m, t, mbx, mby, cc, x, y, k);
	for (s = 0; s < (t->pt == 3 ? 2 : 1); s++) {
		const struct vdec_pic *ref = &m->pic[1 + s];
		int field = -1, fy = mby * sz + y, r = 0, px;
		s16 v[2];

		if (t->ps == 3 && t->mt == 1)
			r = y & 1;
		else if (t->ps != 3 && t->mt == 2)
			r = y >= sz / 2;
		mc_vec(t, r, mbx, mby, v);
		if (t->ps == 3 && t->mt == 1) {
			field = t->fs[r];
			fy = mby * sz / 2 + y / 2;
		} else if (t->ps != 3) {
			field = t->fs[r];
			if (t->pt == 2 && t->second && field != t->ps - 1)
				ref = &m->pic[0];
		}
		px = mc_sample(ref, cc, field, mbx * sz + x, fy, v, k);
		want = s ? (want + px + 1) >> 1 : px;
	}
	return want;
}

/* Check one macroblock of the output; returns mismatching samples. */
static int mc_check_mb(struct mc_check *m, const struct mc_case *t, int mbx,
		       int mby)
{
	const struct vdec_pic *o = &m->pic[0];
	int bad = 0, cc, x, y, k;

	for (cc = 0; cc < 2; cc++) {
		int sz = cc ? 8 : 16, steps = cc ? 2 : 1;
		const u8 *plane = cc ? o->chroma : o->luma;

		for (y = 0; y < sz; y++) {
			int line = mby * sz + y;

			if (t->ps != 3)
				line = line * 2 + t->ps - 1;
			for (x = 0; x < sz * steps; x++) {
				k = x % steps;
				bad += plane[line * o->stride + mbx * 16 + x] !=
				       mc_want(m, t, mbx, mby, cc, x / steps, y,
					       k);
			}
		}
	}
	return bad;
}

static int mc_run(struct mc_check *m, const struct mc_case *t, char *msg,
		  size_t len, int idx)
{
	int mbw = MC_W / 16, rows = t->ps == 3 ? MC_H / 16 : MC_H / 32;
	int i, j, mbx, mby, bad = 0, other = 0;
	u32 n = 0, pos = 0, dec;
	enum vdec_status st;

	memset(&m->p, 0, sizeof(m->p));
	m->p.chroma_format = 1;
	m->p.picture_coding_type = t->pt;
	m->p.picture_structure = t->ps;
	m->p.second_field = t->second;
	m->p.top_field_first = !t->bff;
	m->p.frame_pred_frame_dct = t->ps == 3 && t->mt == 2;
	for (i = 0; i < 4; i++)
		m->p.f_code[i / 2][i % 2] = t->fc;
	for (i = 0; i < 64; i++) {
		m->p.qm[0][i] = 16;
		m->p.qm[1][i] = 16;
	}
	for (i = 0; i < 3; i++)
		for (j = 0; j < 2; j++) {
			u32 x = 12345u * (i + 1) + j, k;

			for (k = 0; k < sizeof(m->mem[i][j]); k++) {
				x = x * 1103515245u + 12345u;
				m->mem[i][j][k] = (u8)(x >> 16);
			}
		}
	for (j = 0; j < 2; j++)
		memcpy(m->orig[j], m->mem[0][j], sizeof(m->orig[j]));
	for (mby = 0; mby < rows; mby++)
		for (mbx = 0; mbx < mbw; mbx++) {
			struct bitw *w = &m->bw[n++];

			mc_write_mb(m, t, mbx, mby, w);
			memcpy(m->bs + pos, w->buf, DIV_ROUND_UP(w->pos, 8));
			pos += DIV_ROUND_UP(w->pos, 8);
		}
	st = vdec_mpeg2_decode(&m->p, m->bs, pos, &m->pic[1], &m->pic[2],
			       &m->pic[0], &dec);
	for (mby = 0; mby < rows; mby++)
		for (mbx = 0; mbx < mbw; mbx++)
			bad += mc_check_mb(m, t, mbx, mby);
	/* the other field and the guard bytes stay untouched */
	for (j = 0; j < 2; j++) {
		int lines = j ? MC_H / 2 : MC_H;

		for (i = 0; i < lines * MC_W; i++)
			if (t->ps != 3 && (i / MC_W) % 2 != t->ps - 1)
				other += m->mem[0][j][i] != m->orig[j][i];
		for (i = MC_W * MC_H; i < MC_W * MC_H + MC_GUARD; i++)
			other += m->mem[0][j][i] != m->orig[j][i];
	}
	if ((st || bad || other || dec != n) && msg)
		snprintf(msg, len,
			 "mc case %d: status %d, %u/%u macroblocks, %d samples wrong, %d outside written",
			 idx, st, dec, n, bad, other);
	return st || bad || other || dec != n;
}

int vdec_check_mpeg2_mc(char *msg, size_t len)
{
	struct mc_check *m = vdec_zalloc(sizeof(*m));
	int fails = 0, i;

	if (!m) {
		if (msg)
			snprintf(msg, len, "mc: no memory");
		return 1;
	}
	for (i = 0; i < 3; i++) {
		m->pic[i].luma = m->mem[i][0];
		m->pic[i].chroma = m->mem[i][1];
		m->pic[i].stride = MC_W;
		m->pic[i].width = MC_W;
		m->pic[i].height = MC_H;
	}
	if (msg && len)
		msg[0] = 0;
	for (i = 0; i < ARRAY_SIZE(mc_cases); i++)
		fails += mc_run(m, &mc_cases[i], msg, len, i);
	if (!fails && msg)
		snprintf(msg, len, "mc: %d cases", (int)ARRAY_SIZE(mc_cases));
	vdec_free(m);
	return fails;
}

VDEC_EXPORT_FOR_KUNIT(vdec_check_mpeg2_mc);
