// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 motion vector prediction (8.4.1): the
 * neighbouring partitions, median and directional prediction, P_Skip.
 */
#include "h264.h"

struct nb {
	bool avail;
	int ref;
	s16 mv[2];
};

/* Partition data of the 4x4 block (bx, by) relative to the macroblock */
static void get_nb(struct h264_ctx *c, int list, int bx, int by,
		   struct nb *n)
{
	int blk;
	struct h264_mb *m = h264_nb_blk(c, bx, by, &blk);

	if (!m) {
		n->avail = false;
		n->ref = -1;
		n->mv[0] = 0;
		n->mv[1] = 0;
		return;
	}
	n->avail = true;
	n->ref = m->ref[list][(blk >> 3) * 2 + ((blk & 3) >> 1)];
	n->mv[0] = m->mv[list][blk][0];
	n->mv[1] = m->mv[list][blk][1];
}

/* Is the block C at (bx, by) decoded when the partition at (x, y) is? */
static bool c_decoded(int x, int y, int bx, int by)
{
	if (by < 0)
		return true;
	if (bx > 3)
		return false;
	return h264_blk_zz[by * 4 + bx] < h264_blk_zz[y * 4 + x];
}

static void nb_abc(struct h264_ctx *c, int list, int x, int y, int w,
		   struct nb *a, struct nb *b, struct nb *cc)
{
	get_nb(c, list, x - 1, y, a);
	get_nb(c, list, x, y - 1, b);
	if (c_decoded(x, y, x + w, y - 1))
		get_nb(c, list, x + w, y - 1, cc);
	else
		cc->avail = false;
	if (!cc->avail)
		get_nb(c, list, x - 1, y - 1, cc);
}

/**
 * h264_mv_pred() - mvpLX of a partition (8.4.1.3)
 * @c: decoder, with the motion of the earlier partitions set
 * @list: 0 or 1
 * @x: partition position, 4x4 blocks
 * @y: see @x
 * @w: partition size, 4x4 blocks
 * @h: see @w
 * @ref: refIdxLX of the partition
 * @mvp: set to the prediction
 */
void h264_mv_pred(struct h264_ctx *c, int list, int x, int y, int w, int h,
		  int ref, s16 *mvp)
{
	struct nb a, b, cc;
	int match;

	nb_abc(c, list, x, y, w, &a, &b, &cc);
	if (w == 4 && h == 2) {
		if (y == 0 && b.ref == ref) {
			mvp[0] = b.mv[0];
			mvp[1] = b.mv[1];
			return;
		}
		if (y == 2 && a.ref == ref) {
			mvp[0] = a.mv[0];
			mvp[1] = a.mv[1];
			return;
		}
	} else if (w == 2 && h == 4) {
		if (x == 0 && a.ref == ref) {
			mvp[0] = a.mv[0];
			mvp[1] = a.mv[1];
			return;
		}
		if (x == 2 && cc.ref == ref) {
			mvp[0] = cc.mv[0];
			mvp[1] = cc.mv[1];
			return;
		}
	}
	if (!b.avail && !cc.avail && a.avail) {
		mvp[0] = a.mv[0];
		mvp[1] = a.mv[1];
		return;
	}
	match = (a.ref == ref) + (b.ref == ref) + (cc.ref == ref);
	if (match == 1) {
		const struct nb *n = a.ref == ref ? &a : b.ref == ref ? &b : &cc;

		mvp[0] = n->mv[0];
		mvp[1] = n->mv[1];
		return;
	}
	mvp[0] = h264_median(a.mv[0], b.mv[0], cc.mv[0]);
	mvp[1] = h264_median(a.mv[1], b.mv[1], cc.mv[1]);
}

/**
 * h264_mv_skip() - the motion vector of a P_Skip macroblock (8.4.1.1)
 * @c: decoder
 * @mv: set to the vector (refIdxL0 is 0)
 */
void h264_mv_skip(struct h264_ctx *c, s16 *mv)
{
	struct nb a, b;

	get_nb(c, 0, -1, 0, &a);
	get_nb(c, 0, 0, -1, &b);
	if (!a.avail || !b.avail ||
	    (a.ref == 0 && !a.mv[0] && !a.mv[1]) ||
	    (b.ref == 0 && !b.mv[0] && !b.mv[1])) {
		mv[0] = 0;
		mv[1] = 0;
		return;
	}
	h264_mv_pred(c, 0, 0, 0, 4, 4, 0, mv);
}

/**
 * h264_set_motion() - set the motion of a rectangle of 4x4 blocks of the
 *	current macroblock
 * @c: decoder
 * @list: 0 or 1
 * @x: position, 4x4 blocks
 * @y: see @x
 * @w: size, 4x4 blocks
 * @h: see @w
 * @ref: reference index, -1 none
 * @mv: motion vector
 */
void h264_set_motion(struct h264_ctx *c, int list, int x, int y, int w,
		     int h, int ref, const s16 *mv)
{
	struct h264_mb *m = c->mb;
	int pic = ref >= 0 ? c->sl.list[list][ref] : -1, i, j;

	for (j = y; j < y + h; j++)
		for (i = x; i < x + w; i++) {
			m->mv[list][j * 4 + i][0] = mv[0];
			m->mv[list][j * 4 + i][1] = mv[1];
		}
	for (j = y >> 1; j <= (y + h - 1) >> 1; j++)
		for (i = x >> 1; i <= (x + w - 1) >> 1; i++) {
			m->ref[list][j * 2 + i] = ref;
			m->refpic[list][j * 2 + i] = pic;
		}
}
