// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: self-checks (see vdec-core-check.h).
 */
#include "vdec-core-check.h"
#include "vdec-core.h"
#include "bits.h"
#include "idct.h"

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

static int ieee1180_run(struct ieee1180 *s, int lo, int hi, int sign,
			char *msg, size_t len)
{
	const int n = 10000;
	s64 out[64];
	s64 tot_err = 0, tot_sq = 0;
	int peak = 0, fails = 0, b, i;
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
	/* peak <= 1, pixel mse <= 0.06, pixel |mean| <= 0.015 */
	fails += peak > 1;
	fails += (u64)worst_sq * 100 > 6ull * n;
	fails += (s64)worst_mean * 1000 > 15ll * n;
	/* overall mse <= 0.02, overall |mean| <= 0.0015 */
	fails += tot_sq * 100 > 2ll * 64 * n;
	fails += (tot_err < 0 ? -tot_err : tot_err) * 10000 > 15ll * 64 * n;
	if (msg && (fails || !msg[0]))
		snprintf(msg, len,
			 "ieee1180 [-%d,%d]%s: peak %d, pixel mse %u/%d, pixel mean %d/%d, overall mse %lld/%d, mean %lld/%d%s",
			 lo, hi, sign < 0 ? " neg" : "", peak, worst_sq, n,
			 worst_mean, n, (long long)tot_sq, 64 * n,
			 (long long)tot_err, 64 * n, fails ? " FAIL" : "");
	return fails;
}

int vdec_check_idct_ieee1180(char *msg, size_t len)
{
	static const int ranges[3][2] = { { 256, 255 }, { 5, 5 }, { 300, 300 } };
	struct ieee1180 *s = vdec_zalloc(sizeof(*s));
	int fails = 0, r, i;

	if (!s) {
		if (msg)
			snprintf(msg, len, "ieee1180: no memory");
		return 1;
	}
	if (msg && len)
		msg[0] = 0;
	for (r = 0; r < 8; r++)
		for (i = 0; i < 8; i++)
			s->tab[r][i] = ref_basis(r, i);
	for (r = 0; r < 3; r++) {
		fails += ieee1180_run(s, ranges[r][0], ranges[r][1], 1, msg, len);
		fails += ieee1180_run(s, ranges[r][0], ranges[r][1], -1, msg,
				      len);
	}
	memset(s->tst, 0, sizeof(s->tst));
	vdec_idct(s->tst);
	for (i = 0; i < 64; i++)
		if (s->tst[i]) {
			fails++;
			if (msg)
				snprintf(msg, len, "ieee1180: zero in, nonzero out");
			break;
		}
	vdec_free(s);
	return fails;
}

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

int vdec_check_mpeg2_mc(char *msg, size_t len)
{
	if (msg)
		snprintf(msg, len, "mc: TODO");
	return 0;
}
