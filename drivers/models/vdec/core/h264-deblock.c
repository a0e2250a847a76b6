// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 deblocking filter (8.7) of a decoded frame:
 * boundary strengths, luma and chroma edge filters. Runs macroblock by
 * macroblock in raster order once all slices of the picture are decoded.
 */
#include "h264.h"

/* Filtering of the samples across one edge point (8.7.2.3, 8.7.2.4) */
static void filter_point(u8 *q0p, int s, int bs, int alpha, int beta,
			 int tc0, bool chroma)
{
	int p0 = q0p[-s], p1 = q0p[-2 * s], q0 = q0p[0], q1 = q0p[s];
	int p2, q2, ap, aq;

	if (abs(p0 - q0) >= alpha || abs(p1 - p0) >= beta ||
	    abs(q1 - q0) >= beta)
		return;
	if (chroma) {
		if (bs < 4) {
			int tc = tc0 + 1;
			int d = h264_clip3(-tc, tc, (((q0 - p0) * 4) + (p1 - q1) + 4) >> 3);

			q0p[-s] = h264_clip_pixel(p0 + d);
			q0p[0] = h264_clip_pixel(q0 - d);
		} else {
			q0p[-s] = (2 * p1 + p0 + q1 + 2) >> 2;
			q0p[0] = (2 * q1 + q0 + p1 + 2) >> 2;
		}
		return;
	}
	p2 = q0p[-3 * s];
	q2 = q0p[2 * s];
	ap = abs(p2 - p0);
	aq = abs(q2 - q0);
	if (bs < 4) {
		int tc = tc0 + (ap < beta) + (aq < beta);
		int d = h264_clip3(-tc, tc, (((q0 - p0) * 4) + (p1 - q1) + 4) >> 3);

		q0p[-s] = h264_clip_pixel(p0 + d);
		q0p[0] = h264_clip_pixel(q0 - d);
		if (ap < beta)
			q0p[-2 * s] = p1 + h264_clip3(-tc0, tc0,
						      (p2 + ((p0 + q0 + 1) >> 1) - 2 * p1) >> 1);
		if (aq < beta)
			q0p[s] = q1 + h264_clip3(-tc0, tc0,
						 (q2 + ((p0 + q0 + 1) >> 1) - 2 * q1) >> 1);
		return;
	}
	if (ap < beta && abs(p0 - q0) < ((alpha >> 2) + 2)) {
		int p3 = q0p[-4 * s];

		q0p[-s] = (p2 + 2 * p1 + 2 * p0 + 2 * q0 + q1 + 4) >> 3;
		q0p[-2 * s] = (p2 + p1 + p0 + q0 + 2) >> 2;
		q0p[-3 * s] = (2 * p3 + 3 * p2 + p1 + p0 + q0 + 4) >> 3;
	} else {
		q0p[-s] = (2 * p1 + p0 + q1 + 2) >> 2;
	}
	if (aq < beta && abs(p0 - q0) < ((alpha >> 2) + 2)) {
		int q3 = q0p[3 * s];

		q0p[0] = (p1 + 2 * p0 + 2 * q0 + 2 * q1 + q2 + 4) >> 3;
		q0p[s] = (p0 + q0 + q1 + q2 + 2) >> 2;
		q0p[2 * s] = (2 * q3 + 3 * q2 + q1 + q0 + p0 + 4) >> 3;
	} else {
		q0p[0] = (2 * q1 + q0 + p1 + 2) >> 2;
	}
}

/**
 * h264_deblock_edge() - filter an edge (8.7.2)
 * @pix: first sample after the edge (q0)
 * @s: bytes across the edge
 * @along: bytes along it
 * @n: samples along it, 16 luma, 8 chroma
 * @bs: bS per 4 luma samples (per 2 chroma samples)
 * @qp: qPav
 * @d: the slice's filter offsets
 * @chroma: chroma filtering
 */
void h264_deblock_edge(u8 *pix, int s, int along, int n, const u8 *bs,
		       int qp, const struct h264_dbk *d, bool chroma)
{
	int ia = h264_clip3(0, 51, qp + d->alpha);
	int ib = h264_clip3(0, 51, qp + d->beta);
	int alpha = h264_alpha[ia], beta = h264_beta[ib], k, seg;

	if (!alpha || !beta)
		return;
	/* per 4x4 block edge: 4 luma or 2 chroma points of one bS */
	for (seg = 0; seg < 4; seg++) {
		int b = bs[seg], tc0, m = n / 4;
		u8 *q0p = pix + seg * m * along;

		if (!b)
			continue;
		tc0 = b < 4 ? h264_tc0[ia][b - 1] : 0;
		for (k = 0; k < m; k++, q0p += along)
			filter_point(q0p, s, b, alpha, beta, tc0, chroma);
	}
}

static bool mv_far(const s16 *a, const s16 *b)
{
	return abs(a[0] - b[0]) >= 4 || abs(a[1] - b[1]) >= 4;
}

/* bS of an inter edge without coefficients (8.7.2.1) */
static int motion_bs(const struct h264_mb *p, int bp, const struct h264_mb *q,
		     int bq)
{
	int p8 = (bp >> 3) * 2 + ((bp & 3) >> 1), q8 = (bq >> 3) * 2 + ((bq & 3) >> 1);
	int pr0 = p->refpic[0][p8], pr1 = p->refpic[1][p8];
	int qr0 = q->refpic[0][q8], qr1 = q->refpic[1][q8];
	int np = (pr0 >= 0) + (pr1 >= 0), nq = (qr0 >= 0) + (qr1 >= 0);

	if (np != nq)
		return 1;
	if (np == 1) {
		int pr = pr0 >= 0 ? pr0 : pr1, ql = qr0 >= 0 ? 0 : 1;
		int pl = pr0 >= 0 ? 0 : 1;

		if (pr != (qr0 >= 0 ? qr0 : qr1))
			return 1;
		return mv_far(p->mv[pl][bp], q->mv[ql][bq]);
	}
	if (!((pr0 == qr0 && pr1 == qr1) || (pr0 == qr1 && pr1 == qr0)))
		return 1;
	if (pr0 != pr1) {
		if (pr0 == qr0)
			return mv_far(p->mv[0][bp], q->mv[0][bq]) ||
				mv_far(p->mv[1][bp], q->mv[1][bq]);
		return mv_far(p->mv[0][bp], q->mv[1][bq]) ||
			mv_far(p->mv[1][bp], q->mv[0][bq]);
	}
	return (mv_far(p->mv[0][bp], q->mv[0][bq]) ||
		mv_far(p->mv[1][bp], q->mv[1][bq])) &&
		(mv_far(p->mv[0][bp], q->mv[1][bq]) ||
		 mv_far(p->mv[1][bp], q->mv[0][bq]));
}

static int edge_bs(const struct h264_mb *p, int bp, const struct h264_mb *q,
		   int bq, bool mb_edge)
{
	if ((p->flags | q->flags) & MB_INTRA)
		return mb_edge ? 4 : 3;
	if (((p->nz >> bp) | (q->nz >> bq)) & 1)
		return 2;
	return motion_bs(p, bp, q, bq);
}

static bool any_bs(const u8 *bs)
{
	return bs[0] | bs[1] | bs[2] | bs[3];
}

static int chroma_qp(const struct h264_mb *m, const struct h264_dbk *d, int comp)
{
	return h264_chroma_qp[h264_clip3(0, 51, m->qp + d->chroma_qp_off[comp])];
}

/* One motion for the whole inter macroblock: no internal motion edges */
static bool uniform_motion(const struct h264_mb *m)
{
	int l, k;

	if (m->flags & MB_INTRA)
		return false;
	for (l = 0; l < 2; l++) {
		if (m->refpic[l][1] != m->refpic[l][0] ||
		    m->refpic[l][2] != m->refpic[l][0] ||
		    m->refpic[l][3] != m->refpic[l][0])
			return false;
		if (m->refpic[l][0] < 0)
			continue;
		for (k = 1; k < 16; k++)
			if (m->mv[l][k][0] != m->mv[l][0][0] ||
			    m->mv[l][k][1] != m->mv[l][0][1])
				return false;
	}
	return true;
}

/*
 * The four luma edges in one direction of macroblock @m and its chroma;
 * @uniform: see uniform_motion()
 */
static void mb_dir(struct h264_ctx *c, struct h264_mb *m, int mbx, int mby,
		   bool vert, bool uniform)
{
	struct vdec_pic *o = c->out;
	const struct h264_dbk *d = &c->dbk[m->slice];
	struct h264_mb *nb = NULL;
	int s = o->stride, e, k, comp;
	int across = vert ? 1 : s, along = vert ? s : 1;
	u8 *y = o->luma + mby * 16 * s + mbx * 16;
	u8 *uv = o->chroma + mby * 8 * s + mbx * 16;
	u8 bs[4][4];

	if (vert ? mbx > 0 : mby > 0) {
		nb = vert ? m - 1 : m - c->mbw;
		if (!nb->slice || (d->idc == 2 && nb->slice != m->slice))
			nb = NULL;
	}
	for (e = 0; e < 4; e++) {
		const struct h264_mb *p = e ? m : nb;

		if (!p || (e & 1 && (m->flags & MB_T8X8)) ||
		    (e && uniform && !m->nz)) {
			memset(bs[e], 0, 4);
			continue;
		}
		for (k = 0; k < 4; k++) {
			int bq = vert ? k * 4 + e : e * 4 + k;
			int bp = e ? (vert ? bq - 1 : bq - 4) :
				(vert ? k * 4 + 3 : 12 + k);

			if (e && uniform)
				bs[e][k] = ((m->nz >> bp) | (m->nz >> bq)) & 1 ?
					2 : 0;
			else
				bs[e][k] = edge_bs(p, bp, m, bq, !e);
		}
		if (any_bs(bs[e]))
			h264_deblock_edge(y + e * 4 * across, across, along, 16,
					  bs[e], (p->qp + m->qp + 1) >> 1, d,
					  false);
	}
	for (comp = 0; comp < 2; comp++)
		for (e = 0; e < 4; e += 2) {
			const struct h264_mb *p = e ? m : nb;
			int cq = comp ^ c->cb_off;

			if (!p || !any_bs(bs[e]))
				continue;
			h264_deblock_edge(uv + cq + e * 2 * (vert ? 2 : s),
					  vert ? 2 : s, vert ? s : 2, 8, bs[e],
					  (chroma_qp(p, d, comp) +
					   chroma_qp(m, d, comp) + 1) >> 1,
					  d, true);
		}
}

/**
 * h264_deblock() - deblock the decoded macroblocks of the picture
 * @c: decoder
 */
void h264_deblock(struct h264_ctx *c)
{
	int x, y;

	for (y = 0; y < c->mbh; y++)
		for (x = 0; x < c->mbw; x++) {
			struct h264_mb *m = &c->mbs[y * c->mbw + x];

			bool u;

			if (!m->slice || c->dbk[m->slice].idc == 1)
				continue;
			u = uniform_motion(m);
			mb_dir(c, m, x, y, true, u);
			mb_dir(c, m, x, y, false, u);
		}
}
