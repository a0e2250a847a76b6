// SPDX-License-Identifier: GPL-2.0
/*
 * vsoc-vdec decode core: H.264 CABAC (9.3). Not yet.
 */
#include "h264.h"

int h264_cabac_slice_start(struct h264_ctx *c)
{
	c->unsupported = true;
	return -1;
}

int h264_cabac_mb(struct h264_ctx *c, bool *end_of_slice)
{
	*end_of_slice = true;
	return -1;
}
