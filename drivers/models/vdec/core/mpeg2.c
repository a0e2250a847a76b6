// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: MPEG-2 video (ISO/IEC 13818-2) Main profile,
 * 4:2:0, 8 bits: the slice, macroblock and block layers, inverse
 * quantisation, inverse DCT and motion compensation of one picture.
 */
#include "vdec-core.h"
#include "bits.h"
#include "idct.h"
#include "mpeg2-tables.h"

#define MPEG2_MAX_DIM	4096

/* frame_motion_type / field_motion_type */
#define MT_FIELD	1	/* frame pictures: field; field pictures: field */
#define MT_FRAME	2	/* frame pictures; field pictures: 16x8 */
#define MT_16X8		2
#define MT_DMV		3

struct vlc_ent {
	s8 sym;
	u8 len;
};

struct dct_ent {
	s16 level;
	u8 run;
	u8 len;
};

#define DCT_T1_BITS	9
#define DCT_T2_BITS	11

struct dct_tab {
	struct dct_ent t1[1 << DCT_T1_BITS];
	struct dct_ent t2[1 << DCT_T2_BITS];
};

/* A plane of a reference picture as the prediction reads it */
struct mc_src {
	const u8 *base;
	int stride;
	int lines;		/* lines of the frame or field */
	int elems;		/* pixels (luma) or Cb Cr pairs per line */
};

/* Motion of a macroblock, kept for skipped macroblocks in B pictures */
struct mb_motion {
	int flags;		/* MB_MF, MB_MB */
	int mt;
	int mv[2][2][2];	/* [r][s][t] */
	int fs[2][2];		/* motion_vertical_field_select[r][s] */
	int dmv[2];
};

struct mpeg2_ctx {
	const struct vdec_mpeg2_params *p;
	const struct vdec_pic *fwd;
	const struct vdec_pic *bwd;
	struct vdec_pic *out;
	struct vdec_bits b;
	int mb_w;
	int mb_rows;
	int plane_lines;
	bool field_pic;
	int parity;		/* current field: 0 top, 1 bottom */
	int cb_off;		/* byte of Cb in a chroma pair */
	bool err;
	bool mv_err;
	const u8 *scan;
	int qscale;
	int dc_pred[3];
	int pmv[2][2][2];
	struct mb_motion last;
	bool last_intra;
	u16 qmat[2][64];	/* raster order: intra, non-intra */
	s16 blk[64];
	u8 sy[16 * 16];		/* scratch macroblock for clipped rows */
	u8 sc[16 * 8];
	u8 mctmp[17 * 34];
	struct vlc_ent mba[1 << 11];
	struct vlc_ent mbtype[3][1 << 6];
	struct vlc_ent cbp[1 << 9];
	struct vlc_ent mvc[1 << 10];
	struct vlc_ent dcl[1 << 9];
	struct vlc_ent dcc[1 << 10];
	struct dct_tab dct[2];
	u8 *done;
};

static void vlc_build(struct vlc_ent *t, int bits, const struct mpeg2_code *c,
		      int n)
{
	int i, j;

	for (i = 0; i < n; i++) {
		int first = c[i].code << (bits - c[i].len);
		int cnt = 1 << (bits - c[i].len);

		for (j = 0; j < cnt; j++) {
			t[first + j].sym = c[i].sym;
			t[first + j].len = c[i].len;
		}
	}
}

static void dct_fill(struct dct_tab *t, u32 code, int len, int run, int level)
{
	struct dct_ent e = { .level = level, .run = run, .len = len };
	u32 idx, cnt, i;

	if (len < 6 || (code >> (len - 6))) {
		idx = code << (DCT_T1_BITS - len);
		cnt = 1u << (DCT_T1_BITS - len);
		for (i = 0; i < cnt; i++)
			t->t1[idx + i] = e;
	} else {
		idx = (code << (17 - len)) & ((1u << DCT_T2_BITS) - 1);
		cnt = 1u << (17 - len);
		for (i = 0; i < cnt; i++)
			t->t2[idx + i] = e;
	}
}

static void dct_build(struct dct_tab *t, const struct mpeg2_dct_code *c, int n)
{
	int i;

	for (i = 0; i < n; i++) {
		if (c[i].run >= MPEG2_RUN_EOB) {
			dct_fill(t, c[i].code, c[i].len, c[i].run, 0);
			continue;
		}
		dct_fill(t, c[i].code << 1, c[i].len + 1, c[i].run,
			 c[i].level);
		dct_fill(t, (c[i].code << 1) | 1, c[i].len + 1, c[i].run,
			 -c[i].level);
	}
}

static void tables_build(struct mpeg2_ctx *c)
{
	vlc_build(c->mba, 11, vdec_mpeg2_mba_codes, ARRAY_SIZE(vdec_mpeg2_mba_codes));
	vlc_build(c->mbtype[0], 6, vdec_mpeg2_mbtype_i, ARRAY_SIZE(vdec_mpeg2_mbtype_i));
	vlc_build(c->mbtype[1], 6, vdec_mpeg2_mbtype_p, ARRAY_SIZE(vdec_mpeg2_mbtype_p));
	vlc_build(c->mbtype[2], 6, vdec_mpeg2_mbtype_b, ARRAY_SIZE(vdec_mpeg2_mbtype_b));
	vlc_build(c->cbp, 9, vdec_mpeg2_cbp_codes, ARRAY_SIZE(vdec_mpeg2_cbp_codes));
	vlc_build(c->mvc, 10, vdec_mpeg2_mv_codes, ARRAY_SIZE(vdec_mpeg2_mv_codes));
	vlc_build(c->dcl, 9, vdec_mpeg2_dcl_codes, ARRAY_SIZE(vdec_mpeg2_dcl_codes));
	vlc_build(c->dcc, 10, vdec_mpeg2_dcc_codes, ARRAY_SIZE(vdec_mpeg2_dcc_codes));
	dct_build(&c->dct[0], vdec_mpeg2_dct_b14, ARRAY_SIZE(vdec_mpeg2_dct_b14));
	dct_build(&c->dct[0], vdec_mpeg2_dct_common, ARRAY_SIZE(vdec_mpeg2_dct_common));
	dct_build(&c->dct[1], vdec_mpeg2_dct_b15, ARRAY_SIZE(vdec_mpeg2_dct_b15));
	dct_build(&c->dct[1], vdec_mpeg2_dct_common, ARRAY_SIZE(vdec_mpeg2_dct_common));
}

/* Decode one code of a flat table; -1 on an invalid code. */
static inline int vlc_get(struct vdec_bits *b, const struct vlc_ent *t,
			  int bits)
{
	const struct vlc_ent *e = &t[vdec_bits_peek(b, bits)];

	if (!e->len)
		return -1;
	vdec_bits_skip(b, e->len);
	return e->sym;
}

/* ---- motion compensation ---- */

static inline u8 avg2(int a, int b)
{
	return (a + b + 1) >> 1;
}

/*
 * Predict a block 16 bytes wide and @h lines high from @src (its top left
 * full-pel sample), @step bytes from one sample to the next; half-pel
 * offsets @hx, @hy; average into @dst when @avg.
 */
static void mc_kernel(u8 *dst, int dstride, const u8 *src, int sstride,
		      int step, int hx, int hy, int h, bool avg)
{
	int i, j;

	for (j = 0; j < h; j++, dst += dstride, src += sstride) {
		u8 p[16];

		if (!hx && !hy) {
			memcpy(p, src, 16);
		} else if (hx && !hy) {
			for (i = 0; i < 16; i++)
				p[i] = avg2(src[i], src[i + step]);
		} else if (!hx) {
			for (i = 0; i < 16; i++)
				p[i] = avg2(src[i], src[i + sstride]);
		} else {
			for (i = 0; i < 16; i++)
				p[i] = (src[i] + src[i + step] +
					src[i + sstride] +
					src[i + sstride + step] + 2) >> 2;
		}
		if (avg) {
			for (i = 0; i < 16; i++)
				dst[i] = avg2(dst[i], p[i]);
		} else {
			memcpy(dst, p, 16);
		}
	}
}

/*
 * Predict from sample (@x, @y) of @s (x in samples: pixels or pairs),
 * clamping coordinates to the plane when the block reaches outside it.
 */
static void mc_block(struct mpeg2_ctx *c, u8 *dst, int dstride,
		     const struct mc_src *s, int step, int x, int y, int hx,
		     int hy, int h, bool avg)
{
	int w = 16 / step, i, j, k;

	if (likely(x >= 0 && y >= 0 && x + w + hx <= s->elems &&
		   y + h + hy <= s->lines)) {
		mc_kernel(dst, dstride, s->base + y * s->stride + x * step,
			  s->stride, step, hx, hy, h, avg);
		return;
	}
	for (j = 0; j <= h; j++) {
		int sy = clamp(y + j, 0, s->lines - 1);
		const u8 *line = s->base + sy * s->stride;

		for (i = 0; i <= w; i++) {
			int sx = clamp(x + i, 0, s->elems - 1);

			for (k = 0; k < step; k++)
				c->mctmp[j * 34 + i * step + k] =
					line[sx * step + k];
		}
	}
	mc_kernel(dst, dstride, c->mctmp, 34, step, hx, hy, h, avg);
}

/*
 * The planes of reference picture @s (0 forward, 1 backward) as seen
 * from field @field (0 top, 1 bottom) or the frame (@field < 0).
 */
static void mc_srcs(struct mpeg2_ctx *c, int s, int field, struct mc_src *y,
		    struct mc_src *uv)
{
	const struct vdec_pic *pic = s ? c->bwd : c->fwd;
	int lines = c->plane_lines;

	if (c->field_pic && !s && c->p->second_field &&
	    c->p->picture_coding_type == 2 && field != c->parity)
		pic = c->out;
	y->base = pic->luma;
	y->stride = pic->stride;
	y->lines = lines;
	y->elems = c->mb_w * 16;
	uv->base = pic->chroma;
	uv->stride = pic->stride;
	uv->lines = lines / 2;
	uv->elems = c->mb_w * 8;
	if (field >= 0) {
		y->base += field * pic->stride;
		y->stride *= 2;
		y->lines /= 2;
		uv->base += field * pic->stride;
		uv->stride *= 2;
		uv->lines /= 2;
	}
}

/*
 * Predict part of a macroblock: luma at (@x, @y) (chroma at half that)
 * of reference @s, field @field (-1 frame), vector @mv in half pels,
 * @h luma lines, into @yd/@cd.
 */
static void mc_part(struct mpeg2_ctx *c, int s, int field, const int *mv,
		    int x, int y, int h, u8 *yd, int ys, u8 *cd, int cs,
		    bool avg)
{
	struct mc_src sy, sc;
	int cmx = mv[0] / 2, cmy = mv[1] / 2;

	mc_srcs(c, s, field, &sy, &sc);
	mc_block(c, yd, ys, &sy, 1, x + (mv[0] >> 1), y + (mv[1] >> 1),
		 mv[0] & 1, mv[1] & 1, h, avg);
	mc_block(c, cd, cs, &sc, 2, x / 2 + (cmx >> 1), y / 2 + (cmy >> 1),
		 cmx & 1, cmy & 1, h / 2, avg);
}

/* The derived dual-prime vectors (7.6.3.6) for vector @mv, dmvector @dmv. */
static void dual_prime(struct mpeg2_ctx *c, const int *mv, const int *dmv,
		       int out[2][2])
{
	int k;

	for (k = 0; k < 2; k++) {
		/* k: parity of the predicted field in frame pictures */
		int m, e;

		if (c->field_pic) {
			if (k)
				break;
			m = 1;
			e = c->parity ? 1 : -1;
		} else if (k == 0) {
			m = c->p->top_field_first ? 1 : 3;
			e = -1;
		} else {
			m = c->p->top_field_first ? 3 : 1;
			e = 1;
		}
		out[k][0] = ((mv[0] * m + (mv[0] > 0)) >> 1) + dmv[0];
		out[k][1] = ((mv[1] * m + (mv[1] > 0)) >> 1) + e + dmv[1];
	}
}

static void predict(struct mpeg2_ctx *c, const struct mb_motion *m, int mbx,
		    int mby, u8 *yd, int ys, u8 *cd, int cs)
{
	int x = mbx * 16, s;
	bool avg = false;

	for (s = 0; s < 2; s++) {
		if (!(m->flags & (s ? MB_MB : MB_MF)))
			continue;
		if (!c->field_pic) {
			int y = mby * 16, r;

			if (m->mt == MT_FRAME) {
				mc_part(c, s, -1, m->mv[0][s], x, y, 16, yd, ys,
					cd, cs, avg);
			} else if (m->mt == MT_FIELD) {
				for (r = 0; r < 2; r++)
					mc_part(c, s, m->fs[r][s], m->mv[r][s],
						x, y / 2, 8, yd + r * ys,
						2 * ys, cd + r * cs, 2 * cs,
						avg);
			} else {
				int d[2][2];

				dual_prime(c, m->mv[0][s], m->dmv, d);
				for (r = 0; r < 2; r++) {
					mc_part(c, s, r, m->mv[0][s], x, y / 2,
						8, yd + r * ys, 2 * ys,
						cd + r * cs, 2 * cs, false);
					mc_part(c, s, !r, d[r], x, y / 2, 8,
						yd + r * ys, 2 * ys,
						cd + r * cs, 2 * cs, true);
				}
			}
		} else {
			int y = mby * 16;

			if (m->mt == MT_FIELD) {
				mc_part(c, s, m->fs[0][s], m->mv[0][s], x, y,
					16, yd, ys, cd, cs, avg);
			} else if (m->mt == MT_16X8) {
				mc_part(c, s, m->fs[0][s], m->mv[0][s], x, y,
					8, yd, ys, cd, cs, avg);
				mc_part(c, s, m->fs[1][s], m->mv[1][s], x,
					y + 8, 8, yd + 8 * ys, ys,
					cd + 4 * cs, cs, avg);
			} else {
				int d[2][2];

				dual_prime(c, m->mv[0][s], m->dmv, d);
				mc_part(c, s, c->parity, m->mv[0][s], x, y, 16,
					yd, ys, cd, cs, false);
				mc_part(c, s, !c->parity, d[0], x, y, 16, yd,
					ys, cd, cs, true);
			}
		}
		avg = true;
	}
}

/* ---- blocks ---- */

static inline s32 sat2048(s32 v)
{
	return v < -2048 ? -2048 : v > 2047 ? 2047 : v;
}

/*
 * Coefficients of a block into c->blk (inverse quantised, with mismatch
 * control). @intra: @cc the colour component, DC decoded here. Returns
 * false on a bitstream error.
 */
static bool decode_block(struct mpeg2_ctx *c, bool intra, int cc)
{
	struct vdec_bits *b = &c->b;
	const struct dct_tab *t;
	const u16 *w;
	s16 *blk = c->blk;
	s32 sum = 0, qs = c->qscale;
	int i;

	if (intra) {
		int size, diff = 0;

		size = cc ? vlc_get(b, c->dcc, 10) : vlc_get(b, c->dcl, 9);
		if (size < 0)
			return false;
		if (size) {
			diff = vdec_bits_get(b, size);
			if (!(diff >> (size - 1)))
				diff = diff + 1 - (1 << size);
		}
		c->dc_pred[cc] += diff;
		/* 7.2.1: the DC value is an unsigned 8..11 bit number */
		if (c->dc_pred[cc] < 0 ||
		    c->dc_pred[cc] >= 1 << (8 + c->p->intra_dc_precision))
			return false;
		blk[0] = (s16)sat2048(c->dc_pred[cc] *
				      (8 >> c->p->intra_dc_precision));
		sum = blk[0];
		i = 0;
		t = &c->dct[c->p->intra_vlc_format ? 1 : 0];
		w = c->qmat[0];
	} else {
		i = -1;
		t = &c->dct[0];
		w = c->qmat[1];
		if (vdec_bits_peek(b, 1)) {
			/* first coefficient: "1 s" is run 0, level 1 */
			int s = vdec_bits_get(b, 2) & 1;
			s32 v = (3 * w[0] * qs) / 32;

			v = sat2048(s ? -v : v);
			blk[c->scan[0]] = (s16)v;
			sum = v;
			i = 0;
		}
	}
	for (;;) {
		u32 v = vdec_bits_peek(b, 17);
		const struct dct_ent *e;
		int run, level, pos;
		s32 val;

		e = (v >> DCT_T2_BITS) ? &t->t1[v >> (17 - DCT_T1_BITS)] :
					 &t->t2[v & ((1 << DCT_T2_BITS) - 1)];
		if (!e->len)
			return false;
		vdec_bits_skip(b, e->len);
		if (e->run == MPEG2_RUN_EOB)
			break;
		if (e->run == MPEG2_RUN_ESC) {
			u32 x = vdec_bits_get(b, 18);

			run = x >> 12;
			level = x & 0xfff;
			if (level & 0x800)
				level -= 4096;
			if (!level)
				return false;
		} else {
			run = e->run;
			level = e->level;
		}
		i += run + 1;
		if (i > 63)
			return false;
		pos = c->scan[i];
		if (intra)
			val = (level * 2 * w[pos] * qs) / 32;
		else
			val = ((level * 2 + (level > 0 ? 1 : -1)) * w[pos] *
			       qs) / 32;
		val = sat2048(val);
		blk[pos] = (s16)val;
		sum += val;
	}
	if (!(sum & 1)) {
		if (blk[63] & 1)
			blk[63]--;
		else
			blk[63]++;
	}
	return !vdec_bits_overrun(b);
}

/* ---- macroblocks ---- */

static int mv_component(struct mpeg2_ctx *c, int r, int s, int t,
			bool field_fmt)
{
	struct vdec_bits *b = &c->b;
	int fc = c->p->f_code[s][t], rsize = fc - 1;
	int code = vlc_get(b, c->mvc, 10), delta, pred, vec, f;
	bool half = field_fmt && t == 1 && !c->field_pic;

	if (code < 0 || fc < 1 || fc > 9) {
		c->mv_err = true;
		return 0;
	}
	if (code && vdec_bits_get1(b))
		code = -code;
	f = 1 << rsize;
	if (f == 1 || !code) {
		delta = code;
	} else {
		int res = vdec_bits_get(b, rsize);

		delta = ((code < 0 ? -code : code) - 1) * f + res + 1;
		if (code < 0)
			delta = -delta;
	}
	pred = c->pmv[r][s][t];
	if (half)
		pred >>= 1;
	vec = pred + delta;
	if (vec < -16 * f)
		vec += 32 * f;
	else if (vec > 16 * f - 1)
		vec -= 32 * f;
	c->pmv[r][s][t] = half ? vec * 2 : vec;
	return vec;
}

static void motion_vectors(struct mpeg2_ctx *c, struct mb_motion *m, int s)
{
	struct vdec_bits *b = &c->b;
	bool field_fmt = c->field_pic || m->mt != MT_FRAME;
	int count = (!c->field_pic && m->mt == MT_FIELD) ||
		    (c->field_pic && m->mt == MT_16X8) ? 2 : 1;
	bool dmv = m->mt == MT_DMV;
	int r, t;

	for (r = 0; r < count; r++) {
		if (count == 2 || (field_fmt && !dmv))
			m->fs[r][s] = vdec_bits_get1(b);
		for (t = 0; t < 2; t++) {
			m->mv[r][s][t] = mv_component(c, r, s, t, field_fmt);
			/* dmvector (Table B-11): 0, 10 (+1), 11 (-1) */
			if (dmv)
				m->dmv[t] = vdec_bits_get1(b) ?
					    (vdec_bits_get1(b) ? -1 : 1) : 0;
		}
	}
	if (count == 1)
		for (t = 0; t < 2; t++)
			c->pmv[1][s][t] = c->pmv[0][s][t];
}

struct mb_dst {
	u8 *y;
	u8 *c;
	int ys;
	int cs;
	bool scratch;
};

static void mb_dst_get(struct mpeg2_ctx *c, int mbx, int mby,
		       struct mb_dst *d)
{
	struct vdec_pic *o = c->out;
	int last;

	if (c->field_pic)
		last = c->parity + 2 * (mby * 16 + 15);
	else
		last = mby * 16 + 15;
	if (last >= c->plane_lines) {
		d->y = c->sy;
		d->c = c->sc;
		d->ys = 16;
		d->cs = 16;
		d->scratch = true;
		return;
	}
	d->scratch = false;
	if (c->field_pic) {
		d->ys = 2 * o->stride;
		d->y = o->luma + c->parity * o->stride + mby * 16 * d->ys +
		       mbx * 16;
		d->cs = 2 * o->stride;
		d->c = o->chroma + c->parity * o->stride + mby * 8 * d->cs +
		       mbx * 16;
	} else {
		d->ys = o->stride;
		d->y = o->luma + mby * 16 * d->ys + mbx * 16;
		d->cs = o->stride;
		d->c = o->chroma + mby * 8 * d->cs + mbx * 16;
	}
}

/* Copy a scratch macroblock's lines that lie inside the planes. */
static void mb_dst_put(struct mpeg2_ctx *c, int mbx, int mby,
		       const struct mb_dst *d)
{
	struct vdec_pic *o = c->out;
	int l, f = c->field_pic ? 2 : 1, par = c->field_pic ? c->parity : 0;

	if (!d->scratch)
		return;
	for (l = 0; l < 16; l++) {
		int line = par + f * (mby * 16 + l);

		if (line < c->plane_lines)
			memcpy(o->luma + line * o->stride + mbx * 16,
			       c->sy + l * 16, 16);
	}
	for (l = 0; l < 8; l++) {
		int line = par + f * (mby * 8 + l);

		if (line < c->plane_lines / 2)
			memcpy(o->chroma + line * o->stride + mbx * 16,
			       c->sc + l * 16, 16);
	}
}

static void reset_dc(struct mpeg2_ctx *c)
{
	c->dc_pred[0] = 1 << (7 + c->p->intra_dc_precision);
	c->dc_pred[1] = c->dc_pred[0];
	c->dc_pred[2] = c->dc_pred[0];
}

/* Reconstruct a skipped (or concealed) macroblock */
static void mb_skipped(struct mpeg2_ctx *c, int addr, bool conceal)
{
	int mbx = addr % c->mb_w, mby = addr / c->mb_w;
	struct mb_motion zero = { .flags = MB_MF };
	struct mb_dst d;

	mb_dst_get(c, mbx, mby, &d);
	if (c->p->picture_coding_type == 1) {
		int l;

		for (l = 0; l < 16; l++)
			memset(d.y + l * d.ys, 128, 16);
		for (l = 0; l < 8; l++)
			memset(d.c + l * d.cs, 128, 16);
	} else if (c->p->picture_coding_type == 2 || conceal ||
		   c->last_intra) {
		zero.mt = c->field_pic ? MT_FIELD : MT_FRAME;
		zero.fs[0][0] = c->parity;
		predict(c, &zero, mbx, mby, d.y, d.ys, d.c, d.cs);
	} else {
		predict(c, &c->last, mbx, mby, d.y, d.ys, d.c, d.cs);
	}
	mb_dst_put(c, mbx, mby, &d);
	c->done[addr] = 1;
}

static bool decode_mb(struct mpeg2_ctx *c, int addr)
{
	const struct vdec_mpeg2_params *p = c->p;
	struct vdec_bits *b = &c->b;
	int mbx = addr % c->mb_w, mby = addr / c->mb_w;
	int type, cbp, k, bs;
	bool dct_field = false;
	struct mb_motion m = { 0 };
	struct mb_dst d;

	type = vlc_get(b, c->mbtype[p->picture_coding_type - 1], 6);
	if (type < 0)
		return false;
	if (type & MB_QUANT) {
		int q = vdec_bits_get(b, 5);

		c->qscale = p->q_scale_type ? vdec_mpeg2_qscale_nonlinear[q] : 2 * q;
	}
	if (type & (MB_MF | MB_MB)) {
		if (c->field_pic || !p->frame_pred_frame_dct)
			m.mt = vdec_bits_get(b, 2);
		else
			m.mt = MT_FRAME;
		if (!m.mt)
			return false;
		if (m.mt == MT_DMV && p->picture_coding_type != 2)
			return false;
	}
	if (!c->field_pic && !p->frame_pred_frame_dct &&
	    (type & (MB_INTRA | MB_PATTERN)))
		dct_field = vdec_bits_get1(b);

	c->mv_err = false;
	mb_dst_get(c, mbx, mby, &d);
	bs = dct_field ? d.ys : 8 * d.ys;
	if (type & MB_INTRA) {
		if (p->concealment_motion_vectors) {
			m.mt = c->field_pic ? MT_FIELD : MT_FRAME;
			motion_vectors(c, &m, 0);
			vdec_bits_get1(b);	/* marker_bit */
		} else {
			memset(c->pmv, 0, sizeof(c->pmv));
		}
		for (k = 0; k < 6; k++) {
			u8 *dst;
			int st;

			memset(c->blk, 0, sizeof(c->blk));
			if (!decode_block(c, true, k < 4 ? 0 : k - 3))
				return false;
			if (k < 4) {
				dst = d.y + (k & 1) * 8 + (k >> 1) * bs;
				st = dct_field ? 2 * d.ys : d.ys;
				vdec_idct_put(c->blk, dst, st, 1);
			} else {
				dst = d.c + (k == 4 ? c->cb_off : 1 - c->cb_off);
				vdec_idct_put(c->blk, dst, d.cs, 2);
			}
		}
		c->last_intra = true;
	} else {
		reset_dc(c);
		m.flags = type & (MB_MF | MB_MB);
		if (type & MB_MF)
			motion_vectors(c, &m, 0);
		if (type & MB_MB)
			motion_vectors(c, &m, 1);
		if (c->mv_err)
			return false;
		if (p->picture_coding_type == 2 && !(type & MB_MF)) {
			memset(c->pmv, 0, sizeof(c->pmv));
			m.flags = MB_MF;
			m.mt = c->field_pic ? MT_FIELD : MT_FRAME;
			m.fs[0][0] = c->parity;
		}
		cbp = 0;
		if (type & MB_PATTERN) {
			cbp = vlc_get(b, c->cbp, 9);
			if (cbp < 0)
				return false;
		}
		if (vdec_bits_overrun(b))
			return false;
		predict(c, &m, mbx, mby, d.y, d.ys, d.c, d.cs);
		for (k = 0; k < 6; k++) {
			u8 *dst;
			int st;

			if (!(cbp & (32 >> k)))
				continue;
			memset(c->blk, 0, sizeof(c->blk));
			if (!decode_block(c, false, 0))
				return false;
			if (k < 4) {
				dst = d.y + (k & 1) * 8 + (k >> 1) * bs;
				st = dct_field ? 2 * d.ys : d.ys;
				vdec_idct_add(c->blk, dst, st, 1);
			} else {
				dst = d.c + (k == 4 ? c->cb_off : 1 - c->cb_off);
				vdec_idct_add(c->blk, dst, d.cs, 2);
			}
		}
		c->last = m;
		c->last_intra = false;
	}
	mb_dst_put(c, mbx, mby, &d);
	c->done[addr] = 1;
	return !vdec_bits_overrun(b);
}

static void set_qscale(struct mpeg2_ctx *c, int code)
{
	c->qscale = c->p->q_scale_type ? vdec_mpeg2_qscale_nonlinear[code] :
					 2 * code;
}

/* One slice: @code its start code's last byte, @data..@len after it. */
static void decode_slice(struct mpeg2_ctx *c, int code, const u8 *data,
			 u32 len, u32 *decoded)
{
	struct vdec_bits *b = &c->b;
	int total = c->mb_w * c->mb_rows, row = code - 1, addr;
	bool first = true;

	vdec_bits_init(b, data, len);
	if (c->out->height > 2800)
		row += vdec_bits_get(b, 3) << 7;
	if (row >= c->mb_rows)
		goto err;
	set_qscale(c, vdec_bits_get(b, 5));
	if (vdec_bits_get1(b)) {
		vdec_bits_get(b, 8);	/* intra_slice_flag, intra_slice, ... */
		while (vdec_bits_get1(b)) {
			vdec_bits_get(b, 8);
			if (vdec_bits_overrun(b))
				goto err;
		}
	}
	reset_dc(c);
	memset(c->pmv, 0, sizeof(c->pmv));
	c->last_intra = true;
	addr = row * c->mb_w - 1;
	for (;;) {
		int inc = 0, v;

		for (;;) {
			v = vdec_bits_peek(b, 11);
			if (v == 0x08)
				inc += 33;
			else if (v != 0x0f)
				break;
			vdec_bits_skip(b, 11);
			if (vdec_bits_overrun(b))
				goto err;
		}
		v = vlc_get(b, c->mba, 11);
		if (v < 1 || v > 33)
			goto err;
		inc += v;
		if (inc > total - 1 - addr)
			goto err;
		if (!first) {
			if (inc > 1 && c->p->picture_coding_type == 1)
				goto err;
			if (inc > 1 && c->p->picture_coding_type == 2)
				memset(c->pmv, 0, sizeof(c->pmv));
			if (inc > 1)
				reset_dc(c);
			while (--inc) {
				mb_skipped(c, ++addr, false);
				(*decoded)++;
			}
			addr++;
		} else {
			addr += inc;
		}
		first = false;
		if (!decode_mb(c, addr))
			goto err;
		(*decoded)++;
		if (!vdec_bits_peek(b, 23) || !vdec_bits_left(b))
			return;
	}
err:
	c->err = true;
}

static bool pic_ok(const struct vdec_pic *pic, const struct vdec_pic *out)
{
	return pic && pic->luma && pic->chroma && pic->width == out->width &&
	       pic->height == out->height &&
	       pic->stride >= ALIGN(out->width, 16) &&
	       pic->stride <= 4 * MPEG2_MAX_DIM;
}

static enum vdec_status check_params(const struct vdec_mpeg2_params *p,
				     const struct vdec_pic *fwd,
				     const struct vdec_pic *bwd,
				     const struct vdec_pic *out)
{
	int s, t;

	if (!p || !out || !out->width || !out->height ||
	    out->width > MPEG2_MAX_DIM || out->height > MPEG2_MAX_DIM ||
	    !pic_ok(out, out))
		return VDEC_ERR_PARAM;
	if (p->picture_coding_type < 1 || p->picture_coding_type > 3 ||
	    p->picture_structure < 1 || p->picture_structure > 3 ||
	    p->intra_dc_precision > 3)
		return VDEC_ERR_PARAM;
	if (p->chroma_format != 1)
		return VDEC_ERR_UNSUPPORTED;
	for (s = 0; s < p->picture_coding_type - 1; s++)
		for (t = 0; t < 2; t++)
			if (p->f_code[s][t] < 1 || p->f_code[s][t] > 9)
				return VDEC_ERR_PARAM;
	if (p->picture_coding_type >= 2 && !pic_ok(fwd, out))
		return VDEC_ERR_PARAM;
	if (p->picture_coding_type == 3 && !pic_ok(bwd, out))
		return VDEC_ERR_PARAM;
	if ((fwd && fwd->nv21 != out->nv21) || (bwd && bwd->nv21 != out->nv21))
		return VDEC_ERR_PARAM;
	if (p->second_field && p->picture_structure == 3)
		return VDEC_ERR_PARAM;
	return VDEC_OK;
}

enum vdec_status vdec_mpeg2_decode(const struct vdec_mpeg2_params *p,
				   const u8 *bs, u32 len,
				   const struct vdec_pic *fwd,
				   const struct vdec_pic *bwd,
				   struct vdec_pic *out, u32 *decoded)
{
	struct mpeg2_ctx *c;
	enum vdec_status st;
	u32 i, n = 0;
	int k, total;

	if (decoded)
		*decoded = 0;
	st = check_params(p, fwd, bwd, out);
	if (st)
		return st;
	if (!bs && len)
		return VDEC_ERR_PARAM;
	c = vdec_zalloc(sizeof(*c));
	if (!c)
		return VDEC_ERR_NOMEM;
	c->p = p;
	c->fwd = p->picture_coding_type >= 2 ? fwd : NULL;
	c->bwd = p->picture_coding_type == 3 ? bwd : NULL;
	c->out = out;
	c->mb_w = DIV_ROUND_UP(out->width, 16);
	c->plane_lines = ALIGN(out->height, 16);
	c->field_pic = p->picture_structure != 3;
	c->parity = p->picture_structure == 2;
	c->cb_off = out->nv21 ? 1 : 0;
	if (c->field_pic)
		c->mb_rows = DIV_ROUND_UP(out->height, 32);
	else if (p->progressive_sequence)
		c->mb_rows = DIV_ROUND_UP(out->height, 16);
	else
		c->mb_rows = 2 * DIV_ROUND_UP(out->height, 32);
	c->scan = vdec_mpeg2_scan[p->alternate_scan ? 1 : 0];
	for (k = 0; k < 64; k++) {
		c->qmat[0][vdec_mpeg2_scan[0][k]] = p->qm[0][k];
		c->qmat[1][vdec_mpeg2_scan[0][k]] = p->qm[1][k];
	}
	total = c->mb_w * c->mb_rows;
	c->done = vdec_zalloc(total);
	if (!c->done) {
		vdec_free(c);
		return VDEC_ERR_NOMEM;
	}
	tables_build(c);

	/* each slice runs from its start code to the next start code */
	i = 0;
	while (len >= 4 && i <= len - 4) {
		u32 start, end;
		int code;

		if (bs[i] || bs[i + 1] || bs[i + 2] != 1) {
			i++;
			continue;
		}
		code = bs[i + 3];
		start = i + 4;
		end = start;
		while (end + 3 <= len) {
			if (bs[end + 2] == 1 && !bs[end + 1] && !bs[end])
				break;
			end += bs[end + 2] > 1 ? 3 : 1;
		}
		if (end + 3 > len)
			end = len;
		if (code >= 0x01 && code <= 0xaf)
			decode_slice(c, code, bs + start, end - start, &n);
		i = end;
	}

	for (k = 0; k < total; k++) {
		if (c->done[k])
			continue;
		c->err = true;
		mb_skipped(c, k, true);
	}
	if (decoded)
		*decoded = n;
	st = c->err ? VDEC_ERR_BITSTREAM : VDEC_OK;
	vdec_free(c->done);
	vdec_free(c);
	return st;
}
