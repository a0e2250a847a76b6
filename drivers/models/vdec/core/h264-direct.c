// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 direct prediction of B_Skip, B_Direct_16x16
 * and B_Direct_8x8 (8.4.1.2). Not yet: returns -1.
 */
#include "h264.h"

/**
 * h264_direct() - motion of one 8x8 block predicted in direct mode
 * @c: decoder
 * @blk8: the 8x8 block (0..3)
 *
 * Return: 0, or -1 when it cannot be predicted.
 */
int h264_direct(struct h264_ctx *c, int blk8)
{
	static const s16 zero[2];
	int x = (blk8 & 1) * 2, y = (blk8 >> 1) * 2;

	h264_set_motion(c, 0, x, y, 2, 2, -1, zero);
	h264_set_motion(c, 1, x, y, 2, 2, -1, zero);
	c->unsupported = true;
	return 0;
}
