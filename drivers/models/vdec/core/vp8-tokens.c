// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: VP8 DCT/WHT token decoding (RFC 6386 13) from a
 * token partition, with dequantisation (RFC 6386 14.1).
 */
#include "vp8.h"

static const u8 cat3_probs[] = { 173, 148, 140 };
static const u8 cat4_probs[] = { 176, 155, 140, 135 };
static const u8 cat5_probs[] = { 180, 157, 141, 134, 130 };
static const u8 cat6_probs[] = {
	254, 254, 243, 230, 196, 177, 153, 140, 133, 130, 129,
};

static int read_extra(struct vp8_bool *d, const u8 *p, int n)
{
	int v = 0, i;

	for (i = 0; i < n; i++)
		v += v + vp8_read(d, p[i]);
	return v;
}

/* The magnitude of a token known not to be EOB, ZERO or ONE (node 3 on) */
static int read_large(struct vp8_bool *d, const u8 *p)
{
	if (!vp8_read(d, p[3])) {
		if (!vp8_read(d, p[4]))
			return 2;
		return 3 + vp8_read(d, p[5]);
	}
	if (!vp8_read(d, p[6])) {
		if (!vp8_read(d, p[7]))
			return 5 + vp8_read(d, 159);
		return 7 + 2 * vp8_read(d, 165) + vp8_read(d, 145);
	}
	if (!vp8_read(d, p[8])) {
		if (!vp8_read(d, p[9]))
			return 11 + read_extra(d, cat3_probs, 3);
		return 19 + read_extra(d, cat4_probs, 4);
	}
	if (!vp8_read(d, p[10]))
		return 35 + read_extra(d, cat5_probs, 5);
	return 67 + read_extra(d, cat6_probs, 11);
}

/**
 * read_block() - the tokens of one 4x4 block
 * @d: token partition
 * @probs: coeff_probs[type]
 * @i: first position (1 for Y after Y2, else 0)
 * @ctx: neighbour context, 0..2
 * @dq: DC and AC dequantisation factors
 * @out: coefficients, raster order, zero on entry
 *
 * Return: 0 when the block ends at once, else one past the last position
 *	decoded.
 */
static int read_block(struct vp8_bool *d, const u8 (*probs)[3][11], int i,
		      int ctx, const s16 *dq, s16 *out)
{
	const u8 *p = probs[vp8_bands[i]][ctx];

	if (!vp8_read(d, p[0]))
		return 0;
	for (;;) {
		int v;

		if (!vp8_read(d, p[1])) {
			if (++i == 16)
				return 16;
			p = probs[vp8_bands[i]][0];
			continue;
		}
		if (!vp8_read(d, p[2])) {
			v = 1;
			p = probs[vp8_bands[i + 1]][1];
		} else {
			v = read_large(d, p);
			p = probs[vp8_bands[i + 1]][2];
		}
		if (vp8_read(d, 128))
			v = -v;
		out[vp8_zigzag[i]] = (s16)(v * dq[i > 0]);
		if (++i == 16 || !vp8_read(d, p[0]))
			return i;
	}
}

/**
 * vp8_read_tokens() - read the residue of a macroblock
 * @c: decoder
 * @mb: the macroblock (its mode and skip flag)
 * @d: its token partition
 *
 * Fills c->coef (dequantised) and c->nz, and updates the neighbour
 * contexts.
 *
 * Return: true when some block has coefficients.
 */
bool vp8_read_tokens(struct vp8_ctx *c, struct vp8_mb *mb, struct vp8_bool *d)
{
	const u8 (*cp)[8][3][11] = c->p->entropy.coeff_probs;
	const struct vp8_dq *dq = &c->dq[mb->segment];
	bool y2 = mb->mode != VP8_B_PRED && mb->mode != VP8_SPLITMV;
	u8 *a = &c->nz_above[c->mb_x * 9], *l = c->nz_left;
	int first = 0, type = 3, x, y, n, any = 0;

	if (mb->skip) {
		memset(a, 0, 8);
		memset(l, 0, 8);
		if (y2) {
			a[8] = 0;
			l[8] = 0;
		}
		memset(c->nz, 0, sizeof(c->nz));
		return false;
	}
	c->nz[24] = 0;
	if (y2) {
		n = read_block(d, cp[1], 0, a[8] + l[8], dq->y2, c->coef[24]);
		a[8] = n > 0;
		l[8] = a[8];
		c->nz[24] = n;
		any |= n;
		first = 1;
		type = 0;
	}
	for (y = 0; y < 4; y++)
		for (x = 0; x < 4; x++) {
			n = read_block(d, cp[type], first, a[x] + l[y], dq->y,
				       c->coef[y * 4 + x]);
			a[x] = n > 0;
			l[y] = a[x];
			c->nz[y * 4 + x] = n;
			any |= n;
		}
	for (n = 16; n < 24; n++) {
		int k = n < 20 ? 4 : 6, b = n & 3, r;

		r = read_block(d, cp[2], 0, a[k + (b & 1)] + l[k + (b >> 1)],
			       dq->uv, c->coef[n]);
		a[k + (b & 1)] = r > 0;
		l[k + (b >> 1)] = r > 0;
		c->nz[n] = r;
		any |= r;
	}
	return any;
}
