// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: VP8 loop filter (RFC 6386 15): normal and
 * simple filters on macroblock and subblock edges, run over the whole
 * frame once every macroblock is reconstructed.
 */
#include "vp8.h"

static inline int s8c(int v)
{
	return v < -128 ? -128 : v > 127 ? 127 : v;
}

#define U2S(v)	((int)(v) - 128)
#define S2U(v)	((u8)((v) + 128))

/* Simple filter on n pixels of an edge: @step crosses it, @along runs it */
static void simple_edge(u8 *q, int step, int along, int n, int limit)
{
	int i;

	for (i = 0; i < n; i++, q += along) {
		int p1 = q[-2 * step], p0 = q[-step], q0 = q[0], q1 = q[step];
		int a, f1, f2;

		if (abs(p0 - q0) * 2 + abs(p1 - q1) / 2 > limit)
			continue;
		a = s8c(s8c(U2S(p1) - U2S(q1)) + 3 * (U2S(q0) - U2S(p0)));
		f1 = s8c(a + 4) >> 3;
		f2 = s8c(a + 3) >> 3;
		q[0] = S2U(s8c(U2S(q0) - f1));
		q[-step] = S2U(s8c(U2S(p0) + f2));
	}
}

struct lf_lim {
	int e;		/* edge limit */
	int i;		/* interior limit */
	int t;		/* high edge variance threshold */
};

static inline bool normal_mask(const u8 *q, int s, const struct lf_lim *l)
{
	int p3 = q[-4 * s], p2 = q[-3 * s], p1 = q[-2 * s], p0 = q[-s];
	int q0 = q[0], q1 = q[s], q2 = q[2 * s], q3 = q[3 * s];

	return abs(p0 - q0) * 2 + abs(p1 - q1) / 2 <= l->e &&
	       abs(p3 - p2) <= l->i && abs(p2 - p1) <= l->i &&
	       abs(p1 - p0) <= l->i && abs(q1 - q0) <= l->i &&
	       abs(q2 - q1) <= l->i && abs(q3 - q2) <= l->i;
}

static void inner_edge(u8 *q, int s, int along, int n, const struct lf_lim *l)
{
	int k;

	for (k = 0; k < n; k++, q += along) {
		int p1, p0, q0, q1, a, f1, f2;
		bool hev;

		if (!normal_mask(q, s, l))
			continue;
		p1 = U2S(q[-2 * s]);
		p0 = U2S(q[-s]);
		q0 = U2S(q[0]);
		q1 = U2S(q[s]);
		hev = abs(p1 - p0) > l->t || abs(q1 - q0) > l->t;
		a = s8c((hev ? s8c(p1 - q1) : 0) + 3 * (q0 - p0));
		f1 = s8c(a + 4) >> 3;
		f2 = s8c(a + 3) >> 3;
		q[0] = S2U(s8c(q0 - f1));
		q[-s] = S2U(s8c(p0 + f2));
		if (!hev) {
			a = (f1 + 1) >> 1;
			q[s] = S2U(s8c(q1 - a));
			q[-2 * s] = S2U(s8c(p1 + a));
		}
	}
}

static void mb_edge(u8 *q, int s, int along, int n, const struct lf_lim *l)
{
	int k;

	for (k = 0; k < n; k++, q += along) {
		int p2, p1, p0, q0, q1, q2, w, a;

		if (!normal_mask(q, s, l))
			continue;
		p2 = U2S(q[-3 * s]);
		p1 = U2S(q[-2 * s]);
		p0 = U2S(q[-s]);
		q0 = U2S(q[0]);
		q1 = U2S(q[s]);
		q2 = U2S(q[2 * s]);
		w = s8c(s8c(p1 - q1) + 3 * (q0 - p0));
		if (abs(p1 - p0) > l->t || abs(q1 - q0) > l->t) {
			q[0] = S2U(s8c(q0 - (s8c(w + 4) >> 3)));
			q[-s] = S2U(s8c(p0 + (s8c(w + 3) >> 3)));
			continue;
		}
		a = s8c((27 * w + 63) >> 7);
		q[0] = S2U(s8c(q0 - a));
		q[-s] = S2U(s8c(p0 + a));
		a = s8c((18 * w + 63) >> 7);
		q[s] = S2U(s8c(q1 - a));
		q[-2 * s] = S2U(s8c(p1 + a));
		a = s8c((9 * w + 63) >> 7);
		q[2 * s] = S2U(s8c(q2 - a));
		q[-3 * s] = S2U(s8c(p2 + a));
	}
}

static void filter_simple(struct vp8_ctx *c, int mbx, int mby,
			  const struct vp8_lf_mb *m)
{
	int stride = c->out->stride, level = m->level, k;
	int mbe = (level + 2) * 2 + c->interior[level];
	int sbe = level * 2 + c->interior[level];
	u8 *y = c->out->luma + mby * 16 * stride + mbx * 16;

	if (mbx)
		simple_edge(y, 1, stride, 16, mbe);
	if (m->inner)
		for (k = 4; k < 16; k += 4)
			simple_edge(y + k, 1, stride, 16, sbe);
	if (mby)
		simple_edge(y, stride, 1, 16, mbe);
	if (m->inner)
		for (k = 4; k < 16; k += 4)
			simple_edge(y + k * stride, stride, 1, 16, sbe);
}

static void filter_normal(struct vp8_ctx *c, int mbx, int mby,
			  const struct vp8_lf_mb *m)
{
	int stride = c->out->stride, level = m->level, k, pl;
	struct lf_lim mbl = { (level + 2) * 2 + c->interior[level],
			      c->interior[level], c->hev_thresh[level] };
	struct lf_lim sbl = { level * 2 + c->interior[level],
			      c->interior[level], c->hev_thresh[level] };
	u8 *y = c->out->luma + mby * 16 * stride + mbx * 16;
	u8 *uv = c->out->chroma + mby * 8 * stride + mbx * 16;

	if (mbx) {
		mb_edge(y, 1, stride, 16, &mbl);
		for (pl = 0; pl < 2; pl++)
			mb_edge(uv + pl, 2, stride, 8, &mbl);
	}
	if (m->inner) {
		for (k = 4; k < 16; k += 4)
			inner_edge(y + k, 1, stride, 16, &sbl);
		for (pl = 0; pl < 2; pl++)
			inner_edge(uv + pl + 8, 2, stride, 8, &sbl);
	}
	if (mby) {
		mb_edge(y, stride, 1, 16, &mbl);
		for (pl = 0; pl < 2; pl++)
			mb_edge(uv + pl, stride, 2, 8, &mbl);
	}
	if (m->inner) {
		for (k = 4; k < 16; k += 4)
			inner_edge(y + k * stride, stride, 1, 16, &sbl);
		for (pl = 0; pl < 2; pl++)
			inner_edge(uv + pl + 4 * stride, stride, 2, 8, &sbl);
	}
}

/**
 * vp8_loop_filter() - filter the reconstructed frame in c->out
 * @c: decoder, with c->lf filled for every macroblock
 */
void vp8_loop_filter(struct vp8_ctx *c)
{
	bool simple = c->p->lf.flags & VDEC_VP8_LF_SIMPLE;
	int x, y;

	if (!c->p->lf.level)
		return;
	for (y = 0; y < c->mb_h; y++)
		for (x = 0; x < c->mb_w; x++) {
			const struct vp8_lf_mb *m = &c->lf[y * c->mb_w + x];

			if (!m->level)
				continue;
			if (simple)
				filter_simple(c, x, y, m);
			else
				filter_normal(c, x, y, m);
		}
}
