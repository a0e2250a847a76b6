// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: VP8 inter prediction (RFC 6386 18): six-tap and
 * bilinear sub-pixel interpolation from a reference whose macroblock-
 * padded planes are taken to extend without end by edge repetition.
 */
#include "vp8.h"

static inline u8 clip8(int v)
{
	return v < 0 ? 0 : v > 255 ? 255 : v;
}

/*
 * The source pixels of a w x h block at (x, y) with 2 pixels before and
 * 3 after in each direction: the plane itself when they are all inside,
 * else a copy with clamped coordinates. Returns the block origin.
 */
static const u8 *mc_fetch(struct vp8_ctx *c, const struct vp8_plane *pl,
			  int x, int y, int w, int h, int *stride)
{
	int x0 = x - 2, y0 = y - 2, sw = w + 5, sh = h + 5, r, k;
	u8 *t = c->mcsrc;

	if (pl->step == 1 && x0 >= 0 && y0 >= 0 && x0 + sw <= pl->w &&
	    y0 + sh <= pl->h) {
		*stride = pl->stride;
		return pl->base + y * pl->stride + x;
	}
	for (r = 0; r < sh; r++) {
		const u8 *row = pl->base +
				clamp(y0 + r, 0, pl->h - 1) * pl->stride;

		if (pl->step == 1 && x0 >= 0 && x0 + sw <= pl->w) {
			memcpy(t + r * sw, row + x0, sw);
			continue;
		}
		for (k = 0; k < sw; k++)
			t[r * sw + k] = row[clamp(x0 + k, 0, pl->w - 1) *
					    pl->step];
	}
	*stride = sw;
	return t + 2 * sw + 2;
}

static void sixtap_h(u8 *dst, int ds, const u8 *src, int ss, int w, int h,
		     const s16 *f)
{
	int r, k;

	for (r = 0; r < h; r++, dst += ds, src += ss)
		for (k = 0; k < w; k++) {
			const u8 *s = src + k;

			dst[k] = clip8((s[-2] * f[0] + s[-1] * f[1] +
					s[0] * f[2] + s[1] * f[3] +
					s[2] * f[4] + s[3] * f[5] + 64) >> 7);
		}
}

static void sixtap_v(u8 *dst, int ds, const u8 *src, int ss, int w, int h,
		     const s16 *f)
{
	int r, k;

	for (r = 0; r < h; r++, dst += ds, src += ss)
		for (k = 0; k < w; k++) {
			const u8 *s = src + k;

			dst[k] = clip8((s[-2 * ss] * f[0] + s[-ss] * f[1] +
					s[0] * f[2] + s[ss] * f[3] +
					s[2 * ss] * f[4] + s[3 * ss] * f[5] +
					64) >> 7);
		}
}

static void bilinear(u8 *t, u8 *dst, int ds, const u8 *src, int ss, int w,
		     int h, int fx, int fy)
{
	int r, k, ax = 128 - 16 * fx, bx = 16 * fx;
	int ay = 128 - 16 * fy, by = 16 * fy;

	for (r = 0; r <= h; r++)
		for (k = 0; k < w; k++)
			t[r * w + k] = (src[r * ss + k] * ax +
					src[r * ss + k + 1] * bx + 64) >> 7;
	for (r = 0; r < h; r++)
		for (k = 0; k < w; k++)
			dst[r * ds + k] = (t[r * w + k] * ay +
					   t[(r + 1) * w + k] * by + 64) >> 7;
}

/**
 * mc_block() - predict a w x h block (w, h <= 16)
 * @c: decoder
 * @pl: reference plane
 * @dst: destination (work area)
 * @ds: its stride
 * @x: block position in the plane, whole pixels, plus the motion's
 * @y: see @x
 * @fx: fractional motion, eighths
 * @fy: see @fx
 * @w: block width
 * @h: block height
 */
static void mc_block(struct vp8_ctx *c, const struct vp8_plane *pl, u8 *dst,
		     int ds, int x, int y, int fx, int fy, int w, int h)
{
	int ss, r;
	const u8 *src = mc_fetch(c, pl, x, y, w, h, &ss);

	if (!fx && !fy) {
		for (r = 0; r < h; r++)
			memcpy(dst + r * ds, src + r * ss, w);
		return;
	}
	if (c->p->version) {
		bilinear(c->mctmp, dst, ds, src, ss, w, h, fx, fy);
		return;
	}
	if (!fy) {
		sixtap_h(dst, ds, src, ss, w, h, vp8_sixtap[fx]);
		return;
	}
	if (!fx) {
		sixtap_v(dst, ds, src, ss, w, h, vp8_sixtap[fy]);
		return;
	}
	sixtap_h(c->mctmp, w, src - 2 * ss, ss, w, h + 5, vp8_sixtap[fx]);
	sixtap_v(dst, ds, c->mctmp + 2 * w, w, w, h, vp8_sixtap[fy]);
}

static void mc_chroma(struct vp8_ctx *c, const struct vp8_ref *ref,
		      struct vp8_mv mv, int bx, int by, int size)
{
	int x = c->mb_x * 8 + bx, y = c->mb_y * 8 + by;
	int off = (by + 1) * VP8_WC_STRIDE + bx + 1;

	if (c->p->version == 3) {
		mv.x &= ~7;
		mv.y &= ~7;
	}
	mc_block(c, &ref->u, c->wu + off, VP8_WC_STRIDE, x + (mv.x >> 3),
		 y + (mv.y >> 3), mv.x & 7, mv.y & 7, size, size);
	mc_block(c, &ref->v, c->wv + off, VP8_WC_STRIDE, x + (mv.x >> 3),
		 y + (mv.y >> 3), mv.x & 7, mv.y & 7, size, size);
}

/* The chroma motion of a 2x2 group of luma subblocks (RFC 6386 18.1) */
static int avg4(int a, int b, int cc, int d)
{
	int s = a + b + cc + d;

	return s >= 0 ? (s + 2) >> 2 : -((-s + 2) >> 2);
}

/**
 * vp8_mc_mb() - inter prediction of a macroblock into the work areas
 * @c: decoder
 * @mb: the macroblock (reference, mode, motion vectors)
 */
void vp8_mc_mb(struct vp8_ctx *c, const struct vp8_mb *mb)
{
	const struct vp8_ref *ref = &c->ref[mb->ref];
	u8 *ws = c->ws + VP8_WS_STRIDE + 1;
	int x = c->mb_x * 16, y = c->mb_y * 16, i, j;

	if (mb->mode != VP8_SPLITMV) {
		mc_block(c, &ref->y, ws, VP8_WS_STRIDE, x + (mb->mv.x >> 2),
			 y + (mb->mv.y >> 2), (mb->mv.x & 3) * 2,
			 (mb->mv.y & 3) * 2, 16, 16);
		mc_chroma(c, ref, mb->mv, 0, 0, 8);
		return;
	}
	for (i = 0; i < 16; i++) {
		struct vp8_mv mv = mb->bmv[i];
		int bx = (i & 3) * 4, by = (i >> 2) * 4;

		mc_block(c, &ref->y, ws + by * VP8_WS_STRIDE + bx,
			 VP8_WS_STRIDE, x + bx + (mv.x >> 2),
			 y + by + (mv.y >> 2), (mv.x & 3) * 2,
			 (mv.y & 3) * 2, 4, 4);
	}
	for (j = 0; j < 2; j++)
		for (i = 0; i < 2; i++) {
			const struct vp8_mv *b = &mb->bmv[j * 8 + i * 2];
			struct vp8_mv mv;

			mv.x = avg4(b[0].x, b[1].x, b[4].x, b[5].x);
			mv.y = avg4(b[0].y, b[1].y, b[4].y, b[5].y);
			mc_chroma(c, ref, mv, i * 4, j * 4, 4);
		}
}
